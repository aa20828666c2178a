import { strict as assert } from 'assert';
import { lintText, type Diagnostic } from '../../server/src/engine/lint';
import { applyEdits, compatibleEdits } from '../../server/src/core';

const ID = 'annex-orphan-row';

function check(text: string): Diagnostic[] {
  return lintText(text).diagnostics.filter((d) => d.ruleId === ID);
}

function annexFindings(text: string): string[] {
  return lintText(text)
    .diagnostics.filter((d) => d.ruleId.startsWith('annex-'))
    .map((d) => `${d.ruleId}: ${d.message}`);
}

function applyOnlyFix(text: string, d: Diagnostic): string {
  assert.equal(d.fixes.length, 1);
  assert.equal(d.fixes[0].auto, false);
  assert.equal(compatibleEdits(d.fixes).taken, 1, 'the edits of the fix do not overlap');
  return applyEdits(text, d.fixes[0].edits);
}

const BODY =
  '2026年某区政务公开工作要点\n' +
  '一、围绕稳增长强化信息公开\n' +
  '(一)做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。(区财政局负责落实)\n' +
  '(二)推进重大项目信息公开。及时发布重点建设项目目录和年度投资计划。(区发展改革委负责落实)\n';
const PIPES_HEAD = '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';
const R1 = '| 1 | 按季度公开财政收支情况。 | 区财政局 | 每季度 |\n';
const R2 = '| 2 | 及时公开政府债务限额、余额等信息。 | 区财政局 | 全年 |\n';

describe('annex-orphan-row', () => {
  it('reports a row that matches no body task at its task cell, as unnecessary', () => {
    const text = BODY + PIPES_HEAD + R1 + R2 + '| 3 | 组织开展政务公开业务培训和年度考核。 | 区政府办公室 | 下半年 |\n' + '| 4 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委 | 上半年 |\n';
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(text.slice(d.start, d.end), '组织开展政务公开业务培训和年度考核。');
    assert.equal(d.severity, 'error');
    assert.equal(d.unnecessary, true);
    assert.equal(d.message, '任务分解表第3行在正文中找不到对应任务');
    assert.equal(d.fixes[0].title, '删除此行,并重排其后的序号');
    const fixed = applyOnlyFix(text, d);
    assert.equal(fixed, BODY + PIPES_HEAD + R1 + R2 + '| 3 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委 | 上半年 |\n');
    assert.deepEqual(annexFindings(fixed), []);
  });

  it('names the serial too when it differs from the position', () => {
    const text = BODY + PIPES_HEAD + R1 + R2 + '| 2 | 组织开展政务公开业务培训和年度考核。 | 区政府办公室 | 下半年 |\n' + '| 3 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委 | 上半年 |\n';
    const [d] = check(text);
    assert.equal(d.message, '任务分解表第3行(序号2)在正文中找不到对应任务');
    // Deleting the row leaves the serials after it as they are: 3 follows 2 again.
    assert.equal(applyOnlyFix(text, d), BODY + PIPES_HEAD + R1 + R2 + '| 3 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委 | 上半年 |\n');
  });

  it('deletes all lines of a layout-A row, its trailing empty cell included, and keeps page markers', () => {
    const head = '附件\n序号 |\n任务分解 |\n责任单位 |\n时间节点 |\n';
    const a1 = '1 |\n按季度公开财政收支情况。 |\n区财政局 |\n每季度 |\n';
    const orphan = '2 |\n按时编制发布上一年度政府信息公开工作年度报告。 |\n- 2 -\n区政府办公室 |\n1月底前 |\n|\n';
    const a3 = '3 |\n及时公开政府债务限额、余额等信息。 |\n区财政局 |\n全年 |\n';
    const a4 = '4 |\n及时发布重点建设项目目录和年度投资计划。 |\n区发展改革委 |\n上半年 |';
    const text = BODY + head + a1 + orphan + a3 + a4;
    const [d] = check(text);
    assert.equal(text.slice(d.start, d.end), '按时编制发布上一年度政府信息公开工作年度报告。');
    const fixed = applyOnlyFix(text, d);
    assert.equal(fixed, BODY + head + a1 + '- 2 -\n' + a3.replace('3 |', '2 |') + a4.replace('4 |', '3 |'));
    assert.deepEqual(annexFindings(fixed), []);
  });

  it('deletes the last row of a file that does not end with a line break', () => {
    const text = BODY + PIPES_HEAD + R1 + R2 + '| 3 | 组织开展政务公开业务培训和年度考核。 | 区政府办公室 | 下半年 |';
    const [d] = check(text);
    assert.equal(applyOnlyFix(text, d), BODY + PIPES_HEAD + R1 + R2.trimEnd());
  });

  it('stays silent on matched rows and on rows without task text', () => {
    assert.deepEqual(check(BODY + PIPES_HEAD + R1 + R2 + '| 3 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委 | 上半年 |\n'), []);
    assert.deepEqual(check(BODY + PIPES_HEAD + R1 + R2 + '| 3 |  | 区发展改革委 | 上半年 |\n'), []);
  });
});
