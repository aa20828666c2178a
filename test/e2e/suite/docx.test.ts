// 检查 Word 文档 (yaodian.checkDocx): a .docx opens as its text, read-only, in the yaodian language,
// and the server checks it like a file on disk.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FILES } from '../workspace';
import { codeOf, diagnosticsWhere, summary, until, workspaceUri } from './helpers';

describe('检查 Word 文档 (yaodian.checkDocx)', () => {
  it('opens the text of a .docx read-only as 工作要点, with its findings', async () => {
    await vscode.commands.executeCommand('yaodian.checkDocx', workspaceUri(FILES.docx));
    const editor = await until(
      [vscode.window.onDidChangeActiveTextEditor],
      () => (vscode.window.activeTextEditor?.document.uri.scheme === 'yaodian-docx' ? vscode.window.activeTextEditor : undefined),
      () => `active editor: ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'none'}`,
    );
    const doc = editor.document;
    assert.equal(doc.languageId, 'yaodian');
    assert.equal(doc.lineAt(0).text, '2026年某区数据局政务公开工作要点');
    assert.equal(doc.lineAt(5).text, '（一）做好政策文件公开。及时公开涉企政策文件，做好解读。（责任单位：区数据局、区司法局）');
    const diags = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'time-invalid'));
    const invalid = diags.filter((d) => codeOf(d) === 'time-invalid');
    assert.equal(invalid.length, 1, summary(diags));
    assert.equal(doc.getText(invalid[0].range), '13月底前');
  });
});
