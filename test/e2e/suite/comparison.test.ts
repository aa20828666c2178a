// 任务分解表对照 (yaodian.showComparison) in the real workbench: the webview opens beside corpus
// 000 and draws its 118 rows and the task with no row; a click on a line in the page reveals the
// row in the editor; a fix button in the page applies the quick fix; the view follows edits.
// Clicks go through the page's own handlers (the extension's test hook posts the click into the
// webview), the data through the language server.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { YaodianApi } from '../../../client/src/extension';
import type { ComparisonState } from '../../../client/src/comparisonView';
import { FILES } from '../workspace';
import { extension, open, screenshot, until } from './helpers';

function api(): YaodianApi {
  return extension().exports as YaodianApi;
}

/** Waits until the view has drawn a state that satisfies `ok`. */
function rendered(ok: (s: ComparisonState) => boolean): Promise<ComparisonState> {
  const view = api().comparison;
  return until(
    [view.onDidRender],
    () => {
      const s = view.state;
      return s && ok(s) ? s : undefined;
    },
    () => `the comparison view shows ${JSON.stringify(view.state)}`,
  );
}

/** Waits until an editor of `doc` has its cursor on `line` (0-based). */
function cursorOn(doc: vscode.TextDocument, line: number): Promise<vscode.TextEditor> {
  return until(
    [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor],
    () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document === doc && e.selection.active.line === line ? e : undefined;
    },
    () => `active editor ${vscode.window.activeTextEditor?.document.fileName} at line ${vscode.window.activeTextEditor?.selection.active.line}`,
  );
}

describe('任务分解表对照 (comparison view)', () => {
  it('opens beside corpus 000 and shows its 118 rows and the body task with no row', async () => {
    const editor = await open(FILES.corpus);
    const doc = editor.document;
    const shown = rendered((s) => s.uri === doc.uri.toString() && s.version === doc.version);
    await vscode.commands.executeCommand('yaodian.showComparison', doc.uri);
    const s = await shown;
    assert.equal(s.total, 119, '118 rows and one task with no row');
    assert.equal(s.shown, 119, 'no filter');
    assert.equal(s.problems, 4, 'row 41 (text), the task with no row, row 64 (unit name), row 68 (time before issue)');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const shot = await screenshot('comparison-view', { waitForText: ['任务分解表对照'] });
    if (shot.found) assert.ok(shot.found['任务分解表对照'], 'the view’s tab shows its Chinese title');
  });

  it('a click on row 41 in the view reveals the row in the editor', async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.fileName.endsWith(FILES.corpus))!;
    // Line 41 of the view is row 41 (the task with no row follows it): it starts on file line 215.
    const revealed = cursorOn(doc, 214);
    api().comparison.click('tr.line[data-index="40"]');
    const editor = await revealed;
    assert.equal(editor.document.lineAt(214).text, '41 |');
    assert.equal(editor.document.lineAt(215).text.startsWith('新建“双随机、一公开”专题网页'), true);
    // The body link of the same line goes to the body sentence (file line 25).
    const body = cursorOn(doc, 24);
    api().comparison.click('tr.line[data-index="40"] button.goto[data-target="body"]');
    await body;
  });

  it('"problems only" leaves the four lines with a problem, each with its fix buttons', async () => {
    const filtered = rendered((s) => s.shown === 4 && s.total === 119);
    api().comparison.click('button.filter[data-filter="problems"]');
    await filtered;
    await screenshot('comparison-problems', { waitForText: ['任务分解表对照'] });
    const all = rendered((s) => s.shown === 119);
    api().comparison.click('button.filter[data-filter="all"]');
    await all;
  });

  it('applies a quick fix from the view and follows edits live', async () => {
    const editor = await open(FILES.comparison);
    const doc = editor.document;
    await vscode.commands.executeCommand('yaodian.showComparison', doc.uri);
    await rendered((s) => s.uri === doc.uri.toString() && s.version === doc.version && s.problems === 4);

    // The first finding is annex-missing-row; its fix inserts the row after row 41.
    const fixed = rendered((s) => s.uri === doc.uri.toString() && s.version > 1 && s.version === doc.version);
    api().comparison.click('button.fix[data-finding="0"][data-fix="0"]');
    const after = await fixed;
    assert.equal(after.lastFix, 'applied');
    assert.equal(after.total, 119, '119 rows, all matched');
    // Row 41 (text), the new row 42 (its units and time node are still to be filled in), 64, 68.
    assert.equal(after.problems, 4);
    assert.ok(doc.getText().includes('42 |\n根据法律法规立改废释和形势任务变化的需要,形成动态更新机制。'), 'the new row 42 holds the task');

    // An edit in the editor: row 41 written as the body writes it.
    const at = doc.getText().indexOf('抽查结果,工作推进情况。 |');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at + 4), doc.positionAt(at + 5)), '、');
    const live = rendered((s) => s.uri === doc.uri.toString() && s.version === doc.version && s.problems === 3);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await live;
  });
});
