import { strict as assert } from 'assert';
import { annexHead, SAMPLE_ROWS, sampleBody } from '../helpers/documents';
import { ruleTester } from '../helpers/ruleTester';

const ID = 'annex-order';

const tester = ruleTester(ID);
const { check } = tester;

const BODY = sampleBody();
const HEAD = annexHead();
const TASKS = SAMPLE_ROWS;

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
