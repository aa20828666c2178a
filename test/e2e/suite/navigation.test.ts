// Document symbols (outline view: chapters, items, the annex and its rows) and go to definition
// from an annex row to its body task and back.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CORPUS_SOURCE, FILES } from '../workspace';
import { cli, diagnosticsWhere, FILES_PANE_HEADER, hideView, open, repoRoot, screenshot } from './helpers';

interface CliOutline {
  annex: { rows: { serial: number; line: number; task: string; bodyLine: number | null }[] };
}

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  assert.ok(Array.isArray(result) && result.length > 0, 'document symbols');
  return result;
}

function targets(result: (vscode.Location | vscode.LocationLink)[] | undefined): { line: number; range: vscode.Range }[] {
  return (result ?? []).map((r) => {
    const range = 'targetRange' in r ? (r.targetSelectionRange ?? r.targetRange) : r.range;
    return { line: range.start.line, range };
  });
}

describe('大纲与跳转 (symbols and navigation)', () => {
  let outline: CliOutline;

  before(async () => {
    outline = JSON.parse((await cli(['outline', '--format', 'json', path.join(repoRoot(), CORPUS_SOURCE)])).stdout) as CliOutline;
  });

  it('lists chapters, items and the annex with one symbol per row', async () => {
    const editor = await open(FILES.corpus);
    const all = await symbols(editor.document.uri);
    const names = all.map((s) => s.name);
    assert.equal(names[0], '一、总体要求');
    assert.ok(names.includes('九、工作指导监督和保障'), JSON.stringify(names));
    const chapter2 = all.find((s) => s.name.startsWith('二、'))!;
    assert.deepEqual(
      chapter2.children.map((c) => c.detail),
      ['6 项任务', '5 项任务'],
    );
    assert.match(chapter2.children[0].name, /^\(三\)国家重大战略任务落实/);
    const annex = all.find((s) => s.name.startsWith('附件'));
    assert.ok(annex, `an annex symbol among ${JSON.stringify(names)}`);
    assert.equal(annex.name, '附件:2023年上海市普陀区政务公开工作要点任务分解表');
    assert.equal(annex.detail, `${outline.annex.rows.length} 行`);
    assert.equal(annex.children.length, outline.annex.rows.length);
    assert.equal(annex.children.length, 118);
    const first = annex.children[0];
    assert.match(first.name, /^1 及时公开本区落实/);
    assert.equal(first.range.start.line, outline.annex.rows[0].line - 1);
    assert.equal(first.kind, vscode.SymbolKind.EnumMember);

    // The outline view with the annex expanded: the panel closed, the file list collapsed and
    // the annex clicked open in the page.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await hideView('timeline');
    await vscode.commands.executeCommand('outline.focus');
    const row = annex.children[2];
    await vscode.window.showTextDocument(editor.document, { preview: false, selection: new vscode.Range(row.range.start, row.range.start) });
    editor.revealRange(new vscode.Range(row.range.start.translate(-8), row.range.end), vscode.TextEditorRevealType.AtTop);
    const rowLabel = annex.children[2].name.slice(0, 8);
    const shot = await screenshot('outline', { click: [FILES_PANE_HEADER, `.monaco-list-row:has-text("${annex.name.slice(0, 12)}") .monaco-tl-twistie`], waitForText: [rowLabel] });
    if (shot.found) assert.ok(shot.found[rowLabel], `the outline view shows the annex row “${rowLabel}”`);
  });

  it('goes from an annex row to its body task and back', async () => {
    const editor = await open(FILES.corpus);
    const doc = editor.document;
    await diagnosticsWhere(doc.uri, (d) => d.length > 0);
    const row = outline.annex.rows[0]; // lines 55–58: serial, task, units, time; body line 13
    assert.equal(row.bodyLine, 13);
    const taskLine = row.line; // 0-based line of the task cell (the line after the serial)
    assert.ok(doc.lineAt(taskLine).text.startsWith('及时公开本区落实'));

    const toBody = targets(await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(taskLine, 2)));
    assert.equal(toBody.length, 1, JSON.stringify(toBody));
    assert.equal(toBody[0].line, 12);
    assert.ok(doc.getText(toBody[0].range).startsWith('及时公开本区落实'), doc.getText(toBody[0].range));

    const bodyPos = toBody[0].range.start.translate(0, 2);
    const toRow = targets(await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, bodyPos));
    assert.ok(toRow.length >= 1, 'a definition from the body task');
    assert.ok(
      toRow.some((t) => t.line >= row.line - 1 && t.line <= row.line + 2),
      `the body task leads back to the annex row at lines ${row.line}–${row.line + 3}: ${JSON.stringify(toRow.map((t) => t.line + 1))}`,
    );
  });
});
