// Diagnostics of a real document (test/fixtures/corpus/000_…txt under a 工作要点 file name), its
// quick fixes, source.fixAll.yaodian on save, and re-checking when .yaodianrc.json or the
// `yaodian.rules` setting changes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CORPUS_SOURCE, FILES } from '../workspace';
import { cli, codeOf, diagnosticsWhere, open, repoRoot, screenshot, summary, workspaceUri } from './helpers';

interface CliMessage {
  ruleId: string;
  severity: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const SEVERITY: Record<number, vscode.DiagnosticSeverity> = {
  2: vscode.DiagnosticSeverity.Error,
  1: vscode.DiagnosticSeverity.Warning,
  0: vscode.DiagnosticSeverity.Information,
};

function has(code: string) {
  return (d: vscode.Diagnostic[]): boolean => d.some((x) => codeOf(x) === code);
}

describe('诊断 (diagnostics)', () => {
  it('opens a 工作要点 file as the yaodian language and reports annex-missing-row at line 25', async () => {
    const editor = await open(FILES.corpus);
    assert.equal(editor.document.languageId, 'yaodian');
    const diags = await diagnosticsWhere(editor.document.uri, has('annex-missing-row'));
    const missing = diags.filter((d) => codeOf(d) === 'annex-missing-row');
    assert.equal(missing.length, 1, summary(diags));
    const d = missing[0];
    assert.deepEqual(
      [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
      [24, 127, 24, 157],
      'the range of the sentence without an annex row (line 25, columns 128–158)',
    );
    assert.equal(editor.document.getText(d.range), '根据法律法规立改废释和形势任务变化的需要,形成动态更新机制。');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /^任务分解表中缺少此项任务/);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'annex-missing-row');
    assert.match(code.target.toString(), /annex-missing-row/);
  });

  it('reports exactly what the CLI reports for the same file', async () => {
    const uri = workspaceUri(FILES.corpus);
    const diags = await diagnosticsWhere(uri, has('annex-missing-row'));
    const report = JSON.parse((await cli(['check', '--format', 'json', path.join(repoRoot(), CORPUS_SOURCE)])).stdout) as { messages: CliMessage[] }[];
    const fromCli = report[0].messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${SEVERITY[m.severity]} ${m.ruleId} ${m.message}`).sort();
    const inEditor = diags
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${codeOf(d)} ${d.message}`)
      .sort();
    assert.deepEqual(inEditor, fromCli);
    assert.deepEqual(
      diags.map(codeOf).sort(),
      ['annex-missing-row', 'annex-text-mismatch', 'unit-inconsistent-name'],
    );
  });

  it('applies a quick fix from the code action provider (annex-text-mismatch at line 216)', async () => {
    const editor = await open(FILES.quickFix);
    const doc = editor.document;
    const diags = await diagnosticsWhere(doc.uri, has('annex-text-mismatch'));
    const target = diags.find((d) => codeOf(d) === 'annex-text-mismatch')!;
    assert.equal(target.range.start.line, 215);

    // The squiggles, the Problems panel and the open quick-fix menu, for the README.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(target.range.start, target.range.start) });
    editor.revealRange(target.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.quickFix');
    const shot = await screenshot('quick-fix', { waitForText: ['任务分解表文字与正文不一致', '以正文为准修改此行'] });
    if (shot.found) assert.ok(shot.found['任务分解表文字与正文不一致'], 'the diagnostic is shown in the workbench');
    await vscode.commands.executeCommand('workbench.action.closePanel');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const titles = JSON.stringify(actions.map((a) => a.title));
    // The rule's two fixes: make the row follow the body (preferred), or the body follow the row.
    assert.ok(actions.some((a) => a.title === '以此行为准修改正文'), titles);
    const fix = actions.find((a) => a.title === '以正文为准修改此行');
    assert.ok(fix?.edit, `the quick fix “以正文为准修改此行” with an edit among ${titles}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(
      doc.lineAt(215).text,
      '新建“双随机、一公开”专题网页,定期发布区市场监管领域部门联合抽查以及各部门随机抽查的事项清单、年度工作计划、抽查结果、工作推进情况。 |',
    );
    const after = await diagnosticsWhere(doc.uri, (d) => !has('annex-text-mismatch')(d) && d.length > 0);
    assert.deepEqual(after.map(codeOf).sort(), ['annex-missing-row', 'time-before-issue', 'unit-inconsistent-name']);
  });

  it('runs source.fixAll.yaodian on save (editor.codeActionsOnSave), as `yaodian fix` does', async () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'yaodian' });
    await config.update('codeActionsOnSave', { 'source.fixAll.yaodian': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const editor = await open(FILES.fixOnSave);
      const doc = editor.document;
      await diagnosticsWhere(doc.uri, (d) => has('annex-text-mismatch')(d) && has('unit-inconsistent-name')(d));
      // A change, so that the save is a real one: a line appended at the end.
      assert.ok(await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n')));
      assert.ok(await doc.save(), 'saved');
      const saved = fs.readFileSync(doc.uri.fsPath, 'utf8');
      // The CLI's fix of the same text.
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-e2e-fix-'));
      const copy = path.join(tmp, 'copy.txt');
      fs.writeFileSync(copy, fs.readFileSync(path.join(repoRoot(), CORPUS_SOURCE), 'utf8') + '\n');
      await cli(['fix', copy]);
      const expected = fs.readFileSync(copy, 'utf8');
      fs.rmSync(tmp, { recursive: true, force: true });
      assert.equal(saved, expected);
      assert.equal(doc.getText(), expected);
      assert.match(doc.lineAt(308).text, /^区府办、区融媒体中心牵头/);
      // What no auto fix can change: the task without a row, and row 68's deadline before the issue date.
      const after = await diagnosticsWhere(doc.uri, (d) => d.length === 2);
      assert.deepEqual(after.map(codeOf).sort(), ['annex-missing-row', 'time-before-issue']);
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  it('checks again when .yaodianrc.json is created, changed and deleted', async () => {
    const editor = await open(FILES.config);
    const uri = editor.document.uri;
    const rc = workspaceUri(FILES.configRc);
    await diagnosticsWhere(uri, has('annex-text-mismatch'));
    const write = (json: unknown) => vscode.workspace.fs.writeFile(rc, new TextEncoder().encode(JSON.stringify(json)));

    await write({ rules: { 'annex-text-mismatch': 'off' } });
    let diags = await diagnosticsWhere(uri, (d) => !has('annex-text-mismatch')(d) && has('annex-missing-row')(d));
    assert.deepEqual(diags.map(codeOf).sort(), ['annex-missing-row', 'time-before-issue', 'unit-inconsistent-name']);

    // A comment (the file is JSONC) and a severity change.
    await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode('// 本目录的检查规则\n{ "rules": { "annex-missing-row": "warning" } }\n'));
    diags = await diagnosticsWhere(
      uri,
      (d) => has('annex-text-mismatch')(d) && d.some((x) => codeOf(x) === 'annex-missing-row' && x.severity === vscode.DiagnosticSeverity.Warning),
    );
    assert.equal(diags.length, 4);

    await vscode.workspace.fs.delete(rc);
    diags = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'annex-missing-row' && x.severity === vscode.DiagnosticSeverity.Error));
    assert.equal(diags.length, 4);
  });

  it('checks again when the yaodian.rules setting changes', async () => {
    const editor = await open(FILES.config);
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, has('unit-inconsistent-name'));
    const config = vscode.workspace.getConfiguration('yaodian');
    await config.update('rules', { 'unit-inconsistent-name': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const diags = await diagnosticsWhere(uri, (d) => !has('unit-inconsistent-name')(d) && d.length > 0);
      assert.deepEqual(diags.map(codeOf).sort(), ['annex-missing-row', 'annex-text-mismatch', 'time-before-issue']);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhere(uri, has('unit-inconsistent-name'));
  });
});
