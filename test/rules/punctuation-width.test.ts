import { strict as assert } from 'assert';
import { fixed, ruleTester } from '../helpers/ruleTester';

const tester = ruleTester('punctuation-width');
const { check } = tester;

const ON = { rules: { 'punctuation-width': 'warning' as const } };
const HEAD = '2026年某区政务公开工作要点\n一、围绕稳增长强化信息公开\n';

describe('punctuation-width', () => {
  tester.fixtures();

  it('is off by default', () => {
    assert.deepEqual(check(`${HEAD}（一）做好财政信息公开。按季度公开财政收支情况,及时解读收支变化原因。（区财政局负责落实）\n`), []);
  });

  it('reports each half-width mark between Chinese characters, and both marks of a Chinese parenthesis pair', () => {
    const text = `${HEAD}（一）做好财政信息公开:按季度公开财政收支情况,及时公开《预算管理办法(试行)》。（区财政局负责落实）\n`;
    const ds = check(text, ON);
    assert.deepEqual(ds.map((d) => [text.slice(d.start, d.end), d.start]), [
      [':', text.indexOf(':')],
      [',', text.indexOf(',')],
      ['(', text.indexOf('(')],
      [')', text.indexOf(')')],
    ]);
    assert.equal(fixed(text, ON), text.replace(':', '：').replace(',', '，').replace('(', '（').replace(')', '）'));
  });

  it('leaves numbers, Latin text in parentheses and the markers alone', () => {
    const text = `${HEAD}(一)发布1,000个项目目录。推进政府和社会资本合作(PPP)项目信息公开。（区财政局负责落实）\n`;
    assert.deepEqual(check(text, ON), []);
  });
});
