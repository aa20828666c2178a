// The review data the comparison view and the HTML report show, checked as data against the
// engine on real documents: which lines, in which order, what differs, the chart numbers.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../server/src/engine/lint';
import { buildReview, textDiff, type DocumentReview, type ReviewLine } from '../../server/src/review/model';
import { FIXTURES, readFixture } from '../helpers/fixtures';

const CORPUS_000 = readFixture('corpus/000_8af76b9c2bc005bb.txt');

function review(text: string): DocumentReview {
  return buildReview(lintText(text));
}

function rulesOf(r: DocumentReview, l: ReviewLine): string[] {
  return l.findings.map((i) => r.findings[i].ruleId);
}

describe('review model: corpus 000 (body + 118-row annex)', () => {
  const r = review(CORPUS_000);

  it('has one line per row and the body task with no row, placed after the row of the task before it', () => {
    assert.equal(r.kind, 'plan-with-annex');
    assert.equal(r.compared, true);
    assert.equal(r.rows, 118);
    assert.equal(r.tasks, 121);
    assert.equal(r.lines.length, 119);
    assert.deepEqual(
      r.lines.filter((l) => l.kind !== 'pair').map((l) => [r.lines.indexOf(l), l.kind]),
      [[41, 'task']],
    );
    // Rows keep their order: serials 1..118 with the task between 41 and 42.
    assert.deepEqual(
      r.lines.filter((l) => l.kind === 'pair').map((l) => l.serial),
      Array.from({ length: 118 }, (_, i) => String(i + 1)),
    );
    const missing = r.lines[41];
    assert.equal(r.lines[40].serial, '41');
    assert.equal(missing.bodyText, '根据法律法规立改废释和形势任务变化的需要,形成动态更新机制。');
    assert.equal(missing.bodyLine, 24);
    assert.equal(missing.rowLine, null);
    assert.equal(missing.category, '围绕实现高效能治理强化信息公开');
    assert.deepEqual(rulesOf(r, missing), ['annex-missing-row']);
  });

  it('marks the one character that differs between row 41 and its body text', () => {
    const l = r.lines[40];
    assert.equal(l.identical, false);
    assert.deepEqual(l.diff, [
      { kind: 'same', text: '新建“双随机、一公开”专题网页,定期发布区市场监管领域部门联合抽查以及各部门随机抽查的事项清单、年度工作计划、抽查结果' },
      { kind: 'removed', text: '、' },
      { kind: 'added', text: ',' },
      { kind: 'same', text: '工作推进情况。' },
    ]);
    assert.deepEqual(rulesOf(r, l), ['annex-text-mismatch']);
    assert.equal(l.rowLine, 214);
    assert.equal(l.bodyLine, 24);
    // Every other pair copies its body text exactly.
    assert.equal(r.lines.filter((x) => x.kind === 'pair' && x.identical).length, 117);
  });

  it('gives each row its units, role, time node and source lines', () => {
    const first = r.lines[0];
    assert.equal(first.serial, '1');
    assert.deepEqual(first.units.row, [
      { name: '区发改委', role: 'lead' },
      { name: '各相关单位', role: 'support' },
    ]);
    assert.equal(first.units.body, null);
    assert.equal(first.time, '全年');
    assert.equal(first.rowLine, 54, "line 55 of the file");
    assert.equal(first.bodyLine, 12, "line 13 of the file");
    assert.equal(r.lines.find((l) => l.serial === '25')?.time, '3-6月 9-10月');
  });

  it('counts findings by rule and attaches each to its line', () => {
    assert.deepEqual(
      r.byRule.map((c) => [c.ruleId, c.error, c.warning, c.info]),
      [
        ['annex-missing-row', 1, 0, 0],
        ['annex-text-mismatch', 0, 1, 0],
        ['unit-inconsistent-name', 0, 1, 0],
        ['time-before-issue', 0, 1, 0],
      ],
    );
    assert.deepEqual([r.errors, r.warnings, r.infos], [1, 3, 0]);
    const withFindings = r.lines.filter((l) => l.findings.length > 0).map((l) => `${l.serial ?? 'task'}:${rulesOf(r, l).join(',')}`);
    assert.deepEqual(withFindings, ['41:annex-text-mismatch', 'task:annex-missing-row', '64:unit-inconsistent-name', '68:time-before-issue']);
    const f = r.findings.find((x) => x.ruleId === 'unit-inconsistent-name')!;
    assert.equal(f.context.text, '区融媒体');
    assert.equal(CORPUS_000.slice(f.start, f.end), '区融媒体');
  });

  it('charts the months the time nodes fall due in 2023, whole-year, other-year and undated tasks apart', () => {
    const m = r.charts.months;
    assert.equal(m.planYear, 2023);
    // 上半年 ×5, 6月 and 3-6月 in June; 4月 ×2 and 4月、10月 in April; 9-10月, 10月前 and 4月、10月 in October…
    assert.deepEqual(m.months, [0, 0, 1, 3, 0, 7, 1, 0, 2, 3, 0, 2]);
    assert.equal(m.wholeYear, 100);
    assert.equal(m.otherYear, 1, 'row 118: 2024年1月');
    assert.equal(m.none, 1, 'the body task with no row');
  });

  it('charts tasks per unit by role, one count per line', () => {
    const u = r.charts.units;
    assert.equal(u.length, 53);
    assert.deepEqual(u.slice(0, 3), [
      { name: '各街镇', lead: 0, support: 21, responsible: 34, total: 55 },
      { name: '区政府各部门', lead: 0, support: 19, responsible: 34, total: 53 },
      { name: '区府办', lead: 20, support: 0, responsible: 10, total: 30 },
    ]);
    // The totals are the lines' distinct unit names.
    const distinct = r.lines.reduce((n, l) => n + new Set([...(l.units.row ?? []), ...(l.units.body ?? [])].map((x) => x.name)).size, 0);
    assert.equal(
      u.reduce((n, x) => n + x.total, 0),
      distinct,
    );
    for (const x of u) assert.equal(x.lead + x.support + x.responsible, x.total);
  });

  it('is plain data: the same after a JSON round trip', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });
});

describe('review model: other kinds of documents', () => {
  it('a plan without an annex: one task line per body task, units and time from the body', () => {
    const r = review(readFixture('examples/inline-units.txt'));
    assert.equal(r.kind, 'plan');
    assert.equal(r.compared, false);
    assert.equal(r.rows, 0);
    assert.equal(r.lines.length, r.tasks);
    assert.ok(r.lines.every((l) => l.kind === 'task' && l.rowText === null && l.diff === null));
    const relief = r.lines.find((l) => l.bodyText?.startsWith('按月公开低保人数'))!;
    assert.deepEqual(relief.units.body, [{ name: '市民政局', role: 'responsible' }]);
    assert.equal(relief.time, '全年');
    assert.equal(r.charts.months.wholeYear, 1);
    assert.equal(r.charts.months.none, r.tasks - 1);
    const lead = r.charts.units.find((u) => u.name === '市政府办公厅')!;
    assert.deepEqual([lead.lead, lead.responsible], [1, 1]);
  });

  it('a standalone task table: every row a line of its own, charts from the rows', () => {
    const text =
      '2026年某区政务公开工作要点任务分解表\n序号 | 任务 | 责任单位 | 时间节点\n' +
      '1 | 及时公开财政预决算信息。 | 区财政局 | 6月底前\n' +
      '2 | 做好政策解读。 | 区府办牵头,各部门配合 | 每季度\n' +
      '3 | 公开统计信息。 | 区统计局 | 2025年12月底前\n';
    const r = review(text);
    assert.equal(r.kind, 'table');
    assert.equal(r.compared, false);
    assert.equal(r.tasks, 0);
    assert.deepEqual(
      r.lines.map((l) => [l.kind, l.serial, l.rowText, l.time, l.bodyLine]),
      [
        ['row', '1', '及时公开财政预决算信息。', '6月底前', null],
        ['row', '2', '做好政策解读。', '每季度', null],
        ['row', '3', '公开统计信息。', '2025年12月底前', null],
      ],
    );
    assert.deepEqual(r.charts.months.months, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    assert.equal(r.charts.months.wholeYear, 1);
    assert.equal(r.charts.months.otherYear, 1);
    assert.deepEqual(
      r.charts.units.map((u) => [u.name, u.lead, u.support, u.responsible]),
      [
        ['各部门', 0, 1, 0],
        ['区财政局', 0, 0, 1],
        ['区府办', 1, 0, 0],
        ['区统计局', 0, 0, 1],
      ],
    );
  });

  it('a row that matches no task stays where it stands in the table, with its finding', () => {
    const base = readFixture('examples/annex-pipes.txt');
    const text = base.replace('| 3 | 做好义务教育', '| 3 | 组织开展全区消防安全大检查。 | 区应急局 | 5月 |\n| 4 | 做好义务教育');
    const r = review(text);
    assert.equal(r.kind, 'plan-with-annex');
    assert.deepEqual(
      r.lines.map((l) => `${l.kind}:${l.serial}`),
      ['pair:1', 'pair:2', 'row:3', 'pair:4', 'pair:4', 'pair:5', 'pair:6'],
    );
    const orphan = r.lines[2];
    assert.equal(orphan.rowText, '组织开展全区消防安全大检查。');
    assert.equal(orphan.bodyText, null);
    assert.ok(rulesOf(r, orphan).includes('annex-orphan-row'));
    assert.deepEqual(r.charts.months.months.slice(3, 5), [1, 1], 'April (row 4) and May (the orphan row)');
  });

  it('units named differently in the row and in the body are listed on each side', () => {
    const text =
      '2026年某区政务公开工作要点\n一、围绕惠民生强化信息公开\n在4月底前公布公办学校招生区域。(区教育局负责落实)\n' +
      '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n| 1 | 在4月底前公布公办学校招生区域。 | 区民政局、区教育局 | 4月底前 |\n';
    const r = review(text);
    const l = r.lines[0];
    assert.equal(l.kind, 'pair');
    assert.deepEqual(l.units.onlyRow, ['区民政局']);
    assert.deepEqual(l.units.onlyBody, []);
    assert.deepEqual(l.units.body, [{ name: '区教育局', role: 'responsible' }]);
    assert.deepEqual(rulesOf(r, l), ['annex-unit-mismatch']);
    assert.deepEqual(r.charts.months.months[3], 1);
  });

  it('an empty text gives an empty review, with the one finding that nothing was recognised', () => {
    const r = review('');
    assert.equal(r.kind, 'plan');
    assert.deepEqual([r.lines.length, r.findings.length, r.charts.units.length, r.charts.months.none], [0, 1, 0, 0]);
    assert.equal(r.findings[0].ruleId, 'document-unrecognised');
  });
});

describe('review model: textDiff', () => {
  it('diffs by character, supplementary-plane characters whole', () => {
    assert.deepEqual(textDiff('公开𠀋信息', '公开𠀀信息'), [
      { kind: 'same', text: '公开' },
      { kind: 'removed', text: '𠀋' },
      { kind: 'added', text: '𠀀' },
      { kind: 'same', text: '信息' },
    ]);
  });

  it('texts too far apart are shown replaced whole, in bounded time', () => {
    const a = '甲乙丙丁'.repeat(500);
    const b = '子丑寅卯'.repeat(500);
    assert.deepEqual(textDiff(a, b), [
      { kind: 'removed', text: a },
      { kind: 'added', text: b },
    ]);
    assert.deepEqual(textDiff('', ''), []);
    assert.deepEqual(textDiff('', '新增'), [{ kind: 'added', text: '新增' }]);
  });
});

describe('review model: real documents in the wild', () => {
  const WILD = path.join(FIXTURES, 'wild');

  it('wild 002: a plan whose 46-row table the engine cannot match row by row: tasks and rows listed, none flagged as lacking the other', () => {
    const file = fs.readdirSync(WILD).find((f) => f.startsWith('002_') && f.endsWith('.txt'))!;
    const r = review(fs.readFileSync(path.join(WILD, file), 'utf8'));
    assert.equal(r.kind, 'plan-with-annex');
    assert.equal(r.compared, false);
    assert.deepEqual([r.tasks, r.rows, r.lines.length], [36, 46, 82]);
    assert.equal(r.lines.map((l) => l.kind[0]).join(''), 't'.repeat(36) + 'r'.repeat(46));
    assert.ok(r.lines.every((l) => l.diff === null));
    // The charts count the table's 46 rows, not the 36 body tasks a second time (the same work,
    // unmatched): 20 due in December, 7 in June, 9 whole-year, none without a time node.
    assert.deepEqual(r.charts.months.months, [0, 0, 4, 0, 0, 7, 0, 1, 1, 1, 3, 20]);
    assert.deepEqual([r.charts.months.wholeYear, r.charts.months.otherYear, r.charts.months.none], [9, 0, 0]);
    const m = r.charts.months;
    assert.equal(m.months.reduce((a, b) => a + b, 0) + m.wholeYear + m.otherYear + m.none, 46);
    assert.deepEqual(r.charts.units[0], { name: '区环土局', lead: 0, support: 0, responsible: 30, total: 30 });
  });

  it('builds a review of every fixture document whose lines cover every row and task once', () => {
    const docs = ['corpus', 'examples', 'wild'].flatMap((d) =>
      fs
        .readdirSync(path.join(FIXTURES, d))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => path.join(FIXTURES, d, f)),
    );
    assert.ok(docs.length >= 14);
    for (const file of docs) {
      const result = lintText(fs.readFileSync(file, 'utf8'));
      const r = buildReview(result);
      assert.equal(r.kind, result.analysis.kind, file);
      assert.equal(r.lines.filter((l) => l.rowLine !== null).length, r.rows, file);
      const covered = new Set(result.analysis.alignment?.matches.flatMap((m) => m.sentences.map((s) => s.index)) ?? []);
      assert.equal(r.lines.filter((l) => l.kind === 'task').length, result.analysis.tasks.filter((s) => !covered.has(s.index)).length, file);
      const m = r.charts.months;
      assert.ok(m.wholeYear + m.otherYear + m.none <= r.lines.length, file);
    }
  });
});
