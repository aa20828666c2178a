// 自动识别:前 40 行中有标题行(如“2026年某区政务公开工作要点”)的纯文本文档切换为工作要点语言。
// 设置 yaodian.autoDetect 为 false 时关闭。用户改回纯文本的文档不再切换。
// Auto-detect: a plain-text document with a title line in its first 40 lines is switched to the
// `yaodian` language (setting `yaodian.autoDetect`). A document the user switched back stays so.

import * as vscode from 'vscode';
import { looksLikeYaodian } from './detect';
import { LANGUAGE_ID } from './languageClient';

/** Schemes of documents the user edits (not diff views, output or SCM input). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export function registerAutoDetect(): vscode.Disposable {
  /** Documents switched once this session: when the user switches one back, it is left alone. */
  const switched = new Set<string>();

  const check = (doc: vscode.TextDocument): void => {
    if (doc.languageId !== 'plaintext' || !SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    if (switched.has(key)) return;
    if (!vscode.workspace.getConfiguration('yaodian', doc.uri).get<boolean>('autoDetect', true)) return;
    if (!looksLikeYaodian(doc.lineCount, (i) => doc.lineAt(i).text)) return;
    switched.add(key);
    void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => switched.delete(key));
  };

  for (const doc of vscode.workspace.textDocuments) check(doc);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(check),
    // A new untitled document gets its text by pasting: look again when lines are pasted in.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.isUntitled && e.contentChanges.some((c) => /[\r\n]/.test(c.text))) check(e.document);
    }),
  );
}
