// Outline markers at the start of a line: 一、 (一) 1. (1), their width variants and malformed
// forms (GB/T 9704-2012 levels). Malformed markers are still markers; the rule
// outline-marker-format flags them, so recognising them here is what makes the fix possible.

import type { Marker, ParenWidth } from './model';
import { parseChineseNumeral } from './numerals';
import { isSpaceCode } from './text';

const CN = '[一二三四五六七八九十百千零〇两]+';
// Level 1: 一、 一. 一, 一， 一: 一 (space) / 第一部分.
const L1_PART = new RegExp(`^第(${CN})(部分|章|篇)[、.,:\\s]?`);
const L1 = new RegExp(`^(${CN})([、.,:]|\\s+)`);
// Level 2: (一) with optional trailing 、 or . ; or 一) without the opening parenthesis.
const L2 = new RegExp(`^\\((${CN})\\)([、.,]?)`);
const L2_OPEN = new RegExp(`^(${CN})\\)([、.,]?)`);
// Level 3: 1. 1、 1, 1 (space), up to 1000. in long tables; not a decimal (1.5) nor a thousands
// separator (1,000), but a marker glued to a year (`1.2017年10月底前`) is one.
// The space form is not a number followed by its unit (`6 月底前`, `10 个工作日`: a wrapped line).
const L3 = /^(\d{1,4})(?:([.、,](?!\d)|\.(?=\d{4}年))|(\s+)(?![\s年月日号时个项件次名人家所万亿元%]))/;
// Level 4: (1) with optional 、/. ; 1) ; ①…⑳.
const L4 = /^\((\d{1,3})\)([、.,]?)/;
const L4_OPEN = /^(\d{1,3})\)([、.,]?)/;

/**
 * Recognises a marker at the start of `folded` (a line folded to half-width) and returns it
 * with its range in the document. `original` is the same line before folding (to tell the
 * widths apart) and `lineStart` the line's offset.
 */
export function parseMarker(original: string, folded: string, lineStart: number): Marker | null {
  let i = 0;
  while (i < folded.length && isSpaceCode(folded.charCodeAt(i))) i++;
  const rest = folded.slice(i, i + 16);
  if (rest.length === 0) return null;
  const make = (
    level: Marker['level'],
    len: number,
    number: number | null,
    numeral: Marker['numeral'],
    parens: ParenWidth,
    canonical: boolean,
    partStyle = false,
    numeralOffset = 0,
    numeralLength = 1,
  ): Marker | null => {
    if (number === null || number <= 0) return null;
    // A marker needs text after it on the line (a lone "1." is not an item).
    let j = i + len;
    while (j < folded.length && isSpaceCode(folded.charCodeAt(j))) j++;
    if (j >= folded.length) return null;
    return {
      level,
      number,
      numeral,
      parens,
      canonical,
      partStyle,
      start: lineStart + i,
      end: lineStart + i + len,
      numeralRange: { start: lineStart + i + numeralOffset, end: lineStart + i + numeralOffset + numeralLength },
      text: original.slice(i, i + len),
    };
  };

  const c = rest[0];
  if (c === '(') {
    let m = L2.exec(rest);
    if (m) {
      const closeAt = i + 1 + m[1].length;
      const parens = parenWidth(original[i], original[closeAt]);
      return make(2, m[0].length, parseChineseNumeral(m[1]), 'chinese', parens, parens !== 'mixed' && m[2] === '', false, 1, m[1].length);
    }
    m = L4.exec(rest);
    if (m) {
      const closeAt = i + 1 + m[1].length;
      const parens = parenWidth(original[i], original[closeAt]);
      const asciiDigits = /^\d+$/.test(original.slice(i + 1, closeAt));
      return make(4, m[0].length, Number(m[1]), 'arabic', parens, parens !== 'mixed' && m[2] === '' && asciiDigits, false, 1, m[1].length);
    }
    return null;
  }
  const code = c.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) {
    return make(4, 1, code - 0x2460 + 1, 'circled', 'none', false, false, 0, 1);
  }
  if (c >= '0' && c <= '9') {
    let m = L4_OPEN.exec(rest);
    if (m) return make(4, m[0].length, Number(m[1]), 'arabic', 'none', false, false, 0, m[1].length);
    m = L3.exec(rest);
    if (m) {
      const digits = original.slice(i, i + m[1].length);
      const sep = m[2] !== undefined ? original[i + m[1].length] : ' ';
      const len = m[2] !== undefined ? m[1].length + 1 : m[0].length;
      return make(3, len, Number(m[1]), 'arabic', 'none', /^\d+$/.test(digits) && sep === '.', false, 0, m[1].length);
    }
    return null;
  }
  if (c === '第') {
    const m = L1_PART.exec(rest);
    if (m) return make(1, m[0].length, parseChineseNumeral(m[1]), 'chinese', 'none', true, true, 1, m[1].length);
    return null;
  }
  let m = L2_OPEN.exec(rest);
  if (m) return make(2, m[0].length, parseChineseNumeral(m[1]), 'chinese', 'none', false, false, 0, m[1].length);
  m = L1.exec(rest);
  if (m) {
    const sepOriginal = original[i + m[1].length];
    const canonical = sepOriginal === '、';
    return make(1, m[0].length, parseChineseNumeral(m[1]), 'chinese', 'none', canonical, false, 0, m[1].length);
  }
  return null;
}

function parenWidth(open: string, close: string): ParenWidth {
  const o = open === '（' ? 'full' : 'half';
  const c = close === '）' ? 'full' : 'half';
  return o === c ? o : 'mixed';
}
