import { strict as assert } from 'assert';
import type { Item, ParsedDocument, Sentence } from '../../server/src/document/model';
import { parseDocument, stripTrailingPunctuation } from '../../server/src/document/parse';
import { isNonTaskTitle, readMeaning } from '../../server/src/analysis/meaning';
import { DocumentAnalysis } from '../../server/src/analysis/analysis';
import { defaultConfig } from '../../server/src/config/config';

function doc(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** The offset of `needle` in `text`, asserting that it occurs exactly once. */
function at(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `not found: ${needle}`);
  assert.equal(text.indexOf(needle, i + 1), -1, `found twice: ${needle}`);
  return i;
}

/** Every range of the document slices the text it claims to have. */
function assertRanges(d: ParsedDocument): void {
  const t = d.text;
  if (d.title) assert.equal(t.slice(d.title.start, d.title.end), d.title.text);
  for (const p of d.paragraphs) assert.equal(t.slice(p.start, p.end), p.text);
  for (const it of d.items) {
    assert.equal(t.slice(it.marker.start, it.marker.end), it.marker.text);
    assert.equal(t.slice(it.text.start, it.text.end), it.text.text);
    assert.ok(it.range.start === it.marker.start && it.range.end >= it.text.end);
  }
  for (const s of d.sentences) assert.equal(t.slice(s.start, s.end), s.text);
  for (const p of d.unitParens) assert.equal(t.slice(p.start, p.end), p.text);
}

/** The sentences with whether each is a title and a task (analysis/meaning.ts reads the parse). */
function titleTask(d: ParsedDocument): [string, boolean, boolean][] {
  const m = readMeaning(d);
  return d.sentences.map((s) => [s.content, m.isTitle(s), m.isTask(s)]);
}

/** A structural summary that does not depend on offsets: the parse and what it means. */
function shape(d: ParsedDocument): unknown {
  const m = readMeaning(d);
  const item = (it: Item): unknown => ({
    level: it.level,
    marker: it.marker.text,
    line: it.line,
    endLine: it.endLine,
    title: it.title,
    headingOnly: it.headingOnly,
    taskChapter: m.holdsTasks(it),
    children: it.children.map(item),
  });
  return {
    title: d.title?.text ?? null,
    planYear: d.planYear,
    dates: d.dates.map((x) => x.text),
    outline: d.outline.map(item),
    sentences: d.sentences.map((s) => [s.content, m.isTitle(s), m.isTask(s), s.unitParen?.text ?? null, s.inlineTime?.text ?? null]),
    paragraphs: d.paragraphs.map((p) => [p.kind, p.line, p.text]),
    annexRows: d.annex?.rows.map((r) => [r.serial, r.task?.text, r.line, r.endLine]) ?? null,
    matches: new DocumentAnalysis(d, defaultConfig()).alignment?.matches.map((x) => x.sentences.map((s) => s.index)) ?? null,
  };
}

function sentenceTexts(d: ParsedDocument): string[] {
  return d.sentences.map((s) => s.content);
}

function taskTexts(d: ParsedDocument): string[] {
  return readMeaning(d).tasks.map((s) => s.content);
}

function sentence(d: ParsedDocument, content: string): Sentence {
  const s = d.sentences.find((x) => x.content === content);
  assert.ok(s, `no sentence ${content}`);
  return s;
}

describe('parse: parseDocument', () => {
  describe('title and plan year', () => {
    it('takes the title and its year', () => {
      const text = doc('2025年松江区政务公开工作要点', '一、重点任务', '(一)做好甲工作。');
      const d = parseDocument(text);
      assert.deepEqual(d.title, { start: 0, end: 16, text: '2025年松江区政务公开工作要点' });
      assert.equal(d.planYear, 2025);
      assertRanges(d);
    });

    it('takes the year of the preamble date when the title has none', () => {
      const text = doc(
        '各区人民政府,市政府各委、办、局:',
        '现将《某区政务公开工作要点》印发给你们,请认真贯彻落实。',
        '某区人民政府办公室',
        '2023年4月12日',
        '某区政务公开工作要点',
        '为做好今年工作,制定本要点。',
        '一、重点任务',
        '(一)做好甲工作。',
      );
      const d = parseDocument(text);
      assert.deepEqual(d.title, { start: at(text, '某区政务公开工作要点\n'), end: at(text, '某区政务公开工作要点\n') + 10, text: '某区政务公开工作要点' });
      assert.equal(d.planYear, 2023);
      assert.deepEqual(d.dates, [{ start: at(text, '2023年4月12日'), end: at(text, '2023年4月12日') + 10, text: '2023年4月12日' }]);
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line]),
        [
          ['preamble', 0],
          ['preamble', 1],
          ['preamble', 2],
          ['preamble', 3],
          ['introduction', 5],
        ],
      );
      assertRanges(d);
    });

    it('prefers the year of the title to the preamble date', () => {
      const d = parseDocument(doc('2024年4月1日', '2023年某区政务公开工作要点', '一、重点任务', '(一)做好甲工作。'));
      assert.equal(d.title?.text, '2023年某区政务公开工作要点');
      assert.equal(d.planYear, 2023);
    });

    it('has no plan year when neither the title nor a preamble date gives one', () => {
      const d = parseDocument(doc('某区政务公开工作要点', '一、重点任务', '(一)做好甲工作。'));
      assert.equal(d.title?.text, '某区政务公开工作要点');
      assert.equal(d.planYear, null);
      const untitled = parseDocument(doc('一、重点任务', '(一)做好甲工作。'));
      assert.equal(untitled.title, null);
      assert.equal(untitled.planYear, null);
    });

    it('does not take a preamble sentence that quotes the title in 《》', () => {
      const text = doc('现将《2023年某区政务公开工作要点》印发给你们', '2023年某区政务公开工作要点', '一、重点任务', '(一)做好甲工作。');
      const d = parseDocument(text);
      assert.equal(d.title?.start, at(text, '2023年某区政务公开工作要点\n'));
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line]),
        [['preamble', 0]],
      );
    });

    it('does not take a title-like line inside an item', () => {
      const d = parseDocument(doc('一、重点任务', '(一)加强领导', '某区政务公开工作要点'));
      assert.equal(d.title, null);
    });
  });

  describe('line breaks and BOM', () => {
    const lf = doc(
      '2023年某区政务公开工作要点',
      '一、总体要求',
      '做好工作。',
      '二、重点任务',
      '(一)加强公开。做好甲工作,',
      '确保按时完成。',
      '附件',
      '序号 | 任务 | 责任单位 | 时间节点',
      '1 | 做好甲工作,确保按时完成。 | 区甲局 | 全年',
    );

    it('gives the same structure for CRLF, CR and LF', () => {
      const expected = shape(parseDocument(lf));
      for (const variant of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
        const d = parseDocument(variant);
        assert.deepEqual(shape(d), expected);
        assertRanges(d);
      }
    });

    it('gives the same structure with a BOM at offset 0, ranges shifted by one', () => {
      const plain = parseDocument(lf);
      for (const variant of ['\ufeff' + lf, '\ufeff' + lf.replace(/\n/g, '\r\n')]) {
        const d = parseDocument(variant);
        assert.deepEqual(shape(d), shape(plain));
        assertRanges(d);
        assert.deepEqual(d.title, { start: 1, end: 16, text: '2023年某区政务公开工作要点' });
      }
      const bom = parseDocument('\ufeff' + lf);
      assert.deepEqual(
        bom.sentences.map((s) => [s.start, s.end]),
        plain.sentences.map((s) => [s.start + 1, s.end + 1]),
      );
    });

    it('reads the expected structure', () => {
      const d = parseDocument(lf);
      assert.deepEqual(sentenceTexts(d), ['做好工作。', '加强公开。', '做好甲工作,确保按时完成。']);
      assert.deepEqual(taskTexts(d), ['做好甲工作,确保按时完成。']);
      assert.deepEqual(shape(d), {
        title: '2023年某区政务公开工作要点',
        planYear: 2023,
        dates: [],
        outline: [
          { level: 1, marker: '一、', line: 1, endLine: 2, title: '总体要求', headingOnly: true, taskChapter: false, children: [] },
          {
            level: 1,
            marker: '二、',
            line: 3,
            endLine: 3,
            title: '重点任务',
            headingOnly: true,
            taskChapter: true,
            children: [{ level: 2, marker: '(一)', line: 4, endLine: 5, title: '加强公开', headingOnly: false, taskChapter: true, children: [] }],
          },
        ],
        sentences: [
          ['做好工作。', false, false, null, null],
          ['加强公开。', true, false, null, null],
          ['做好甲工作,确保按时完成。', false, true, null, null],
        ],
        paragraphs: [],
        annexRows: [[1, '做好甲工作,确保按时完成。', 8, 8]],
        matches: [[2]],
      });
    });

    it('keeps the CRLF inside a wrapped sentence in its text but not in its content', () => {
      const text = lf.replace(/\n/g, '\r\n');
      const d = parseDocument(text);
      const s = d.sentences[2];
      assert.equal(s.text, '做好甲工作,\r\n确保按时完成。');
      assert.equal(s.content, '做好甲工作,确保按时完成。');
      assert.equal(s.start, at(text, '做好甲工作,\r\n'));
      assert.equal(s.end, at(text, '确保按时完成。\r\n') + 7);
    });
  });

  describe('items', () => {
    it('reads heading-only items and their body paragraphs', () => {
      const text = doc('2023年某区政务公开工作要点', '二、重点任务', '(一)加强政策解读', '做好政策解读工作。', '', '加强解读材料发布。', '(二)做好甲工作。');
      const d = parseDocument(text);
      const h = d.items[1];
      assert.equal(h.title, '加强政策解读');
      assert.equal(h.headingOnly, true);
      assert.deepEqual(h.text, { start: at(text, '加强政策解读'), end: at(text, '加强政策解读') + 6, text: '加强政策解读' });
      assert.equal(h.line, 2);
      assert.equal(h.endLine, 5);
      assert.deepEqual(h.range, { start: at(text, '(一)'), end: at(text, '加强解读材料发布。') + 9 });
      assert.deepEqual(
        h.sentences.map((s) => [s.start, s.end, readMeaning(d).isTitle(s), readMeaning(d).isTask(s)]),
        [
          [at(text, '做好政策解读工作。'), at(text, '做好政策解读工作。') + 9, false, true],
          [at(text, '加强解读材料发布。'), at(text, '加强解读材料发布。') + 9, false, true],
        ],
      );
      assert.equal(d.items[2].title, '做好甲工作');
      assertRanges(d);
    });

    it('does not make the heading text a sentence', () => {
      const d = parseDocument(doc('一、重点任务', '(一)加强政策解读'));
      assert.deepEqual(d.sentences, []);
      assert.deepEqual(readMeaning(d).tasks, []);
      assert.equal(d.items[1].title, '加强政策解读');
    });

    it('strips the trailing punctuation of a heading title', () => {
      const d = parseDocument(doc('一、重点任务:', '(一)加强政策解读：'));
      assert.deepEqual(
        d.items.map((i) => [i.title, i.headingOnly]),
        [
          ['重点任务', true],
          ['加强政策解读', true],
        ],
      );
    });

    it('makes a short first sentence followed by others the title sentence', () => {
      const text = doc('一、重点任务', '(一)加强组织领导。各单位要高度重视。做好甲工作。');
      const d = parseDocument(text);
      assert.deepEqual(
        titleTask(d),
        [
          ['加强组织领导。', true, false],
          ['各单位要高度重视。', false, true],
          ['做好甲工作。', false, true],
        ],
      );
      assert.equal(d.items[1].title, '加强组织领导');
      assert.equal(d.items[1].headingOnly, false);
    });

    it('makes a one-sentence item its own task', () => {
      const d = parseDocument(doc('一、重点任务', '(一)做好甲工作。'));
      assert.deepEqual(
        titleTask(d),
        [['做好甲工作。', false, true]],
      );
    });

    it('does not make a first sentence over 40 characters a title', () => {
      const long = `做好${'甲'.repeat(39)}工作。`;
      const d = parseDocument(doc('一、重点任务', `(一)${long}做好乙工作。`));
      assert.deepEqual(
        titleTask(d).map(([, title]) => title),
        [false, false],
      );
      const exactly40 = `做好${'甲'.repeat(36)}工作。`;
      const d40 = parseDocument(doc('一、重点任务', `(一)${exactly40}做好乙工作。`));
      assert.deepEqual(
        titleTask(d40).map(([, title]) => title),
        [true, false],
      );
    });

    it('treats a plain paragraph after a complete item as free text', () => {
      const text = doc('一、重点任务', '(一)做好甲工作。', '请各单位认真落实。', '(二)做好乙工作。');
      const d = parseDocument(text);
      assert.deepEqual(taskTexts(d), ['做好甲工作。', '做好乙工作。']);
      assert.deepEqual(d.paragraphs, [{ kind: 'free', line: 2, start: at(text, '请各单位'), end: at(text, '请各单位') + 9, text: '请各单位认真落实。' }]);
      assert.equal(d.items[1].endLine, 1);
      assert.deepEqual(d.items[1].range, { start: at(text, '(一)'), end: at(text, '(一)') + 9 });
    });

    it('ends a heading body at a closing date and signature', () => {
      const text = doc('一、重点任务', '(一)加强组织领导', '各单位要高度重视。', '某区人民政府办公室', '2023年5月6日', '请认真落实。');
      const d = parseDocument(text);
      assert.deepEqual(taskTexts(d), ['各单位要高度重视。']);
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line, p.text]),
        [
          ['free', 3, '某区人民政府办公室'],
          ['free', 4, '2023年5月6日'],
          ['free', 5, '请认真落实。'],
        ],
      );
      assert.deepEqual(
        d.dates.map((x) => [x.start, x.text]),
        [[at(text, '2023年5月6日'), '2023年5月6日']],
      );
      assert.equal(d.items[1].endLine, 2);
    });

    it('ends the item at a closing date line after a complete item', () => {
      const d = parseDocument(doc('一、重点任务', '(一)做好甲工作。', '2023年5月6日'));
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.text]),
        [['free', '2023年5月6日']],
      );
      assert.equal(d.planYear, null);
    });

    it('nests the levels', () => {
      const d = parseDocument(doc('一、重点任务', '(一)加强公开', '1.做好甲工作。', '(1)做好乙工作。', '2.做好丙工作。', '二、保障措施', '1.做好丁工作。'));
      assert.deepEqual(
        d.items.map((i) => [i.marker.text, i.parent?.marker.text ?? null, i.children.map((c) => c.marker.text)]),
        [
          ['一、', null, ['(一)']],
          ['(一)', '一、', ['1.', '2.']],
          ['1.', '(一)', ['(1)']],
          ['(1)', '1.', []],
          ['2.', '(一)', []],
          ['二、', null, ['1.']],
          ['1.', '二、', []],
        ],
      );
      assert.deepEqual(
        d.outline.map((i) => i.marker.text),
        ['一、', '二、'],
      );
    });
  });

  describe('task chapters', () => {
    it('holds no tasks in 总体要求 and 指导思想和工作目标', () => {
      const d = parseDocument(
        doc('一、总体要求', '(一)指导思想', '坚持以人民为中心。', '二、指导思想和工作目标', '坚持公开为常态。', '三、围绕其他重点工作目标强化信息公开', '(一)做好甲工作。'),
      );
      assert.deepEqual(
        d.items.map((i) => [i.title, readMeaning(d).holdsTasks(i)]),
        [
          ['总体要求', false],
          ['指导思想', false],
          ['指导思想和工作目标', false],
          ['围绕其他重点工作目标强化信息公开', true],
          ['做好甲工作', true],
        ],
      );
      assert.deepEqual(sentenceTexts(d), ['坚持以人民为中心。', '坚持公开为常态。', '做好甲工作。']);
      assert.deepEqual(taskTexts(d), ['做好甲工作。']);
    });

    it('takes the non-task names from the config', () => {
      const d = parseDocument(doc('一、保障措施', '(一)做好甲工作。', '二、总体要求', '(一)做好乙工作。'));
      assert.deepEqual(readMeaning(d, ['保障措施']).tasks.map((s) => s.content), ['做好乙工作。']);
    });

    it('isNonTaskTitle accepts only names and joiners', () => {
      const names = ['总体要求', '指导思想', '工作目标', '基本原则', '主要目标'];
      assert.equal(isNonTaskTitle('总体要求', names), true);
      assert.equal(isNonTaskTitle('指导思想和工作目标', names), true);
      assert.equal(isNonTaskTitle('指导思想、基本原则与主要目标', names), true);
      assert.equal(isNonTaskTitle('（一）总体要求：', names), false);
      assert.equal(isNonTaskTitle('总体要求：', names), true);
      assert.equal(isNonTaskTitle('围绕其他重点工作目标强化信息公开', names), false);
      assert.equal(isNonTaskTitle('', names), false);
      assert.equal(isNonTaskTitle('总体要求', []), false);
    });

    it('stripTrailingPunctuation removes the final punctuation of both widths', () => {
      assert.equal(stripTrailingPunctuation('加强组织领导。'), '加强组织领导');
      assert.equal(stripTrailingPunctuation('总体要求：'), '总体要求');
      assert.equal(stripTrailingPunctuation('做好(甲)工作;. '), '做好(甲)工作');
    });

    it('does not make a sentence ending with a colon a task', () => {
      const d = parseDocument(doc('一、重点任务', '(一)加强公开。重点做好以下工作:', '1.做好甲工作。'));
      assert.deepEqual(taskTexts(d), ['做好甲工作。']);
    });
  });

  describe('unit parentheticals', () => {
    it('covers the sentences before each parenthetical, text after the last one uncovered', () => {
      const text = doc('一、重点任务', '(一)加强公开。做好甲项工作。(甲局负责落实)做好乙项工作。(乙局牵头落实)做好丙项工作。');
      const d = parseDocument(text);
      assert.deepEqual(
        d.sentences.map((s) => [s.content, s.unitParen?.text ?? null]),
        [
          ['加强公开。', '(甲局负责落实)'],
          ['做好甲项工作。', '(甲局负责落实)'],
          ['做好乙项工作。', '(乙局牵头落实)'],
          ['做好丙项工作。', null],
        ],
      );
      assert.deepEqual(
        d.unitParens.map((p) => [p.start, p.end, p.text, p.units.map((u) => `${u.name}:${u.role}`)]),
        [
          [at(text, '(甲局'), at(text, '(甲局') + 8, '(甲局负责落实)', ['甲局:responsible']],
          [at(text, '(乙局'), at(text, '(乙局') + 8, '(乙局牵头落实)', ['乙局:lead']],
        ],
      );
      assert.equal(d.items[1].unitParens.length, 2);
      // The sentence after a parenthetical starts after it.
      assert.equal(sentence(d, '做好乙项工作。').start, at(text, '做好乙项工作。'));
      assertRanges(d);
    });

    it('covers the sentence it stands in, and keeps it in the text but not the content', () => {
      const text = doc('一、重点任务', '(一)做好甲项工作（责任单位：区甲局、区乙局）。做好乙项工作。');
      const d = parseDocument(text);
      const s = d.sentences[0];
      assert.equal(s.text, '做好甲项工作（责任单位：区甲局、区乙局）。');
      assert.equal(s.content, '做好甲项工作。');
      assert.equal(s.unitParen?.text, '（责任单位：区甲局、区乙局）');
      assert.deepEqual(
        s.unitParen?.units.map((u) => [u.name, u.start, u.end]),
        [
          ['区甲局', at(text, '区甲局'), at(text, '区甲局') + 3],
          ['区乙局', at(text, '区乙局'), at(text, '区乙局') + 3],
        ],
      );
      assert.equal(d.sentences[1].unitParen, null);
    });

    it('gives inlineTime but no unitParen for a time-only parenthetical', () => {
      const text = doc('一、重点任务', '(一)做好丁项工作(完成时限:6月底前)。');
      const d = parseDocument(text);
      const s = d.sentences[0];
      assert.equal(s.content, '做好丁项工作。');
      assert.equal(s.unitParen, null);
      assert.ok(s.inlineTime);
      assert.equal(s.inlineTime.text, '6月底前');
      assert.equal(s.inlineTime.start, at(text, '6月底前'));
      assert.equal(s.inlineTime.end, at(text, '6月底前') + 4);
      assert.ok(s.inlineTime.node);
      assert.equal(s.inlineTime.node.parts[0].months, 0b111111);
    });

    it('gives both units and a time for a keyed parenthetical with a time key', () => {
      const d = parseDocument(doc('一、重点任务', '(一)做好甲项工作。(责任单位:区甲局;完成时限:6月底前)'));
      const s = d.sentences[0];
      assert.equal(s.unitParen?.text, '(责任单位:区甲局;完成时限:6月底前)');
      assert.equal(s.inlineTime?.text, '6月底前');
      assert.deepEqual(sentenceTexts(d), ['做好甲项工作。']);
    });

    it('leaves ordinary parentheses in the content', () => {
      const d = parseDocument(doc('一、重点任务', '(一)推进政府和社会资本合作(PPP)项目信息公开(试行)。'));
      assert.equal(d.sentences[0].content, '推进政府和社会资本合作(PPP)项目信息公开(试行)。');
      assert.equal(d.sentences[0].unitParen, null);
      assert.deepEqual(d.unitParens, []);
    });
  });

  describe('wrapped lines and time mentions', () => {
    it('joins wrapped (PDF) lines into one sentence', () => {
      const text = doc('一、重点任务', '(一)加强组织领导。做好戊项工作,', '确保各项任务', '按时完成。', '(二)做好己工作。');
      const d = parseDocument(text);
      assert.deepEqual(sentenceTexts(d), ['加强组织领导。', '做好戊项工作,确保各项任务按时完成。', '做好己工作。']);
      const s = d.sentences[1];
      assert.equal(s.start, at(text, '做好戊项工作'));
      assert.equal(s.end, at(text, '按时完成。') + 5);
      assert.equal(d.items[1].endLine, 3);
    });

    it('joins a marker line that ends with a comma to the next line, not a heading', () => {
      const text = doc('一、重点任务', '(一)做好丙项工作,', '确保按时完成。', '(二)加强政策解读', '做好解读。');
      const d = parseDocument(text);
      assert.deepEqual(
        d.items.slice(1).map((i) => [i.title, i.headingOnly, i.endLine]),
        [
          ['做好丙项工作,确保按时完成', false, 2],
          ['加强政策解读', true, 4],
        ],
      );
      assert.deepEqual(taskTexts(d), ['做好丙项工作,确保按时完成。', '做好解读。']);
      assert.equal(d.sentences[0].start, at(text, '做好丙项工作'));
    });

    it('keeps a unit parenthetical wrapped onto its own line in the item', () => {
      const text = doc('一、重点任务', '(一)做好甲项工作。做好乙项工作。', '(区甲局负责落实)', '(二)做好丙项工作。', '(责任单位:区乙局)做好丁项工作。', '请认真落实。');
      const d = parseDocument(text);
      assert.deepEqual(
        d.sentences.map((s) => [s.content, s.unitParen?.text ?? null]),
        [
          ['做好甲项工作。', '(区甲局负责落实)'],
          ['做好乙项工作。', '(区甲局负责落实)'],
          ['做好丙项工作。', '(责任单位:区乙局)'],
          ['做好丁项工作。', null],
        ],
      );
      assert.deepEqual(
        d.items.slice(1).map((i) => [i.line, i.endLine]),
        [
          [1, 2],
          [3, 4],
        ],
      );
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.text]),
        [['free', '请认真落实。']],
      );
    });

    it('finds the time mentions of a sentence with document offsets', () => {
      const text = doc('一、重点任务', '(一)在8月集中组织开展活动。');
      const d = parseDocument(text);
      const times = d.sentences[0].times;
      assert.equal(times.length, 1);
      assert.equal(text.slice(times[0].start, times[0].end), times[0].text);
      assert.ok(times[0].text.includes('8月'));
      assert.equal(times[0].node.parts[0].months, 1 << 7);
    });
  });

  describe('degenerate input', () => {
    it('parses the empty document', () => {
      const d = parseDocument('');
      assert.equal(d.title, null);
      assert.equal(d.planYear, null);
      assert.deepEqual(d.items, []);
      assert.deepEqual(d.sentences, []);
      assert.deepEqual(d.paragraphs, []);
      assert.equal(d.annex, null);
      assert.equal(new DocumentAnalysis(d, defaultConfig()).alignment, null);
      assert.equal(d.lines.length, 1);
    });

    it('parses a document of only noise', () => {
      const d = parseDocument(doc('- 1 -', '第 2 页', '稿源:某某', '2021/8/16 上午9:31:36 星期一', '', '版权所有 某区人民政府'));
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line]),
        [
          ['noise', 0],
          ['noise', 1],
          ['noise', 2],
          ['noise', 3],
          ['noise', 5],
        ],
      );
      assert.deepEqual(d.items, []);
      assert.equal(d.title, null);
    });

    it('parses a document on a single line', () => {
      const text = '2023年某区政务公开工作要点 一、总体要求 做好工作。';
      const d = parseDocument(text);
      assert.deepEqual(d.items, []);
      assert.equal(d.title, null);
      assert.deepEqual(d.paragraphs, [{ kind: 'preamble', line: 0, start: 0, end: text.length, text }]);
    });

    it('parses a single-line item with several markers as one item', () => {
      const d = parseDocument('一、做好甲工作。二、做好乙工作。');
      assert.equal(d.items.length, 1);
      assert.deepEqual(sentenceTexts(d), ['做好甲工作。', '二、做好乙工作。']);
    });

    it('does not throw on binary-ish garbage', () => {
      const fixed = '\u0000\u0001\uffff\ud800abc(((《《“\t|\t|\n|||\n附件\n\t\t\n\u0007一、\n(\n)\n序号|任务|责任单位\n|\n1|\n';
      const d = parseDocument(fixed);
      assertRanges(d);
      let seed = 7;
      const rnd = (): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed;
      };
      let s = '';
      for (let i = 0; i < 20000; i++) s += String.fromCharCode(rnd() % 0x10000);
      assertRanges(parseDocument(s));
      const alphabet = '一、(（）)1.。;|\t\n 附件序号任务责任单位时间节点全年区甲局①第部分页-—\r';
      for (let k = 0; k < 200; k++) {
        let t = '';
        for (let i = 0; i < 200; i++) t += alphabet[rnd() % alphabet.length];
        assertRanges(parseDocument(t));
      }
    });
  });

  describe('noise in the body', () => {
    it('skips page markers between items and inside a heading body', () => {
      const d = parseDocument(doc('一、重点任务', '(一)加强公开', '做好甲工作,', '- 2 -', '确保按时完成。', '(二)做好乙工作。'));
      assert.deepEqual(sentenceTexts(d), ['做好甲工作,确保按时完成。', '做好乙工作。']);
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line]),
        [['noise', 3]],
      );
    });

    it('keeps a task sentence that mentions a QR code', () => {
      const d = parseDocument(doc('一、重点任务', '1.在政务服务大厅张贴二维码,方便群众查询政策。', '2.做好另一项工作。'));
      assert.deepEqual(taskTexts(d), ['在政务服务大厅张贴二维码,方便群众查询政策。', '做好另一项工作。']);
    });

    it('keeps outline items that name a 主办 or 扫描二维码', () => {
      const d = parseDocument(doc('一、重点任务', '(一)做好乙工作,推广“扫描二维码”查询方式。', '(二)办好论坛(主办:区甲局)。', '主办:某区人民政府办公室'));
      assert.deepEqual(taskTexts(d), ['做好乙工作,推广“扫描二维码”查询方式。', '办好论坛(主办:区甲局)。']);
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.line]),
        [['noise', 3]],
      );
    });

    it('keeps a page fraction noise although it reads like a 1 (space) marker', () => {
      const d = parseDocument(doc('一、重点任务', '(一)做好甲工作。', '3 / 10', '(二)做好乙工作。'));
      assert.equal(d.items.length, 3);
      assert.deepEqual(
        d.paragraphs.map((p) => [p.kind, p.text]),
        [['noise', '3 / 10']],
      );
    });

    it('joins a wrapped line that starts with a number and its unit', () => {
      const d = parseDocument(doc('一、重点任务', '(一)加强公开。做好某项工作,确保全部事项于', '6 月底前完成。', '(二)做好另一项工作。'));
      assert.deepEqual(
        d.items.map((i) => i.marker.text),
        ['一、', '(一)', '(二)'],
      );
      assert.deepEqual(taskTexts(d), ['做好某项工作,确保全部事项于6 月底前完成。', '做好另一项工作。']);
    });
  });
});
