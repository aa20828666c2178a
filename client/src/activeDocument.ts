// 当前的工作要点文档:状态栏、任务视图和命令都针对它。焦点移到视图或输出面板时保持不变,
// 并设置上下文键 `yaodian.active`,供视图和菜单的 when 子句使用。
// The yaodian document the status bar, the tree view and the commands work on. It stays the same
// while the focus is in a view or the output panel, and sets the context key `yaodian.active`.

import * as vscode from 'vscode';
import { isYaodian } from './languageClient';

export const ACTIVE_CONTEXT_KEY = 'yaodian.active';

export class ActiveDocument implements vscode.Disposable {
  private current: vscode.TextDocument | undefined;
  private contextValue: boolean | undefined;
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires when the current yaodian document changes (undefined: there is none). */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscriptions.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.update()),
      // A language change closes and reopens the document.
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      vscode.workspace.onDidCloseTextDocument(() => this.update()),
    );
    this.update();
  }

  get document(): vscode.TextDocument | undefined {
    return this.current;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    let next: vscode.TextDocument | undefined;
    if (editor && editor.document.uri.scheme !== 'output') {
      next = isYaodian(editor.document) ? editor.document : undefined;
    } else {
      // The focus is in the output panel, or no editor is active: keep the document while it is shown.
      const prev = this.current;
      next = isYaodian(prev) && vscode.window.visibleTextEditors.some((e) => e.document === prev) ? prev : undefined;
    }
    const active = next !== undefined;
    if (active !== this.contextValue) {
      this.contextValue = active;
      void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, active);
    }
    if (next !== this.current) {
      this.current = next;
      this.emitter.fire(next);
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
