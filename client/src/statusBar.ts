// 状态栏:当前工作要点文档的条目、任务、附件行数和错误数(服务器命令 yaodian.server.stats),
// 诊断更新时刷新;点击打开“问题”面板。
// The status-bar item for the current yaodian document: items, tasks, annex rows and errors from
// `yaodian.server.stats`, refreshed when its diagnostics change; a click opens the Problems panel.

import * as vscode from 'vscode';
import type { ActiveDocument } from './activeDocument';
import type { YaodianServer } from './languageClient';
import { ServerCommand, type DocumentStats } from '../../server/src/protocol';

export class StatsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private last: DocumentStats | undefined;

  constructor(
    private readonly server: YaodianServer,
    private readonly active: ActiveDocument,
  ) {
    this.item = vscode.window.createStatusBarItem('yaodian.stats', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('工作要点助手 statistics');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      this.item,
      active.onDidChange(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = this.active.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.schedule();
      }),
    );
    void this.refresh();
  }

  /** The numbers shown now (undefined while there is no yaodian document). */
  get stats(): DocumentStats | undefined {
    return this.last;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, 200);
  }

  async refresh(): Promise<void> {
    const doc = this.active.document;
    const generation = ++this.generation;
    if (!doc) {
      this.last = undefined;
      this.item.hide();
      return;
    }
    try {
      const s = await this.server.command<DocumentStats>(ServerCommand.stats, doc);
      if (generation !== this.generation) return;
      this.last = s;
      this.item.text = `$(checklist) ${vscode.l10n.t('Items {0} · Tasks {1} · Annex {2} rows · Errors {3}', s.items, s.tasks, s.rows, s.errors)}`;
      this.item.tooltip = vscode.l10n.t(
        '{0} outline items, {1} tasks, {2} annex rows; {3} errors and {4} warnings. Click to open the Problems panel.',
        s.items,
        s.tasks,
        s.rows,
        s.errors,
        s.warnings,
      );
      this.item.show();
    } catch {
      // An older server without the command, or a server restarting: show nothing rather than a stale count.
      if (generation !== this.generation) return;
      this.last = undefined;
      this.item.hide();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}
