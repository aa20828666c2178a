import { strict as assert } from 'assert';
import type { Marker } from '../../server/src/document/model';
import { parseMarker } from '../../server/src/document/markers';
import { foldWidth } from '../../server/src/document/text';

/** Parses a line that starts at document offset `lineStart`. */
function parse(line: string, lineStart = 0): Marker | null {
  return parseMarker(line, foldWidth(line), lineStart);
}

function marker(line: string, lineStart = 0): Marker {
  const m = parse(line, lineStart);
  assert.ok(m, `expected a marker: ${JSON.stringify(line)}`);
  return m;
}

/** The fields that describe a marker, in one comparable object. */
function summary(m: Marker): Record<string, unknown> {
  return {
    level: m.level,
    number: m.number,
    text: m.text,
    start: m.start,
    end: m.end,
    numeralRange: [m.numeralRange.start, m.numeralRange.end],
    numeral: m.numeral,
    parens: m.parens,
    canonical: m.canonical,
    partStyle: m.partStyle,
  };
}

/** Checks a marker at line start 100, so that offsets are document offsets, not line offsets. */
function check(
  line: string,
  expected: {
    level: number;
    number: number;
    text: string;
    canonical: boolean;
    parens?: string;
    numeral?: string;
    partStyle?: boolean;
    /** Offsets relative to the line (100 is added). */
    start?: number;
    numeralRange: [number, number];
  },
): void {
  const m = marker(line, 100);
  const start = expected.start ?? 0;
  assert.deepEqual(
    summary(m),
    {
      level: expected.level,
      number: expected.number,
      text: expected.text,
      start: 100 + start,
      end: 100 + start + expected.text.length,
      numeralRange: [100 + expected.numeralRange[0], 100 + expected.numeralRange[1]],
      numeral: expected.numeral ?? 'chinese',
      parens: expected.parens ?? 'none',
      canonical: expected.canonical,
      partStyle: expected.partStyle ?? false,
    },
    line,
  );
  // The marker's range slices its text out of the line.
  assert.equal(line.slice(m.start - 100, m.end - 100), m.text, line);
}

describe('markers: parseMarker', () => {
  describe('level 1', () => {
    it('reads the canonical 一、', () => {
      check('一、总体要求', { level: 1, number: 1, text: '一、', canonical: true, numeralRange: [0, 1] });
    });

    it('reads the variants 一. 一， 一, 一(space), not canonical', () => {
      check('一.总体要求', { level: 1, number: 1, text: '一.', canonical: false, numeralRange: [0, 1] });
      check('一，总体要求', { level: 1, number: 1, text: '一，', canonical: false, numeralRange: [0, 1] });
      check('一,总体要求', { level: 1, number: 1, text: '一,', canonical: false, numeralRange: [0, 1] });
      check('一 总体要求', { level: 1, number: 1, text: '一 ', canonical: false, numeralRange: [0, 1] });
      check('一．总体要求', { level: 1, number: 1, text: '一．', canonical: false, numeralRange: [0, 1] });
    });

    it('reads 第一部分 headings as level 1, canonical and part style', () => {
      check('第一部分 总体要求', { level: 1, number: 1, text: '第一部分 ', canonical: true, partStyle: true, numeralRange: [1, 2] });
      check('第一部分总体要求', { level: 1, number: 1, text: '第一部分', canonical: true, partStyle: true, numeralRange: [1, 2] });
      check('第十二部分 其他', { level: 1, number: 12, text: '第十二部分 ', canonical: true, partStyle: true, numeralRange: [1, 3] });
      check('第三章总体要求', { level: 1, number: 3, text: '第三章', canonical: true, partStyle: true, numeralRange: [1, 2] });
    });

    it('reads numerals beyond ten', () => {
      check('十、其他', { level: 1, number: 10, text: '十、', canonical: true, numeralRange: [0, 1] });
      check('十一、其他', { level: 1, number: 11, text: '十一、', canonical: true, numeralRange: [0, 2] });
      check('十九、其他', { level: 1, number: 19, text: '十九、', canonical: true, numeralRange: [0, 2] });
      check('二十、其他', { level: 1, number: 20, text: '二十、', canonical: true, numeralRange: [0, 2] });
      check('二十一、其他', { level: 1, number: 21, text: '二十一、', canonical: true, numeralRange: [0, 3] });
      check('九十九、其他', { level: 1, number: 99, text: '九十九、', canonical: true, numeralRange: [0, 3] });
      check('一百、其他', { level: 1, number: 100, text: '一百、', canonical: true, numeralRange: [0, 2] });
      check('一百零一、其他', { level: 1, number: 101, text: '一百零一、', canonical: true, numeralRange: [0, 4] });
      check('一百一十、其他', { level: 1, number: 110, text: '一百一十、', canonical: true, numeralRange: [0, 4] });
    });

    it('rejects malformed numerals', () => {
      assert.equal(parse('一百十、其他'), null);
      assert.equal(parse('两十、其他'), null);
      assert.equal(parse('零、其他'), null);
    });
  });

  describe('level 2', () => {
    it('reads the canonical (一) in both widths', () => {
      check('（一）加强领导', { level: 2, number: 1, text: '（一）', canonical: true, parens: 'full', numeralRange: [1, 2] });
      check('(一)加强领导', { level: 2, number: 1, text: '(一)', canonical: true, parens: 'half', numeralRange: [1, 2] });
    });

    it('reads (一)、 and (一). as not canonical', () => {
      check('（一）、加强领导', { level: 2, number: 1, text: '（一）、', canonical: false, parens: 'full', numeralRange: [1, 2] });
      check('（一）.加强领导', { level: 2, number: 1, text: '（一）.', canonical: false, parens: 'full', numeralRange: [1, 2] });
      check('(一).加强领导', { level: 2, number: 1, text: '(一).', canonical: false, parens: 'half', numeralRange: [1, 2] });
      check('(一)、加强领导', { level: 2, number: 1, text: '(一)、', canonical: false, parens: 'half', numeralRange: [1, 2] });
    });

    it('reads mixed-width parentheses as mixed, not canonical', () => {
      check('(一）加强领导', { level: 2, number: 1, text: '(一）', canonical: false, parens: 'mixed', numeralRange: [1, 2] });
      check('（一)加强领导', { level: 2, number: 1, text: '（一)', canonical: false, parens: 'mixed', numeralRange: [1, 2] });
    });

    it('reads 一) and 一） without the opening parenthesis', () => {
      check('一）加强领导', { level: 2, number: 1, text: '一）', canonical: false, numeralRange: [0, 1] });
      check('一)加强领导', { level: 2, number: 1, text: '一)', canonical: false, numeralRange: [0, 1] });
    });

    it('reads numerals beyond ten', () => {
      check('(十)做好', { level: 2, number: 10, text: '(十)', canonical: true, parens: 'half', numeralRange: [1, 2] });
      check('(十一)做好', { level: 2, number: 11, text: '(十一)', canonical: true, parens: 'half', numeralRange: [1, 3] });
      check('（三十二）做好', { level: 2, number: 32, text: '（三十二）', canonical: true, parens: 'full', numeralRange: [1, 4] });
      check('(三十二)做好', { level: 2, number: 32, text: '(三十二)', canonical: true, parens: 'half', numeralRange: [1, 4] });
      check('（一百零一）做好', { level: 2, number: 101, text: '（一百零一）', canonical: true, parens: 'full', numeralRange: [1, 5] });
    });
  });

  describe('level 3', () => {
    it('reads the canonical 1.', () => {
      check('1.做好公开', { level: 3, number: 1, text: '1.', canonical: true, numeral: 'arabic', numeralRange: [0, 1] });
      check('27.做好公开', { level: 3, number: 27, text: '27.', canonical: true, numeral: 'arabic', numeralRange: [0, 2] });
    });

    it('reads 1、 1， 1, １. 1． and 1(space) as not canonical', () => {
      check('1、做好公开', { level: 3, number: 1, text: '1、', canonical: false, numeral: 'arabic', numeralRange: [0, 1] });
      check('1，做好公开', { level: 3, number: 1, text: '1，', canonical: false, numeral: 'arabic', numeralRange: [0, 1] });
      check('1,做好公开', { level: 3, number: 1, text: '1,', canonical: false, numeral: 'arabic', numeralRange: [0, 1] });
      check('１.做好公开', { level: 3, number: 1, text: '１.', canonical: false, numeral: 'arabic', numeralRange: [0, 1] });
      check('1．做好公开', { level: 3, number: 1, text: '1．', canonical: false, numeral: 'arabic', numeralRange: [0, 1] });
      check('1 做好公开', { level: 3, number: 1, text: '1 ', canonical: false, numeral: 'arabic', numeralRange: [0, 1] });
      check('１２．做好公开', { level: 3, number: 12, text: '１２．', canonical: false, numeral: 'arabic', numeralRange: [0, 2] });
    });

    it('keeps the spaces after 1. out of the marker', () => {
      check('1.  做好公开', { level: 3, number: 1, text: '1.', canonical: true, numeral: 'arabic', numeralRange: [0, 1] });
    });
  });

  describe('level 4', () => {
    it('reads the canonical (1) in both widths', () => {
      check('（1）做好', { level: 4, number: 1, text: '（1）', canonical: true, parens: 'full', numeral: 'arabic', numeralRange: [1, 2] });
      check('(1)做好', { level: 4, number: 1, text: '(1)', canonical: true, parens: 'half', numeral: 'arabic', numeralRange: [1, 2] });
      check('(12)做好', { level: 4, number: 12, text: '(12)', canonical: true, parens: 'half', numeral: 'arabic', numeralRange: [1, 3] });
    });

    it('reads (1)、 1) 1） and mixed widths as not canonical', () => {
      check('（1）、做好', { level: 4, number: 1, text: '（1）、', canonical: false, parens: 'full', numeral: 'arabic', numeralRange: [1, 2] });
      check('1）做好', { level: 4, number: 1, text: '1）', canonical: false, numeral: 'arabic', numeralRange: [0, 1] });
      check('1)做好', { level: 4, number: 1, text: '1)', canonical: false, numeral: 'arabic', numeralRange: [0, 1] });
      check('(1）做好', { level: 4, number: 1, text: '(1）', canonical: false, parens: 'mixed', numeral: 'arabic', numeralRange: [1, 2] });
      check('（１）做好', { level: 4, number: 1, text: '（１）', canonical: false, parens: 'full', numeral: 'arabic', numeralRange: [1, 2] });
    });

    it('reads circled numbers ① to ⑳', () => {
      const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
      [...circled].forEach((c, k) => {
        check(`${c}做好`, { level: 4, number: k + 1, text: c, canonical: false, numeral: 'circled', numeralRange: [0, 1] });
      });
    });
  });

  describe('position in the line', () => {
    it('allows leading ASCII spaces', () => {
      check('  一、总体要求', { level: 1, number: 1, text: '一、', canonical: true, start: 2, numeralRange: [2, 3] });
      check('\t(二)做好', { level: 2, number: 2, text: '(二)', canonical: true, parens: 'half', start: 1, numeralRange: [2, 3] });
    });

    it('allows U+3000 indentation', () => {
      check('　　一、总体目标', { level: 1, number: 1, text: '一、', canonical: true, start: 2, numeralRange: [2, 3] });
      check('　　（三十二）做好', { level: 2, number: 32, text: '（三十二）', canonical: true, parens: 'full', start: 2, numeralRange: [3, 6] });
      check('　　1.做好', { level: 3, number: 1, text: '1.', canonical: true, numeral: 'arabic', start: 2, numeralRange: [2, 3] });
      check('　　⑤做好', { level: 4, number: 5, text: '⑤', canonical: false, numeral: 'circled', start: 2, numeralRange: [2, 3] });
    });

    it('allows a BOM before the marker', () => {
      check('\ufeff一、总体要求', { level: 1, number: 1, text: '一、', canonical: true, start: 1, numeralRange: [1, 2] });
    });

    it('needs the marker at the start of the line', () => {
      assert.equal(parse('做好一、二季度工作'), null);
      assert.equal(parse('甲(一)乙'), null);
    });
  });

  describe('non-markers', () => {
    const lines = [
      '2023年是全面贯彻落实党的二十大精神的开局之年',
      '12345热线工单办理',
      '1.5亿元专项资金',
      '1,000元以上',
      '1.',
      '1.   ',
      '一、',
      '(一)',
      '①',
      '一是做好公开',
      '二是加强解读',
      '做好公开工作。',
      '(PPP)模式',
      '(试行)',
      '(2016-2020年)规划',
      '(企)业',
      '第三页',
      '- 1 -',
      '⑴做好',
      '',
      '   ',
      '十四五规划',
      '6 月底前完成。',
      '10 个工作日内答复。',
      '12  月底前',
    ];
    for (const line of lines) {
      it(`is not a marker: ${JSON.stringify(line)}`, () => {
        assert.equal(parse(line), null);
      });
    }
  });
});
