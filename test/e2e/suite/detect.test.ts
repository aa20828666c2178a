// Auto-detect: a plain-text document whose first lines hold a 工作要点 title line switches to the
// yaodian language (and gets checked); one without stays plain text.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FILES } from '../workspace';
import { codeOf, diagnosticsWhere, until, workspaceUri } from './helpers';

describe('自动识别 (auto-detect)', () => {
  it('switches a .txt file with a title line to yaodian, and leaves other text files alone', async () => {
    // The plain file first: its open event is handled before the draft's, so when the draft has
    // switched, the plain one has been looked at too.
    const plain = await vscode.workspace.openTextDocument(workspaceUri(FILES.plain));
    assert.equal(plain.languageId, 'plaintext');
    const draftUri = workspaceUri(FILES.draft);
    const opened = await vscode.workspace.openTextDocument(draftUri);
    await vscode.window.showTextDocument(opened, { preview: false });
    // The language change closes the document and opens it again as yaodian.
    const draft = await until(
      [vscode.workspace.onDidOpenTextDocument],
      () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === draftUri.toString() && d.languageId === 'yaodian'),
      () => `${FILES.draft} is ${vscode.workspace.textDocuments.find((d) => d.uri.toString() === draftUri.toString())?.languageId}`,
    );
    assert.equal(draft.languageId, 'yaodian');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === plain.uri.toString())?.languageId ?? plain.languageId, 'plaintext');
    // And the language server checks it: (一) is followed by (三).
    const diags = await diagnosticsWhere(draftUri, (d) => d.length > 0);
    assert.deepEqual(diags.map(codeOf), ['outline-sequence']);
    assert.ok(diags.every((d) => d.source === 'yaodian'));
  });
});
