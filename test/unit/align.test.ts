import { strict as assert } from 'assert';
import type { ParsedDocument } from '../../server/src/document/model';
import { alignAnnex, MATCH_THRESHOLD, similarity, type Alignment, type RowMatch } from '../../server/src/analysis/align';
import { DocumentAnalysis } from '../../server/src/analysis/analysis';
import { readMeaning } from '../../server/src/analysis/meaning';
import { defaultConfig } from '../../server/src/config/config';
import { parseDocument } from '../../server/src/document/parse';

function doc(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A document with the given body lines and a pipe annex of the given task texts. */
function withAnnex(body: string[], rows: string[]): ParsedDocument {
  const lines = ['2023年某区政务公开工作要点', '一、重点任务', ...body, '附件', '序号 | 任务 | 责任单位 | 时间节点'];
  rows.forEach((r, k) => lines.push(`${k + 1} | ${r} | 区甲局 | 全年`));
  const d = parseDocument(doc(...lines));
  assert.ok(d.annex, 'expected an annex');
  assert.equal(d.annex.rows.length, rows.length);
  return d;
}

/** The document's meaning and alignment, as a check reads them. */
function analysisOf(d: ParsedDocument): DocumentAnalysis {
  return new DocumentAnalysis(d, defaultConfig());
}

function alignmentOf(d: ParsedDocument): Alignment {
  const alignment = analysisOf(d).alignment;
  assert.ok(alignment, 'expected an alignment');
  return alignment;
}

/** For each row: the indices of the sentences it covers. */
function covered(d: ParsedDocument): number[][] {
  return alignmentOf(d).matches.map((m) => m.sentences.map((s) => s.index));
}

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);
}

describe('align', () => {
  describe('similarity', () => {
    it('is 1 for the same text', () => {
      assert.equal(similarity('做好信息公开。', '做好信息公开。'), 1);
      assert.equal(similarity('甲', '甲'), 1);
    });

    it('ignores punctuation, its width and spaces', () => {
      assert.equal(similarity('做好信息公开。', '做好信息公开'), 1);
      assert.equal(similarity('做好信息公开,细化到项。', '做好信息公开，细化到项。'), 1);
      assert.equal(similarity('做好 信息公开', '做好信息公开'), 1);
      assert.equal(similarity('ＡＢ１２', 'AB12'), 1);
    });

    it('is the Dice coefficient of character bigrams', () => {
      // 5 bigrams against 7, all 5 shared: 10/12.
      close(similarity('做好信息公开', '做好信息公开工作'), 10 / 12);
      // A dropped leading phrase: 14 of the body's 20 bigrams.
      close(similarity('根据上级要求,做好政策解读材料的同步发布工作。', '做好政策解读材料的同步发布工作。'), 28 / 34);
      // One changed word: 17 of 19 bigrams shared.
      close(similarity('规范依申请公开办理流程,提升答复质量和效率。', '规范依申请公开办理流程,提升答复质量和速度。'), 34 / 38);
    });

    it('counts repeated bigrams as a multiset', () => {
      close(similarity('甲乙甲乙', '甲乙'), 2 / 4);
    });

    it('is 0 for texts without a shared bigram, and for empty texts', () => {
      assert.equal(similarity('甲乙丙丁', '丁丙乙甲'), 0);
      assert.equal(similarity('甲', '乙'), 0);
      assert.equal(similarity('', '做好'), 0);
      assert.equal(similarity('。，', '。，'), 0);
    });

    it('is symmetric', () => {
      const a = '根据上级要求,做好政策解读材料的同步发布工作。';
      const b = '做好政策解读材料的同步发布。';
      assert.equal(similarity(a, b), similarity(b, a));
    });
  });

  describe('alignAnnex', () => {
    const body = [
      '(一)加强政策解读。根据上级要求,做好政策解读材料的同步发布工作。扩大政策解读的覆盖范围和影响力。',
      '(二)推进决策公开。完善重大行政决策事项目录管理制度。',
      '(三)做好财政预决算信息公开，细化公开到项级科目。',
      '(四)规范依申请公开办理流程,提升答复质量和效率。',
      '(五)加强政府网站建设管理。持续优化网站栏目设置。',
      '(六)深化基层政务公开标准化规范化建设。',
    ];
    // Sentences: 0 加强政策解读。(title) 1 根据上级要求,… 2 扩大… 3 推进决策公开。(title) 4 完善… 5 做好财政…
    // 6 规范… 7 加强政府网站建设管理。(title) 8 持续优化… 9 深化…
    const rows = [
      '做好政策解读材料的同步发布工作。',
      '扩大政策解读的覆盖范围和影响力。',
      '推进决策公开。完善重大行政决策事项目录管理制度。',
      '做好财政预决算信息公开,细化公开到项级科目。',
      '规范依申请公开办理流程,提升答复质量和速度。',
      '组织开展全区消防安全大检查活动。',
      '深化基层政务公开标准化规范化建设。',
      '持续优化网站栏目设置。',
    ];
    const d = withAnnex(body, rows);
    const matches = (): RowMatch[] => alignmentOf(d).matches;

    it('reads the sentences the test expects', () => {
      assert.deepEqual(
        d.sentences.map((s) => [s.index, readMeaning(d).isTitle(s)]),
        [
          [0, true],
          [1, false],
          [2, false],
          [3, true],
          [4, false],
          [5, false],
          [6, false],
          [7, true],
          [8, false],
          [9, false],
        ],
      );
    });

    it('matches each row to the sentences it copies', () => {
      assert.deepEqual(covered(d), [[1], [2], [3, 4], [5], [6], [], [9], [8]]);
      assert.equal(matches().length, rows.length);
      matches().forEach((m, k) => assert.equal(m.row.index, k));
    });

    it('matches a row that copies a sentence exactly with score 1', () => {
      assert.equal(matches()[1].score, 1);
    });

    it('matches a row that drops a leading phrase, with score below 1', () => {
      close(matches()[0].score, 28 / 34);
      assert.ok(matches()[0].score >= MATCH_THRESHOLD);
    });

    it('matches a row that changes punctuation width with score 1', () => {
      assert.equal(matches()[3].score, 1);
    });

    it('matches a row that changes a word, with score below 1', () => {
      close(matches()[4].score, 34 / 38);
    });

    it('matches a row that copies a whole item, its title sentence included', () => {
      const m = matches()[2];
      assert.deepEqual(
        m.sentences.map((s) => s.content),
        ['推进决策公开。', '完善重大行政决策事项目录管理制度。'],
      );
      // An exact copy of the two sentences (up to punctuation) is found without bigrams: score 1.
      assert.equal(m.score, 1);
    });

    it('leaves an unrelated row an orphan', () => {
      const m = matches()[5];
      assert.deepEqual(m.sentences, []);
      assert.ok(m.score < MATCH_THRESHOLD);
      assert.equal(m.inOrder, true);
    });

    it('marks one of two swapped rows out of order', () => {
      assert.deepEqual(
        matches().map((m) => m.inOrder),
        [true, true, true, true, true, true, false, true],
      );
    });

    it('lists the rows of each sentence', () => {
      const ros = alignmentOf(d).rowsOfSentence;
      assert.deepEqual(
        [...ros.keys()].sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 8, 9],
      );
      assert.deepEqual(
        ros.get(4)?.map((r) => r.serial),
        [3],
      );
      assert.equal(ros.get(3)?.[0], ros.get(4)?.[0]);
      // Title sentence 0 and 7 have no row.
      assert.equal(ros.has(0), false);
      assert.equal(ros.has(7), false);
    });

    it('matches a row to two consecutive sentences of one item', () => {
      const two = withAnnex(body.slice(0, 1), ['做好政策解读材料的同步发布工作。扩大政策解读的覆盖范围和影响力。']);
      assert.deepEqual(covered(two), [[1, 2]]);
      close(alignmentOf(two).matches[0].score, 56 / 63);
    });

    it('never spans two items', () => {
      const two = withAnnex(['(一)做好甲项信息公开工作。', '(二)做好乙项信息公开工作。'], ['做好甲项信息公开工作。做好乙项信息公开工作。']);
      const [m] = alignmentOf(two).matches;
      assert.equal(m.sentences.length, 1);
    });
  });

  describe('deleted and duplicate rows', () => {
    it('leaves the sentence of a deleted row without rows', () => {
      const d = withAnnex(
        ['(一)做好政策解读材料的同步发布工作。', '(二)完善重大行政决策事项目录管理制度。', '(三)深化基层政务公开标准化规范化建设。'],
        ['做好政策解读材料的同步发布工作。', '深化基层政务公开标准化规范化建设。'],
      );
      assert.deepEqual(covered(d), [[0], [2]]);
      const ros = alignmentOf(d).rowsOfSentence;
      assert.equal(ros.has(1), false);
      assert.equal(ros.get(0)?.[0].serial, 1);
      assert.equal(ros.get(2)?.[0].serial, 2);
      assert.deepEqual(
        alignmentOf(d).matches.map((m) => m.inOrder),
        [true, true],
      );
    });

    it('resolves duplicate identical sentences by position', () => {
      const d = withAnnex(
        ['(一)加强政策解读。做好年度信息公开工作。', '(二)推进决策公开。完善重大行政决策事项目录管理制度。', '(三)加强政府网站建设管理。做好年度信息公开工作。'],
        ['做好年度信息公开工作。', '完善重大行政决策事项目录管理制度。', '做好年度信息公开工作。'],
      );
      assert.deepEqual(covered(d), [[1], [3], [5]]);
      assert.deepEqual(
        alignmentOf(d).matches.map((m) => [m.score, m.inOrder]),
        [
          [1, true],
          [1, true],
          [1, true],
        ],
      );
      assert.deepEqual(
        alignmentOf(d).rowsOfSentence.get(5)?.map((r) => r.serial),
        [3],
      );
    });

    it('prefers the sentence a row copies verbatim to an earlier one that differs in punctuation width', () => {
      const d = withAnnex(['(一)做好甲项工作，推进乙项。做好甲项工作,推进乙项。'], ['做好甲项工作,推进乙项。']);
      assert.deepEqual(covered(d), [[1]]);
      assert.equal(alignmentOf(d).matches[0].score, 1);
    });

    it('matches a row differing only in punctuation width when no sentence is a verbatim copy', () => {
      const d = withAnnex(['(一)加强政策解读。做好甲项工作，推进乙项。'], ['做好甲项工作,推进乙项。']);
      assert.deepEqual(covered(d), [[1]]);
      assert.equal(alignmentOf(d).matches[0].score, 1);
    });

    it('gives two rows copying the same sentence both to it', () => {
      const d = withAnnex(['(一)做好政策解读材料的同步发布工作。'], ['做好政策解读材料的同步发布工作。', '做好政策解读材料的同步发布工作。']);
      assert.deepEqual(covered(d), [[0], [0]]);
      assert.deepEqual(
        alignmentOf(d).rowsOfSentence.get(0)?.map((r) => r.serial),
        [1, 2],
      );
    });
  });

  describe('edge cases', () => {
    it('aligns nothing for a document without an annex', () => {
      const d = parseDocument(doc('一、重点任务', '(一)做好甲工作。'));
      assert.equal(analysisOf(d).alignment, null);
      const a = alignAnnex(d);
      assert.deepEqual(a.matches, []);
      assert.equal(a.rowsOfSentence.size, 0);
    });

    it('does not align a table when the body has no sentences: it is a standalone task table', () => {
      const d = parseDocument(doc('附件', '序号 | 任务 | 责任单位 | 时间节点', '1 | 做好甲工作。 | 区甲局 | 全年'));
      assert.equal(analysisOf(d).kind, 'table');
      assert.equal(analysisOf(d).alignment, null);
      assert.equal(d.annex?.rows.length, 1);
    });

    it('leaves a row with an empty task an orphan', () => {
      const d = withAnnex(['(一)做好甲项信息公开工作。'], ['做好甲项信息公开工作。', '']);
      assert.deepEqual(covered(d), [[0], []]);
    });
  });
});
