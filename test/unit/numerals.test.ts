import { strict as assert } from 'assert';
import { parseChineseNumeral, toChineseNumeral } from '../../server/src/document/numerals';

describe('numerals', () => {
  it('parses the forms of the spec', () => {
    const cases: [string, number][] = [
      ['一', 1], ['二', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
      ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十一', 21], ['三十二', 32], ['九十九', 99],
      ['一百', 100], ['一百零一', 101], ['一百一十', 110], ['一百二十', 120], ['一百二十三', 123],
      ['九百九十九', 999], ['两', 2], ['两百', 200], ['〇', 0], ['零', 0], ['一十', 10],
      ['一千', 1000], ['一千零一', 1001], ['一千零一十', 1010], ['一千二百', 1200],
    ];
    for (const [s, n] of cases) assert.equal(parseChineseNumeral(s), n, s);
  });

  it('rejects what is not a numeral', () => {
    for (const s of [
      '', '十十', 'abc', '1', '一二', '十零', '零一', '一百十', '一百一', '一百零十', '一百零零一',
      '二十两', '两十', '百', '十百', '一十百', '一千零一百', '一、', '(一)', ' 一', '第一',
    ]) {
      assert.equal(parseChineseNumeral(s), null, s);
    }
  });

  it('writes numerals', () => {
    const cases: [number, string][] = [
      [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'],
      [32, '三十二'], [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'],
      [120, '一百二十'], [999, '九百九十九'], [1001, '一千零一'], [1010, '一千零一十'], [0, '零'],
    ];
    for (const [n, s] of cases) assert.equal(toChineseNumeral(n), s, String(n));
  });

  it('falls back to Arabic digits out of range', () => {
    assert.equal(toChineseNumeral(-1), '-1');
    assert.equal(toChineseNumeral(1.5), '1.5');
    assert.equal(toChineseNumeral(10000), '10000');
  });

  it('round-trips 1..120 (and on to 999)', () => {
    for (let n = 1; n <= 999; n++) assert.equal(parseChineseNumeral(toChineseNumeral(n)), n, String(n));
  });
});
