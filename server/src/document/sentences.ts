// Splits a paragraph into sentences and finds the depth-0 parentheticals in it.
// Sentences end at 。!?; (either width) and at the end of the paragraph, never inside
// brackets or quotation marks. Unbalanced brackets are ignored rather than swallowing the rest.

import type { Range } from './model';

const OPEN_TO_CLOSE: Record<string, string> = {
  '(': ')',
  '[': ']',
  '【': '】',
  '《': '》',
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '〔': '〕',
  '{': '}',
};
const CLOSERS = new Set(Object.values(OPEN_TO_CLOSE));
const TERMINATORS = new Set(['。', '!', '?', ';']);

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
      while (e > start && isBlank(folded.charCodeAt(e - 1))) e--;
      if (e > start) out.push({ start, end: e, parens });
    }
    start = -1;
    parens = [];
  };
  for (let i = from; i < to; i++) {
    const ch = folded[i];
    if (start < 0) {
      if (isBlank(folded.charCodeAt(i))) continue;
      start = i;
    }
    const close = closeOf.get(i);
    if (close !== undefined) {
      if (ch === '(') parens.push({ start: i, end: close + 1 });
      i = close;
      continue;
    }
    if (TERMINATORS.has(ch)) {
      // Runs of terminators (`。;`, `!!`) stay with the sentence.
      let j = i + 1;
      while (j < to && TERMINATORS.has(folded[j])) j++;
      // A closing quote right after the terminator belongs to the sentence (`…”。` is common,
      // `。”` too).
      while (j < to && (folded[j] === '”' || folded[j] === '’' || folded[j] === '"')) j++;
      flush(j);
      i = j - 1;
    }
  }
  flush(to);
  return out;
}

/** Maps each opening bracket index to its matching closing index, within [from, to). */
export function matchBrackets(s: string, from: number, to: number): Map<number, number> {
  const result = new Map<number, number>();
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = s[i];
    if (ch === '"') {
      // ASCII quotes toggle: close the innermost open ASCII quote if there is one.
      const top = stack.length - 1;
      if (top >= 0 && s[stack[top]] === '"') {
        result.set(stack.pop() as number, i);
      } else {
        stack.push(i);
      }
      continue;
    }
    if (OPEN_TO_CLOSE[ch] !== undefined) {
      stack.push(i);
    } else if (CLOSERS.has(ch)) {
      // Pop to the matching opener if it is on the stack; an unmatched closer is ignored.
      for (let k = stack.length - 1; k >= 0 && k >= stack.length - 3; k--) {
        if (OPEN_TO_CLOSE[s[stack[k]]] === ch) {
          result.set(stack[k], i);
          stack.length = k;
          break;
        }
      }
    }
  }
  return result;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xfeff || c === 0xa0;
}
