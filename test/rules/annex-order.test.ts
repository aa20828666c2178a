import { strict as assert } from 'assert';
import { ruleTester } from '../helpers/ruleTester';

const ID = 'annex-order';

const tester = ruleTester(ID);
const { check } = tester;

const BODY =
  '2026年某区政务公开工作要点\n' +
  '一、围绕稳增长强化信息公开\n' +
  '(一)做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。(区财政局负责落实)\n' +
  '(二)推进重大项目信息公开。及时发布重点建设项目目录和年度投资计划。(区发展改革委负责落实)\n' +
  '(三)推进教育信息公开。在4月底前公布公办学校招生区域。(区教育局负责落实)\n';
const HEAD = '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';
const TASKS = [
  ['按季度公开财政收支情况。', '区财政局', '每季度'],
  ['及时公开政府债务限额、余额等信息。', '区财政局', '全年'],
  ['及时发布重点建设项目目录和年度投资计划。', '区发展改革委', '上半年'],
  ['在4月底前公布公办学校招生区域。', '区教育局', '4月底前'],
];

/** The table with the tasks in the given order, serials 1..N. */
function table(order: number[]): string {
  return BODY + HEAD + order.map((k, i) => `| ${i + 1} | ${TASKS[k].join(' | ')} |\n`).join('');
}

describe('annex-order', () => {
  tester.fixtures();

  it('reports a row out of body order at its serial cell, saying where it belongs', () => {
    const text = table([0, 3, 1, 2]);
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, '此行顺序与正文不一致:对应正文第5行,应排在第4行之后');
    assert.equal(d.start, text.indexOf('| 2 | 在4月底前') + 2);
    assert.equal(text.slice(d.start, d.end), '2');
    assert.deepEqual(d.fixes, []);
  });

  it('says when a row belongs before the first row', () => {
    const text = table([1, 2, 3, 0]);
    assert.deepEqual(check(text).map((d) => d.message), ['此行顺序与正文不一致:对应正文第3行,应排在第1行之前']);
  });

  it('stays silent on rows in body order, and on orphan rows', () => {
    assert.deepEqual(check(table([0, 1, 2, 3])), []);
    const orphan = table([0, 1, 2, 3]) + '| 5 | 组织开展政务公开业务培训和年度考核。 | 区政府办公室 | 下半年 |\n';
    assert.deepEqual(check(orphan), []);
  });
});
