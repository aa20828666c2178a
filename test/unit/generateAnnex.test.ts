import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DocumentAnalysis } from '../../server/src/analysis/analysis';
import { defaultConfig } from '../../server/src/config/config';
import { parseDocument } from '../../server/src/document/parse';
import { lintText } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/core';
import { annexEdit, annexTitle, cellText, documentEol, generateAnnexRows, generateAnnexTable } from '../../server/src/fixes/generateAnnex';
import { joinLines } from '../../server/src/document/text';
import { commandHandlers, COMMANDS } from '../../server/src/lsp/commands';
import type { DocumentState } from '../../server/src/lsp/checks';
import { taskTableCsv } from '../../server/src/report/csv';
import { FIXTURES, readFixture } from '../helpers/fixtures';

function analyse(text: string): { doc: ReturnType<typeof parseDocument>; analysis: DocumentAnalysis } {
  const doc = parseDocument(text);
  return { doc, analysis: new DocumentAnalysis(doc, defaultConfig()) };
}

/** The text with the generated annex put in. */
function withAnnex(text: string): string {
  const { doc, analysis } = analyse(text);
  return applyEdits(text, [annexEdit(doc, analysis)]);
}

const BODY = ['2026年某区政务公开工作要点', '一、主要任务', '(一)做好财政信息公开。按季度公开财政收支情况。(区财政局负责落实)', '(二)推进教育信息公开。公布招生区域。(区教育局牵头,各街镇配合)'];
const TABLE = ['| 序号 | 任务分解 | 责任单位 | 时间节点 |', '|---|---|---|---|', '| 1 | 按季度公开财政收支情况。 | 区财政局 |  |', '| 2 | 公布招生区域。 | 区教育局牵头,各街镇配合 |  |'];

function allFixtures(): string[] {
  const out: string[] = [];
  for (const dir of ['examples', 'corpus', 'custom']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir)).sort()) if (f.endsWith('.txt')) out.push(`${dir}/${f}`);
  }
  return out;
}

describe('generateAnnex', () => {
  it('cell text: one line, no bars, no tabs', () => {
    assert.equal(joinLines('做好政务\n  公开工作。'), '做好政务公开工作。');
    assert.equal(joinLines('推进 ICP\r\nbeian 管理。'), '推进 ICP beian 管理。');
    assert.equal(cellText('推进A|B系统｜C建设,\t按期完成。\r\n'), '推进A/B系统/C建设, 按期完成。');
    assert.equal(documentEol('a\r\nb\nc'), '\r\n');
    assert.equal(documentEol('a\rb'), '\r');
    assert.equal(documentEol('abc'), '\n');
  });

  it('writes one layout-B row per task with inline units, roles kept when they differ', () => {
    const { doc, analysis } = analyse(BODY.join('\n'));
    assert.equal(generateAnnexTable(doc, analysis), TABLE.join('\n') + '\n');
    assert.equal(generateAnnexTable(doc, analysis, '\r\n'), TABLE.join('\r\n') + '\r\n');
    assert.equal(annexTitle(doc), '2026年某区政务公开工作要点任务分解表');
  });

  it('takes the inline time key first, else the existing row time; units from the row when the body has none', () => {
    const text = [
      '2026年某区政务公开工作要点',
      '一、主要任务',
      '(一)做好财政信息公开。按季度公开财政收支情况。(责任单位:区财政局;完成时限:每季度)',
      '(二)推进教育信息公开。公布招生区域。',
      '附件',
      '| 序号 | 任务分解 | 责任单位 | 时间节点 |',
      '| 1 | 按季度公开财政收支情况。 | 区财政局 | 全年 |',
      '| 2 | 公布招生区域。 | 区教育局 | 4月 |',
    ].join('\n');
    const { doc, analysis } = analyse(text);
    assert.deepEqual(
      generateAnnexRows(doc, analysis).map((r) => [r.serial, r.task, r.units, r.time, r.category]),
      [
        [1, '按季度公开财政收支情况。', '区财政局', '每季度', null],
        [2, '公布招生区域。', '区教育局', '4月', null],
      ],
    );
  });

  it('never lets a cell split the row: bars and line breaks in the body are replaced', () => {
    const text = ['2026年某区政务公开工作要点', '一、主要任务', '(一)推进A|B系统建设,', '按期完成升级。(区甲局负责落实)', ''].join('\n');
    const { doc, analysis } = analyse(text);
    const rows = generateAnnexTable(doc, analysis).trimEnd().split('\n').slice(2);
    assert.ok(rows.length >= 1);
    for (const row of rows) assert.equal(row.split('|').length, 6, row);
    assert.ok(rows.some((r) => r.includes('推进A/B系统建设,按期完成升级。')), rows.join('\n'));
  });

  it('appends 附件, the title and the table at the end, in the document’s line ending', () => {
    const lf = BODY.join('\n');
    assert.equal(withAnnex(lf + '\n'), `${lf}\n\n附件\n2026年某区政务公开工作要点任务分解表\n${TABLE.join('\n')}\n`);
    assert.equal(withAnnex(lf), `${lf}\n\n附件\n2026年某区政务公开工作要点任务分解表\n${TABLE.join('\n')}`);
    assert.equal(withAnnex(lf + '\n\n'), `${lf}\n\n附件\n2026年某区政务公开工作要点任务分解表\n${TABLE.join('\n')}\n`);
    const crlf = BODY.join('\r\n') + '\r\n';
    const out = withAnnex(crlf);
    assert.equal(out, `${crlf}\r\n附件\r\n2026年某区政务公开工作要点任务分解表\r\n${TABLE.join('\r\n')}\r\n`);
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /[\r\n]/);
    assert.equal(withAnnex(''), '附件\n任务分解表\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n');
  });

  it('replaces an existing table of any layout, keeping its 附件 line and title', () => {
    for (const name of ['annex-pipes.txt', 'annex-tabs.txt', 'annex-cells-merged.txt']) {
      const text = readFixture(`examples/${name}`);
      const out = withAnnex(text);
      const before = analyse(text);
      const after = analyse(out);
      assert.equal(after.doc.annex?.layout, 'pipes', name);
      assert.equal(after.doc.annex?.rows.length, after.analysis.tasks.length, name);
      assert.equal(after.analysis.tasks.length, before.analysis.tasks.length, name);
      // Everything up to the old header is kept, the 附件 line and the title with it.
      const headerStart = before.doc.lines[before.doc.lineIndex.lineAt(before.doc.annex!.headerRange.start)].start;
      assert.equal(out.slice(0, headerStart), text.slice(0, headerStart), name);
      assert.equal(after.doc.annex?.title?.text, before.doc.annex?.title?.text, name);
    }
    // The time nodes of the old rows survive the regeneration.
    const pipes = analyse(withAnnex(readFixture('examples/annex-pipes.txt'))).doc;
    assert.deepEqual(
      pipes.annex?.rows.map((r) => r.time?.text),
      ['全年', '上半年', '4月', '全年', '三季度', '全年'],
    );
  });

  for (const name of allFixtures()) {
    it(`${name}: with the generated annex, check reports no annex finding, and generating again changes nothing`, () => {
      const text = readFixture(name);
      const out = withAnnex(text);
      const annexFindings = lintText(out).diagnostics.filter((d) => d.ruleId.startsWith('annex-'));
      assert.deepEqual(
        annexFindings.map((d) => `${d.ruleId}: ${d.message}`),
        [],
      );
      assert.equal(withAnnex(out), out);
    });
  }

  it('LSP commands: generateAnnex returns a workspace edit, exportCsv the CSV text', () => {
    assert.ok(COMMANDS.includes('yaodian.server.generateAnnex'));
    assert.ok(COMMANDS.includes('yaodian.server.exportCsv'));
    const text = BODY.join('\r\n') + '\r\n';
    const result = lintText(text);
    const uri = 'file:///x/draft.txt';
    const state: DocumentState = { uri, version: 1, result, config: defaultConfig() };
    const edit = commandHandlers['yaodian.server.generateAnnex'](uri, state) as { changes: Record<string, { range: { start: { line: number; character: number }; end: unknown }; newText: string }[]> };
    const edits = edit.changes[uri];
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } });
    assert.equal(edits[0].newText, `\r\n附件\r\n2026年某区政务公开工作要点任务分解表\r\n${TABLE.join('\r\n')}\r\n`);
    assert.equal(commandHandlers['yaodian.server.exportCsv'](uri, state), taskTableCsv(result.doc, result.analysis));
  });
});
