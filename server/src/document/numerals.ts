// Chinese numerals as used in outline markers (`十二、`, `(三十二)`) and serials.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Sentinel for "no place written yet", above every unit. */
const NONE = 10000;

/**
 * Parses a Chinese numeral: 一..九, 十, 十一, 十九, 二十, 二十一, 三十二, 九十九, 一百, 一百零一,
 * 一百二十, 两, 〇/零 (alone: 0), up to 九千九百九十九. Only the standard written forms are accepted
 * (`一百一十`, not `一百十` or `一百一`; `零` only where a place is skipped). null when not a numeral.
 */
export function parseChineseNumeral(s: string): number | null {
  const n = s.length;
  if (n === 0) return null;
  if (n === 1 && DIGITS[s] === 0) return 0;
  let total = 0;
  let lastUnit = NONE; // the place value of the last term, NONE before the first
  let zero = false; // a 零 stands between the last term and the next
  let i = 0;
  while (i < n) {
    const c = s[i];
    const d = DIGITS[c];
    if (d === 0) {
      // 零 only between two terms, once.
      if (lastUnit === NONE || zero || i === n - 1) return null;
      zero = true;
      i++;
      continue;
    }
    if (d !== undefined) {
      const u = i + 1 < n ? UNITS[s[i + 1]] : undefined;
      if (u !== undefined) {
        if (u >= lastUnit) return null;
        if (c === '两' && u === 10) return null; // 二十, never 两十
        // Without 零 the next place must follow directly (一百二十); with 零 a place is skipped.
        if (lastUnit !== NONE && (zero ? u * 10 >= lastUnit : u * 10 !== lastUnit)) return null;
        total += d * u;
        lastUnit = u;
        zero = false;
        i += 2;
        continue;
      }
      // The ones digit: must be the last character.
      if (i !== n - 1) return null;
      if (lastUnit !== NONE) {
        if (c === '两') return null;
        if (zero ? lastUnit < 100 : lastUnit !== 10) return null;
      }
      return total + d;
    }
    // A bare 十 is only allowed at the very start (十, 十一).
    if (c === '十' && i === 0) {
      total = 10;
      lastUnit = 10;
      i++;
      continue;
    }
    return null;
  }
  return total;
}

/**
 * The Chinese numeral for n: 1→一, 10→十, 11→十一, 20→二十, 101→一百零一, 110→一百一十, 0→零.
 * Works up to 9999; other values (negative, fractional, larger) come back as Arabic digits.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return DIGIT_CHARS[0];
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [value, unit] of places) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += DIGIT_CHARS[0];
    pendingZero = false;
    // 10..19 are written 十, 十一…; inside a larger number the 一 stays (一百一十).
    if (!(value === 10 && d === 1 && out === '')) out += DIGIT_CHARS[d];
    out += unit;
  }
  return out;
}
