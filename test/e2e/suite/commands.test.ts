// The extension's commands, run as a user's command would be (with the document URI the editor
// title menu passes): generate the annex, renumber, tasks by unit (the tree view), export CSV.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CORPUS_SOURCE, FILES } from '../workspace';
import { cli, codeOf, diagnosticsWhere, FILES_PANE_HEADER, hideView, open, repoRoot, screenshot, workspaceUri } from './helpers';

interface CliByUnit {
  units: { name: string; tasks: unknown[] }[];
  withoutUnit?: unknown[];
}

describe('命令 (commands)', () => {
  it('yaodian.generateAnnex appends the task table the CLI generates', async () => {
    const editor = await open(FILES.noAnnex);
    const doc = editor.document;
    const before = doc.getText();
    assert.ok(!before.includes('任务分解'), 'the document has no annex yet');
    const table = (await cli(['annex', path.join(repoRoot(), 'test/fixtures/examples/inline-units.txt')])).stdout.trim().split(/\r?\n/);
    assert.ok(table.length >= 10, table.join('\n'));

    assert.equal(await vscode.commands.executeCommand('yaodian.generateAnnex', doc.uri), true);
    const text = doc.getText();
    assert.ok(text.startsWith(before.trimEnd()), 'the body is unchanged');
    const lines = text.split(/\r?\n/);
    const at = lines.indexOf(table[0]);
    assert.ok(at > 0, `the table header ${table[0]} is in the document`);
    assert.deepEqual(lines.slice(at, at + table.length), table);
    // The body and the new annex agree: no annex finding is left.
    const diags = await diagnosticsWhere(doc.uri, (d) => !d.some((x) => codeOf(x) === 'annex-missing-row'));
    assert.deepEqual(diags.filter((d) => codeOf(d).startsWith('annex-')).map(codeOf), []);
    // Running it again changes nothing.
    assert.equal(await vscode.commands.executeCommand('yaodian.generateAnnex', doc.uri), false);
  });

  it('yaodian.exportCsv writes the task table as CSV with a BOM, as `yaodian tasks --format csv`', async () => {
    const editor = await open(FILES.corpus);
    const target = workspaceUri('导出/任务分解表.csv');
    // The second argument is the target file: no save dialog.
    const written = await vscode.commands.executeCommand<vscode.Uri>('yaodian.exportCsv', editor.document.uri, target);
    assert.equal(written?.toString(), target.toString());
    const bytes = fs.readFileSync(target.fsPath);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const csv = bytes.toString('utf8');
    const expected = (await cli(['tasks', '--format', 'csv', path.join(repoRoot(), CORPUS_SOURCE)])).stdout;
    assert.equal(csv, expected.startsWith('\ufeff') ? expected : `\ufeff${expected}`);
    const rows = csv.slice(1).split('\r\n');
    assert.equal(rows[0], '序号,任务,责任单位,时间节点,行号');
    assert.match(rows[1], /^1,及时公开本区落实/);
  });

  it('yaodian.renumber fixes the outline numbering', async () => {
    const editor = await open(FILES.renumber);
    const doc = editor.document;
    await diagnosticsWhere(doc.uri, (d) => d.filter((x) => codeOf(x) === 'outline-sequence').length === 3);
    assert.equal(await vscode.commands.executeCommand('yaodian.renumber', doc.uri), true);
    const markers = doc
      .getText()
      .split(/\r?\n/)
      .map((l) => /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/.exec(l)?.[0])
      .filter((m): m is string => m !== undefined);
    assert.deepEqual(markers, ['一、', '(一)', '(二)', '(三)', '二、', '(四)', '(五)']);
    await diagnosticsWhere(doc.uri, (d) => d.length === 0);
    assert.equal(await vscode.commands.executeCommand('yaodian.renumber', doc.uri), false, 'nothing left to renumber');
  });

  it('yaodian.tasksByUnit shows the units and their tasks, as `yaodian tasks --by unit`', async () => {
    const editor = await open(FILES.corpus);
    const expected = JSON.parse((await cli(['tasks', '--by', 'unit', '--format', 'json', path.join(repoRoot(), CORPUS_SOURCE)])).stdout) as CliByUnit;
    const data = await vscode.commands.executeCommand<{ uri: string; units: { name: string | null; tasks: number }[] }>('yaodian.tasksByUnit', editor.document.uri);
    assert.ok(data, 'the command returns the view’s data');
    assert.equal(data.uri, editor.document.uri.toString());
    const fromCli = expected.units.map((u) => ({ name: u.name as string | null, tasks: u.tasks.length }));
    if ((expected.withoutUnit ?? []).length > 0) fromCli.push({ name: null, tasks: expected.withoutUnit!.length });
    assert.deepEqual(data.units, fromCli);
    assert.equal(data.units[0].name, '区发改委');

    // The view with the first unit expanded (a click in the page): its tasks with role, time
    // node and line, in Chinese.
    await hideView('outline');
    const first = data.units[0];
    const texts = ['按责任单位查看任务', `${first.tasks} 项任务`, '牵头 · 全年 · 第 13 行'];
    const shot = await screenshot('tasks-by-unit', { click: [FILES_PANE_HEADER, `text="${first.name}"`], waitForText: texts });
    if (shot.found) for (const t of texts) assert.ok(shot.found[t], `the view shows “${t}”`);
  });
});
