// 检查 Word 文档: a .docx opens as its extracted text, read-only, in the 工作要点 language (so the
// server checks it and the outline and navigation work), and the findings can be written back as
// Word comments into a copy of the document. The text comes from the same reader as the CLI's.

import * as path from 'path';
import * as vscode from 'vscode';
import { addComments, DocxError, readDocx, type DocxPackage } from '../../server/src/docx';
import { LANGUAGE_ID } from './languageClient';

/** Documents of this scheme are the text of a .docx; the query holds the .docx's URI. */
export const DOCX_SCHEME = 'yaodian-docx';
const SEVERITY_WORD: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: '错误',
  [vscode.DiagnosticSeverity.Warning]: '警告',
  [vscode.DiagnosticSeverity.Information]: '提示',
  [vscode.DiagnosticSeverity.Hint]: '提示',
};

export function registerDocx(): vscode.Disposable {
  const packages = new Map<string, DocxPackage>();
  const source = (uri: vscode.Uri): vscode.Uri => vscode.Uri.parse(uri.query);

  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const pkg = readDocx(await vscode.workspace.fs.readFile(source(uri)), path.extname(source(uri).path).toLowerCase());
      packages.set(uri.toString(), pkg);
      return pkg.text;
    },
  };

  async function writeComments(textUri: vscode.Uri): Promise<void> {
    const pkg = packages.get(textUri.toString());
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === textUri.toString());
    if (!pkg || !doc) return;
    const comments = vscode.languages.getDiagnostics(textUri).map((d) => {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      return { start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end), text: `${SEVERITY_WORD[d.severity]}：${d.message}（${String(code ?? '')}）` };
    });
    comments.sort((a, b) => a.start - b.start || a.end - b.end);
    const original = source(textUri);
    const target = await vscode.window.showSaveDialog({
      defaultUri: original.with({ path: original.path.replace(/\.docx$/i, '') + '-审核意见.docx' }),
      filters: { [vscode.l10n.t('Word document')]: ['docx'] },
    });
    if (!target) return;
    if (target.toString() === original.toString()) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The checked document cannot be overwritten: save the copy under a new name.'));
      return;
    }
    await vscode.workspace.fs.writeFile(target, addComments(pkg, comments));
    void vscode.window.showInformationMessage(vscode.l10n.t('Wrote the commented document {0} ({1} comments).', path.basename(target.fsPath), comments.length));
  }

  async function checkDocx(arg?: unknown): Promise<void> {
    let file = arg instanceof vscode.Uri ? arg : undefined;
    if (!file) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Word document')]: ['docx'] } });
      file = picked?.[0];
    }
    if (!file) return;
    const textUri = vscode.Uri.from({ scheme: DOCX_SCHEME, path: `${file.path}.txt`, query: file.toString() });
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(textUri);
    } catch (e) {
      const message = e instanceof DocxError ? e.message : e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', path.basename(file.fsPath), message));
      return;
    }
    doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    await vscode.window.showTextDocument(doc, { preview: false });
    // Not awaited: the command is done when the text is open; the offer stays until answered.
    const write = vscode.l10n.t('Write a commented copy');
    void vscode.window.showInformationMessage(vscode.l10n.t('Opened the text of {0} (read-only).', path.basename(file.fsPath)), write).then(async (action) => {
      if (action === write) await writeComments(textUri);
    });
  }

  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.commands.registerCommand('yaodian.checkDocx', checkDocx),
  );
}
