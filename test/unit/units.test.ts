import { strict as assert } from 'assert';
import type { Draft, Unit, UnitParenthetical, UnitRole } from '../../server/src/document/model';
import { isPlaceholderUnit, parseUnitList, parseUnitParenthetical, readUnitParenthetical } from '../../server/src/document/units';
import { ParseMemo } from '../../server/src/document/memo';

/** Names with the first letter of their role: `区甲局:l`. */
function roles(units: readonly Unit[]): string[] {
  return units.map((u) => `${u.name}:${u.role[0]}`);
}

function paren(text: string, start = 0): UnitParenthetical {
  const p = parseUnitParenthetical(text, start);
  assert.ok(p, `expected a unit parenthetical: ${text}`);
  return p;
}

/** Every unit's range, relative to the document, slices its text out of the document. */
function assertRanges(doc: string, units: readonly Unit[]): void {
  for (const u of units) {
    assert.equal(doc.slice(u.start, u.end), u.text, u.name);
    assert.equal(u.text, u.text.trim());
  }
}

describe('units', () => {
  describe('parseUnitParenthetical: keyed', () => {
    it('reads 责任单位 in both widths', () => {
      for (const t of ['(责任单位:区甲局、区乙局)', '（责任单位：区甲局、区乙局）', '(责任单位：区甲局、区乙局）', '（责任单位:区甲局、区乙局)']) {
        const p = paren(t);
        assert.equal(p.keyed, true, t);
        assert.deepEqual(roles(p.units), ['区甲局:r', '区乙局:r'], t);
        assert.deepEqual(p.emptyValues, []);
        assert.equal(p.time, null);
        assert.equal(p.text, t);
        assert.equal(p.start, 0);
        assert.equal(p.end, t.length);
      }
    });

    it('gives ranges in document offsets', () => {
      const doc = '1.做好某项工作。（责任单位：区甲局、区乙局）';
      const at = doc.indexOf('（');
      const p = paren(doc.slice(at), at);
      assert.equal(p.start, at);
      assert.equal(p.end, doc.length);
      assert.deepEqual(
        p.units.map((u) => [u.text, u.start, u.end]),
        [
          ['区甲局', at + 6, at + 9],
          ['区乙局', at + 10, at + 13],
        ],
      );
      assertRanges(doc, p.units);
    });

    it('takes the role from the key', () => {
      const cases: [string, string[]][] = [
        ['(责任处室:综合秘书处、区域合作处)', ['综合秘书处:r', '区域合作处:r']],
        ['(责任部门:区甲局)', ['区甲局:r']],
        ['(责任主体:各街镇)', ['各街镇:r']],
        ['(主责单位:区甲局)', ['区甲局:r']],
        ['(牵头单位:区甲局;责任单位:区政府有关部门)', ['区甲局:l', '区政府有关部门:r']],
        ['（牵头单位：市人力社保局；责任单位：各区政府）', ['市人力社保局:l', '各区政府:r']],
        ['(牵头部门:区甲局,配合部门:区乙局、区丙局)', ['区甲局:l', '区乙局:s', '区丙局:s']],
        ['(牵头处室:综合处;协办单位:区乙局;参与单位:区丙局)', ['综合处:l', '区乙局:s', '区丙局:s']],
        ['(牵头单位:区甲局;配合单位:区乙局)', ['区甲局:l', '区乙局:s']],
      ];
      for (const [t, want] of cases) {
        const p = paren(t);
        assert.equal(p.keyed, true, t);
        assert.deepEqual(roles(p.units), want, t);
      }
    });

    it('keeps commas inside a value as name separators', () => {
      assert.deepEqual(roles(paren('(责任单位:区甲局,区乙局;配合单位:区丙局,区丁局)').units), [
        '区甲局:r',
        '区乙局:r',
        '区丙局:s',
        '区丁局:s',
      ]);
      assert.deepEqual(roles(paren('(责任单位:区甲局/区乙局;区丙局)').units), ['区甲局:r', '区乙局:r', '区丙局:r']);
    });

    it('honours role verbs inside a value', () => {
      assert.deepEqual(roles(paren('(责任单位:区发改委牵头,各相关单位配合)').units), ['区发改委:l', '各相关单位:s']);
    });

    it('reads a time key', () => {
      const doc = '按月公开。（责任单位：市民政局；完成时限：全年）';
      const at = doc.indexOf('（');
      const p = paren(doc.slice(at), at);
      assert.deepEqual(roles(p.units), ['市民政局:r']);
      assert.ok(p.time);
      assert.equal(p.time.text, '全年');
      assert.equal(p.time.node, null);
      assert.equal(doc.slice(p.time.start, p.time.end), '全年');
      for (const key of ['时间节点', '完成时限', '完成时间', '时限']) {
        const q = paren(`(责任单位:区甲局;${key}:6月底前)`);
        assert.equal(q.time?.text, '6月底前', key);
        assert.equal(q.time?.start, 11 + key.length, key);
        assert.deepEqual(roles(q.units), ['区甲局:r']);
      }
      const mixed = paren('(责任单位：区甲局,完成时限: 3月、6月 )', 50);
      assert.equal(mixed.time?.text, '3月、6月');
      assert.equal(mixed.time?.start, 50 + 16);
    });

    it('returns a keyed parenthetical with only a time key', () => {
      const p = paren('(完成时限:6月底前)');
      assert.equal(p.keyed, true);
      assert.deepEqual(p.units, []);
      assert.equal(p.time?.text, '6月底前');
    });

    it('records an empty time value as zero-length', () => {
      const p = paren('(责任单位:区甲局;完成时限:)', 10);
      assert.deepEqual(p.time, { text: '', start: 10 + 15, end: 10 + 15, node: null });
      assert.deepEqual(p.emptyValues, []);
    });

    it('records empty and placeholder values', () => {
      let p = paren('(责任单位:)', 100);
      assert.deepEqual(p.units, []);
      assert.deepEqual(p.emptyValues, [{ start: 106, end: 106 }]);
      p = paren('（责任单位： ）', 100);
      assert.deepEqual(p.emptyValues, [{ start: 106, end: 106 }]);
      p = paren('(责任单位:待定)', 100);
      assert.deepEqual(p.units, []);
      assert.deepEqual(p.emptyValues, [{ start: 106, end: 108 }]);
      p = paren('(责任单位: XXX ;完成时限:全年)', 0);
      assert.deepEqual(p.emptyValues, [{ start: 7, end: 10 }]);
      assert.equal(p.time?.text, '全年');
      p = paren('(牵头单位:区甲局;配合单位:)', 0);
      assert.deepEqual(roles(p.units), ['区甲局:l']);
      assert.deepEqual(p.emptyValues, [{ start: 15, end: 15 }]);
      p = paren('(责任单位:区甲局、××)', 0);
      assert.deepEqual(roles(p.units), ['区甲局:r']);
      assert.deepEqual(p.emptyValues, [{ start: 10, end: 12 }]);
    });

    it('removes spaces left by line wrapping, with ranges on the text as written', () => {
      const doc = 'x(责任单位:各有关单位、 各街 镇 )';
      const p = paren(doc.slice(1), 1);
      assert.deepEqual(roles(p.units), ['各有关单位:r', '各街镇:r']);
      assert.equal(p.units[1].text, '各街 镇');
      assert.deepEqual([p.units[1].start, p.units[1].end], [14, 18]);
      assertRanges(doc, p.units);
      assert.deepEqual(roles(paren('(责任 单位 : 区甲局)').units), ['区甲局:r']);
    });

    it('ignores unknown keys', () => {
      const p = paren('(责任单位:区甲局;备注:另行通知)');
      assert.deepEqual(roles(p.units), ['区甲局:r']);
    });

    it('rejects an implausible value', () => {
      assert.equal(parseUnitParenthetical('(责任单位:' + '甲'.repeat(31) + ')', 0), null);
      assert.equal(parseUnitParenthetical('(责任单位:区甲局。区乙局)', 0), null);
      assert.equal(parseUnitParenthetical('(责任单位:2023)', 0), null);
    });
  });

  describe('parseUnitParenthetical: unkeyed', () => {
    const cases: [string, string[]][] = [
      ['(区甲局负责落实)', ['区甲局:r']],
      ['(区甲局、区乙局分别负责落实)', ['区甲局:r', '区乙局:r']],
      ['(区甲局牵头落实)', ['区甲局:l']],
      ['(区甲局牵头,区乙局配合)', ['区甲局:l', '区乙局:s']],
      ['（区甲局牵头，区乙局配合）', ['区甲局:l', '区乙局:s']],
      ['(区甲局牵头，区乙局配合）', ['区甲局:l', '区乙局:s']],
      ['(区甲局牵头;区乙局参与)', ['区甲局:l', '区乙局:s']],
      ['(市政府办公厅牵头,各区政府负责落实)', ['市政府办公厅:l', '各区政府:r']],
      [
        '(市教委、市环保局、市交通委、市水务局、市卫生计生委等部门分别负责落实)',
        ['市教委:r', '市环保局:r', '市交通委:r', '市水务局:r', '市卫生计生委:r'],
      ],
      [
        '(市政府办公厅、市政府新闻办牵头,各区政府、市政府各部门负责落实)',
        ['市政府办公厅:l', '市政府新闻办:l', '各区政府:r', '市政府各部门:r'],
      ],
      ['(区甲局、区乙局等单位共同负责)', ['区甲局:r', '区乙局:r']],
      ['(区甲局、区乙局等相关单位按职责负责)', ['区甲局:r', '区乙局:r']],
      ['(区甲局、区乙局等负责落实)', ['区甲局:r', '区乙局:r']],
      ['(区甲局主责)', ['区甲局:r']],
      ['(区甲局协助)', ['区甲局:s']],
      ['(区甲局牵头负责)', ['区甲局:l']],
      ['(区甲局负责实施)', ['区甲局:r']],
      ['(区甲局负责推进)', ['区甲局:r']],
      ['(区甲局配合办理)', ['区甲局:s']],
      ['(区甲局/区乙局负责)', ['区甲局:r', '区乙局:r']],
      ['(区甲局,区乙局负责落实)', ['区甲局:r', '区乙局:r']],
      ['(区人力资源和社会保障局负责落实)', ['区人力资源和社会保障局:r']],
      ['(区财政局及所属单位负责落实)', ['区财政局及所属单位:r']],
    ];
    for (const [t, want] of cases) {
      it(t, () => {
        const p = paren(t);
        assert.equal(p.keyed, false);
        assert.deepEqual(roles(p.units), want);
        assert.deepEqual(p.emptyValues, []);
        assert.equal(p.time, null);
        assertRanges(t, p.units);
      });
    }

    it('excludes verbs and 等部门 from the unit ranges', () => {
      const doc = '……做好信息公开。(市水务局、市卫生计生委等部门分别负责落实)';
      const at = doc.indexOf('(');
      const p = paren(doc.slice(at), at);
      assert.deepEqual(
        p.units.map((u) => [u.text, u.start, u.end]),
        [
          ['市水务局', at + 1, at + 5],
          ['市卫生计生委', at + 6, at + 12],
        ],
      );
      assert.equal(p.end, doc.length);
      const q = paren('(区甲局 牵头 , 区乙 局 配合)', 7);
      assert.deepEqual(
        q.units.map((u) => [u.name, u.text, u.start, u.end, u.role]),
        [
          ['区甲局', '区甲局', 8, 11, 'lead'],
          ['区乙局', '区乙 局', 17, 21, 'support'],
        ],
      );
    });

    it('records a placeholder name', () => {
      const p = paren('(XXX负责落实)', 0);
      assert.deepEqual(p.units, []);
      assert.deepEqual(p.emptyValues, [{ start: 1, end: 4 }]);
    });

    it('accepts names of up to 30 characters', () => {
      const name30 = '甲'.repeat(27) + '委员会';
      assert.equal(name30.length, 30);
      assert.deepEqual(roles(paren(`(${name30}负责落实)`).units), [`${name30}:r`]);
      assert.equal(parseUnitParenthetical(`(甲${name30}负责落实)`, 0), null);
      assert.equal(parseUnitParenthetical(`(区甲局、甲${name30}负责落实)`, 0), null);
    });
  });

  describe('parseUnitParenthetical: ordinary parentheses', () => {
    for (const t of [
      '(PPP)',
      '(试行)',
      '(2016-2020年)',
      '(企)',
      '(修订稿)',
      '(上海·普陀站)',
      '(以下统称“五公开”)',
      '(或指导价)',
      '(系统)',
      '(乡镇政府)',
      '(北京段)',
      '(一)',
      '（十二）',
      '(1)',
      '()',
      '（）',
      '(区甲局、区乙局)',
      '(区甲局负责,区乙局)',
      '(负责落实)',
      '(做好某项工作。区甲局负责)',
      '(123负责)',
      '(注:由区甲局负责)',
      '区甲局负责落实',
      '(区甲局负责落实',
      '区甲局负责落实)',
      '(',
      '',
    ]) {
      it(JSON.stringify(t), () => assert.equal(parseUnitParenthetical(t, 0), null));
    }
  });

  describe('parseUnitList', () => {
    it('reads plain lists with the default role', () => {
      const cases: [string, string[]][] = [
        ['区甲局、区乙局', ['区甲局:r', '区乙局:r']],
        ['区政府办公室、 各街镇', ['区政府办公室:r', '各街镇:r']],
        ['区委组织部,区政府各部门、各街镇', ['区委组织部:r', '区政府各部门:r', '各街镇:r']],
        ['区委组织部，区政府各部门；各街镇', ['区委组织部:r', '区政府各部门:r', '各街镇:r']],
        ['区甲局/区乙局', ['区甲局:r', '区乙局:r']],
        ['区人力资源和社会保障局', ['区人力资源和社会保障局:r']],
        ['区甲局、区乙局等', ['区甲局:r', '区乙局:r']],
        [' 区财政局 ', ['区财政局:r']],
      ];
      for (const [t, want] of cases) {
        const units = parseUnitList(t, 0);
        assert.deepEqual(roles(units), want, t);
        assertRanges(t, units);
      }
      assert.deepEqual(roles(parseUnitList('区甲局、区乙局', 0, 'lead')), ['区甲局:l', '区乙局:l']);
      assert.deepEqual(roles(parseUnitList('区甲局', 0, 'support' as UnitRole)), ['区甲局:s']);
    });

    it('reads role clauses', () => {
      const cases: [string, string[]][] = [
        ['区发改委牵头,各相关单位配合', ['区发改委:l', '各相关单位:s']],
        ['区府办牵头，各街镇配合', ['区府办:l', '各街镇:s']],
        ['区财政局牵头，各部门配合', ['区财政局:l', '各部门:s']],
        ['市政府办公厅牵头,各区政府负责落实', ['市政府办公厅:l', '各区政府:r']],
        ['区甲局牵头,区乙局、区丙局', ['区甲局:l', '区乙局:r', '区丙局:r']],
      ];
      for (const [t, want] of cases) assert.deepEqual(roles(parseUnitList(t, 0)), want, t);
      assert.deepEqual(roles(parseUnitList('区甲局牵头,区乙局', 0, 'support')), ['区甲局:l', '区乙局:s']);
    });

    it('reads keyed cells', () => {
      assert.deepEqual(roles(parseUnitList('牵头单位:区甲局;配合单位:区乙局、区丙局', 0)), [
        '区甲局:l',
        '区乙局:s',
        '区丙局:s',
      ]);
      assert.deepEqual(roles(parseUnitList('责任单位：区甲局；完成时限：全年', 0)), ['区甲局:r']);
    });

    it('gives ranges in document offsets', () => {
      const doc = '| 2 | 严格执行审查程序。 | 区政府办公室、 各街 镇 | 全年 |';
      const cellStart = doc.indexOf('区政府');
      const cellEnd = doc.indexOf(' | 全年');
      const units = parseUnitList(doc.slice(cellStart, cellEnd), cellStart);
      assert.deepEqual(
        units.map((u) => [u.name, u.text, u.start, u.end]),
        [
          ['区政府办公室', '区政府办公室', cellStart, cellStart + 6],
          ['各街镇', '各街 镇', cellStart + 8, cellStart + 12],
        ],
      );
      assertRanges(doc, units);
    });

    it('folds width in names, not in text', () => {
      const [u] = parseUnitList('１２３４５热线办', 3);
      assert.equal(u.name, '12345热线办');
      assert.equal(u.text, '１２３４５热线办');
      assert.deepEqual([u.start, u.end], [3, 11]);
    });

    it('returns nothing for empty text and placeholders', () => {
      for (const t of ['', '   ', 'XXX', 'xxx', '××', '待定', '无', '—', '/', '-', '、', '　']) {
        assert.deepEqual(parseUnitList(t, 0), [], JSON.stringify(t));
      }
      assert.deepEqual(roles(parseUnitList('区甲局、待定', 0)), ['区甲局:r']);
    });
  });

  describe('isPlaceholderUnit', () => {
    it('knows the placeholders', () => {
      for (const t of ['', ' ', 'XXX', 'xxx', '××', 'ＸＸＸ', '待定', '无', '—', '/', '／', ' 待定 ']) {
        assert.equal(isPlaceholderUnit(t), true, JSON.stringify(t));
      }
    });
    it('accepts real names', () => {
      for (const t of ['区甲局', '各街镇', '无线电管理局', 'X区政府', '区政府各部门']) {
        assert.equal(isPlaceholderUnit(t), false, t);
      }
    });
  });

  // Speed is measured by npm run bench; here: very long input is read completely and correctly.
  it('reads very long input', () => {
    const long = '(' + '区甲局、'.repeat(50000) + '区乙局负责落实)';
    const p = parseUnitParenthetical(long, 0);
    assert.equal(p?.units.length, 50001);
    const q = parseUnitParenthetical('(' + '甲,'.repeat(50000) + '责任单位:)', 0);
    assert.equal(q, null);
    const r = parseUnitParenthetical('(责任单位:甲' + ';备注'.repeat(50000) + ')', 0);
    assert.ok(r);
  });
});

describe('parseUnitParenthetical: role clauses with a time key', () => {
  it('reads (区甲局牵头,区乙局配合;完成时限:6月底前)', () => {
    const text = '（区甲局牵头，区乙局配合；完成时限：6月底前）';
    const p = parseUnitParenthetical(text, 10);
    assert.ok(p);
    assert.deepEqual(p.units.map((u) => [u.name, u.role]), [['区甲局', 'lead'], ['区乙局', 'support']]);
    assert.equal(p.keyed, false);
    assert.ok(p.time);
    assert.equal(p.time.text, '6月底前');
    assert.equal(text.slice(p.time.start - 10, p.time.end - 10), '6月底前');
  });
});

describe('readUnitParenthetical: one parse per text, rebased on each occurrence', () => {
  const text = '(责任单位:区甲局、区乙局;完成时限:6月底前)';
  // One memo, as one parse has: the occurrences below share it.
  const memo = new ParseMemo();

  it('gives the same result as parsing at the offset, with the time node', () => {
    for (const start of [0, 17, 4096]) {
      const cached = readUnitParenthetical(text, start, memo);
      const direct = parseUnitParenthetical(text, start);
      assert.ok(cached && direct);
      assert.deepEqual(cached.units, direct.units);
      assert.deepEqual(cached.emptyValues, direct.emptyValues);
      assert.equal(cached.end, start + text.length);
      assert.deepEqual({ ...cached.time, node: null }, { ...direct.time, node: null });
      assert.deepEqual(cached.time?.node?.parts.map((p) => p.months), [0b111111]);
    }
  });

  it('hands out independent objects: changing one occurrence leaves the next alone', () => {
    const a = readUnitParenthetical(text, 100, memo);
    assert.ok(a);
    // The parsed tree is read-only; the memo must hand out copies all the same.
    (a.units[0] as Draft<Unit>).start = -1;
    (a.units as Unit[]).push({ ...a.units[0], name: 'x' });
    const b = readUnitParenthetical(text, 100, memo);
    assert.ok(b);
    assert.equal(b.units.length, 2);
    assert.equal(b.units[0].start, 106);
  });

  it('remembers that a parenthetical names no units', () => {
    assert.equal(readUnitParenthetical('(试行)', 5, memo), null);
    assert.equal(readUnitParenthetical('(试行)', 9, memo), null);
  });

  it('keeps empty values of placeholders at their offsets', () => {
    const p = readUnitParenthetical('(责任单位:XXX)', 10, memo);
    assert.deepEqual(p?.emptyValues, [{ start: 16, end: 19 }]);
  });
});
