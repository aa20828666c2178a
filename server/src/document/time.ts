// Time nodes (时间节点): parsing annex time cells and inline 完成时限 values into month sets,
// finding the time phrases of body sentences, and the plan-year checks.
//
// A hand-written scanner over the width-folded text (see foldWidth): no regexes, no backtracking
// beyond a few characters, so parsing is linear in the text length. It runs on every keystroke.
//
// Month sets are bitmasks, bit m-1 for month m. A node is a list of pieces (`4月、10月`), each
// giving one or more TimeParts (a range across years gives one part per year).

import type { Draft, TimeMention, TimeNode, TimePart } from './model';
import { foldWidth } from './text';

const ALL_MONTHS = 0xfff;

/** Months a..b inclusive (1 ≤ a ≤ b ≤ 12). */
function monthSpan(a: number, b: number): number {
  return ((1 << b) - 1) & ~((1 << (a - 1)) - 1);
}

/** The highest month of a non-empty mask. */
function lastMonth(mask: number): number {
  return 32 - Math.clz32(mask);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Recurring and whole-year words: `全年`, `每季度`, `长期`… (longest first where they share a prefix). */
const WHOLE_YEAR_WORDS = [
  '全年度', '全年', '年度内', '年内', '长期', '持续', '常态化', '日常', '常年', '定期',
  '每半年', '每季度', '每季', '每年', '每月', '每周', '按半年', '按季度', '按季', '按年度', '按年', '按月', '按周',
];
/** Verbs that may follow a whole-year word: `持续推进`, `长期坚持`, `年内完成`. */
const WHOLE_YEAR_VERBS = ['推进', '开展', '坚持', '实施', '落实', '进行', '完成'];
const WHOLE_YEAR_POSITIONS = ['上旬', '中旬', '下旬', '末', '初', '底'];

const MONTH_MODIFIERS = ['中下旬', '上中旬', '上旬', '中旬', '下旬', '初', '中', '底', '末'];
const QUARTER_MODIFIERS = ['初', '中', '末', '底'];
const HALF_MODIFIERS = ['末', '底'];
const YEAR_END_WORDS = ['年底', '年末', '年终'];
const YEAR_END_AFTER_YEAR = ['年底', '年末', '年终', '底', '末'];
const DEADLINE_WORDS = ['以前', '之前', '前'];
const RANGE_SEPARATORS = ['-', '~', '〜', '‐', '至', '到'];
const LIST_SEPARATORS = ['以及', '、', ',', ';', '和', '及', '与', '或', '/'];
const SHARED_UNIT_SEPARATORS = ['、', '和', '及'];

type EndKind = 'point' | 'deadline' | 'from';
const ENDINGS: ReadonlyArray<readonly [string, EndKind]> = [
  ['以前', 'deadline'],
  ['之前', 'deadline'],
  ['前后', 'point'],
  ['左右', 'point'],
  ['前', 'deadline'],
  ['以内', 'point'],
  ['内', 'point'],
  ['起', 'from'],
  ['开始', 'from'],
];

/** Words that start like a suffix but are not one (`8月前往`, `6月起草`, `8月中央`). */
const NOT_SUFFIXES = [
  '前往', '前期', '前进', '前沿', '前置', '前列', '前提', '起草', '起步', '起诉', '起点', '起来',
  '内容', '内部', '内涵', '初步', '初期', '初心', '中心', '中央', '中期', '中小', '底线', '底数', '末端',
];

/** In node text, a leading 截至 / 到 makes the piece a deadline; 在 / 于 are neutral. */
const DEADLINE_PREFIXES = ['截至', '截止', '到'];
const NEUTRAL_PREFIXES = ['在', '于'];

// ---------------------------------------------------------------------------------------------
// Low-level scanning

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipSp(s: string, i: number): number {
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** End of the first word of `words` found at i, or -1. */
function matchWord(s: string, i: number, words: readonly string[]): number {
  for (let k = 0; k < words.length; k++) if (s.startsWith(words[k], i)) return i + words[k].length;
  return -1;
}

/** Like matchWord, but refuses a word that is the start of a longer ordinary word (`前往`). */
function matchSuffix(s: string, i: number, words: readonly string[]): number {
  const e = matchWord(s, i, words);
  if (e < 0) return -1;
  for (let k = 0; k < NOT_SUFFIXES.length; k++) if (s.startsWith(NOT_SUFFIXES[k], i) && NOT_SUFFIXES[k].length > e - i) return -1;
  return e;
}

function matchEnding(s: string, i: number): { end: number; kind: EndKind } | null {
  for (let k = 0; k < ENDINGS.length; k++) {
    const w = ENDINGS[k][0];
    const kind = ENDINGS[k][1];
    if (s.startsWith(w, i)) {
      const e = matchSuffix(s, i, [w]);
      return e < 0 ? null : { end: e, kind };
    }
  }
  return null;
}

interface Num {
  value: number;
  end: number;
  /** Number of Arabic digits, 0 for a Chinese numeral. */
  digits: number;
}

/** An Arabic number (at most 4 digits) or a Chinese numeral up to 九十九. */
function readNum(s: string, i: number): Num | null {
  let j = i;
  let v = 0;
  while (j < s.length && isDigitCode(s.charCodeAt(j))) {
    v = v * 10 + (s.charCodeAt(j) - 48);
    j++;
  }
  if (j > i) return j - i > 4 ? null : { value: v, end: j, digits: j - i };
  if (s[i] === '十') {
    j = i + 1;
    const d2 = CN_DIGITS[s[j]];
    if (d2 !== undefined && d2 > 0) return { value: 10 + d2, end: j + 1, digits: 0 };
    return { value: 10, end: j, digits: 0 };
  }
  const d1 = CN_DIGITS[s[i]];
  if (d1 === undefined) return null;
  j = i + 1;
  if (s[j] !== '十') return { value: d1, end: j, digits: 0 };
  j++;
  const d2 = CN_DIGITS[s[j]];
  if (d2 !== undefined && d2 > 0) return { value: d1 * 10 + d2, end: j + 1, digits: 0 };
  return { value: d1 * 10, end: j, digits: 0 };
}

/** `2024年` (four Arabic digits). */
function readYear(s: string, i: number): { year: number; end: number } | null {
  const n = readNum(s, i);
  if (!n || n.digits !== 4) return null;
  const k = skipSp(s, n.end);
  return s[k] === '年' ? { year: n.value, end: k + 1 } : null;
}

// ---------------------------------------------------------------------------------------------
// Points: `6月`, `6月30日`, `三季度`, `2024年6月`, or a bare number before a range or a list

interface Point {
  unit: 'month' | 'quarter' | null;
  n: number;
  day: number;
  year: number | null;
  end: number;
}

function readPoint(s: string, i: number, allowYear: boolean): Point | null {
  let j = i;
  let year: number | null = null;
  if (allowYear) {
    const y = readYear(s, j);
    if (y) {
      year = y.year;
      j = skipSp(s, y.end);
    }
  }
  let ordinal = false;
  if (s[j] === '第') {
    ordinal = true;
    j++;
  }
  const n = readNum(s, j);
  if (!n || n.digits > 2) return null;
  let k = skipSp(s, n.end);
  if (s.startsWith('季度', k)) {
    if (n.value < 1 || n.value > 4) return null;
    return { unit: 'quarter', n: n.value, day: 0, year, end: k + 2 };
  }
  if (s[k] === '月') {
    if (ordinal || n.value < 1 || n.value > 12) return null;
    k++;
    if (s[k] === '份') k++;
    let day = 0;
    const d = readNum(s, skipSp(s, k));
    if (d && d.digits <= 2) {
      const e = skipSp(s, d.end);
      if (s[e] === '日' || s[e] === '号') {
        if (d.value < 1 || d.value > DAYS_IN_MONTH[n.value - 1]) return null;
        day = d.value;
        k = e + 1;
      }
    }
    return { unit: 'month', n: n.value, day, year, end: k };
  }
  return { unit: null, n: n.value, day: 0, year, end: n.end };
}

/** Skips a modifier (`底`, `中旬`, `末`) after a point; a dated point takes none. */
function skipModifier(s: string, p: Point): number {
  if (p.unit === null || p.day > 0) return p.end;
  const e = matchSuffix(s, p.end, p.unit === 'month' ? MONTH_MODIFIERS : QUARTER_MODIFIERS);
  return e < 0 ? p.end : e;
}

function pointMonths(unit: 'month' | 'quarter', n: number, kind: EndKind): number {
  const a = unit === 'quarter' ? 3 * n - 2 : n;
  const b = unit === 'quarter' ? 3 * n : n;
  if (kind === 'deadline') return monthSpan(1, b);
  if (kind === 'from') return monthSpan(a, 12);
  return monthSpan(a, b);
}

interface Body {
  end: number;
  parts: TimePart[];
}

/** `3-6月`, `3月至6月`, `一至二季度`, `2024年11月-2025年2月`, after the first point. */
function readRange(s: string, from: number, p1: Point): Body | null {
  let j = skipSp(s, from);
  const e = matchWord(s, j, RANGE_SEPARATORS);
  if (e < 0) return null;
  j = e;
  while (s[j] === '-') j++; // `——` folds to `--`
  const p2 = readPoint(s, skipSp(s, j), true);
  if (!p2 || p2.unit === null) return null;
  const unit = p2.unit;
  if (p1.unit !== null && p1.unit !== unit) return null;
  const max = unit === 'month' ? 12 : 4;
  if (p1.n < 1 || p1.n > max) return null;
  const a = unit === 'quarter' ? 3 * p1.n - 2 : p1.n;
  const b = unit === 'quarter' ? 3 * p2.n : p2.n;
  const y1 = p1.year;
  const y2 = p2.year ?? y1;
  let parts: TimePart[];
  if (y1 === y2) {
    if (a > b) return null;
    parts = [{ year: y1, months: monthSpan(a, b) }];
  } else {
    if (y1 === null || y2 === null || y2 < y1 || y2 - y1 > 10) return null;
    parts = [{ year: y1, months: monthSpan(a, 12) }];
    for (let y = y1 + 1; y < y2; y++) parts.push({ year: y, months: ALL_MONTHS });
    parts.push({ year: y2, months: monthSpan(1, b) });
  }
  let end = skipModifier(s, p2);
  const ending = matchEnding(s, end);
  if (ending) end = ending.end;
  return { end, parts };
}

/** `4、10月`, `三、四季度`: bare numbers sharing the unit of the last one. */
function readSharedUnitList(s: string, p1: Point): Body | null {
  const numbers = [p1.n];
  let j = p1.end;
  for (let count = 0; count < 12; count++) {
    const e = matchWord(s, skipSp(s, j), SHARED_UNIT_SEPARATORS);
    if (e < 0) return null;
    const p = readPoint(s, skipSp(s, e), false);
    if (!p) return null;
    if (p.unit === null) {
      numbers.push(p.n);
      j = p.end;
      continue;
    }
    const max = p.unit === 'month' ? 12 : 4;
    if (numbers.some((n) => n < 1 || n > max)) return null;
    numbers.push(p.n);
    const unit = p.unit;
    let end = skipModifier(s, p);
    const ending = matchEnding(s, end);
    if (ending) end = ending.end;
    return { end, parts: numbers.map((n) => ({ year: p1.year, months: pointMonths(unit, n, 'point') })) };
  }
  return null;
}

/** Everything after an optional year: halves, year end, months, quarters, ranges. */
function readBody(s: string, i: number, year: number | null, afterYear: boolean): Body | null {
  // 上半年 / 下半年
  let k = matchWord(s, i, ['上半年', '下半年']);
  if (k >= 0) {
    const months = s[i] === '上' ? monthSpan(1, 6) : monthSpan(7, 12);
    const m = matchSuffix(s, k, HALF_MODIFIERS);
    if (m >= 0) k = m;
    const ending = matchEnding(s, k);
    return { end: ending ? ending.end : k, parts: [{ year, months }] };
  }
  // 年底(前), and 底 / 末 right after an explicit year (`2024年底前`)
  k = matchSuffix(s, i, afterYear ? YEAR_END_AFTER_YEAR : YEAR_END_WORDS);
  if (k >= 0) {
    const d = matchSuffix(s, k, DEADLINE_WORDS);
    if (d >= 0) return { end: d, parts: [{ year, months: ALL_MONTHS }] };
    // `年底` alone is the whole plan year; `2023年底` is December of that year.
    return { end: k, parts: [{ year, months: afterYear ? 1 << 11 : ALL_MONTHS }] };
  }
  const p = readPoint(s, i, false);
  if (!p) return null;
  p.year = year;
  const afterMod = skipModifier(s, p);
  const range = readRange(s, afterMod, p);
  if (range) return range;
  if (p.unit === null) return readSharedUnitList(s, p);
  const ending = matchEnding(s, afterMod);
  const kind = ending ? ending.kind : 'point';
  return { end: ending ? ending.end : afterMod, parts: [{ year, months: pointMonths(p.unit, p.n, kind) }] };
}

// ---------------------------------------------------------------------------------------------
// Pieces: one element of a list

interface Piece {
  end: number;
  parts: Draft<TimePart>[];
  /** A recurring or whole-year form. */
  whole: boolean;
  /** Whether the piece narrows the months (false for `2024年` alone and the whole-year forms). */
  constrains: boolean;
}

/** `全年`, `持续推进`, `每季度末`, `每月10日前`, `全年持续推进`; `每年6月` reads as `6月`. */
function readWholeYear(s: string, i: number, year: number | null): Piece | null {
  let j = i;
  let last = '';
  for (let count = 0; count < 8; count++) {
    const e = matchWord(s, j, WHOLE_YEAR_WORDS);
    if (e < 0) break;
    last = s.slice(j, e);
    j = e;
  }
  if (j === i) return null;
  if (last === '每年') {
    const body = readBody(s, j, year, false);
    if (body) return { end: body.end, parts: body.parts, whole: false, constrains: true };
  }
  let e = matchSuffix(s, j, WHOLE_YEAR_POSITIONS);
  if (e >= 0) j = e;
  else {
    const d = readNum(s, j);
    if (d && d.digits <= 2 && d.value >= 1 && d.value <= 31 && (s[d.end] === '日' || s[d.end] === '号')) j = d.end + 1;
  }
  e = matchSuffix(s, j, DEADLINE_WORDS);
  if (e >= 0) j = e;
  for (let count = 0; count < 3; count++) {
    e = matchWord(s, j, WHOLE_YEAR_VERBS);
    if (e < 0) break;
    j = e;
  }
  return { end: j, parts: [{ year, months: ALL_MONTHS }], whole: true, constrains: false };
}

/**
 * One piece at i. In node mode (`node`), whole-year words, a leading 截至/在 and a trailing
 * 完成 are accepted, and `defaultYear` (the year of an earlier piece of the list) applies
 * when the piece names none.
 */
function readPiece(s: string, i: number, node: boolean, defaultYear: number | null): Piece | null {
  if (node) {
    const whole = readWholeYear(s, i, null);
    if (whole) return whole;
    let e = matchWord(s, i, DEADLINE_PREFIXES);
    if (e >= 0) {
      const p = readNodePiece(s, skipSp(s, e), defaultYear);
      if (p) for (const part of p.parts) part.months = monthSpan(1, lastMonth(part.months));
      return p;
    }
    e = matchWord(s, i, NEUTRAL_PREFIXES);
    return readNodePiece(s, e >= 0 ? skipSp(s, e) : i, defaultYear);
  }
  return readDatedPiece(s, i, false, defaultYear);
}

/** A dated piece of node text, with an optional trailing 完成. */
function readNodePiece(s: string, i: number, defaultYear: number | null): Piece | null {
  const piece = readDatedPiece(s, i, true, defaultYear);
  if (piece && !piece.whole) {
    const e = matchWord(s, piece.end, ['完成']);
    if (e >= 0) piece.end = e;
  }
  return piece;
}

function readDatedPiece(s: string, i: number, node: boolean, defaultYear: number | null): Piece | null {
  const y = readYear(s, i);
  if (!y) {
    const body = readBody(s, i, defaultYear, false);
    return body && { end: body.end, parts: body.parts, whole: false, constrains: true };
  }
  let j = y.end;
  if (s[j] === '度') j++;
  const k = skipSp(s, j);
  if (node) {
    const whole = readWholeYear(s, k, y.year);
    if (whole) return whole;
  }
  const body = readBody(s, k, y.year, true);
  if (body) return { end: body.end, parts: body.parts, whole: false, constrains: true };
  const e = matchWord(s, j, ['以内', '内']);
  return { end: e >= 0 ? e : j, parts: [{ year: y.year, months: ALL_MONTHS }], whole: false, constrains: false };
}

function skipListSeparator(s: string, i: number): number {
  let j = skipSp(s, i);
  const e = matchWord(s, j, LIST_SEPARATORS);
  if (e >= 0) j = skipSp(s, e);
  return j;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Parses a whole time-node text (an annex time cell or an inline 完成时限 value).
 * null when it is not a valid time node (empty, 尽快, 适时, 13月, 三季度底前前, any unparsed residue).
 * In a list, a piece without a year takes the year of the piece before it (`2024年1月、3月`).
 */
export function parseTimeNode(text: string): TimeNode | null {
  const t = text.trim();
  if (t === '') return null;
  const s = foldWidth(t);
  const parts: TimePart[] = [];
  let wholeYear = false;
  let year: number | null = null;
  let i = 0;
  for (;;) {
    const p = readPiece(s, i, true, year);
    if (!p || p.end <= i) return null;
    for (const part of p.parts) parts.push(part);
    if (p.whole) wholeYear = true;
    else year = p.parts[p.parts.length - 1].year;
    i = p.end;
    if (i >= s.length) break;
    const j = skipListSeparator(s, i);
    if (j === i || j >= s.length) return null;
    i = j;
  }
  return { text: t, parts, wholeYear };
}

/** Characters before a number that make it no date: `每3月`, `前三季度`, `统一季度`, `近3月`. */
const BLOCKING_PREV = new Set(['每', '按', '逐', '隔', '满', '共', '近', '前', '统', '唯', '单', '同', '专', '整', '万']);
/** Relative or recurring years: the month that follows is not in the plan year. */
const RELATIVE_YEARS = new Set(['明年', '次年', '去年', '上年', '下年', '来年', '翌年', '前年', '后年', '每年']);
const RELATIVE_YEAR_CHARS = new Set(['明', '次', '去', '上', '下', '来', '翌', '前', '后', '每']);
/** Characters after a phrase that make it no date: `6月龄`, `一月一次`. */
const BLOCKING_NEXT = new Set(['龄', '一', '两']);

function isCnNumeral(ch: string): boolean {
  return ch === '十' || ch === '两' || CN_DIGITS[ch] !== undefined;
}

function isAsciiAlnum(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether a time phrase may start at i (a cheap test before parsing). */
function canStartMention(s: string, i: number): boolean {
  const ch = s[i];
  const c = s.charCodeAt(i);
  const digit = isDigitCode(c);
  if (!digit && !isCnNumeral(ch) && ch !== '第' && ch !== '上' && ch !== '下' && ch !== '年') return false;
  if (i === 0) return true;
  const prev = s[i - 1];
  const pc = s.charCodeAt(i - 1);
  if (ch === '年') {
    // `年底` on its own; `2023年底` is read from its digits.
    if (RELATIVE_YEAR_CHARS.has(prev) || isAsciiAlnum(pc) || isCnNumeral(prev)) return false;
    return i < 2 || !RELATIVE_YEARS.has(s.slice(i - 2, i));
  }
  if (digit && (isAsciiAlnum(pc) || prev === '.')) return false;
  if (!digit && isCnNumeral(prev)) return false;
  if (BLOCKING_PREV.has(prev)) return false;
  return i < 2 || !RELATIVE_YEARS.has(s.slice(i - 2, i));
}

/**
 * Finds the time phrases inside a body sentence that constrain the month (`8月`, `10月前`,
 * `6月底前`, `3-6月`, `2024年6月`, `上半年`, `第三季度`, `年底前`, `2023年底`).
 * Relative (`10个工作日内`, `3个月`), recurring (`每季度`, `按月`, `每年6月`), whole-year
 * (`年内`, `全年`) and bare-year (`2023年-2026年`) phrases are not reported.
 * A mention's range covers the time phrase only, never a preposition before it (`在8月` → `8月`);
 * `offset` is added to every range.
 */
export function findTimeMentions(text: string, offset: number): TimeMention[] {
  const s = foldWidth(text);
  const out: TimeMention[] = [];
  let i = 0;
  while (i < s.length) {
    if (!canStartMention(s, i)) {
      i++;
      continue;
    }
    const p = readPiece(s, i, false, null);
    if (!p || !p.constrains || BLOCKING_NEXT.has(s[p.end])) {
      i++;
      continue;
    }
    const phrase = text.slice(i, p.end);
    out.push({
      start: offset + i,
      end: offset + p.end,
      text: phrase,
      node: { text: phrase, parts: p.parts, wholeYear: false },
    });
    i = p.end;
  }
  return out;
}

/** Months (bitmask, bit m-1 for month m) of the node that fall in `planYear` (parts with year null or === planYear). */
export function monthsInYear(node: TimeNode, planYear: number | null): number {
  let months = 0;
  for (let k = 0; k < node.parts.length; k++) {
    const part = node.parts[k];
    if (part.year === null || part.year === planYear) months |= part.months;
  }
  return months;
}

/**
 * True when some part of the node lies before the plan year or later than the end of March of
 * the next year (rule time-out-of-year). Parts without a year are in the plan year.
 * False when planYear is null.
 */
export function isOutOfYear(node: TimeNode, planYear: number | null): boolean {
  if (planYear === null) return false;
  for (let k = 0; k < node.parts.length; k++) {
    const part = node.parts[k];
    if (part.year === null) continue;
    if (part.year < planYear || part.year > planYear + 1) return true;
    if (part.year === planYear + 1 && (part.months & ~0x7) !== 0) return true;
  }
  return false;
}
