import { strict as assert } from 'assert';
import { lintText, type Diagnostic } from '../../server/src/engine/lint';

const ID = 'annex-structure';

function check(text: string): Diagnostic[] {
  return lintText(text).diagnostics.filter((d) => d.ruleId === ID);
}

const BODY =
  '2026年某区政务公开工作要点\n' +
  '一、围绕稳增长强化信息公开\n' +
  '(一)做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。(区财政局负责落实)\n';
const R1 = '| 1 | 按季度公开财政收支情况。 | 区财政局 | 每季度 |\n';
const R2 = '| 2 | 及时公开政府债务限额、余额等信息。 | 区财政局 | 全年 |\n';
const HEAD = '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';

describe('annex-structure', () => {
  it('reports a header without unit or time column once, at the header, naming what is missing', () => {
    const text = BODY + '附件\n| 序号 | 任务分解 | 备注 |\n|---|---|---|\n| 1 | 按季度公开财政收支情况。 | 无 |\n| 2 | 及时公开政府债务限额、余额等信息。 | 无 |\n';
    const ds = check(text);
    assert.equal(ds.length, 1);
    // A table without those columns is a note (推广清单 and 台账 have none by design), not a defect.
    assert.equal(ds[0].severity, 'info');
    assert.equal(ds[0].message, '任务分解表表头缺少“责任单位”、“时间节点”列');
    assert.equal(text.slice(ds[0].start, ds[0].end), '序号 | 任务分解 | 备注');
    assert.deepEqual(ds[0].fixes, []);
  });

  it('reports a line inside the table that is no row', () => {
    const text = BODY + HEAD + R1 + '| 以下为债务类任务 |\n' + R2;
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message, '任务分解表中此行无法读取:一行至少应有序号和任务两个单元格,此处为“| 以下为债务类任务 |”');
    assert.equal(text.slice(ds[0].start, ds[0].end), '| 以下为债务类任务 |');
  });

  it('reports cells beyond the header’s columns, at those cells', () => {
    const text = BODY + HEAD + R1 + '| 2 | 及时公开政府债务限额、余额等信息。 | 区财政局 | 全年 | 已完成 | 见附表 |\n';
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message, '任务分解表第2行多出2个单元格(表头共4列):“已完成 | 见附表”');
    assert.equal(text.slice(ds[0].start, ds[0].end), '已完成 | 见附表');
  });

  it('reports a row without a task cell, or with an empty one', () => {
    const short = BODY + '附件\n| 序号 | 责任单位 | 时间节点 | 任务分解 |\n|---|---|---|---|\n| 1 | 区财政局 | 每季度 | 按季度公开财政收支情况。 |\n| 2 | 区财政局 | 全年 |\n';
    const ds = check(short);
    assert.deepEqual(ds.map((d) => d.message), ['任务分解表第2行缺少任务一栏']);
    assert.equal(short.slice(ds[0].start, ds[0].end), '2 | 区财政局 | 全年');
    const empty = BODY + HEAD + R1 + '| 2 |  | 区财政局 | 全年 |\n';
    assert.deepEqual(check(empty).map((d) => d.message), ['任务分解表第2行的任务一栏为空']);
  });

  it('stays silent on a well-formed table and without an annex', () => {
    assert.deepEqual(check(BODY + HEAD + R1 + R2), []);
    assert.deepEqual(check(BODY), []);
  });
});
