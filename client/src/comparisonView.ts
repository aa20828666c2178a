// 任务分解表对照:在文档旁打开的 webview,逐行显示任务分解表与正文的对照、差异和图表。
// 数据由语言服务器计算(yaodian/comparison 请求),视图随编辑实时更新;单击某行即在编辑器中定位,
// 快速修复经编辑器的代码操作应用。
// "任务分解表对照" (yaodian.showComparison): a webview beside the document with one line per
// annex row against its body text, and the charts. The language server computes the data
// (request yaodian/comparison); the view follows the document's edits, reveals a clicked line in
// the editor, and applies quick fixes through the editor's own code actions.

import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { ActiveDocument } from './activeDocument';
import type { FromView, ToView, ViewStrings } from './comparisonMessages';
import { isYaodian, type YaodianServer } from './languageClient';
import { COMPARISON_REQUEST, type ComparisonResult } from '../../server/src/review/protocol';

export const SHOW_COMPARISON_COMMAND = 'yaodian.showComparison';
const VIEW_TYPE = 'yaodian.comparison';
/** Edits arrive per keystroke: the view asks again once typing pauses. */
const UPDATE_DELAY_MS = 300;

/** What the view shows now, for tests (the extension's API). */
export interface ComparisonState {
  uri: string;
  /** The document version the view shows. */
  version: number;
  /** Lines in view after the filter, all lines, and lines with a problem. */
  shown: number;
  total: number;
  problems: number;
  /** What became of the last fix asked for from the page. */
  lastFix?: 'applied' | 'not offered' | 'stale' | 'failed';
}

export class ComparisonView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private result: ComparisonResult | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private rendered: ComparisonState | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<ComparisonState>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires each time the page has drawn a review. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly server: YaodianServer,
    active: ActiveDocument,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions.push(
      this.renderedEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.schedule();
      }),
      // The view follows the yaodian document being edited.
      active.onDidChange((doc) => {
        if (this.panel && doc && doc !== this.document) {
          this.document = doc;
          void this.refresh();
        }
      }),
    );
  }

  get state(): ComparisonState | undefined {
    return this.rendered;
  }

  /** Opens the view beside the document (or brings it forward) and shows this document. */
  async show(doc: vscode.TextDocument): Promise<void> {
    this.document = doc;
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        vscode.l10n.t('Task table vs body'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')] },
      );
      this.panel = panel;
      this.ready = false;
      panel.webview.html = this.html(panel.webview);
      panel.webview.onDidReceiveMessage((m: FromView) => void this.receive(m), undefined, this.subscriptions);
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.rendered = undefined;
        this.result = undefined;
      });
    }
    await this.refresh();
  }

  /** Disposed with the view. */
  register(d: vscode.Disposable): void {
    this.subscriptions.push(d);
  }

  /** Test hook: clicks what `selector` names in the page (`tr.line[data-index="40"]`), as a user would. */
  click(selector: string): void {
    void this.post({ type: 'click', selector });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), UPDATE_DELAY_MS);
  }

  /** Asks the server for the review of the document's present version and sends it to the page. */
  private async refresh(): Promise<void> {
    const doc = this.document;
    if (!this.panel || !isYaodian(doc)) return;
    try {
      const client = await this.server.start();
      const result = await client.sendRequest<ComparisonResult | null>(COMPARISON_REQUEST, { uri: client.code2ProtocolConverter.asUri(doc.uri) });
      // A newer edit or another document came meanwhile: its own refresh will follow.
      if (!result || doc !== this.document || result.version !== doc.version) return;
      this.result = result;
      this.panel.title = vscode.l10n.t('Task table vs body: {0}', baseName(doc.uri));
      await this.sendResult();
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('工作要点助手: {0}', err instanceof Error ? err.message : String(err)));
    }
  }

  private async sendResult(): Promise<void> {
    if (!this.ready || !this.result || !this.document) return;
    await this.post({ type: 'update', uri: this.document.uri.toString(), fileName: baseName(this.document.uri), version: this.result.version, review: this.result.review, strings: viewStrings(), lang: vscode.env.language });
  }

  private async post(message: ToView): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }

  private async receive(m: FromView): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        await this.sendResult();
        return;
      case 'rendered':
        this.rendered = { uri: m.uri, version: m.version, shown: m.shown, total: m.total, problems: m.problems, lastFix: this.rendered?.lastFix };
        this.renderedEmitter.fire(this.rendered);
        return;
      case 'reveal':
        await this.reveal(m.version, m.start, m.end);
        return;
      case 'fix':
        await this.applyFix(m.version, m.finding, m.fix);
        return;
    }
  }

  /** Shows the range in the document's editor (opening one beside the view if none shows it). */
  private async reveal(version: number, start: number, end: number): Promise<void> {
    const doc = this.document;
    if (!doc || doc.isClosed) return;
    if (version !== doc.version) return this.refresh();
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Applies fix `fix` of finding `finding` through the code actions the editor offers for it. */
  private async applyFix(version: number, findingIndex: number, fixIndex: number): Promise<void> {
    const outcome = await this.fix(version, findingIndex, fixIndex);
    if (this.rendered) this.rendered = { ...this.rendered, lastFix: outcome };
    if (outcome !== 'applied') await this.refresh();
  }

  private async fix(version: number, findingIndex: number, fixIndex: number): Promise<ComparisonState['lastFix']> {
    const doc = this.document;
    const finding = this.result?.review.findings[findingIndex];
    if (!doc || !finding || version !== doc.version || this.result?.version !== version) return 'stale';
    const title = finding.fixes[fixIndex];
    const range = new vscode.Range(doc.positionAt(finding.start), doc.positionAt(finding.end));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const ofFinding = (a: vscode.CodeAction): boolean => (a.diagnostics ?? []).some((d) => codeOf(d) === finding.ruleId && d.range.isEqual(range));
    const action = actions.find((a) => a.title === title && ofFinding(a)) ?? actions.find((a) => a.title === title);
    if (!action) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The fix is no longer offered: {0}', title));
      return 'not offered';
    }
    if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('工作要点助手: the edit could not be applied.'));
      return 'failed';
    }
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    return 'applied';
  }

  private html(webview: vscode.Webview): string {
    const nonce = makeNonce();
    const asset = (name: string): vscode.Uri => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', name));
    // Only this extension's script (with the nonce) and stylesheet; nothing remote, no inline code.
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource};`;
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('comparison.css').toString()}">
<title>${escapeHtml(vscode.l10n.t('Task table vs body'))}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${nonce}" src="${asset('comparison.js').toString()}"></script>
</body>
</html>`;
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function makeNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The page's strings in the display language (l10n/bundle.l10n.*.json). */
function viewStrings(): ViewStrings {
  return {
    cells: {
      lead: vscode.l10n.t('lead'),
      support: vscode.l10n.t('support'),
      responsible: vscode.l10n.t('responsible'),
      identical: vscode.l10n.t('Same as the body'),
      noRow: vscode.l10n.t('No row in the task table'),
      noTask: vscode.l10n.t('No such task in the body'),
      onlyRow: vscode.l10n.t('Row only'),
      onlyBody: vscode.l10n.t('Body only'),
      invalidTime: vscode.l10n.t('Time node not understood'),
    },
    charts: {
      lead: vscode.l10n.t('lead'),
      responsible: vscode.l10n.t('responsible'),
      support: vscode.l10n.t('support'),
      month: vscode.l10n.t('Month {0}'),
      wholeYear: vscode.l10n.t('Whole year / recurring'),
      otherYear: vscode.l10n.t('Other years'),
      none: vscode.l10n.t('No time node'),
      moreUnits: vscode.l10n.t('{0} more units not shown'),
      noUnits: vscode.l10n.t('No responsible units'),
      tasks: vscode.l10n.t('{0} tasks'),
    },
    tabTable: vscode.l10n.t('Comparison'),
    tabCharts: vscode.l10n.t('Charts'),
    filterAll: vscode.l10n.t('All'),
    filterProblems: vscode.l10n.t('Problems only'),
    filterUnit: vscode.l10n.t('By unit…'),
    headSerial: vscode.l10n.t('No.'),
    headTask: vscode.l10n.t('Task (row vs body)'),
    headUnits: vscode.l10n.t('Units'),
    headTime: vscode.l10n.t('Time node'),
    headFindings: vscode.l10n.t('Findings'),
    summary: vscode.l10n.t('{0} of {1} lines · {2} errors · {3} warnings'),
    legendRemoved: vscode.l10n.t('in the body only'),
    legendAdded: vscode.l10n.t('in the row only'),
    gotoRow: vscode.l10n.t('Row, line {0}'),
    gotoBody: vscode.l10n.t('Body, line {0}'),
    applyFix: vscode.l10n.t('Fix: {0}'),
    noLines: vscode.l10n.t('No lines to show.'),
    unitsChart: vscode.l10n.t('Tasks per unit'),
    monthsChart: vscode.l10n.t('Time nodes by month'),
    kindPlan: vscode.l10n.t('Work plan (no task table)'),
    kindPlanWithAnnex: vscode.l10n.t('Work plan with task table'),
    kindTable: vscode.l10n.t('Task table'),
  };
}

/** The view and its command (`yaodian.showComparison`, optional document URI argument). */
export function registerComparisonView(server: YaodianServer, active: ActiveDocument, extensionUri: vscode.Uri): ComparisonView {
  const view = new ComparisonView(server, active, extensionUri);
  view.register(
    vscode.commands.registerCommand(SHOW_COMPARISON_COMMAND, async (arg?: unknown) => {
      let doc = active.document;
      if (arg instanceof vscode.Uri) doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString()) ?? (await vscode.workspace.openTextDocument(arg));
      if (!isYaodian(doc)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a 工作要点 document first.'));
        return;
      }
      await view.show(doc);
    }),
  );
  return view;
}
