// “按责任单位查看任务”视图:单位 → 任务(职责、时间节点、行号),点击任务跳到正文。
// 数据来自服务器命令 yaodian.server.tasksByUnit;当前文档切换或其诊断更新时刷新。
// The tasks-by-unit tree: units → tasks (role, time node and line), a click reveals the task.
// Data from `yaodian.server.tasksByUnit`; refreshed when the current document or its diagnostics change.

import * as vscode from 'vscode';
import type { ActiveDocument } from './activeDocument';
import { shorten } from './format';
import type { YaodianServer } from './languageClient';
import { ServerCommand, type Range, type TaskData, type TasksByUnit, type UnitRole } from '../../server/src/protocol';

export const VIEW_ID = 'yaodian.tasksByUnitView';

interface UnitNode {
  kind: 'unit';
  /** Null for the group of tasks without a unit. */
  name: string | null;
  tasks: TaskNode[];
}

interface TaskNode {
  kind: 'task';
  task: TaskData;
  parent: UnitNode;
}

type Node = UnitNode | TaskNode;

function roleName(role: UnitRole | undefined): string | undefined {
  switch (role) {
    case 'lead':
      return vscode.l10n.t('lead');
    case 'support':
      return vscode.l10n.t('support');
    case 'responsible':
      return vscode.l10n.t('responsible');
    default:
      return undefined;
  }
}

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class TasksByUnitView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private roots: UnitNode[] = [];
  private uri: vscode.Uri | undefined;
  /** The data is out of date and the view was hidden: fetch when it is shown. */
  private stale = true;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private latest: Promise<void> | undefined;

  constructor(
    private readonly server: YaodianServer,
    private readonly active: ActiveDocument,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changed,
      active.onDidChange(() => void this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = this.active.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.schedule();
      }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) void this.refresh();
      }),
    );
    void this.refresh();
  }

  /** Shows the view and loads the current document's tasks. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await this.refresh(true);
    // Showing the view may have started another load: wait for the last one.
    let seen: Promise<void> | undefined;
    while (seen !== this.latest) {
      seen = this.latest;
      await seen;
    }
  }

  /** The data shown now (for tests and the command's return value). */
  get data(): { uri: string | undefined; units: { name: string | null; tasks: number }[] } {
    return { uri: this.uri?.toString(), units: this.roots.map((u) => ({ name: u.name, tasks: u.tasks.length })) };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, 300);
  }

  /** Loads the current document's tasks; while the view is hidden only when `force` is set. */
  refresh(force = false): Promise<void> {
    this.latest = this.load(force);
    return this.latest;
  }

  private async load(force: boolean): Promise<void> {
    const doc = this.active.document;
    const generation = ++this.generation;
    if (!doc) {
      this.show(undefined, []);
      this.view.message = vscode.l10n.t('Open a 工作要点 document to see its tasks by responsible unit.');
      this.view.description = undefined;
      return;
    }
    if (!this.view.visible && !force) {
      this.stale = true;
      return;
    }
    this.stale = false;
    try {
      const data = await this.server.command<TasksByUnit>(ServerCommand.tasksByUnit, doc);
      if (generation !== this.generation) return;
      this.show(doc.uri, this.nodes(data));
      this.view.message = this.roots.length === 0 ? vscode.l10n.t('No tasks found in this document.') : undefined;
      this.view.description = shorten(doc.uri.path.replace(/^.*\//, ''), 24);
    } catch (err) {
      if (generation !== this.generation) return;
      this.show(doc.uri, []);
      this.view.message = vscode.l10n.t('Could not list the tasks: {0}', err instanceof Error ? err.message : String(err));
    }
  }

  private nodes(data: TasksByUnit): UnitNode[] {
    const group = (name: string | null, tasks: TaskData[]): UnitNode => {
      const unit: UnitNode = { kind: 'unit', name, tasks: [] };
      unit.tasks = tasks.map((task) => ({ kind: 'task', task, parent: unit }));
      return unit;
    };
    const roots = (data.units ?? []).map((u) => group(u.name, u.tasks ?? []));
    if ((data.withoutUnit ?? []).length > 0) roots.push(group(null, data.withoutUnit));
    return roots;
  }

  private show(uri: vscode.Uri | undefined, roots: UnitNode[]): void {
    this.uri = uri;
    this.roots = roots;
    this.changed.fire(undefined);
  }

  getChildren(element?: Node): Node[] {
    if (!element) return this.roots;
    return element.kind === 'unit' ? element.tasks : [];
  }

  getParent(element: Node): Node | undefined {
    return element.kind === 'task' ? element.parent : undefined;
  }

  getTreeItem(element: Node): vscode.TreeItem {
    if (element.kind === 'unit') {
      const label = element.name ?? vscode.l10n.t('(no responsible unit)');
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `unit:${element.name ?? ''}`;
      item.description = vscode.l10n.t('{0} tasks', element.tasks.length);
      item.iconPath = new vscode.ThemeIcon(element.name === null ? 'warning' : 'organization');
      item.contextValue = element.name === null ? 'yaodian.noUnit' : 'yaodian.unit';
      return item;
    }
    const { task } = element;
    const item = new vscode.TreeItem(shorten(task.text), vscode.TreeItemCollapsibleState.None);
    const parts = [roleName(task.role), task.time ?? vscode.l10n.t('no time node'), vscode.l10n.t('line {0}', task.line)];
    item.description = parts.filter((p): p is string => p !== undefined).join(' · ');
    item.tooltip = new vscode.MarkdownString().appendText(task.text);
    item.iconPath = new vscode.ThemeIcon(task.role === 'lead' ? 'star-full' : task.role === 'support' ? 'circle-outline' : 'circle-filled');
    item.contextValue = 'yaodian.task';
    if (this.uri) {
      const options: vscode.TextDocumentShowOptions = { selection: toRange(task.range), preserveFocus: false };
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Go to task'), arguments: [this.uri, options] };
    }
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}
