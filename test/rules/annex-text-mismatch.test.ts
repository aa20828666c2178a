import { strict as assert } from 'assert';
import { lintText, fixText, type Diagnostic } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/core';

const ID = 'annex-text-mismatch';

function check(text: string): Diagnostic[] {
  return lintText(text).diagnostics.filter((d) => d.ruleId === ID);
}

const HEAD = '2026年某区政务公开工作要点\n一、围绕稳增长强化信息公开\n';
const ANNEX = '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';

function doc(body: string, rowText: string, units = '区发展改革委'): string {
  return `${HEAD}${body}\n${ANNEX}| 1 | ${rowText} | ${units} | 上半年 |\n`;
}

const ITEM = '(一)推进重大项目信息公开。根据上级要求,及时发布重点建设项目目录和年度投资计划。(区发展改革委负责落实)';
const SENTENCE = '根据上级要求,及时发布重点建设项目目录和年度投资计划。';

describe('annex-text-mismatch', () => {
  it('says which leading phrase the row lacks, at the task cell, with the body as related information', () => {
    const text = doc(ITEM, '及时发布重点建设项目目录和年度投资计划。');
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(text.slice(d.start, d.end), '及时发布重点建设项目目录和年度投资计划。');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, '任务分解表文字与正文不一致:缺少“根据上级要求,”');
    assert.equal(d.related.length, 1);
    assert.equal(text.slice(d.related[0].start, d.related[0].end), SENTENCE);
    assert.equal(d.related[0].message, `正文:${SENTENCE}`);
  });

  it('copies the body into the row (auto, preferred) or the row into the body (manual)', () => {
    const text = doc(ITEM, '及时发布重点建设项目目录和年度投资计划。');
    const [d] = check(text);
    assert.deepEqual(
      d.fixes.map((f) => [f.title, f.auto, f.preferred ?? false]),
      [
        ['以正文为准修改此行', true, true],
        ['以此行为准修改正文', false, false],
      ],
    );
    assert.equal(applyEdits(text, d.fixes[0].edits), doc(ITEM, SENTENCE));
    const bodyFixed = applyEdits(text, d.fixes[1].edits);
    assert.equal(bodyFixed, doc('(一)推进重大项目信息公开。及时发布重点建设项目目录和年度投资计划。(区发展改革委负责落实)', '及时发布重点建设项目目录和年度投资计划。'));
    assert.deepEqual(check(bodyFixed), []);
  });

  it('converges with --fix: the row takes the body text, and a second fix changes nothing', () => {
    const text = doc(ITEM, '及时发布重点建设项目目录和年度投资计划。');
    const fixed = fixText(text);
    assert.equal(fixed.output, doc(ITEM, SENTENCE));
    assert.equal(fixText(fixed.output).output, fixed.output);
    assert.deepEqual(check(fixed.output), []);
  });

  it('reports a difference only in punctuation width or spaces as info', () => {
    const width = doc(ITEM, '根据上级要求，及时发布重点建设项目目录和年度投资计划。');
    const [d] = check(width);
    assert.equal(d.severity, 'info');
    assert.equal(d.message, '任务分解表文字与正文仅标点全角/半角或空格不同');
    assert.equal(fixText(width).output, doc(ITEM, SENTENCE));
    const spaces = doc(ITEM, '根据上级要求, 及时发布重点建设项目目录和 年度投资计划。');
    assert.deepEqual(
      check(spaces).map((x) => [x.severity, x.message]),
      [['info', '任务分解表文字与正文仅标点全角/半角或空格不同']],
    );
  });

  it('quotes a changed word or mark with its neighbours, and an added or dropped phrase', () => {
    const word = doc(ITEM, '根据上级要求,及时发布重点建设项目目录和年度建设计划。');
    assert.equal(check(word)[0].message, '任务分解表文字与正文不一致:正文“录和年度投资计划。”此处为“录和年度建设计划。”');
    const mark = doc(ITEM, '根据上级要求、及时发布重点建设项目目录和年度投资计划。');
    assert.equal(check(mark)[0].message, '任务分解表文字与正文不一致:正文“上级要求,及时发布”此处为“上级要求、及时发布”');
    const added = doc(ITEM, '根据上级要求,及时发布重点建设项目目录和年度投资计划,接受社会监督。');
    assert.equal(check(added)[0].message, '任务分解表文字与正文不一致:多出“,接受社会监督”');
    const period = doc(ITEM, '根据上级要求,及时发布重点建设项目目录和年度投资计划');
    assert.equal(check(period)[0].message, '任务分解表文字与正文不一致:“投资计划”处缺少“。”');
  });

  it('compares a row covering a whole item with the title sentence included', () => {
    const item = '(一)做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。(区财政局负责落实)';
    assert.deepEqual(check(doc(item, '做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。', '区财政局')), []);
    const text = doc(item, '做好财政信息公开。按季度公开财政收支情况,及时公开政府债务限额、余额等信息。', '区财政局');
    const [d] = check(text);
    assert.equal(d.message, '任务分解表文字与正文不一致:正文“收支情况。及时公开”此处为“收支情况,及时公开”');
    assert.equal(text.slice(d.related[0].start, d.related[0].end), '做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。');
  });

  it('keeps a unit parenthetical inside the sentence when the row text replaces the body', () => {
    const item = '(一)推进重大项目信息公开。根据上级要求,及时发布重点建设项目目录(区发展改革委负责落实)。';
    const text = doc(item, '及时发布重点建设项目目录。');
    const [d] = check(text);
    assert.equal(d.message, '任务分解表文字与正文不一致:缺少“根据上级要求,”');
    assert.equal(applyEdits(text, d.fixes[1].edits), doc('(一)推进重大项目信息公开。及时发布重点建设项目目录(区发展改革委负责落实)。', '及时发布重点建设项目目录。'));
  });

  it('does not copy a sentence split over two rows into both of them with --fix', () => {
    const item = '(一)推进重大项目信息公开。及时发布重点建设项目目录和年度投资计划,做好重大项目审批结果和实施进展公开。(区发展改革委负责落实)';
    const text = `${HEAD}${item}\n${ANNEX}| 1 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委 | 上半年 |\n| 2 | 做好重大项目审批结果和实施进展公开。 | 区发展改革委 | 全年 |\n`;
    const ds = check(text);
    assert.equal(ds.length, 2);
    for (const d of ds) assert.equal(d.fixes[0].auto, false);
    assert.equal(fixText(text).output, text);
  });

  it('stays silent when the row text is the body text', () => {
    assert.deepEqual(check(doc(ITEM, SENTENCE)), []);
  });
});
