// 工作要点助手的 VS Code 扩展(客户端):启动语言服务器,自动识别工作要点文档,
// 提供命令、“按责任单位查看任务”视图和状态栏统计。检查、修复、大纲等都由语言服务器提供。
// The VS Code client: starts the language server, detects 工作要点 documents, and adds the
// commands, the tasks-by-unit view and the status-bar counts. Checking, fixes, symbols, folding,
// navigation and completion all come from the language server (dist/server.js).

import * as vscode from 'vscode';
import { ActiveDocument } from './activeDocument';
import { registerAutoDetect } from './autoDetect';
import { registerCommands } from './commands';
import { registerDocx } from './docx';
import { isYaodian, YaodianServer } from './languageClient';
import { registerLintWorkspace } from './lintWorkspace';
import { StatsStatusBar } from './statusBar';
import { TasksByUnitView } from './tasksView';
import { registerComparisonView, type ComparisonView } from './comparisonView';

let server: YaodianServer | undefined;

/** What the extension exports: handy for tests in the extension host. */
export interface YaodianApi {
  /** Resolves when the language server is running (it starts with the first yaodian document). */
  ready(): Promise<void>;
  /** The status-bar numbers now shown, if any. */
  stats(): unknown;
  /** The comparison view (任务分解表对照): what it shows, and a click on a line (for tests). */
  comparison: Pick<ComparisonView, 'state' | 'onDidRender' | 'click'>;
}

export function activate(context: vscode.ExtensionContext): YaodianApi {
  const yaodian = new YaodianServer(context);
  server = yaodian;
  const active = new ActiveDocument();
  const view = new TasksByUnitView(yaodian, active);
  const statusBar = new StatsStatusBar(yaodian, active);
  const comparison = registerComparisonView(yaodian, active, context.extensionUri);

  // The server starts with the first yaodian document: activation for auto-detect alone
  // (a plain-text file was opened) does not start a process.
  const startIfNeeded = (doc: vscode.TextDocument): void => {
    if (isYaodian(doc)) {
      yaodian.start().then(
        () => {
          void statusBar.refresh();
          void view.refresh();
        },
        (err: unknown) => {
          void vscode.window.showErrorMessage(
            vscode.l10n.t('工作要点助手: the language server could not start: {0}', err instanceof Error ? err.message : String(err)),
          );
        },
      );
    }
  };

  context.subscriptions.push(
    active,
    view,
    statusBar,
    registerCommands(yaodian, active, view),
    registerAutoDetect(),
    comparison,
    registerLintWorkspace(context),
    registerDocx(),
    vscode.workspace.onDidOpenTextDocument(startIfNeeded),
  );
  vscode.workspace.textDocuments.forEach(startIfNeeded);

  return {
    ready: async () => {
      await yaodian.start();
    },
    stats: () => statusBar.stats,
    comparison,
  };
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  if (s) await s.dispose();
}
