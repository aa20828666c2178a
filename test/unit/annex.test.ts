import { strict as assert } from 'assert';
import type { Annex, AnnexRow, Cell, ParsedDocument } from '../../server/src/document/model';
import * as fc from 'fast-check';
import { splitBars } from '../../server/src/document/annex';
import { headerRole, trimCell, type RawCell } from '../../server/src/document/cells';
import { parseDocument } from '../../server/src/document/parse';
import { readMeaning } from '../../server/src/analysis/meaning';
import { splitLines } from '../../server/src/document/text';

function doc(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

const BODY = ['2023年某区政务公开工作要点', '一、重点任务', '(一)做好某项信息公开。', '(二)做好另一项信息公开。', '(三)做好第三项信息公开。'];

/** The annex line and a layout-A header (a cell per line), four columns. */
const CELLS_HEAD = ['附件', '序号 |', '任务 |', '责任单位 |', '时间节点 |'];

function annexOf(d: ParsedDocument): Annex {
  assert.ok(d.annex, 'expected an annex');
  return d.annex;
}

/** Every cell of every row slices its text out of the document. */
function assertCells(d: ParsedDocument): void {
  const a = annexOf(d);
  const check = (c: Cell | null): void => {
    if (c) assert.equal(d.text.slice(c.start, c.end), c.text, c.text);
  };
  for (const col of a.header) assert.equal(d.text.slice(col.range.start, col.range.end), col.name);
  for (const r of a.rows) {
    [r.serialCell, r.task, r.units, r.time, ...r.categories, ...r.extraCells].forEach(check);
    for (const u of r.unitList) assert.equal(d.text.slice(u.start, u.end), u.text);
  }
}

/** A row in one comparable object. */
function row(r: AnnexRow): unknown {
  return {
    serial: r.serial,
    task: r.task?.text ?? null,
    units: r.units?.text ?? null,
    unitList: r.unitList.map((u) => `${u.name}:${u.role}`),
    time: r.time?.text ?? null,
    hasTimeNode: r.timeNode !== null,
    categories: r.categories.map((c) => (c.present ? c.text : `${c.text}*`)),
    lines: [r.line, r.endLine],
    extra: r.extraCells.map((c) => c.text),
  };
}

/** Offset of the `k`-th (0-based) occurrence of `needle`. */
function nth(text: string, needle: string, k: number): number {
  let i = -1;
  for (let n = 0; n <= k; n++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `occurrence ${k} of ${needle}`);
  }
  return i;
}

describe('annex', () => {
  describe('headerRole', () => {
    it('knows the header names of each role', () => {
      const roles: [string, string][] = [
        ['序号', 'serial'],
        ['任务分解', 'task'],
        ['工作任务', 'task'],
        ['任务内容', 'task'],
        ['具体任务', 'task'],
        ['重点任务', 'task'],
        ['工作内容', 'task'],
        ['二级指标', 'task'],
        ['一级指标', 'category'],
        ['类别', 'category'],
        ['重点领域', 'category'],
        ['工作类别', 'category'],
        ['责任单位', 'units'],
        ['责任部门', 'units'],
        ['责任处室', 'units'],
        ['牵头单位', 'units'],
        ['配合单位', 'units'],
        ['时间节点', 'time'],
        ['完成时限', 'time'],
        ['完成时间', 'time'],
        ['时限', 'time'],
        ['备注', 'other'],
      ];
      for (const [name, role] of roles) assert.equal(headerRole(name), role, name);
    });

    it('ignores spaces and asterisks in a header cell', () => {
      assert.equal(headerRole(' 序 号 '), 'serial');
      assert.equal(headerRole('*责任单位'), 'units');
    });

    it('ignores a short note in brackets after the name, and knows the columns real ledgers add', () => {
      assert.equal(headerRole('责任单位（部门）'), 'units');
      assert.equal(headerRole('完成时限(年月)'), 'time');
      assert.equal(headerRole('（一）'), null);
      for (const [name, role] of [['主要举措', 'task'], ['协同单位', 'units'], ['时间安排', 'time'], ['责任领导', 'other'], ['完成情况', 'other']] as const) {
        assert.equal(headerRole(name), role, name);
      }
    });

    it('is null for text that is no header', () => {
      for (const t of ['', '做好某项工作', '甲类工作', '1', '全年']) assert.equal(headerRole(t), null, t);
    });
  });

  describe('layout A: cell per line', () => {
    const text = doc(
      ...BODY,
      '附件',
      '2023年某区政务公开工作要点任务分解表',
      '序号 |',
      '类别 |',
      '任务 |',
      '责任单位 |',
      '时间节点 |',
      '1 |',
      '甲类工作 |',
      '做好某项信息公开。 |',
      '区甲局 |',
      '全年 |',
      '- 2 -',
      '2 |',
      '做好另一项信息公开。 |',
      '区乙局、 各街镇 |',
      '6月 |',
      '|',
      '3 |',
      '乙类工作 |',
      '做好第三项信息公开。 |',
      '区丙局 |',
      '尽快 |',
    );
    const d = parseDocument(text);
    const a = annexOf(d);

    it('reads the layout, the annex line, the title and the header', () => {
      assert.equal(a.layout, 'cells');
      assert.equal(a.line, 5);
      assert.deepEqual(a.title, { start: text.indexOf('2023年某区政务公开工作要点任务分解表'), end: text.indexOf('2023年某区政务公开工作要点任务分解表') + 20, text: '2023年某区政务公开工作要点任务分解表' });
      assert.deepEqual(
        a.header.map((c) => [c.role, c.name]),
        [
          ['serial', '序号'],
          ['category', '类别'],
          ['task', '任务'],
          ['units', '责任单位'],
          ['time', '时间节点'],
        ],
      );
      assert.deepEqual(a.headerRange, { start: text.indexOf('序号'), end: text.indexOf('时间节点') + 4 });
      assert.deepEqual(a.range, { start: text.indexOf('附件'), end: text.indexOf('尽快 |') + 4 });
      assert.deepEqual(a.badLines, []);
    });

    it('reads the rows, carrying the merged category down and skipping the page marker', () => {
      assert.deepEqual(a.rows.map(row), [
        {
          serial: 1,
          task: '做好某项信息公开。',
          units: '区甲局',
          unitList: ['区甲局:responsible'],
          time: '全年',
          hasTimeNode: true,
          categories: ['甲类工作'],
          lines: [12, 16],
          extra: [],
        },
        {
          serial: 2,
          task: '做好另一项信息公开。',
          units: '区乙局、 各街镇',
          unitList: ['区乙局:responsible', '各街镇:responsible'],
          time: '6月',
          hasTimeNode: true,
          categories: ['甲类工作*'],
          lines: [18, 22],
          extra: [],
        },
        {
          serial: 3,
          task: '做好第三项信息公开。',
          units: '区丙局',
          unitList: ['区丙局:responsible'],
          time: '尽快',
          hasTimeNode: false,
          categories: ['乙类工作'],
          lines: [23, 27],
          extra: [],
        },
      ]);
      assert.deepEqual(
        a.rows.map((r) => r.index),
        [0, 1, 2],
      );
    });

    it('gives exact cell ranges, the carried category keeping the range of the cell above', () => {
      assertCells(d);
      const [r1, r2] = a.rows;
      assert.deepEqual(r1.serialCell, { start: text.indexOf('1 |'), end: text.indexOf('1 |') + 1, text: '1', present: true, line: 12 });
      assert.equal(r1.task?.start, text.indexOf('做好某项信息公开。 |'));
      assert.equal(r1.task?.end, text.indexOf('做好某项信息公开。 |') + 9);
      const carried = r2.categories[0];
      assert.equal(carried.present, false);
      assert.equal(carried.start, r1.categories[0].start);
      assert.equal(carried.end, r1.categories[0].end);
      // The lone `|` line is an empty leftover cell of row 2: a zero-length cell at the bar.
      assert.deepEqual(r2.range, { start: text.indexOf('2 |'), end: text.indexOf('|\n3 |') });
      assert.equal(r2.endLine, 22);
      assert.deepEqual(
        r2.unitList.map((u) => [u.name, u.text, u.start]),
        [
          ['区乙局', '区乙局', text.indexOf('区乙局')],
          ['各街镇', '各街镇', text.indexOf('各街镇')],
        ],
      );
    });

    it('parses the time node of the time cell', () => {
      const [r1, r2] = a.rows;
      assert.ok(r1.timeNode?.wholeYear);
      assert.deepEqual(r2.timeNode?.parts, [{ year: null, months: 1 << 5 }]);
    });

    it('keeps the page marker as noise, not a row', () => {
      assert.ok(d.paragraphs.every((p) => p.kind !== 'free'));
    });

    it('keeps the body out of the annex', () => {
      assert.deepEqual(
        readMeaning(d).tasks.map((s) => s.content),
        ['做好某项信息公开。', '做好另一项信息公开。', '做好第三项信息公开。'],
      );
    });
  });

  describe('layout A: a cell of several lines', () => {
    // A cell with two paragraphs, or broken at a PDF page's margin: only its last line ends with the bar.
    const text = doc(
      ...BODY,
      ...CELLS_HEAD,
      '1 |',
      '做好某项信息公开，',
      '并按季度更新。 |',
      '区甲局 |',
      '全年 |',
      '2 |',
      '做好另一项信息公开。 |',
      '区乙局、',
      '',
      '各街镇 |',
      '6月 |',
      '3 |',
      '做好第三项信息公开。 |',
      '区丙局 |',
      '全年 |',
      '附件说明：以上任务均需按期完成',
    );
    const d = parseDocument(text);
    const a = annexOf(d);

    it('reads the lines up to the bar as one cell, its text sliced from the document', () => {
      assertCells(d);
      assert.deepEqual(
        a.rows.map((r) => [r.serial, r.task?.text, r.unitList.map((u) => u.name), r.time?.text, r.line, r.endLine]),
        [
          [1, '做好某项信息公开，\n并按季度更新。', ['区甲局'], '全年', 10, 14],
          [2, '做好另一项信息公开。', ['区乙局', '各街镇'], '6月', 15, 20],
          [3, '做好第三项信息公开。', ['区丙局'], '全年', 21, 24],
        ],
      );
      assert.deepEqual(a.badLines, []);
    });

    it('ends the table at a line without a bar that no bar follows', () => {
      assert.equal(a.range.end, text.indexOf('全年 |\n附件说明') + 4);
      assert.ok(d.paragraphs.some((p) => p.text === '附件说明：以上任务均需按期完成'));
    });

    it('ends a cell whose closing bar stands alone at its last line with text, not at the blank line before the bar', () => {
      const t = doc(...BODY, ...CELLS_HEAD, '1 |', '做好某项信息公开，', '并按季度更新。', '', '|', '区甲局 |', '全年 |');
      const d = parseDocument(t);
      assertCells(d);
      assert.deepEqual(annexOf(d).rows.map((r) => [r.task?.text, r.units?.text]), [['做好某项信息公开，\n并按季度更新。', '区甲局']]);
    });

    it('does not take a serial, a section row or a new annex without bars into a cell', () => {
      for (const stop of ['4', '二、其他工作', '附件2']) {
        const t = doc(...BODY, ...CELLS_HEAD, '1 |', '做好某项信息公开。 |', '区甲局 |', '全年 |', stop, '做好另一项信息公开。 |');
        const rows = annexOf(parseDocument(t)).rows;
        assert.deepEqual(rows.map((r) => r.task?.text), ['做好某项信息公开。'], stop);
      }
    });
  });

  describe('layout A: two cells on one line', () => {
    const text = doc(
      ...BODY,
      '附件',
      '序号 | 一级指标 |',
      '任务分解 |',
      '责任单位 |',
      '时间节点 |',
      '1 | 甲类工作 |',
      '做好某项信息公开。 |',
      '区甲局 |',
      '全年 |',
      '2 |',
      '做好另一项信息公开。 |',
      '区乙局 |',
      '3-6月 |',
      '|',
      '请认真落实。',
    );
    const d = parseDocument(text);
    const a = annexOf(d);

    it('reads the header and the rows', () => {
      assert.equal(a.layout, 'cells');
      assert.deepEqual(
        a.header.map((c) => c.role),
        ['serial', 'category', 'task', 'units', 'time'],
      );
      assert.deepEqual(a.rows.map(row), [
        {
          serial: 1,
          task: '做好某项信息公开。',
          units: '区甲局',
          unitList: ['区甲局:responsible'],
          time: '全年',
          hasTimeNode: true,
          categories: ['甲类工作'],
          lines: [10, 13],
          extra: [],
        },
        {
          serial: 2,
          task: '做好另一项信息公开。',
          units: '区乙局',
          unitList: ['区乙局:responsible'],
          time: '3-6月',
          hasTimeNode: true,
          categories: ['甲类工作*'],
          lines: [14, 18],
          extra: [],
        },
      ]);
      assertCells(d);
    });

    it('gives exact ranges to two cells sharing a line', () => {
      const r1 = a.rows[0];
      const line = text.indexOf('1 | 甲类工作 |');
      assert.deepEqual([r1.serialCell?.start, r1.serialCell?.end], [line, line + 1]);
      assert.deepEqual([r1.categories[0].start, r1.categories[0].end], [line + 4, line + 8]);
    });

    it('ends the table at text that is not a row', () => {
      assert.equal(a.range.end, text.indexOf('|\n请认真落实') + 1);
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line, p.text]),
        [['free', 19, '请认真落实。']],
      );
    });
  });

  describe('layout A: a merged unit cell', () => {
    it('carries the units of the row above, not present', () => {
      const text = doc(
        ...BODY,
        ...CELLS_HEAD,
        '1 |',
        '做好某项信息公开工作的具体内容。 |',
        '区甲局 |',
        '全年 |',
        '2 |',
        '做好另一项信息公开工作的具体内容。 |',
        '6月 |',
      );
      const d = parseDocument(text);
      const [r1, r2] = annexOf(d).rows;
      assert.equal(r2.units?.text, '区甲局');
      assert.equal(r2.units?.present, false);
      assert.equal(r2.units?.start, r1.units?.start);
      assert.deepEqual(
        r2.unitList.map((u) => [u.name, u.start]),
        [['区甲局', text.indexOf('区甲局')]],
      );
      assert.equal(r2.time?.text, '6月');
      assert.equal(r2.time?.present, true);
      assert.deepEqual([r2.line, r2.endLine], [14, 16]);
    });
  });

  describe('layout B: pipes', () => {
    it('reads rows with outer bars and a separator line', () => {
      const text = doc(
        ...BODY,
        '附件',
        '| 序号 | 重点领域 | 工作内容 | 牵头单位 | 配合单位 | 完成时限 |',
        '|---|---|---|---|---|---|',
        '| 1 | 甲类 | 做好某项信息公开。 | 区甲局 | 区乙局、区丙局 | 6月底前 |',
        '| 2 | | 做好另一项信息公开。 | 区乙局 | 各街镇 | 下半年 |',
        '以上任务请认真落实。',
      );
      const d = parseDocument(text);
      const a = annexOf(d);
      assert.equal(a.layout, 'pipes');
      assert.deepEqual(
        a.header.map((c) => [c.role, c.name]),
        [
          ['serial', '序号'],
          ['category', '重点领域'],
          ['task', '工作内容'],
          ['units', '牵头单位'],
          ['units', '配合单位'],
          ['time', '完成时限'],
        ],
      );
      assert.deepEqual(a.rows.map(row), [
        {
          serial: 1,
          task: '做好某项信息公开。',
          units: '区甲局',
          unitList: ['区甲局:lead', '区乙局:support', '区丙局:support'],
          time: '6月底前',
          hasTimeNode: true,
          categories: ['甲类'],
          lines: [8, 8],
          extra: [],
        },
        {
          serial: 2,
          task: '做好另一项信息公开。',
          units: '区乙局',
          unitList: ['区乙局:lead', '各街镇:support'],
          time: '下半年',
          hasTimeNode: true,
          categories: ['甲类*'],
          lines: [9, 9],
          extra: [],
        },
      ]);
      assert.deepEqual(a.range, { start: text.indexOf('附件'), end: text.indexOf('下半年 |') + 5 });
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line]),
        [['free', 10]],
      );
      assertCells(d);
      const r1 = a.rows[0];
      const line = text.indexOf('| 1 |');
      assert.deepEqual([r1.serialCell?.start, r1.serialCell?.end], [line + 2, line + 3]);
    });

    it('reads rows without outer bars and full-width bars', () => {
      const text = doc(...BODY, '附件1', '序号 | 二级指标 | 责任处室 | 时限', '1 | 做好某项信息公开。 | 综合处 | 每季度', '第 2 页', '2｜做好另一项信息公开。｜办公室｜年底前');
      const d = parseDocument(text);
      const a = annexOf(d);
      assert.equal(a.layout, 'pipes');
      assert.equal(a.line, 5);
      assert.deepEqual(
        a.header.map((c) => c.role),
        ['serial', 'task', 'units', 'time'],
      );
      assert.deepEqual(
        a.rows.map((r) => [r.serial, r.task?.text, r.units?.text, r.time?.text, r.timeNode?.wholeYear, r.line]),
        [
          [1, '做好某项信息公开。', '综合处', '每季度', true, 7],
          [2, '做好另一项信息公开。', '办公室', '年底前', false, 9],
        ],
      );
      assertCells(d);
      assert.deepEqual(a.badLines, []);
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line]),
        [],
      );
    });

    it('records a line with fewer than two cells as a bad line', () => {
      const text = doc(...BODY, '附件', '序号 | 工作任务 | 责任部门 | 完成时间', '1 | 做好某项信息公开。 | 区甲局 | 全年', '| 备注 |', '2 | 做好另一项信息公开。 | 区乙局 | 全年');
      const a = annexOf(parseDocument(text));
      assert.deepEqual(
        a.badLines.map((b) => [b.start, b.end, b.text]),
        [[text.indexOf('| 备注 |'), text.indexOf('| 备注 |') + 6, '| 备注 |']],
      );
      assert.deepEqual(
        a.rows.map((r) => r.serial),
        [1, 2],
      );
    });
  });

  describe('layout C: tabs', () => {
    it('reads tab-separated rows and carries an empty category down', () => {
      const text = doc(...BODY, '附件', '序号\t类别\t任务内容\t责任部门\t完成时间', '1\t甲类\t做好某项信息公开。\t区甲局\t全年', '2\t\t做好另一项信息公开。\t区乙局\t2024年1月', '3\t乙类\t做好第三项信息公开。\t区丙局\t四季度\t\t');
      const d = parseDocument(text);
      const a = annexOf(d);
      assert.equal(a.layout, 'tabs');
      assert.deepEqual(
        a.header.map((c) => [c.role, c.name]),
        [
          ['serial', '序号'],
          ['category', '类别'],
          ['task', '任务内容'],
          ['units', '责任部门'],
          ['time', '完成时间'],
        ],
      );
      assert.deepEqual(
        a.rows.map((r) => [r.serial, r.categories.map((c) => `${c.text}:${c.present}`), r.task?.text, r.units?.text, r.time?.text, r.line]),
        [
          [1, ['甲类:true'], '做好某项信息公开。', '区甲局', '全年', 7],
          [2, ['甲类:false'], '做好另一项信息公开。', '区乙局', '2024年1月', 8],
          [3, ['乙类:true'], '做好第三项信息公开。', '区丙局', '四季度', 9],
        ],
      );
      assert.deepEqual(a.rows[1].timeNode?.parts, [{ year: 2024, months: 1 }]);
      assert.deepEqual(a.rows[2].extraCells, []);
      assertCells(d);
    });
  });

  describe('finding the annex', () => {
    it('skips a 附件:<title> reference line followed by the real 附件', () => {
      const text = doc(...BODY, '附件:某区政务公开工作要点任务分解表', '附件', '序号 | 任务 | 责任单位 | 时间节点', '1 | 做好某项信息公开。 | 区甲局 | 全年');
      const d = parseDocument(text);
      const a = annexOf(d);
      assert.equal(a.line, 6);
      assert.equal(a.range.start, nth(text, '附件', 1));
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line, p.text]),
        [['free', 5, '附件:某区政务公开工作要点任务分解表']],
      );
    });

    it('starts at a 附件:<title> line directly followed by the header', () => {
      const text = doc(...BODY, '附件：某区政务公开工作要点任务分解表', '序号 | 任务 | 责任单位 | 时间节点', '1 | 做好某项信息公开。 | 区甲局 | 全年');
      const a = annexOf(parseDocument(text));
      assert.equal(a.line, 5);
      assert.equal(a.title, null);
      assert.equal(a.rows.length, 1);
    });

    it('finds a pipe table typed without any 附件 line', () => {
      const text = doc(...BODY, '序号 | 任务 | 责任单位 | 时间节点', '1 | 做好某项信息公开。 | 区甲局 | 全年');
      const d = parseDocument(text);
      const a = annexOf(d);
      assert.equal(a.line, 5);
      assert.equal(a.range.start, text.indexOf('序号'));
      assert.deepEqual(
        a.rows.map((r) => r.task?.text),
        ['做好某项信息公开。'],
      );
      assert.deepEqual(d.paragraphs, []);
    });

    it('finds a tab table typed without any 附件 line', () => {
      const text = doc(...BODY, '序号\t任务\t责任单位\t时间节点', '1\t做好某项信息公开。\t区甲局\t全年');
      const a = annexOf(parseDocument(text));
      assert.equal(a.layout, 'tabs');
      assert.equal(a.line, 5);
      assert.equal(a.rows.length, 1);
    });

    it('needs three known columns for a table without 附件 line', () => {
      const d = parseDocument(doc(...BODY, '序号 | 任务', '1 | 做好某项信息公开。'));
      assert.equal(d.annex, null);
    });

    it('needs a task column', () => {
      const d = parseDocument(doc(...BODY, '附件', '序号 | 责任单位 | 时间节点', '1 | 区甲局 | 全年'));
      assert.equal(d.annex, null);
    });

    it('has no annex without a table', () => {
      const d = parseDocument(doc(...BODY, '附件', '某区政务公开工作要点任务分解表', '做好某项信息公开。'));
      assert.equal(d.annex, null);
    });
  });

  describe('splitBars', () => {
    /** The plain reading: every piece between bars trimmed; empty edges dropped; a lone `|` one empty cell. */
    function reference(text: string, line: ReturnType<typeof splitLines>[number]): RawCell[] {
      const f = line.folded;
      const pieces = f.split('|');
      const cells: RawCell[] = [];
      let from = 0;
      pieces.forEach((p, i) => {
        const c = trimCell(text, f, line, from, from + p.length);
        if (!((i === 0 || i === pieces.length - 1) && c.text.length === 0)) cells.push(c);
        from += p.length + 1;
      });
      const bar = f.indexOf('|');
      if (cells.length === 0 && bar >= 0) cells.push(trimCell(text, f, line, bar, bar));
      return cells;
    }

    it('reads the cells of any line as the plain reading does', () => {
      const piece = fc.constantFrom('|', ' ', '\t', 'a', '甲', '｜', '全年 ');
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('', '前文\n'), (pieces, before) => {
          const text = before + pieces.join('') + '\n';
          const line = splitLines(text)[before ? 1 : 0];
          assert.deepEqual([...splitBars(text, line)], reference(text, line));
        }),
        { numRuns: 2000, seed: 20261130 },
      );
    });
  });
});
