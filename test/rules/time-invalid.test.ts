import { strict as assert } from 'assert';
import { ruleTester } from '../helpers/ruleTester';

const ID = 'time-invalid';

const tester = ruleTester(ID);
const { check } = tester;

const BODY = '2026年某区政务公开工作要点\n一、强化重点领域信息公开\n（一）财政信息公开。按规定公开部门预决算。\n（二）教育信息公开。做好招生政策信息公开。\n';
const annex = (t1: string, t2: string): string =>
  `${BODY}附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n| 1 | 按规定公开部门预决算。 | 区财政局 | ${t1} |\n| 2 | 做好招生政策信息公开。 | 区教育局 | ${t2} |\n`;

describe('time-invalid', () => {
  tester.fixtures();

  it('reports an annex time cell that does not parse, at the cell, without fixes', () => {
    const text = annex('尽快', '全年');
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(text.slice(d.start, d.end), '尽快');
    assert.equal(d.severity, 'error');
    assert.equal(d.message, '时间节点无法识别:“尽快”,应写为“全年”“6月底前”“三季度”等');
    assert.deepEqual(d.fixes, []);
  });

  it('reports 13月 and 三季度底前前, not valid forms', () => {
    const text = annex('13月', '三季度底前前');
    assert.deepEqual(check(text).map((d) => text.slice(d.start, d.end)), ['13月', '三季度底前前']);
    for (const ok of ['全年', '6月底前', '3—6月', '4月、10月', '2026年6月底前', '每季度', '持续推进', '第一季度', '年底前']) {
      assert.deepEqual(check(annex(ok, '全年')), [], ok);
    }
  });

  it('leaves an empty cell to time-missing', () => {
    assert.deepEqual(check(annex('', '全年')), []);
  });

  it('reports an inline time key value that does not parse', () => {
    const text = '2026年某区政务公开工作要点\n一、强化重点领域信息公开\n（一）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局；完成时限：适时）\n（二）做好教育信息公开。公开招生政策。(责任单位:区教育局;时间节点:)\n';
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.equal(text.slice(ds[0].start, ds[0].end), '适时');
    assert.equal(ds[0].message, '时间节点无法识别:“适时”,应写为“全年”“6月底前”“三季度”等');
  });

});
