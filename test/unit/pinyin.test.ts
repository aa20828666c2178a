// The reading table unit-inconsistent-name uses (server/src/rules/pinyin.ts) against the library
// it was generated from: every ideograph, and the file itself.
import { strict as assert } from 'assert';
import { readingsOf } from '../../server/src/rules/pinyin';
import { FIRST, LAST, isStale, referenceReadings } from '../../scripts/generate-pinyin';

describe('pinyin table', () => {
  it('reads every ideograph U+4E00–U+9FFF as pinyin-pro does', () => {
    const wrong: string[] = [];
    for (let c = FIRST; c <= LAST; c++) {
      const ch = String.fromCharCode(c);
      const want = referenceReadings(ch);
      const got = readingsOf(ch);
      if (got.length !== want.length || got.some((r, i) => r !== want[i])) wrong.push(`${ch}: ${got.join(',')} ≠ ${want.join(',')}`);
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it('knows nothing outside the table', () => {
    for (const ch of ['', 'a', '〇', '\u3400', '\uf900', '\u{20000}', '行行']) assert.deepEqual(readingsOf(ch), [], ch);
    assert.deepEqual([...readingsOf('行')].sort(), ['hang', 'heng', 'xing']);
    assert.deepEqual(readingsOf('财'), ['cai']);
  });

  it('is up to date with pinyin-pro (npx tsx scripts/generate-pinyin.ts)', () => {
    assert.equal(isStale(), false);
  });
});
