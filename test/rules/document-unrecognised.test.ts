import { strict as assert } from 'assert';
import { ruleTester } from '../helpers/ruleTester';

const tester = ruleTester('document-unrecognised');
const { check } = tester;

describe('document-unrecognised', () => {
  tester.fixtures();

  it('reports once a text in which nothing is recognised: no outline, no tasks, no table', () => {
    const ds = check('锟斤拷烫烫烫\n屯屯屯锟斤拷\n');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'error');
  });

  it('stays silent on a document with an outline', () => {
    assert.deepEqual(check('2026年某区政务公开工作要点\n一、强化重点领域信息公开\n（一）做好财政信息公开。\n'), []);
  });
});
