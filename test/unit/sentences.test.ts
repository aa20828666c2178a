import { strict as assert } from 'assert';
import { matchBrackets, splitSentences } from '../../server/src/document/sentences';
import { foldWidth, isSpaceCode } from '../../server/src/document/text';
import * as fc from 'fast-check';

/** The sentences of the whole text, as the texts their ranges slice out of it. */
function split(text: string): string[] {
  const f = foldWidth(text);
  return splitSentences(f, 0, f.length).map((s) => text.slice(s.start, s.end));
}

/** The sentences of the whole text as [start, end] ranges. */
function ranges(text: string): [number, number][] {
  const f = foldWidth(text);
  return splitSentences(f, 0, f.length).map((s) => [s.start, s.end]);
}

/** The depth-0 parentheticals of each sentence, as texts. */
function parens(text: string): string[][] {
  const f = foldWidth(text);
  return splitSentences(f, 0, f.length).map((s) => s.parens.map((p) => text.slice(p.start, p.end)));
}

describe('sentences: splitSentences', () => {
  describe('terminators', () => {
    it('splits at half-width 。!?;', () => {
      const t = '做好甲。做好乙!做好丙?做好丁;做好戊';
      assert.deepEqual(split(t), ['做好甲。', '做好乙!', '做好丙?', '做好丁;', '做好戊']);
      assert.deepEqual(ranges(t), [
        [0, 4],
        [4, 8],
        [8, 12],
        [12, 16],
        [16, 19],
      ]);
    });

    it('splits at full-width ！？；', () => {
      const t = '做好甲。做好乙！做好丙？做好丁；做好戊。';
      assert.deepEqual(split(t), ['做好甲。', '做好乙！', '做好丙？', '做好丁；', '做好戊。']);
      assert.deepEqual(ranges(t), [
        [0, 4],
        [4, 8],
        [8, 12],
        [12, 16],
        [16, 20],
      ]);
    });

    it('does not split at commas, colons or enumeration commas', () => {
      assert.deepEqual(split('做好甲，做好乙,做好丙：做好丁:做好戊、己。'), ['做好甲，做好乙,做好丙：做好丁:做好戊、己。']);
    });

    it('keeps a run of terminators with its sentence', () => {
      assert.deepEqual(split('做好甲。。。下一句'), ['做好甲。。。', '下一句']);
      assert.deepEqual(split('真的吗?!下一句。'), ['真的吗?!', '下一句。']);
      assert.deepEqual(split('做好甲。;下一句'), ['做好甲。;', '下一句']);
      assert.deepEqual(ranges('真的吗？！下一句。'), [
        [0, 5],
        [5, 9],
      ]);
    });

    it('keeps a closing quote after 。 with its sentence', () => {
      assert.deepEqual(split('要公开。”然后。'), ['要公开。”', '然后。']);
      assert.deepEqual(ranges('要公开。”然后。'), [
        [0, 5],
        [5, 8],
      ]);
      assert.deepEqual(split('要公开。’然后。'), ['要公开。’', '然后。']);
      assert.deepEqual(split('要公开。"然后。'), ['要公开。"', '然后。']);
    });

    it('ends the last sentence at the end of the range without a terminator', () => {
      assert.deepEqual(split('做好甲。做好乙'), ['做好甲。', '做好乙']);
    });
  });

  describe('brackets and quotes', () => {
    it('never splits inside parentheses of either width', () => {
      assert.deepEqual(split('做好(甲。乙)工作。下一句。'), ['做好(甲。乙)工作。', '下一句。']);
      assert.deepEqual(split('做好（甲。乙）工作。下一句。'), ['做好（甲。乙）工作。', '下一句。']);
      assert.deepEqual(split('(牵头单位:甲;责任单位:乙)做好。'), ['(牵头单位:甲;责任单位:乙)做好。']);
      assert.deepEqual(split('做好工作（牵头单位：甲；责任单位：乙）。'), ['做好工作（牵头单位：甲；责任单位：乙）。']);
    });

    it('never splits inside 【】 《》 “” 「」 ‘’ [] 〔〕', () => {
      assert.deepEqual(split('学习【甲。乙】和《条例。二》以及“公开。透明”和「甲。乙」。完。'), [
        '学习【甲。乙】和《条例。二》以及“公开。透明”和「甲。乙」。',
        '完。',
      ]);
      assert.deepEqual(split('‘甲。乙’完。下'), ['‘甲。乙’完。', '下']);
      assert.deepEqual(split('见[甲;乙]和〔2023〕1号。下'), ['见[甲;乙]和〔2023〕1号。', '下']);
      assert.deepEqual(split('他说“要公开。”然后。下'), ['他说“要公开。”然后。', '下']);
    });

    it('pairs ASCII double quotes', () => {
      assert.deepEqual(split('a"b。c"d。e'), ['a"b。c"d。', 'e']);
    });

    it('handles nested brackets', () => {
      assert.deepEqual(split('做好(甲“乙。丙”丁)。下'), ['做好(甲“乙。丙”丁)。', '下']);
      assert.deepEqual(parens('做好(甲(乙。)丙)工作(丁)。'), [['(甲(乙。)丙)', '(丁)']]);
    });

    it('ignores an unclosed opening bracket instead of swallowing the rest', () => {
      assert.deepEqual(split('有(未闭合。后面。'), ['有(未闭合。', '后面。']);
      assert.deepEqual(split('有《未闭合。后面。'), ['有《未闭合。', '后面。']);
      assert.deepEqual(split('有“未闭合。后面。'), ['有“未闭合。', '后面。']);
      assert.deepEqual(parens('有(未闭合。后面。'), [[], []]);
    });

    it('ignores an unmatched closing bracket', () => {
      assert.deepEqual(split('有)多余。后面。'), ['有)多余。', '后面。']);
      assert.deepEqual(split('有】多余。后面。'), ['有】多余。', '后面。']);
    });
  });

  describe('parentheticals', () => {
    it('records the depth-0 parentheticals of each sentence, brackets included', () => {
      const t = '做好(甲;乙)和[丙。丁]工作!好(PPP)';
      const f = foldWidth(t);
      const s = splitSentences(f, 0, f.length);
      assert.deepEqual(
        s.map((x) => [x.start, x.end, x.parens.map((p) => [p.start, p.end])]),
        [
          [0, 16, [[2, 7]]],
          [16, 22, [[17, 22]]],
        ],
      );
    });

    it('records full-width parentheticals', () => {
      assert.deepEqual(parens('做好工作（责任单位：区甲局）。'), [['（责任单位：区甲局）']]);
    });

    it('starts the next sentence with a parenthetical that follows a terminator', () => {
      const t = '做好公开。(市财政局负责落实)下一句。';
      assert.deepEqual(split(t), ['做好公开。', '(市财政局负责落实)下一句。']);
      assert.deepEqual(ranges(t), [
        [0, 5],
        [5, 19],
      ]);
      assert.deepEqual(parens(t), [[], ['(市财政局负责落实)']]);
    });

    it('makes a parenthetical after the last terminator a sentence of its own', () => {
      const t = '做好公开。（市财政局负责落实）';
      assert.deepEqual(split(t), ['做好公开。', '（市财政局负责落实）']);
      assert.deepEqual(parens(t), [[], ['（市财政局负责落实）']]);
    });
  });

  describe('ranges', () => {
    it('starts at the first non-space character and ends at the last', () => {
      const t = '  前导空格。 \u3000 后面  ';
      assert.deepEqual(ranges(t), [
        [2, 7],
        [10, 12],
      ]);
      assert.deepEqual(split(t), ['前导空格。', '后面']);
    });

    it('skips a line break between sentences', () => {
      assert.deepEqual(ranges('做好甲。\n做好乙。'), [
        [0, 4],
        [5, 9],
      ]);
    });

    it('keeps a line break inside a sentence (a wrapped line)', () => {
      assert.deepEqual(split('做好甲,\r\n做好乙。'), ['做好甲,\r\n做好乙。']);
    });

    it('gives no sentence for empty or blank text', () => {
      assert.deepEqual(ranges(''), []);
      assert.deepEqual(ranges('   \u3000\t'), []);
    });

    it('gives absolute offsets for a sub-range', () => {
      const t = '前面文字不算。中间。后面';
      const f = foldWidth(t);
      assert.deepEqual(
        splitSentences(f, 7, 12).map((s) => [s.start, s.end]),
        [
          [7, 10],
          [10, 12],
        ],
      );
    });

    it('does not look at brackets outside the sub-range', () => {
      const t = '(前面。中间。后面)';
      const f = foldWidth(t);
      assert.deepEqual(
        splitSentences(f, 1, 9).map((s) => t.slice(s.start, s.end)),
        ['前面。', '中间。', '后面'],
      );
    });
  });
});

describe('sentences: matchBrackets', () => {
  it('maps each opening bracket to its closer', () => {
    assert.deepEqual([...matchBrackets('a(b)c《d》', 0, 9)], [
      [1, 3],
      [5, 7],
    ]);
  });

  it('matches nested and mixed brackets', () => {
    const s = '(甲【乙“丙”】)';
    assert.deepEqual(
      [...matchBrackets(s, 0, s.length)].sort((x, y) => x[0] - y[0]),
      [
        [0, 8],
        [2, 7],
        [4, 6],
      ],
    );
  });

  it('leaves unmatched brackets out', () => {
    assert.deepEqual([...matchBrackets('(甲(乙)', 0, 5)], [[2, 4]]);
    assert.deepEqual([...matchBrackets('甲)乙', 0, 3)], []);
  });
});

// The character-by-character scanners as they were before the regex jumps: the reference the
// faster ones must agree with.
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

/** Characters that can matter to bracket matching or sentence ends; everything else is skipped fast. */
function isSpecial(c: number): boolean {
  return c < 0x80 ? c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === QUOTE || c === 0x21 || c === 0x3f || c === 0x3b : (c >= 0x2018 && c <= 0x201d) || (c >= 0x3002 && c <= 0x3015);
}


/**
 * Splits folded[from, to) into sentences. Ranges are absolute offsets; a sentence range starts at
 * its first non-space character and ends after its terminator (or at the last non-space
 * character). A parenthetical that directly follows a terminator (`…公开。(市财政局负责落实)`)
 * forms a sentence of its own: the caller decides whether it is a unit parenthetical.
 */
function referenceSplit(folded: string, from: number, to: number): { start: number; end: number; parens: { start: number; end: number }[] }[] {
  const closeOf = referenceBrackets(folded, from, to);
  const out: { start: number; end: number; parens: { start: number; end: number }[] }[] = [];
  let start = -1;
  let parens: { start: number; end: number }[] = [];
  const flush = (end: number): void => {
    if (start >= 0) {
      let e = end;
      while (e > start && isSpaceCode(folded.charCodeAt(e - 1))) e--;
      if (e > start) out.push({ start, end: e, parens });
    }
    start = -1;
    parens = [];
  };
  for (let i = from; i < to; i++) {
    const c = folded.charCodeAt(i);
    if (start < 0) {
      if (isSpaceCode(c)) continue;
      start = i;
    }
    if (!isSpecial(c)) continue;
    const close = closeOf.get(i);
    if (close !== undefined) {
      if (c === LPAREN) parens.push({ start: i, end: close + 1 });
      i = close;
      continue;
    }
    if (isTerminator(c)) {
      // Runs of terminators (`。;`, `!!`) stay with the sentence, and so does a closing quote
      // right after the terminator (`…。”`).
      let j = i + 1;
      while (j < to && isTerminator(folded.charCodeAt(j))) j++;
      while (j < to && (folded.charCodeAt(j) === 0x201d || folded.charCodeAt(j) === 0x2019 || folded.charCodeAt(j) === QUOTE)) j++;
      flush(j);
      i = j - 1;
    }
  }
  flush(to);
  return out;
}

/** Maps each opening bracket index to its matching closing index, within [from, to). */
function referenceBrackets(s: string, from: number, to: number): Map<number, number> {
  const result = new Map<number, number>();
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isSpecial(c)) continue;
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


describe('splitSentences and matchBrackets agree with the character-by-character reference', () => {
  it('on random text dense with brackets, quotes, terminators and spaces', () => {
    const pieces = ['甲', 'a', ' ', '\u3000', '(', ')', '[', ']', '【', '】', '《', '》', '“', '”', '"', '。', ';', '!', '?', '\n', '(区甲局负责)'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.nat(5), fc.nat(5), (parts, cutA, cutB) => {
        const text = parts.join('');
        const from = Math.min(cutA, text.length);
        const to = Math.max(from, text.length - cutB);
        assert.deepEqual(splitSentences(text, from, to), referenceSplit(text, from, to));
        assert.deepEqual([...matchBrackets(text, from, to)], [...referenceBrackets(text, from, to)]);
      }),
      { numRuns: 3000 },
    );
  });
});
