// Splits a paragraph into sentences and finds the depth-0 parentheticals in it.
// Sentences end at 。!?; (either width) and at the end of the paragraph, never inside
// brackets or quotation marks. Unbalanced brackets are ignored rather than swallowing the rest.

import type { Range } from './model';
import { isSpaceCode, skipSpaces } from './text';

// Bracket pairs by char code: ( [ 【 《 “ ‘ 「 『 〔 { and their closers.
const PAIRS: [number, number][] = [
  [0x28, 0x29],
  [0x5b, 0x5d],
  [0x3010, 0x3011],
  [0x300a, 0x300b],
  [0x201c, 0x201d],
  [0x2018, 0x2019],
  [0x300c, 0x300d],
  [0x300e, 0x300f],
  [0x3014, 0x3015],
  [0x7b, 0x7d],
];
const CLOSE_OF = new Map<number, number>(PAIRS);
const OPEN_OF = new Map<number, number>(PAIRS.map(([o, c]) => [c, o]));
const QUOTE = 0x22;
const LPAREN = 0x28;

/** 。 ! ? ; (text folded to half-width). */
function isTerminator(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b;
}

/**
 * Characters that can matter to bracket matching or sentence ends. The scanners jump from one to
 * the next with a global regex's test(), which moves lastIndex natively and allocates nothing:
 * most of a paragraph is skipped without a step of JavaScript per character.
 */
const SPECIAL = /[()[\]{}"!?;\u2018-\u201d\u3002-\u3015]/g;

/**
 * Index (in the document) of the first special character at or after `from` in `segment`, the
 * slice of the document that starts at `base`; -1 when there is none. Searching the slice, not
 * the document, keeps each search inside its paragraph.
 */
function nextSpecial(segment: string, base: number, from: number): number {
  SPECIAL.lastIndex = from - base;
  return SPECIAL.test(segment) ? base + SPECIAL.lastIndex - 1 : -1;
}

export interface RawSentence extends Range {
  /** Depth-0 parentheticals `(…)` inside the sentence (absolute ranges, brackets included). */
  parens: Range[];
}

/**
 * Splits folded[from, to) into sentences. Ranges are absolute offsets; a sentence range starts at
 * its first non-space character and ends after its terminator (or at the last non-space
 * character). A parenthetical that directly follows a terminator (`…公开。(市财政局负责落实)`)
 * forms a sentence of its own: the caller decides whether it is a unit parenthetical.
 */
export function splitSentences(folded: string, from: number, to: number): RawSentence[] {
  const closeOf = matchBrackets(folded, from, to);
  const out: RawSentence[] = [];
  let start = -1;
  let parens: Range[] = [];
  const flush = (end: number): void => {
    if (start >= 0) {
      let e = end;
      while (e > start && isSpaceCode(folded.charCodeAt(e - 1))) e--;
      if (e > start) out.push({ start, end: e, parens });
    }
    start = -1;
    parens = [];
  };
  const segment = folded.slice(from, to);
  let i = skipSpaces(folded, from, to);
  while (i < to) {
    if (start < 0) start = i;
    const at = nextSpecial(segment, from, i);
    if (at < 0) break;
    i = at;
    const c = folded.charCodeAt(i);
    const close = closeOf.get(i);
    if (close !== undefined) {
      if (c === LPAREN) parens.push({ start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (isTerminator(c)) {
      // Runs of terminators (`。;`, `!!`) stay with the sentence, and so does a closing quote
      // right after the terminator (`…。”`).
      let j = i + 1;
      while (j < to && isTerminator(folded.charCodeAt(j))) j++;
      while (j < to && (folded.charCodeAt(j) === 0x201d || folded.charCodeAt(j) === 0x2019 || folded.charCodeAt(j) === QUOTE)) j++;
      flush(j);
      // The next sentence starts at the next non-space character.
      i = skipSpaces(folded, j, to);
      continue;
    }
    i++;
  }
  flush(to);
  return out;
}

/** Maps each opening bracket index to its matching closing index, within [from, to). */
export function matchBrackets(s: string, from: number, to: number): Map<number, number> {
  const result = new Map<number, number>();
  const stack: number[] = [];
  const segment = s.slice(from, to);
  for (let i = nextSpecial(segment, from, from); i >= 0; i = nextSpecial(segment, from, i + 1)) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      // ASCII quotes toggle: close the innermost open ASCII quote if there is one.
      const top = stack.length - 1;
      if (top >= 0 && s.charCodeAt(stack[top]) === QUOTE) result.set(stack.pop() as number, i);
      else stack.push(i);
      continue;
    }
    if (CLOSE_OF.has(c)) {
      stack.push(i);
      continue;
    }
    const open = OPEN_OF.get(c);
    if (open === undefined) continue;
    // Pop to the matching opener if it is near the top; an unmatched closer is ignored.
    for (let k = stack.length - 1; k >= 0 && k >= stack.length - 3; k--) {
      if (s.charCodeAt(stack[k]) === open) {
        result.set(stack[k], i);
        stack.length = k;
        break;
      }
    }
  }
  return result;
}

