import { strict as assert } from 'assert';
import { matchBrackets, splitSentences } from '../../server/src/document/sentences';
import { foldWidth } from '../../server/src/document/text';

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
