import { strict as assert } from 'assert';
import { ruleTester } from '../helpers/ruleTester';

const tester = ruleTester('text-encoding');
const { check } = tester;

const HEAD = '2026年某区政务公开工作要点\n一、强化重点领域信息公开\n';

describe('text-encoding', () => {
  tester.fixtures();

  it('reports each replacement character (a byte that could not be decoded) at its position', () => {
    const text = `${HEAD}（一）做好财政信息公开。按规定公开部门预\ufffd算。（区财政局负责）\n（二）推进\ufffd\ufffd公开。（区教育局负责）\n`;
    const ds = check(text);
    assert.ok(ds.length >= 2);
    assert.ok(ds.every((d) => text.slice(d.start, d.end).includes('\ufffd')));
    assert.equal(ds[0].severity, 'error');
  });

  it('stays silent on a clean text', () => {
    assert.deepEqual(check(`${HEAD}（一）做好财政信息公开。（区财政局负责）\n`), []);
  });
});
