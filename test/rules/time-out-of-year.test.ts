import { strict as assert } from 'assert';
import { ruleTester } from '../helpers/ruleTester';

const ID = 'time-out-of-year';

const tester = ruleTester(ID);
const { check } = tester;

const doc = (title: string, t1: string, t2: string): string =>
  `${title}\n一、强化重点领域信息公开\n（一）财政信息公开。按规定公开部门预决算。\n（二）教育信息公开。做好招生政策信息公开。\n` +
  `附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n| 1 | 按规定公开部门预决算。 | 区财政局 | ${t1} |\n| 2 | 做好招生政策信息公开。 | 区教育局 | ${t2} |\n`;

describe('time-out-of-year', () => {
  tester.fixtures();

  it('reports a time node before the plan year, at the time text, as a warning without fixes', () => {
    const text = doc('2026年某区政务公开工作要点', '2024年6月', '全年');
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(text.slice(d.start, d.end), '2024年6月');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, '时间节点“2024年6月”不在计划年度(2026年)内:应在2026年内,最晚不超过2027年一季度');
    assert.deepEqual(d.fixes, []);
  });

  it('accepts the first quarter of the next year, not later', () => {
    const text = doc('2026年某区政务公开工作要点', '2027年3月底前', '2027年4月');
    assert.deepEqual(check(text).map((d) => text.slice(d.start, d.end)), ['2027年4月']);
    assert.deepEqual(check(doc('2026年某区政务公开工作要点', '2027年一季度', '2026年11月-2027年2月')), []);
  });

  it('checks inline time keys', () => {
    const text = '2026年某区政务公开工作要点\n一、重点工作\n（一）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局；完成时限：2025年12月底前）\n';
    const ds = check(text);
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['2025年12月底前']);
    assert.match(ds[0].message, /计划年度\(2026年\)/);
  });

  it('takes the plan year from the config, and is silent when it is unknown', () => {
    assert.deepEqual(check(doc('2026年某区政务公开工作要点', '2024年6月', '全年'), { planYear: 2024 }), []);
    assert.deepEqual(check(doc('某区政务公开工作要点', '2024年6月', '2019年')), []);
  });

});
