// 命令“检查工作区中的所有工作要点”(yaodian.lintWorkspace):不只检查已打开的文档,而是用扩展自带的
// 命令行(dist/cli.js,与 CI 相同的检查、配置与 .yaodianignore)检查每个工作区文件夹,把结果放进
// “问题”面板。已打开的文档由语言服务器实时检查,这里不再重复。
// The command checks every 工作要点 in the workspace, not only open ones (as vscode-markdownlint's
// lintWorkspace does): it runs the bundled CLI on each workspace folder, keeps the files that are
// 工作要点 (by file name, or a title line in their first lines), and shows their findings in the
// Problems panel. Open yaodian documents get live diagnostics from the server instead.

import { execFile } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { textLooksLikeYaodian } from './detect';
import { isYaodian } from './languageClient';
import { localRuleDoc } from './ruleDocs';
import type { JsonFileResult } from '../../server/src/report/format';

/** What `yaodian check --format json` prints: the report's own type, shared with the CLI. */
type CliResult = Pick<JsonFileResult, 'filePath' | 'messages'>;

/** File names VS Code gives the yaodian language (package.json contributes.languages). */
const NAME_PATTERN = /工作要点.*\.txt$|任务分解.*\.txt$|\.yaodian\.txt$/i;
const SEVERITY = [vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Error];

/** Whether a file found by the CLI is a 工作要点: its name, else a title line near the top. */
function isPlanFile(file: string): boolean {
  if (NAME_PATTERN.test(file)) return true;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(8192);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      const bytes = head.subarray(0, n);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        // A cut multi-byte character at the end, or GB18030: both decode well enough for a title.
        text = new TextDecoder(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 'utf-8' : 'gb18030').decode(bytes);
      }
      return textLooksLikeYaodian(text.replace(/^\ufeff/, ''));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function runCli(context: vscode.ExtensionContext, folder: string, token: vscode.CancellationToken): Promise<CliResult[]> {
  const cli = context.asAbsolutePath('dist/cli.js');
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [cli, 'check', '--format', 'json', '--concurrency', 'auto', folder],
      // In VS Code the extension host's executable is Electron: run it as Node.
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 1 << 30, cwd: folder, windowsHide: true },
      (err, stdout, stderr) => {
        // Exit code 1 means findings; 2 with a report means some files could not be read.
        if (stdout.trim().startsWith('[')) {
          resolve(JSON.parse(stdout) as CliResult[]);
        } else if (/没有 \.txt 文件|no \*\.txt files/.test(stderr)) {
          resolve([]);
        } else {
          reject(new Error(stderr.trim() || (err ? err.message : 'yaodian check failed')));
        }
      },
    );
    token.onCancellationRequested(() => child.kill());
  });
}

export function registerLintWorkspace(context: vscode.ExtensionContext): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('yaodian-workspace');
  const run = async (): Promise<{ files: number; problems: number }> => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first.'));
      return { files: 0, problems: 0 };
    }
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the 工作要点 in the workspace…'), cancellable: true },
      async (_progress, token) => {
        collection.clear();
        let files = 0;
        let problems = 0;
        for (const folder of folders) {
          const results = await runCli(context, folder.uri.fsPath, token);
          for (const r of results) {
            if (!isPlanFile(r.filePath)) continue;
            files++;
            problems += r.messages.length;
            const uri = vscode.Uri.file(r.filePath);
            // An open yaodian document has the server's live diagnostics.
            if (vscode.workspace.textDocuments.some((d) => isYaodian(d) && d.uri.toString() === uri.toString())) continue;
            collection.set(
              uri,
              r.messages.map((m) => {
                const d = new vscode.Diagnostic(new vscode.Range(m.line - 1, m.column - 1, m.endLine - 1, m.endColumn - 1), m.message, SEVERITY[m.severity]);
                d.source = 'yaodian';
                d.code = { value: m.ruleId, target: localRuleDoc(context, m.ruleId) };
                return d;
              }),
            );
          }
        }
        void vscode.window.showInformationMessage(vscode.l10n.t('Checked {0} 工作要点 documents: {1} problems.', files, problems));
        return { files, problems };
      },
    );
  };
  return vscode.Disposable.from(
    collection,
    vscode.commands.registerCommand('yaodian.lintWorkspace', () =>
      run().catch((err: unknown) => {
        void vscode.window.showErrorMessage(vscode.l10n.t('工作要点助手: {0}', err instanceof Error ? err.message : String(err)));
        return { files: 0, problems: 0 };
      }),
    ),
    // Once a document is open the server checks it live: drop the workspace copy.
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isYaodian(d)) collection.delete(d.uri);
    }),
  );
}
