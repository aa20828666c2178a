// Engine bugs found by the property tests (properties.test.ts), each with the smallest input
// that showed it. All of them made `fixText` run out of passes without converging: an auto fix
// wrote text that the next parse read differently (another table, a parenthetical closed early),
// so a fix came back on every pass.

import * as assert from 'assert';
import { fixText, lintText } from '../../server/src/engine/lint';

function doc(lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** fixText reaches a fixed point, in fewer passes than its limit. */
function assertConverges(text: string): string {
  const once = fixText(text);
  assert.ok(once.passes < 10, `fixText used all its passes (${once.passes})`);
  assert.strictEqual(fixText(once.output).output, once.output, 'fixing the fixed text changed it again');
  return once.output;
}

const HEADER_A = ['附件', '序号 |', '任务分解 |', '责任单位 |', '时间节点 |'];

describe('robustness: regressions found by the property tests', () => {
  it('annex-text-mismatch does not copy body text with a `|` into a cell (it split the cell on every pass)', () => {
    const text = doc([
      '2026年某区政务公开工作要点',
      '一、优化政策服务',
      '| 落实政策解读与政策文件同步审签、同步发布的要求。(责任单位:区政府各部门)',
      ...HEADER_A,
      '1 |',
      '落实政策解读与政策文件同步审签、同步发布的要求。 |',
      '区政府各部门 |',
      '全年 |',
    ]);
    const d = lintText(text).diagnostics.filter((x) => x.ruleId === 'annex-text-mismatch');
    assert.strictEqual(d.length, 1, 'the difference is still reported');
    assert.ok(!d[0].fixes.some((f) => f.edits.some((e) => /[|\t\r\n]/.test(e.newText) && e.start >= text.indexOf('附件'))), 'no fix writes a `|` into the table');
    assertConverges(text);
  });

  it('annex-category-mismatch does not write a chapter title with a `|` into a cell', () => {
    const text = doc([
      '2026年某区政务公开工作要点',
      '一、深化|重点领域信息公开',
      '1.做好甲项信息公开工作。(责任单位:区甲局)',
      '二、优化政策服务',
      '2.做好乙项信息公开工作。(责任单位:区乙局)',
      '附件',
      '序号 |',
      '类别 |',
      '任务分解 |',
      '责任单位 |',
      '时间节点 |',
      '1 |',
      '深化 |',
      '做好甲项信息公开工作。 |',
      '区甲局 |',
      '全年 |',
      '2 |',
      '优化政策服务 |',
      '做好乙项信息公开工作。 |',
      '区乙局 |',
      '全年 |',
    ]);
    const d = lintText(text).diagnostics.filter((x) => x.ruleId === 'annex-category-mismatch');
    assert.strictEqual(d.length, 1, 'the mismatch is still reported');
    assert.deepStrictEqual(d[0].fixes, []);
    assertConverges(text);
  });

  it('unit-inconsistent-name does not write a name with a bracket into a parenthetical (the `)` closed it early)', () => {
    const text = doc([
      '2026年某区政务公开工作要点',
      '一、优化政策服务',
      '1.组织报送优秀政策解读案例。(责任单位:区融媒体中心)',
      '附件',
      '| 序号 | 任务分解 | 责任单位 | 时间节点 |',
      '| 1 | 组织报送优秀政策解读案例。 | 区融媒）体中心 | 全年 |',
    ]);
    const d = lintText(text).diagnostics.filter((x) => x.ruleId === 'unit-inconsistent-name');
    assert.strictEqual(d.length, 1, 'the two spellings are still reported');
    assert.deepStrictEqual(d[0].fixes, []);
    assert.strictEqual(assertConverges(text), text);
  });

  it('full-width serials (`１ |`) start layout-A rows like half-width ones', () => {
    const text = doc([
      '2026年某区政务公开工作要点',
      '一、依法履行信息公开职责',
      '1.做好甲项信息公开工作。(责任单位:区甲局)',
      '2.做好乙项信息公开工作。(责任单位:区乙局)',
      ...HEADER_A,
      '１ |',
      '做好甲项信息公开工作。 |',
      '区甲局 |',
      '全年 |',
      '２ |',
      '做好乙项信息公开工作。 |',
      '区乙局 |',
      '全年 |',
    ]);
    const r = lintText(text);
    assert.deepStrictEqual(
      r.doc.annex?.rows.map((row) => row.serial),
      [1, 2],
    );
    assert.deepStrictEqual(r.diagnostics, []);
  });

  it('renumbering a table of full-width serials converges (it used to uncover one row per pass)', () => {
    // The shape a whole-document width conversion that stops inside the table leaves behind.
    const body: string[] = [];
    const rows: string[] = [];
    const fw = (n: number): string => String(n).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (let n = 1; n <= 12; n++) {
      const task = `做好第${fw(n)}项信息公开工作。`;
      body.push(`${n}.${task}(责任单位:区甲局)`);
      rows.push(`${n <= 11 ? fw(n) : '１2'} |`, `${task} |`, '区甲局 |', '全年 |');
    }
    rows.push('12 |', '做好补充信息公开工作。 |', '区甲局 |', '全年 |');
    body.push('13.做好补充信息公开工作。(责任单位:区甲局)');
    const text = doc(['2026年某区政务公开工作要点', '一、依法履行信息公开职责', ...body, ...HEADER_A, ...rows]);
    assert.deepStrictEqual(
      lintText(text).doc.annex?.rows.map((row) => row.serial),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12],
    );
    const fixed = assertConverges(text);
    assert.deepStrictEqual(
      lintText(fixed).doc.annex?.rows.map((row) => row.serial),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    );
  });

  it('annex-serial does not auto-fix a layout-A table whose serial cells are not numbers (writing numbers regrouped the rows)', () => {
    // The 序号 column last in the header: rows still start at the numbers, so the cells placed in
    // the serial column are other cells; renumbering them made new rows on every pass.
    const text = doc([
      '2026年某区政务公开工作要点',
      '一、依法履行信息公开职责',
      '1.做好甲项信息公开工作。(责任单位:区甲局)',
      '2.做好乙项信息公开工作。(责任单位:区乙局)',
      '附件',
      '时间节点 |',
      '任务分解 |',
      '责任单位 |',
      '序号 |',
      '1 |',
      '做好甲项信息公开工作。 |',
      '区甲局 |',
      '全年 |',
      '2 |',
      '做好乙项信息公开工作。 |',
      '区乙局 |',
      '全年 |',
    ]);
    const d = lintText(text).diagnostics.filter((x) => x.ruleId === 'annex-serial');
    assert.ok(d.length > 0, 'the serials are still reported');
    for (const x of d) {
      assert.ok(x.fixes.length > 0, 'the renumbering is still offered in the editor');
      assert.ok(x.fixes.every((f) => !f.auto), 'but not applied by --fix');
    }
    assert.strictEqual(assertConverges(text), text);
  });

  it('annex-serial still auto-fixes a layout-A table whose serials are all numbers', () => {
    const text = doc([
      '2026年某区政务公开工作要点',
      '一、依法履行信息公开职责',
      '1.做好甲项信息公开工作。(责任单位:区甲局)',
      '2.做好乙项信息公开工作。(责任单位:区乙局)',
      ...HEADER_A,
      '1 |',
      '做好甲项信息公开工作。 |',
      '区甲局 |',
      '全年 |',
      '3 |',
      '做好乙项信息公开工作。 |',
      '区乙局 |',
      '全年 |',
    ]);
    const fixed = assertConverges(text);
    assert.strictEqual(fixed, text.replace('3 |', '2 |'));
  });
});
