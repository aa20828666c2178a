import { strict as assert } from 'assert';
import { ruleTester } from '../helpers/ruleTester';

const tester = ruleTester('time-before-issue');
const { check, slices } = tester;

const NOTICE = '各街道办事处，区政府各部门：\n现将《2023年某区政务公开工作要点》印发给你们，请认真贯彻落实。\n某区人民政府办公室\n2023年4月12日\n';
const PLAN = '2023年某区政务公开工作要点\n一、强化重点领域信息公开\n';
const item = (time: string): string => `（一）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局；完成时限：${time}）\n`;

describe('time-before-issue', () => {
  tester.fixtures();

  it('reports a time node that ended before the issue date, at the time text, naming both dates', () => {
    const text = NOTICE + PLAN + item('3月底前');
    const ds = check(text);
    assert.deepEqual(slices(text), ['3月底前']);
    assert.equal(ds[0].severity, 'warning');
    assert.equal(ds[0].message, '时间节点早于发文日期:“3月底前”中的2023年3月早于本文件的发文日期2023年4月12日');
    assert.deepEqual(ds[0].fixes, []);
  });

  it('leaves a node that ends in or after the issue month, whole-year and recurring nodes alone', () => {
    for (const time of ['4月底前', '4月', '上半年', '全年', '每季度', '持续推进', '2024年1月']) assert.deepEqual(check(NOTICE + PLAN + item(time)), [], time);
  });

  it('is silent without an issue date; a closing date is not the issue date', () => {
    assert.deepEqual(check(PLAN + item('2月底前')), []);
    assert.deepEqual(check(`${PLAN}${item('2月底前')}某区人民政府办公室\n2023年4月12日\n`), []);
  });
});
