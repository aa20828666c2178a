// Random corruptions of real documents, for the property-based robustness tests.
//
// A corruption is data (a fixture name and a list of operations whose positions are plain
// numbers, mapped onto the text when applied), so fast-check prints a short, readable
// counterexample and can shrink it, instead of printing a 40 KB document.

import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { FIXTURES } from '../helpers/fixtures';

/** Every fixture document: spec examples, real corpus documents and our own. */
export function fixtureDocuments(): Map<string, string> {
  const docs = new Map<string, string>();
  for (const dir of ['examples', 'corpus', 'custom']) {
    const full = path.join(FIXTURES, dir);
    for (const f of fs.readdirSync(full).sort()) {
      if (f.endsWith('.txt')) docs.set(`${dir}/${f}`, fs.readFileSync(path.join(full, f), 'utf8'));
    }
  }
  return docs;
}

/** Pieces that matter to the parser, plus the characters that break naive string handling. */
export const TOKENS: readonly string[] = [
  // outline markers, canonical and not
  '一、', '二十一、', '(十三)', '（十三）', '(一)', '（一）、', '一)', '1.', '12.', '1、', '１．', '(1)', '（1）', '1)', '①', '⑳', '第一部分',
  // brackets of both widths and quotes
  '(', ')', '（', '）', '[', ']', '【', '】', '《', '》', '“', '”', '"',
  // table pieces
  '|', ' |', ' | ', '|---|---|', '\t', '附件', '附件1', '附件:', '序号', '任务分解', '责任单位', '时间节点', '类别',
  // units and times
  '(责任单位:', '（牵头单位：', ';完成时限:', '区甲局', '、', '负责落实)', '牵头', '全年', '6月底前', '3-6月', '13月', '2024年', '一季度',
  // sentence punctuation
  '。', '；', ';', ':', '：', '，', ',', '!', '？',
  // line ends, spaces, BOM
  '\r', '\n', '\r\n', '\n\n', '\ufeff', '\u3000', '\u3000\u3000', ' ', '\u00a0', '\u2014', '—',
  // UTF-16 troublemakers: surrogate pairs, lone surrogates, NUL, emoji, combining marks
  '\ud83d\ude00', '😀', '👨‍👩‍👧', '\ud800', '\udfff', '\0', '\u0301', '\u200b', '𠀀',
  // title and noise lines
  '2023年某区政务公开工作要点', '- 1 -', '第 3 页', '主办:', '2023年4月12日',
];

const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A short string built from the tokens, random CJK and (rarely) any UTF-16 code unit. */
export const noise = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 3, arbitrary: cjk }, { weight: 1, arbitrary: anyUnit }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const pos = fc.nat();
const count = fc.integer({ min: 1, max: 40 });

export type Op =
  | { k: 'delLines'; at: number; n: number }
  | { k: 'dupLines'; at: number; n: number }
  | { k: 'swapLines'; a: number; b: number }
  | { k: 'moveLines'; at: number; n: number; to: number }
  | { k: 'delRange'; at: number; n: number }
  | { k: 'dupRange'; at: number; n: number }
  | { k: 'insert'; at: number; s: string }
  | { k: 'insertAtLineStart'; at: number; s: string }
  | { k: 'replace'; at: number; n: number; s: string }
  | { k: 'truncate'; at: number }
  | { k: 'width'; to: 'full' | 'half'; at: number; n: number }
  | { k: 'eol'; style: 'lf' | 'crlf' | 'cr' | 'mixed'; seed: number }
  | { k: 'join'; sep: string }
  | { k: 'bom' };

const eolStyle = fc.constantFrom('lf' as const, 'crlf' as const, 'cr' as const, 'mixed' as const);
const joinSep = fc.constantFrom('', ' ', '\u3000', '|');

/** Whole lines: deleted, duplicated, swapped, moved (ranges of up to 20 lines). */
export const lineOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('delLines' as const), at: pos, n: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('dupLines' as const), at: pos, n: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('swapLines' as const), a: pos, b: pos }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('moveLines' as const), at: pos, n: fc.integer({ min: 1, max: 20 }), to: pos }) },
);

/** Characters: tokens inserted anywhere or at a line start, ranges replaced, deleted, duplicated. */
export const charOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ k: fc.constant('insert' as const), at: pos, s: noise }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('insertAtLineStart' as const), at: pos, s: noise }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('replace' as const), at: pos, n: count, s: noise }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('delRange' as const), at: pos, n: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dupRange' as const), at: pos, n: fc.integer({ min: 1, max: 400 }) }) },
);

/** The whole text (or a long stretch of it): truncated, width converted, line ends changed, joined. */
export const wholeOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant('truncate' as const), at: pos }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('width' as const),
      to: fc.constantFrom('full' as const, 'half' as const),
      at: fc.oneof(fc.constant(0), pos),
      n: fc.oneof(fc.constant(1e9), fc.integer({ min: 1, max: 100_000 })),
    }),
  },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('eol' as const), style: eolStyle, seed: pos }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('join' as const), sep: joinSep }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('bom' as const) }) },
);

/** Any corruption. */
export const op: fc.Arbitrary<Op> = fc.oneof({ weight: 3, arbitrary: lineOp }, { weight: 4, arbitrary: charOp }, { weight: 2, arbitrary: wholeOp });

/** A corruption: which fixture, and what to do to it. */
export interface Corruption {
  doc: string;
  ops: Op[];
}

export function corruption(names: readonly string[], maxOps = 5, ops: fc.Arbitrary<Op> = op): fc.Arbitrary<Corruption> {
  return fc.record({ doc: fc.constantFrom(...names), ops: fc.array(ops, { minLength: 1, maxLength: maxOps }) });
}

/** Lines with their line breaks attached (`\r\n`, `\n`, or a lone `\r`). */
function splitKeep(text: string): string[] {
  return text.length === 0 ? [] : text.split(/(?<=\n|\r(?!\n))/);
}

function at(p: number, n: number): number {
  return n <= 0 ? 0 : p % (n + 1);
}

const FULL_OF: Record<string, string> = { ' ': '\u3000' };
const HALF_OF: Record<string, string> = { '\u3000': ' ' };

function toFull(s: string): string {
  return s.replace(/[!-~ ]/g, (c) => FULL_OF[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function toHalf(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) => HALF_OF[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function applyOp(text: string, o: Op): string {
  switch (o.k) {
    case 'delLines': {
      const ls = splitKeep(text);
      const i = at(o.at, ls.length - 1);
      ls.splice(i, o.n);
      return ls.join('');
    }
    case 'dupLines': {
      const ls = splitKeep(text);
      const i = at(o.at, ls.length - 1);
      ls.splice(i, 0, ...ls.slice(i, i + o.n));
      return ls.join('');
    }
    case 'swapLines': {
      const ls = splitKeep(text);
      if (ls.length < 2) return text;
      const a = o.a % ls.length;
      const b = o.b % ls.length;
      [ls[a], ls[b]] = [ls[b], ls[a]];
      return ls.join('');
    }
    case 'moveLines': {
      const ls = splitKeep(text);
      const i = at(o.at, ls.length - 1);
      const moved = ls.splice(i, o.n);
      ls.splice(at(o.to, ls.length), 0, ...moved);
      return ls.join('');
    }
    case 'delRange': {
      const i = at(o.at, text.length);
      return text.slice(0, i) + text.slice(i + o.n);
    }
    case 'dupRange': {
      const i = at(o.at, text.length);
      return text.slice(0, i + o.n) + text.slice(i);
    }
    case 'insert': {
      const i = at(o.at, text.length);
      return text.slice(0, i) + o.s + text.slice(i);
    }
    case 'insertAtLineStart': {
      const ls = splitKeep(text);
      if (ls.length === 0) return o.s;
      const i = o.at % ls.length;
      ls[i] = o.s + ls[i];
      return ls.join('');
    }
    case 'replace': {
      const i = at(o.at, text.length);
      return text.slice(0, i) + o.s + text.slice(i + o.n);
    }
    case 'truncate':
      return text.slice(0, at(o.at, text.length));
    case 'width': {
      const i = at(o.at, text.length);
      const mid = text.slice(i, i + o.n);
      return text.slice(0, i) + (o.to === 'full' ? toFull(mid) : toHalf(mid)) + text.slice(i + o.n);
    }
    case 'eol': {
      if (o.style !== 'mixed') return text.replace(/\r\n|\r|\n/g, { lf: '\n', crlf: '\r\n', cr: '\r' }[o.style]);
      let k = o.seed;
      return text.replace(/\r\n|\r|\n/g, () => {
        k = (k * 1103515245 + 12345) & 0x7fffffff;
        return ['\n', '\r\n', '\r'][k % 3];
      });
    }
    case 'join':
      return text.replace(/\r\n|\r|\n/g, o.sep);
    case 'bom':
      return '\ufeff' + text;
  }
}

export function corrupt(docs: Map<string, string>, c: Corruption): string {
  let text = docs.get(c.doc);
  if (text === undefined) throw new Error(`no fixture ${c.doc}`);
  for (const o of c.ops) text = applyOp(text, o);
  return text;
}
