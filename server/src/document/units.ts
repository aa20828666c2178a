// Responsible units: inline parentheticals (`(责任单位:区甲局;完成时限:6月底前)`, `(区甲局牵头,区乙局配合)`)
// and unit lists (annex unit cells, key values).
//
// Everything is matched on the width-folded text (same length as the original, so offsets carry
// over); `Unit.text` is sliced from the original, `Unit.name` from the folded text with spaces
// removed (so names compare equal whatever the width of their digits or letters). One pass over
// the text, plus a constant amount of work per name: this runs on every keystroke.

import type { Draft, Range, TimeCell, Unit, UnitParenthetical, UnitRole } from './model';
import type { ParseMemo } from './memo';
import { parseTimeNode } from './time';
import { foldWidth, isSpaceCode } from './text';
import { NOTE_KEYS, ROLE_ADVERBS, ROLE_COMPLEMENTS, ROLE_VERBS, TIME_KEYS, UNIT_REMARK, type KeyKind } from '../lexicon';

/** Known keys (the lexicon's). Matched with spaces allowed between their characters (line wrapping). */
const KEYS = NOTE_KEYS;

const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).join('|');

/**
 * A role verb phrase at the end of a clause (spaces removed): optional adverb, one or more verbs,
 * optional complement. `牵头负责落实` is one phrase.
 */
const VERB_RE = new RegExp(
  `(?:${alternation(ROLE_ADVERBS)})?((?:${alternation(ROLE_VERBS.filter(([v]) => v !== '落实').map(([v]) => v))})+(?:${alternation(ROLE_COMPLEMENTS)})?|落实)$`,
);
/** Longest text VERB_RE needs to see: adverb (3) + a few verbs + complement (2). */
const VERB_TAIL = 16;
/** The characters a VERB_RE match ends with: a clause ending otherwise is not tried (most names end in 局, 委, 中心). */
const VERB_LAST = new Set([...ROLE_VERBS.map(([v]) => v), ...ROLE_COMPLEMENTS].map((w) => w[w.length - 1]));
/** `…等部门` closing a list. */
const ETC_RE = /等(?:相关|有关)?(?:部门|单位)?$/;
const MAX_NAME = 30;
/** Characters a unit name never holds (on the folded text). */
const BAD_NAME_RE = /[。!?:]/;
const DIGITS_ONLY_RE = /^[0-9]+$/;
const PLACEHOLDER_RE = /^(?:[xX×*]+|待定|未定|暂无|无|[-/\\.…、]+)$/;

const ROLE_OF_VERB = new Map<string, UnitRole>(ROLE_VERBS.map(([v, r]) => [v, r]));

/** `牵头` anywhere makes the names lead; otherwise the first verb decides. */
function roleOfVerbs(verbs: string): UnitRole {
  if (verbs.includes('牵头')) return 'lead';
  return ROLE_OF_VERB.get(verbs.slice(0, 2)) ?? 'support';
}

// The scanners compare character codes: `f[i]` makes a new one-character string for every CJK
// character it reads, and these loops read every character of every unit note.

/** Separates names: 、 , ; / (and the half-width ideographic comma ､). `和`/`及` never do. */
function isNameSep(c: number): boolean {
  return c === 0x3001 || c === 0x2c || c === 0x3b || c === 0x2f || c === 0xff64;
}

/** Separates key fields: , ; */
function isFieldSep(c: number): boolean {
  return c === 0x2c || c === 0x3b;
}

/** Characters trimmed off both ends of a key's value: spaces, name separators, 。 */
function isValueTrim(c: number): boolean {
  return isSpaceCode(c) || isNameSep(c) || c === 0x3002;
}

const OPEN = 0x28; // (
const CLOSE = 0x29; // )
const COLON = 0x3a; // :

/** True for an empty or placeholder unit text: '', 'XXX', 'xxx', '××', '待定', '无', '—', '/'. */
export function isPlaceholderUnit(text: string): boolean {
  return isPlaceholderName(compact(foldWidth(text)));
}

function isPlaceholderName(name: string): boolean {
  return name === '' || PLACEHOLDER_RE.test(name);
}

function compact(s: string): string {
  let i = 0;
  while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
  if (i === s.length) return s; // no space: nothing to build
  let out = s.slice(0, i);
  for (; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) out += s[i];
  return out;
}

/** What the scanners share: the folded and original text, and the document offset of index 0. */
interface Ctx {
  f: string;
  orig: string;
  base: number;
  /** Reject the input when a name is not plausible (too long, a sentence, digits only). */
  validate: boolean;
  units: Draft<Unit>[];
  /** Where placeholder or empty unit values go; null to drop them. */
  empties: Range[] | null;
  /** Set when a role verb was seen. */
  sawVerb: boolean;
}

/**
 * Reads the names of f[from, to): names separated by 、,;/ (outside nested brackets), each clause
 * optionally closed by a role verb phrase that gives the role of the names since the previous
 * one. Names left without a verb at the end get `defaultRole`, or fail the scan when
 * `requireVerb`. Returns false when the text is not a unit list (only when validating).
 */
function scanNames(ctx: Ctx, from: number, to: number, defaultRole: UnitRole, requireVerb: boolean): boolean {
  const { f } = ctx;
  let pending = ctx.units.length; // units[pending..] still wait for a role
  let depth = 0;
  let segStart = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? f.charCodeAt(i) : -1;
    if (c === OPEN) depth++;
    else if (c === CLOSE) depth = depth > 0 ? depth - 1 : 0;
    else if (i === to || (depth === 0 && isNameSep(c))) {
      const r = scanSegment(ctx, segStart, i);
      if (r === false) return false;
      if (r !== null) {
        for (let k = pending; k < ctx.units.length; k++) ctx.units[k].role = r;
        pending = ctx.units.length;
      }
      segStart = i + 1;
    }
  }
  if (pending < ctx.units.length) {
    if (requireVerb) return false;
    for (let k = pending; k < ctx.units.length; k++) ctx.units[k].role = defaultRole;
  }
  return true;
}

/**
 * One name, possibly followed by a role verb phrase. Pushes the unit (role to be set by the
 * caller). Returns the role when the segment ends with a verb, null when it does not, false when
 * the name is not plausible.
 */
function scanSegment(ctx: Ctx, from: number, to: number): UnitRole | null | false {
  const { f } = ctx;
  // The segment without spaces, and where each of its characters is in f (at[k] for c[k]).
  // Most segments hold no space at all: then c is a plain slice and at[k] is from + k.
  let spaced = false;
  for (let i = from; i < to && !spaced; i++) spaced = isSpaceCode(f.charCodeAt(i));
  let c: string;
  let at: number[] | null = null;
  if (!spaced) {
    c = f.slice(from, to);
  } else {
    c = '';
    at = [];
    for (let i = from; i < to; i++) {
      if (!isSpaceCode(f.charCodeAt(i))) {
        c += f[i];
        at.push(i);
      }
    }
  }
  if (c === '') return null;
  let nameEnd = c.length;
  let role: UnitRole | null = null;
  const tailStart = Math.max(0, c.length - VERB_TAIL);
  const vm = VERB_LAST.has(c[c.length - 1]) ? VERB_RE.exec(tailStart === 0 ? c : c.slice(tailStart)) : null;
  if (vm) {
    role = roleOfVerbs(vm[1]);
    nameEnd = tailStart + vm.index;
    ctx.sawVerb = true;
  }
  const em = c.includes('等') ? ETC_RE.exec(nameEnd === c.length ? c : c.slice(0, nameEnd)) : null;
  if (em) nameEnd = em.index;
  if (nameEnd === 0) return role;
  const name = c.slice(0, nameEnd);
  const start = at ? at[0] : from;
  const end = (at ? at[nameEnd - 1] : from + nameEnd - 1) + 1;
  if (isPlaceholderName(name)) {
    ctx.empties?.push({ start: ctx.base + start, end: ctx.base + end });
    return role;
  }
  if (ctx.validate && (name.length > MAX_NAME || BAD_NAME_RE.test(name) || DIGITS_ONLY_RE.test(name))) return false;
  ctx.units.push({
    text: ctx.orig.slice(start, end),
    start: ctx.base + start,
    end: ctx.base + end,
    name,
    role: 'responsible',
  });
  return role;
}

/** A known key at f[i] (spaces allowed inside and before the colon): its kind and colon index. */
function matchKey(f: string, i: number, to: number): { kind: KeyKind; colon: number } | null {
  // Indexed, not `for (const [key, kind] of …)`: destructuring iterates, and this runs per field.
  for (let q = 0; q < KEYS.length; q++) {
    const key = KEYS[q][0];
    const kind = KEYS[q][1];
    let j = i;
    let k = 0;
    while (k < key.length && j < to) {
      if (isSpaceCode(f.charCodeAt(j))) {
        if (k === 0) break;
        j++;
        continue;
      }
      if (f.charCodeAt(j) !== key.charCodeAt(k)) break;
      j++;
      k++;
    }
    if (k < key.length) continue;
    while (j < to && isSpaceCode(f.charCodeAt(j))) j++;
    if (j < to && f.charCodeAt(j) === COLON) return { kind, colon: j };
  }
  return null;
}

interface Field {
  kind: KeyKind | 'other';
  colon: number;
  end: number;
}

/**
 * Reads `key:value` fields separated by , or ; from f[from, to). Returns 'none' when the text
 * does not start with a known key, false when a unit value is not plausible, else the time value.
 */
function scanKeyed(ctx: Ctx, from: number, to: number): 'none' | false | { time: TimeCell | null } {
  const { f } = ctx;
  const fields: Field[] = [];
  let depth = 0;
  let segStart = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? f.charCodeAt(i) : -1;
    if (c === OPEN) depth++;
    else if (c === CLOSE) depth = depth > 0 ? depth - 1 : 0;
    else if (i === to || (depth === 0 && isFieldSep(c))) {
      let s = segStart;
      while (s < i && isSpaceCode(f.charCodeAt(s))) s++;
      if (s < i) {
        const key = matchKey(f, s, i);
        if (key) fields.push({ kind: key.kind, colon: key.colon, end: i });
        else if (fields.length === 0) return 'none';
        else {
          let colon = s;
          while (colon < i && f.charCodeAt(colon) !== COLON) colon++;
          if (colon < i) fields.push({ kind: 'other', colon, end: i });
          else fields[fields.length - 1].end = i;
        }
      }
      segStart = i + 1;
    }
  }
  if (fields.length === 0) return 'none';
  let time: TimeCell | null = null;
  for (const field of fields) {
    if (field.kind === 'other') continue;
    let vs = field.colon + 1;
    let ve = field.end;
    while (vs < ve && isValueTrim(f.charCodeAt(vs))) vs++;
    while (ve > vs && isValueTrim(f.charCodeAt(ve - 1))) ve--;
    if (vs === ve) vs = ve = field.colon + 1;
    if (field.kind === 'time') {
      time ??= { text: ctx.orig.slice(vs, ve), start: ctx.base + vs, end: ctx.base + ve, node: null };
      continue;
    }
    if (vs === ve || isPlaceholderName(compact(f.slice(vs, ve)))) {
      ctx.empties?.push({ start: ctx.base + vs, end: ctx.base + ve });
      continue;
    }
    if (!scanNames(ctx, vs, ve, field.kind, false)) return false;
  }
  return { time };
}

/**
 * Parses the content of a parenthetical. `text` is the whole parenthetical INCLUDING its brackets
 * (`(` or `（` … `)` or `）`), `start` its offset in the document. Returns null when it is not a unit
 * parenthetical (ordinary text like (PPP), (试行), (2016-2020年), (企), (修订稿), (上海·普陀站)).
 *
 * Keyed (`(牵头单位:区甲局;责任单位:区政府有关部门;完成时限:6月底前)`): the role comes from the key,
 * unless a value has its own role verbs; empty and placeholder unit values go to `emptyValues`
 * (a zero-length range after the colon when empty); the first time key gives `time` (node left
 * null for the caller). A keyed parenthetical with only a time key is returned, with no units.
 * Unknown `xx:` fields are ignored.
 *
 * Unkeyed (`(区甲局、区乙局分别负责落实)`, `(区甲局牵头,区乙局配合)`): every name must be followed,
 * in its clause or a later one, by a role verb phrase.
 */
/** A time key closing an unkeyed parenthetical, on the folded text between the brackets. */
const TRAILING_TIME_KEY = new RegExp(`[;,]\\s*(${TIME_KEYS.join('|')})\\s*:([^;,()]*)$`);

export function parseUnitParenthetical(text: string, start: number): UnitParenthetical | null {
  const f = foldWidth(text);
  const n = f.length;
  if (n < 2 || f[0] !== '(' || f[n - 1] !== ')') return null;
  const ctx: Ctx = { f, orig: text, base: start, validate: true, units: [], empties: [], sawVerb: false };
  // A remark after the names (`…负责,排在第一位的部门为牵头部门,下同`) is not a name.
  const inner = remarkStart(f, 1, n - 1);
  const keyed = scanKeyed(ctx, 1, inner);
  if (keyed === false) return null;
  let time: TimeCell | null = null;
  if (keyed === 'none') {
    // Role clauses may end with a time key: `(区甲局牵头,区乙局配合;完成时限:6月底前)`.
    let namesEnd = inner;
    const tk = TRAILING_TIME_KEY.exec(f.slice(1, inner));
    if (tk) {
      namesEnd = 1 + tk.index;
      let vs = 1 + tk.index + tk[0].length - tk[2].length;
      let ve = inner;
      while (vs < ve && isSpaceCode(f.charCodeAt(vs))) vs++;
      while (ve > vs && isSpaceCode(f.charCodeAt(ve - 1))) ve--;
      time = { text: text.slice(vs, ve), start: start + vs, end: start + ve, node: null };
    }
    if (!scanNames(ctx, 1, namesEnd, 'responsible', true) || !ctx.sawVerb) return null;
    if (ctx.units.length === 0 && ctx.empties!.length === 0) return null;
  } else {
    time = keyed.time;
  }
  return {
    text,
    start,
    end: start + n,
    units: ctx.units,
    keyed: keyed !== 'none',
    emptyValues: ctx.empties!,
    time,
  };
}

/**
 * Where a remark starts in f[from, to): the separator before the first clause that is a remark
 * (`排在第一位的为牵头单位`, `下同`), or `to` when there is none. The names must come first.
 */
function remarkStart(f: string, from: number, to: number): number {
  const m = UNIT_REMARK.exec(f.slice(from, to));
  if (!m) return to;
  for (let i = from + m.index - 1; i > from; i--) {
    const ch = f[i];
    if (ch === ',' || ch === ';' || ch === '。' || ch === '.') return i;
  }
  return to;
}

/**
 * Reads a labelled line (`责任单位:区甲局牵头,区乙局、区丙局配合`, `完成时限:6月底前`): a paragraph of its
 * own that starts with a known key and a colon. Read like a keyed parenthetical; null when the
 * line is no such note. `start` is the line's offset in the document.
 */
export function parseLabelledLine(text: string, start: number): UnitParenthetical | null {
  const f = foldWidth(text);
  let s = 0;
  while (s < f.length && isSpaceCode(f.charCodeAt(s))) s++;
  if (!matchKey(f, s, f.length)) return null;
  let e = f.length;
  while (e > s && (isSpaceCode(f.charCodeAt(e - 1)) || f[e - 1] === '。' || f[e - 1] === ';')) e--;
  // The line read as the inside of a parenthetical: offsets shift by the one added bracket.
  const paren = parseUnitParenthetical(`(${text.slice(s, e)})`, start + s - 1);
  if (!paren || !paren.keyed) return null;
  const time = paren.time && { ...paren.time, node: parseTimeNode(paren.time.text) };
  return { ...paren, text: text.slice(s, e), start: start + s, end: start + e, time };
}

/**
 * A unit parenthetical at `start` (see parseUnitParenthetical), with its time node parsed.
 * Parentheticals repeat (`(责任单位:区融媒体中心)` dozens of times in one document): each text is
 * parsed once per parse, at offset 0 (in the memo), and the result is rebased on each occurrence.
 * Time nodes are never modified, so occurrences share them.
 */
export function readUnitParenthetical(text: string, start: number, memo: ParseMemo): UnitParenthetical | null {
  let parsed = memo.parens.get(text);
  if (parsed === undefined) {
    parsed = parseUnitParenthetical(text, 0);
    if (parsed?.time) parsed = { ...parsed, time: { ...parsed.time, node: parseTimeNode(parsed.time.text) } };
    memo.parens.set(text, parsed);
  }
  if (parsed === null) return null;
  // Sized up front (a list grown by push keeps room for 17): documents hold thousands of these.
  const units = new Array<Unit>(parsed.units.length);
  for (let i = 0; i < parsed.units.length; i++) {
    const u = parsed.units[i];
    units[i] = { text: u.text, start: u.start + start, end: u.end + start, name: u.name, role: u.role };
  }
  const emptyValues = new Array<Range>(parsed.emptyValues.length);
  for (let i = 0; i < parsed.emptyValues.length; i++) {
    const r = parsed.emptyValues[i];
    emptyValues[i] = { start: r.start + start, end: r.end + start };
  }
  const t = parsed.time;
  return {
    text,
    start,
    end: start + parsed.end,
    units,
    keyed: parsed.keyed,
    emptyValues,
    time: t ? { text: t.text, start: t.start + start, end: t.end + start, node: t.node } : null,
  };
}

/**
 * Parses a unit list as found in an annex unit cell or after a key: `区甲局、区乙局`,
 * `区政府办公室、 各街镇`, `区发改委牵头,各相关单位配合`, `区委组织部,区政府各部门、各街镇`,
 * `牵头单位:区甲局;配合单位:区乙局`. Returns the units (empty for empty text or placeholders);
 * names without a role verb get `defaultRole`. Lenient: names are not checked for plausibility,
 * placeholder names inside a list are dropped, time keys are ignored.
 */
export function parseUnitList(text: string, start: number, defaultRole: UnitRole = 'responsible'): Unit[] {
  const f = foldWidth(text);
  const ctx: Ctx = { f, orig: text, base: start, validate: false, units: [], empties: null, sawVerb: false };
  if (scanKeyed(ctx, 0, f.length) === 'none') scanNames(ctx, 0, f.length, defaultRole, false);
  return ctx.units;
}
