import { strict as assert } from 'assert';
import { lintText, type Diagnostic } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig, type ConfigFile } from '../../server/src/config/config';
import { applyEdits } from '../../server/src/core';

const ID = 'annex-unit-mismatch';

function check(text: string, config?: ConfigFile): Diagnostic[] {
  return lintText(text, mergeConfig(defaultConfig(), config)).diagnostics.filter((d) => d.ruleId === ID);
}

const HEAD = '2026年某区政务公开工作要点\n一、围绕惠民生强化信息公开\n';
const ANNEX = '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';
const TASK = '在4月底前公布公办学校招生区域。';

function doc(paren: string, units: string): string {
  return `${HEAD}(一)推进教育信息公开。${TASK}${paren}\n${ANNEX}| 1 | ${TASK} | ${units} | 4月底前 |\n`;
}

describe('annex-unit-mismatch', () => {
  it('reports the unit cell, lists what only the row and only the body name, with the parenthetical as related', () => {
    const text = doc('(区教育局负责落实)', '区民政局、区教育局、区财政局');
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(text.slice(d.start, d.end), '区民政局、区教育局、区财政局');
    assert.equal(d.severity, 'error');
    assert.equal(d.message, '责任单位与正文不一致:表中有而正文没有“区民政局”、“区财政局”');
    assert.deepEqual(d.related.map((r) => [text.slice(r.start, r.end), r.message]), [['(区教育局负责落实)', '正文:(区教育局负责落实)']]);
  });

  it('offers no body rewrite when a row name would unbalance the parenthetical', () => {
    const text = doc('(区教育局负责落实)', '区发改委(牵头');
    const [d] = check(text);
    assert.deepEqual(
      d.fixes.map((f) => f.title),
      ['以正文为准:责任单位改为“区教育局”'],
    );
  });

  it('still offers the body rewrite for a balanced name with its own brackets, and it reads back', () => {
    const text = doc('(区教育局负责落实)', '区委宣传部(区新闻办)');
    const [d] = check(text);
    const rewrite = d.fixes.find((f) => f.title.startsWith('以此行为准'));
    assert.ok(rewrite);
    const fixed = applyEdits(text, rewrite.edits);
    assert.ok(fixed.includes('(区委宣传部(区新闻办)负责落实)'));
    assert.deepEqual(check(fixed), []);
  });

  it('offers both directions as manual fixes', () => {
    const text = doc('(区教育局、区民政局分别负责落实)', '区教育局、区财政局');
    const [d] = check(text);
    assert.equal(d.message, '责任单位与正文不一致:表中有而正文没有“区财政局”,正文有而表中没有“区民政局”');
    assert.deepEqual(
      d.fixes.map((f) => [f.title, f.auto, f.preferred ?? false]),
      [
        ['以正文为准:责任单位改为“区教育局、区民政局”', false, true],
        ['以此行为准:正文括注改为“(区教育局、区财政局分别负责落实)”', false, false],
      ],
    );
    const byBody = applyEdits(text, d.fixes[0].edits);
    assert.equal(byBody, doc('(区教育局、区民政局分别负责落实)', '区教育局、区民政局'));
    assert.deepEqual(check(byBody), []);
    const byRow = applyEdits(text, d.fixes[1].edits);
    assert.equal(byRow, doc('(区教育局、区财政局分别负责落实)', '区教育局、区财政局'));
    assert.deepEqual(check(byRow), []);
  });

  it('keeps the 牵头/配合 clauses of the body, and the keys and time key of a keyed parenthetical', () => {
    const roles = doc('(区教育局牵头,各街镇配合)', '区教育局');
    const [d1] = check(roles);
    assert.equal(d1.message, '责任单位与正文不一致:正文有而表中没有“各街镇”');
    assert.equal(applyEdits(roles, d1.fixes[0].edits), doc('(区教育局牵头,各街镇配合)', '区教育局牵头,各街镇配合'));
    assert.equal(applyEdits(roles, d1.fixes[1].edits), doc('(区教育局负责落实)', '区教育局'));

    const keyed = doc('(牵头单位:区教育局;配合单位:各街镇;完成时限:4月底前)', '区教育局牵头,区民政局配合');
    const [d2] = check(keyed);
    assert.equal(applyEdits(keyed, d2.fixes[1].edits), doc('(牵头单位:区教育局;配合单位:区民政局;完成时限:4月底前)', '区教育局牵头,区民政局配合'));

    const full = doc('（责任单位：区教育局；完成时限：4月底前）', '区民政局');
    const [d3] = check(full);
    assert.equal(applyEdits(full, d3.fixes[1].edits), doc('（责任单位：区民政局；完成时限：4月底前）', '区民政局'));
  });

  it('ignores order, spaces and roles', () => {
    assert.deepEqual(check(doc('(区教育局、区民政局分别负责落实)', '区民政局、 区教育局')), []);
    assert.deepEqual(check(doc('(区教育局牵头,区民政局配合)', '区民政局、区教育局')), []);
    assert.deepEqual(check(doc('(责任单位:区教育局、区民政局)', '区教育局牵头,区民政局配合')), []);
  });

  it('maps configured aliases to their preferred name on both sides', () => {
    const text = doc('(区数据局负责落实)', '区大数据中心');
    assert.equal(check(text).length, 1);
    assert.deepEqual(check(text, { unitAliases: { 区数据局: ['区大数据中心'] } }), []);
    assert.deepEqual(check(doc('(区大数据中心负责落实)', '区数据局'), { unitAliases: { 区数据局: ['区大数据中心'] } }), []);
  });

  it('leaves empty unit cells and tasks without an inline unit to other rules', () => {
    assert.deepEqual(check(doc('(区教育局负责落实)', '')), []);
    assert.deepEqual(check(doc('', '区民政局')), []);
  });

  it('compares with the union of the parentheticals of a multi-sentence row', () => {
    const body = '(一)推进财政信息公开。全面公开部门预决算。(区财政局负责落实)及时公开审计查出问题整改情况。(区审计局负责落实)\n';
    const row = '全面公开部门预决算。及时公开审计查出问题整改情况。';
    const ok = `${HEAD}${body}${ANNEX}| 1 | ${row} | 区财政局、区审计局 | 全年 |\n`;
    assert.deepEqual(check(ok), []);
    const text = `${HEAD}${body}${ANNEX}| 1 | ${row} | 区财政局 | 全年 |\n`;
    const [d] = check(text);
    assert.equal(d.message, '责任单位与正文不一致:正文有而表中没有“区审计局”');
    assert.equal(d.related.length, 2);
    // Two parentheticals: which one the row's units should go to is not clear, so only the cell fix.
    assert.deepEqual(
      d.fixes.map((f) => f.title),
      ['以正文为准:责任单位改为“区财政局、区审计局”'],
    );
  });

  it('does not offer to rewrite a parenthetical that also covers another row’s task', () => {
    const body = '(一)推进财政信息公开。全面公开部门预决算。及时公开政府债务限额、余额等信息。(区财政局负责落实)\n';
    const text = `${HEAD}${body}${ANNEX}| 1 | 全面公开部门预决算。 | 区审计局 | 全年 |\n| 2 | 及时公开政府债务限额、余额等信息。 | 区财政局 | 全年 |\n`;
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.deepEqual(
      ds[0].fixes.map((f) => f.title),
      ['以正文为准:责任单位改为“区财政局”'],
    );
  });
});
