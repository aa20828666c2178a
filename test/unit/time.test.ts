import { strict as assert } from 'assert';
import { findTimeMentions, isOutOfYear, monthsInYear, parseTimeNode } from '../../server/src/document/time';
import type { TimeNode } from '../../server/src/document/model';

const ALL = 0xfff;

/** Bitmask of the given months. */
function m(...months: number[]): number {
  let mask = 0;
  for (const month of months) mask |= 1 << (month - 1);
  return mask;
}

/** Bitmask of months a..b. */
function span(a: number, b: number): number {
  let mask = 0;
  for (let month = a; month <= b; month++) mask |= 1 << (month - 1);
  return mask;
}

function parse(text: string): TimeNode {
  const node = parseTimeNode(text);
  assert.ok(node, `expected ${JSON.stringify(text)} to parse`);
  return node;
}

/** Parses and returns [year, months] for each part. */
function parts(text: string): [number | null, number][] {
  return parse(text).parts.map((p) => [p.year, p.months]);
}

/** Months of a node without explicit years. */
function months(text: string): number {
  return monthsInYear(parse(text), null);
}

describe('time: parseTimeNode', () => {
  describe('whole-year and recurring forms', () => {
    const forms = [
      '全年', '年内', '长期', '持续', '持续推进', '持续开展', '长期坚持', '常态化', '日常',
      '每年', '每季度', '每月', '按季度', '按月', '按年度', '每半年', '全年持续推进', '常态化开展',
      '年内完成', '每季度末', '每月10日前',
    ];
    for (const text of forms) {
      it(text, () => {
        const node = parse(text);
        assert.equal(node.wholeYear, true);
        assert.deepEqual(parts(text), [[null, ALL]]);
      });
    }
  });

  describe('halves, quarters and year end', () => {
    const cases: [string, number][] = [
      ['上半年', span(1, 6)],
      ['下半年', span(7, 12)],
      ['上半年前', span(1, 6)],
      ['一季度', span(1, 3)],
      ['二季度', span(4, 6)],
      ['三季度', span(7, 9)],
      ['四季度', span(10, 12)],
      ['第一季度', span(1, 3)],
      ['第三季度', span(7, 9)],
      ['1季度', span(1, 3)],
      ['第1季度', span(1, 3)],
      ['4季度', span(10, 12)],
      ['一季度末', span(1, 3)],
      ['一季度底', span(1, 3)],
      ['一季度前', span(1, 3)],
      ['一季度内', span(1, 3)],
      ['三季度末', span(7, 9)],
      ['三季度前', span(1, 9)],
      ['三季度末前', span(1, 9)],
      ['二季度底前', span(1, 6)],
      ['一至二季度', span(1, 6)],
      ['三、四季度', span(7, 12)],
      ['年底前', ALL],
      ['年底', ALL],
      ['年末', ALL],
      ['年底前完成', ALL],
    ];
    for (const [text, expected] of cases) {
      it(text, () => {
        const node = parse(text);
        assert.equal(node.wholeYear, false);
        assert.equal(months(text), expected);
        assert.ok(node.parts.every((p) => p.year === null));
      });
    }
  });

  describe('months', () => {
    const cases: [string, number][] = [
      ['6月', m(6)],
      ['1月', m(1)],
      ['12月', m(12)],
      ['06月', m(6)],
      ['6月份', m(6)],
      ['6月上旬', m(6)],
      ['6月中旬', m(6)],
      ['6月下旬', m(6)],
      ['6月初', m(6)],
      ['6月底', m(6)],
      ['6月末', m(6)],
      ['6月30日', m(6)],
      ['6月前', span(1, 6)],
      ['6月底前', span(1, 6)],
      ['6月末前', span(1, 6)],
      ['6月份前', span(1, 6)],
      ['6月中旬前', span(1, 6)],
      ['6月以前', span(1, 6)],
      ['6月30日前', span(1, 6)],
      ['10月15日前', span(1, 10)],
      ['6月底前完成', span(1, 6)],
      ['6月起', span(6, 12)],
      ['6月1日起', span(6, 12)],
      ['六月', m(6)],
      ['六月底前', span(1, 6)],
      ['十月', m(10)],
      ['十一月', m(11)],
      ['十二月', m(12)],
      ['十二月底前', span(1, 12)],
      ['截至6月底', span(1, 6)],
    ];
    for (const [text, expected] of cases) {
      it(text, () => {
        const node = parse(text);
        assert.equal(node.wholeYear, false);
        assert.equal(months(text), expected);
        assert.equal(node.parts.length, 1);
      });
    }
  });

  describe('ranges and lists', () => {
    const cases: [string, [number | null, number][]][] = [
      ['3-6月', [[null, span(3, 6)]]],
      ['3—6月', [[null, span(3, 6)]]],
      ['3——6月', [[null, span(3, 6)]]],
      ['3~6月', [[null, span(3, 6)]]],
      ['3～6月', [[null, span(3, 6)]]],
      ['3〜6月', [[null, span(3, 6)]]],
      ['3至6月', [[null, span(3, 6)]]],
      ['3月-6月', [[null, span(3, 6)]]],
      ['3月至6月', [[null, span(3, 6)]]],
      ['三至六月', [[null, span(3, 6)]]],
      ['6月-6月', [[null, m(6)]]],
      ['3-6月份', [[null, span(3, 6)]]],
      ['6月1日-6月30日', [[null, m(6)]]],
      ['4月、10月', [[null, m(4)], [null, m(10)]]],
      ['4、10月', [[null, m(4)], [null, m(10)]]],
      ['3-6月 9-10月', [[null, span(3, 6)], [null, span(9, 10)]]],
      ['4月,10月', [[null, m(4)], [null, m(10)]]],
      ['4月，10月', [[null, m(4)], [null, m(10)]]],
      ['4月; 10月', [[null, m(4)], [null, m(10)]]],
      ['1月和7月', [[null, m(1)], [null, m(7)]]],
      ['1月及7月', [[null, m(1)], [null, m(7)]]],
      ['6月底前、12月底前', [[null, span(1, 6)], [null, span(1, 12)]]],
      ['一季度、三季度', [[null, span(1, 3)], [null, span(7, 9)]]],
      ['上半年、四季度', [[null, span(1, 6)], [null, span(10, 12)]]],
    ];
    for (const [text, expected] of cases) {
      it(text, () => assert.deepEqual(parts(text), expected));
    }
    it('the union of a list', () => {
      assert.equal(months('3-6月 9-10月'), span(3, 6) | span(9, 10));
    });
  });

  describe('explicit years', () => {
    const cases: [string, [number | null, number][]][] = [
      ['2024年1月', [[2024, m(1)]]],
      ['2024年6月底前', [[2024, span(1, 6)]]],
      ['2024年上半年', [[2024, span(1, 6)]]],
      ['2024年底前', [[2024, ALL]]],
      ['2024年年底前', [[2024, ALL]]],
      ['2023年底', [[2023, m(12)]]],
      ['2024年', [[2024, ALL]]],
      ['2024年度', [[2024, ALL]]],
      ['2024年一季度', [[2024, span(1, 3)]]],
      ['2024年3-6月', [[2024, span(3, 6)]]],
      ['2024年12月31日前', [[2024, ALL]]],
      ['2024年12月、2025年3月', [[2024, m(12)], [2025, m(3)]]],
      ['2024年11月-2025年2月', [[2024, span(11, 12)], [2025, span(1, 2)]]],
      ['2026年6月、2027年一季度', [[2026, m(6)], [2027, span(1, 3)]]],
      // a piece without a year takes the year of the piece before it
      ['2024年1月、3月', [[2024, m(1)], [2024, m(3)]]],
      // whole-year forms never inherit a year
      ['2024年1月、全年', [[2024, m(1)], [null, ALL]]],
      ['全年、2027年3月', [[null, ALL], [2027, m(3)]]],
    ];
    for (const [text, expected] of cases) {
      it(text, () => assert.deepEqual(parts(text), expected));
    }
    it('2024年 alone is not a whole-year form', () => {
      assert.equal(parse('2024年').wholeYear, false);
      assert.equal(parse('全年、2027年3月').wholeYear, true);
    });
  });

  describe('width, spaces and text', () => {
    it('folds full-width digits and punctuation', () => {
      assert.deepEqual(parts('６月底前'), [[null, span(1, 6)]]);
      assert.deepEqual(parts('３－６月'), [[null, span(3, 6)]]);
      assert.deepEqual(parts('２０２４年１月'), [[2024, m(1)]]);
      assert.deepEqual(parts('４月，１０月'), [[null, m(4)], [null, m(10)]]);
    });
    it('keeps the trimmed original text', () => {
      assert.equal(parse('　６月底前 ').text, '６月底前');
      assert.equal(parse('  全年\t').text, '全年');
      assert.equal(parse('\u3000上半年\u3000').text, '上半年');
    });
    it('accepts ideographic and ordinary spaces between list pieces', () => {
      assert.deepEqual(parts('3-6月\u30009-10月'), [[null, span(3, 6)], [null, span(9, 10)]]);
      assert.deepEqual(parts('4月 、 10月'), [[null, m(4)], [null, m(10)]]);
      assert.deepEqual(parts('6 月'), [[null, m(6)]]);
    });
  });

  describe('invalid', () => {
    const invalid = [
      '', '   ', '\u3000', '尽快', '适时', '待定', '13月', '十三月', '0月', '三季度底前前', '6月32日前',
      '2月30日', '4月31日', '五季度', '0季度', '6月、', '、6月', '6月前前', '6-3月', '6月abc', 'abc',
      '2024', '2024年13月', '随时', '按需', '6个月', '10个工作日内', '2024年11月-2023年2月', '6月,,7月',
    ];
    for (const text of invalid) {
      it(JSON.stringify(text), () => assert.equal(parseTimeNode(text), null));
    }
  });
});

describe('time: findTimeMentions', () => {
  /** [start, end, text, months in the plan year] of each mention. */
  function mentions(text: string, offset = 0): [number, number, string, number][] {
    return findTimeMentions(text, offset).map((x) => [x.start, x.end, x.text, monthsInYear(x.node, null)]);
  }

  it('finds 8月 (without the preposition 在) at its exact offset', () => {
    const text = '以“优化营商环境”为主题，在8月开展“政府开放月”活动。';
    const at = text.indexOf('8月');
    assert.deepEqual(mentions(text, 1000), [[1000 + at, 1000 + at + 2, '8月', m(8)]]);
    const found = findTimeMentions(text, 1000)[0];
    assert.equal(found.node.text, '8月');
    assert.equal(found.node.wholeYear, false);
  });

  it('half-width punctuation sentence', () => {
    const text = '以"优化营商环境"为主题,在8月开展"政府开放月"活动。';
    assert.equal(text.indexOf('8月'), 14);
    assert.deepEqual(mentions(text, 7), [[21, 23, '8月', m(8)]]);
  });

  it('在8月集中组织开展', () => {
    assert.deepEqual(mentions('在8月集中组织开展政府信息公开宣传活动', 50), [[51, 53, '8月', m(8)]]);
  });

  it('在10月前完成 (the mention stops before 完成)', () => {
    assert.deepEqual(mentions('在10月前完成', 10), [[11, 15, '10月前', span(1, 10)]]);
  });

  it('deadlines, ranges, periods', () => {
    assert.deepEqual(mentions('于6月底前完成'), [[1, 5, '6月底前', span(1, 6)]]);
    assert.deepEqual(mentions('8月中旬召开'), [[0, 4, '8月中旬', m(8)]]);
    assert.deepEqual(mentions('3-6月开展专项检查'), [[0, 4, '3-6月', span(3, 6)]]);
    assert.deepEqual(mentions('上半年完成'), [[0, 3, '上半年', span(1, 6)]]);
    assert.deepEqual(mentions('下半年启动'), [[0, 3, '下半年', span(7, 12)]]);
    assert.deepEqual(mentions('一季度发布'), [[0, 3, '一季度', span(1, 3)]]);
    assert.deepEqual(mentions('第三季度发布'), [[0, 4, '第三季度', span(7, 9)]]);
    assert.deepEqual(mentions('力争年底前完成'), [[2, 5, '年底前', ALL]]);
    assert.deepEqual(mentions('今年年底前完成'), [[2, 5, '年底前', ALL]]);
    assert.deepEqual(mentions('六月底前完成'), [[0, 4, '六月底前', span(1, 6)]]);
    assert.deepEqual(mentions('自6月起实施'), [[1, 4, '6月起', span(6, 12)]]);
  });

  it('explicit years', () => {
    const found = findTimeMentions('2024年6月上线', 0);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, '2024年6月');
    assert.deepEqual(found[0].node.parts, [{ year: 2024, months: m(6) }]);
    const end = findTimeMentions('到2023年底,本区主动公开', 0);
    assert.equal(end.length, 1);
    assert.deepEqual([end[0].start, end[0].end, end[0].text], [1, 7, '2023年底']);
    assert.deepEqual(end[0].node.parts, [{ year: 2023, months: m(12) }]);
  });

  it('several mentions in one sentence', () => {
    const text = '4月、10月分别开展,3-6月 9-10月集中检查';
    assert.deepEqual(
      mentions(text).map((x) => x[2]),
      ['4月', '10月', '3-6月', '9-10月'],
    );
  });

  it('full-width digits keep offsets', () => {
    const text = '在８月开展';
    assert.deepEqual(mentions(text, 3), [[4, 6, '８月', m(8)]]);
  });

  describe('no mention', () => {
    const none = [
      '决策出台后的10个工作日内,在门户网站公开',
      '加大2023年-2026年区级就业促进政策的解读',
      '年内邀请公众代表列席不少于4次',
      '全年开展不少于3次',
      '每季度组织召开经济运行新闻发布会',
      '按季度公开房地产中介机构信息',
      '按月公开低保人数',
      '每一季度通报一次',
      '3个月内完成整改',
      '升级到6.0版',
      '提高12345热线办理质量',
      '婴儿6月龄体检',
      '一月一次',
      '明年上半年完成',
      '明年年底前完成',
      '每年年底前报送',
      '次年3月底前',
      '每年6月开展',
      '前三季度经济运行情况',
      '统一季度报表',
      '推进“十四五”规划实施',
      '三年行动计划',
      '持续推进',
      '2023年度报告',
      '',
    ];
    for (const text of none) {
      it(JSON.stringify(text), () => assert.deepEqual(findTimeMentions(text, 0), []));
    }
  });

  it('8月前往 is not a deadline', () => {
    assert.deepEqual(mentions('8月前往调研'), [[0, 2, '8月', m(8)]]);
  });
});

describe('time: monthsInYear', () => {
  it('keeps parts of the plan year and parts without a year', () => {
    const node = parse('2025年12月、2026年3月、6月底前');
    // 6月底前 inherits 2026 from the piece before it
    assert.equal(monthsInYear(node, 2026), m(3) | span(1, 6));
    assert.equal(monthsInYear(node, 2025), m(12));
    assert.equal(monthsInYear(node, 2024), 0);
    assert.equal(monthsInYear(parse('4月、10月'), 2026), m(4, 10));
    assert.equal(monthsInYear(parse('全年'), 2026), ALL);
  });
  it('with no plan year only parts without a year count', () => {
    assert.equal(monthsInYear(parse('2024年6月'), null), 0);
    assert.equal(monthsInYear(parse('6月'), null), m(6));
  });
});

describe('time: isOutOfYear', () => {
  const cases: [string, boolean][] = [
    ['2024年6月', true],
    ['2025年12月', true],
    ['2026年6月', false],
    ['2026年', false],
    ['2027年3月', false],
    ['2027年一季度', false],
    ['2027年3月底前', false],
    ['2027年4月', true],
    ['2027年上半年', true],
    ['2027年', true],
    ['2028年1月', true],
    ['全年', false],
    ['6月底前', false],
    ['2026年12月、2027年4月', true],
    ['2026年11月-2027年2月', false],
  ];
  for (const [text, expected] of cases) {
    it(`plan 2026: ${text} → ${expected}`, () => assert.equal(isOutOfYear(parse(text), 2026), expected));
  }
  it('is false without a plan year', () => {
    assert.equal(isOutOfYear(parse('2024年6月'), null), false);
  });
});
