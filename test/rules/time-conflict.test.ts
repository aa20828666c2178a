import { strict as assert } from 'assert';
import { annexHead, head } from '../helpers/documents';
import { ruleTester } from '../helpers/ruleTester';

const ID = 'time-conflict';

const tester = ruleTester(ID);
const { check } = tester;

const HEAD = head();
const ANNEX = annexHead();
const one = (sentence: string, node: string): string => `${HEAD}（一）政府开放活动。${sentence}\n${ANNEX}| 1 | ${sentence} | 区政府办公室 | ${node} |\n`;

describe('time-conflict', () => {
  tester.fixtures();

  it('reports an annex node that does not include the month the body names, with the body phrase as related information', () => {
    const text = one('在8月集中组织开展政府开放活动。', '一季度');
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(d.start, text.lastIndexOf('一季度'));
    assert.equal(text.slice(d.start, d.end), '一季度');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, '时间节点与正文不一致:正文写“8月”,时间节点为“一季度”');
    assert.equal(d.related.length, 1);
    assert.equal(d.related[0].start, text.indexOf('8月'));
    assert.equal(text.slice(d.related[0].start, d.related[0].end), '8月');
    assert.deepEqual(d.fixes, []);
  });

  it('accepts nodes that include the month, whole-year nodes and deadlines the body falls within', () => {
    assert.deepEqual(check(one('在8月集中组织开展政府开放活动。', '三季度')), []);
    assert.deepEqual(check(one('在8月集中组织开展政府开放活动。', '全年')), []);
    assert.deepEqual(check(one('在8月集中组织开展政府开放活动。', '8月底前')), []);
    assert.deepEqual(check(one('在3至6月集中公开学校划片范围。', '上半年')), []);
    assert.deepEqual(check(one('在10月前完成栏目改版。', '上半年')), []);
    assert.deepEqual(check(one('在10月前完成栏目改版。', '每季度')), []);
  });

  it('reports a deadline the node lies beyond', () => {
    const text = one('在10月前完成栏目改版。', '12月');
    assert.deepEqual(check(text).map((d) => d.message), ['时间节点与正文不一致:正文写“10月前”,时间节点为“12月”']);
  });

  it('skips body phrases of another year and relative phrases', () => {
    assert.deepEqual(check(one('在2025年12月公开的基础上持续更新目录。', '一季度')), []);
    assert.deepEqual(check(one('决策出台后的10个工作日内公开解读材料。', '一季度')), []);
  });

  it('checks inline time keys, one finding per node and body phrase', () => {
    const text = `${HEAD}（一）组织开放活动。在8月组织政府开放活动。在9月公开活动情况。（责任单位：区政府办公室；完成时限：上半年）\n`;
    const ds = check(text);
    assert.equal(ds.length, 2);
    assert.ok(ds.every((d) => text.slice(d.start, d.end) === '上半年'));
    assert.deepEqual(ds.map((d) => d.message), ['时间节点与正文不一致:正文写“8月”,时间节点为“上半年”', '时间节点与正文不一致:正文写“9月”,时间节点为“上半年”']);
    const dup = `${HEAD}（一）组织开放活动。在8月组织政府开放活动。在8月公开活动情况。（责任单位：区政府办公室；完成时限：上半年）\n`;
    assert.equal(check(dup).length, 1);
    // A deadline the node overlaps is no conflict.
    assert.deepEqual(check(dup.replace('在8月公开', '在8月底前公开')).length, 1);
  });

});
