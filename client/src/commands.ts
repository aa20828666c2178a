// 扩展命令:生成任务分解表、重新编号、按责任单位查看任务、导出任务分解表(CSV)。
// 编辑由服务器计算(WorkspaceEdit),客户端只负责应用;对话框、视图和文件写入在客户端。
// The extension's commands. The server computes the edits (WorkspaceEdit) and the CSV; the client
// applies them, shows the dialogs and the view, and writes the file.
//
// Each command takes an optional document URI first (editor title and context menus pass one);
// without it the current yaodian document is used. `yaodian.exportCsv` takes an optional target
// URI second, which skips the save dialog (for scripts and tests).

import * as vscode from 'vscode';
import { CURSOR_COMMAND, ServerCommand, type ServerCommandId } from '../../server/src/protocol';
import type { WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import type { ActiveDocument } from './activeDocument';
import { csvBytes, csvFileName } from './format';
import { isYaodian, UnsupportedCommandError, type YaodianServer } from './languageClient';
import type { TasksByUnitView } from './tasksView';

/** Documents larger than this get a progress notification while the server works. */
const LARGE_DOCUMENT_BYTES = 200 * 1024;

export function registerCommands(server: YaodianServer, active: ActiveDocument, view: TasksByUnitView): vscode.Disposable {
  /** The document a command works on: the URI it was given, else the current yaodian document. */
  async function target(arg: unknown): Promise<vscode.TextDocument | undefined> {
    let doc = active.document;
    if (arg instanceof vscode.Uri) {
      doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString()) ?? (await vscode.workspace.openTextDocument(arg));
    }
    if (!isYaodian(doc)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a 工作要点 document first.'));
      return undefined;
    }
    return doc;
  }

  function large(doc: vscode.TextDocument): boolean {
    const text = doc.getText();
    // A UTF-16 unit is at most 3 UTF-8 bytes: short texts need no count.
    return text.length * 3 > LARGE_DOCUMENT_BYTES && Buffer.byteLength(text, 'utf8') > LARGE_DOCUMENT_BYTES;
  }

  /** Runs a task, with a progress notification for a large document. */
  function withProgress<T>(doc: vscode.TextDocument, title: string, task: () => Promise<T>): Promise<T> {
    if (!large(doc)) return task();
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task));
  }

  function reportError(err: unknown): void {
    const message =
      err instanceof UnsupportedCommandError
        ? vscode.l10n.t('The language server does not support {0}.', err.command)
        : err instanceof Error
          ? err.message
          : String(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('工作要点助手: {0}', message));
  }

  /** Whether an edit changes any text (a generated table equal to the present one does not). */
  function changes(edit: vscode.WorkspaceEdit): boolean {
    return edit.entries().some(([uri, edits]) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return edits.some((e) => !doc || doc.getText(e.range) !== e.newText);
    });
  }

  /**
   * Asks the server for an edit and applies it. Returns whether the document changed. The edit is
   * dropped when the document changed while the server computed it.
   */
  async function applyServerEdit(
    arg: unknown,
    serverCommand: ServerCommandId,
    progressTitle: string,
    nothingToDo: string,
  ): Promise<boolean> {
    const doc = await target(arg);
    if (!doc) return false;
    try {
      return await withProgress(doc, progressTitle, async () => {
        const version = doc.version;
        const lspEdit = await server.command<LspWorkspaceEdit | null>(serverCommand, doc);
        const client = await server.start();
        const edit = await client.protocol2CodeConverter.asWorkspaceEdit(lspEdit);
        if (doc.version !== version) {
          void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while the edit was prepared. Run the command again.'));
          return false;
        }
        if (!edit || !changes(edit)) {
          void vscode.window.showInformationMessage(nothingToDo);
          return false;
        }
        const applied = await vscode.workspace.applyEdit(edit);
        if (!applied) void vscode.window.showErrorMessage(vscode.l10n.t('工作要点助手: the edit could not be applied.'));
        return applied;
      });
    } catch (err) {
      reportError(err);
      return false;
    }
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand(CURSOR_COMMAND, (uri: string, line: number, character: number) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.uri.toString() !== uri) return;
      const at = new vscode.Position(line, character);
      editor.selection = new vscode.Selection(at, at);
    }),
    vscode.commands.registerCommand('yaodian.generateAnnex', (arg?: unknown) =>
      applyServerEdit(
        arg,
        ServerCommand.generateAnnex,
        vscode.l10n.t('Generating the task table…'),
        vscode.l10n.t('The task table is already up to date.'),
      ),
    ),
    vscode.commands.registerCommand('yaodian.renumber', (arg?: unknown) =>
      applyServerEdit(arg, ServerCommand.renumber, vscode.l10n.t('Renumbering the outline…'), vscode.l10n.t('The outline numbering is already in order.')),
    ),
    vscode.commands.registerCommand('yaodian.tasksByUnit', async (arg?: unknown) => {
      const doc = await target(arg);
      if (!doc) return undefined;
      try {
        if (active.document !== doc) {
          await vscode.window.showTextDocument(doc);
          active.update();
        }
        await view.reveal();
        return view.data;
      } catch (err) {
        reportError(err);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('yaodian.tasksByUnitView.refresh', () => view.refresh(true)),
    vscode.commands.registerCommand('yaodian.exportCsv', async (arg?: unknown, destination?: unknown) => {
      const doc = await target(arg);
      if (!doc) return undefined;
      try {
        const csv = await withProgress(doc, vscode.l10n.t('Exporting the task table…'), () => server.command<string>(ServerCommand.exportCsv, doc));
        let file = destination instanceof vscode.Uri ? destination : undefined;
        if (!file) {
          const name = csvFileName(doc.fileName);
          const folder = doc.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(doc.uri, '..');
          file = await vscode.window.showSaveDialog({
            defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
            filters: { [vscode.l10n.t('CSV (opens in Excel)')]: ['csv'] },
            saveLabel: vscode.l10n.t('Export'),
            title: vscode.l10n.t('Export the task table as CSV'),
          });
          if (!file) return undefined;
        }
        await vscode.workspace.fs.writeFile(file, csvBytes(csv));
        const shown = file.scheme === 'file' ? file.fsPath : file.toString();
        // Not awaited: the command must not wait for the user to dismiss the message.
        void vscode.window.showInformationMessage(vscode.l10n.t('Exported the task table to {0}.', shown));
        return file;
      } catch (err) {
        reportError(err);
        return undefined;
      }
    }),
  );
}
