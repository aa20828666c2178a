import { strict as assert } from 'assert';
import { lintText, fixText, type Diagnostic } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/core';

const ID = 'annex-serial';

function check(text: string): Diagnostic[] {
  return lintText(text).diagnostics.filter((d) => d.ruleId === ID);
}

const BODY =
  '2026年某区政务公开工作要点\n' +
  '一、围绕稳增长强化信息公开\n' +
  '(一)做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。(区财政局负责落实)\n' +
  '(二)推进重大项目信息公开。及时发布重点建设项目目录和年度投资计划。(区发展改革委负责落实)\n' +
  '(三)推进教育信息公开。在4月底前公布公办学校招生区域。(区教育局负责落实)\n';
const HEAD = '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';
const TASKS = [
  ['按季度公开财政收支情况。', '区财政局', '每季度'],
  ['及时公开政府债务限额、余额等信息。', '区财政局', '全年'],
  ['及时发布重点建设项目目录和年度投资计划。', '区发展改革委', '上半年'],
  ['在4月底前公布公办学校招生区域。', '区教育局', '4月底前'],
];

function pipes(serials: string[]): string {
  return BODY + HEAD + TASKS.map((t, i) => `| ${serials[i]} | ${t.join(' | ')} |\n`).join('');
}

describe('annex-serial', () => {
  it('reports a repeated serial once, at its cell', () => {
    const text = pipes(['1', '2', '2', '3']);
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(d.severity, 'error');
    assert.equal(d.message, '序号重复:2之后应为3,此处又是2');
    assert.equal(text.slice(d.start, d.end), '2');
    assert.equal(d.start, text.indexOf('| 2 | 及时发布') + 2);
  });

  it('reports one gap once, and a serial that is no number', () => {
    assert.deepEqual(
      check(pipes(['1', '3', '4', '5'])).map((d) => d.message),
      ['序号不连续:1之后应为2,此处为3'],
    );
    assert.deepEqual(
      check(pipes(['1', '2', '三', '4'])).map((d) => d.message),
      ['序号应为数字:此处应为3,实为“三”'],
    );
    assert.deepEqual(
      check(pipes(['1', '2', '', '4'])).map((d) => d.message),
      ['缺少序号:此处应为3'],
    );
    assert.deepEqual(
      check(pipes(['0', '1', '2', '3'])).map((d) => d.message),
      ['序号应从1开始,此处为0'],
    );
  });

  it('gives every finding the same auto fix that renumbers the whole table', () => {
    const text = pipes(['1', '3', '3', '']);
    const ds = check(text);
    // The second 3 stands where 3 belongs: only the first 3 and the empty cell are reported.
    assert.deepEqual(
      ds.map((d) => d.message),
      ['序号不连续:1之后应为2,此处为3', '缺少序号:此处应为4'],
    );
    for (const d of ds) assert.deepEqual(d.fixes, ds[0].fixes);
    const fix = ds[0].fixes[0];
    assert.equal(fix.title, '重新编排序号为1至4');
    assert.equal(fix.auto, true);
    assert.equal(fix.preferred, true);
    // Only the serials that change are edited; an empty cell is filled.
    assert.equal(fix.edits.length, 2);
    const want = pipes(['1', '2', '3', '4']);
    assert.equal(applyEdits(text, fix.edits), want);
    const fixed = fixText(text);
    assert.equal(fixed.output, want);
    assert.equal(fixText(fixed.output).output, fixed.output);
  });

  it('renumbers layout A (cells) and layout C (tabs) tables', () => {
    const cells = (s: string[]): string =>
      BODY + '附件\n序号 |\n任务分解 |\n责任单位 |\n时间节点 |\n' + TASKS.map((t, i) => `${s[i]} |\n${t.join(' |\n')} |\n`).join('');
    const a = cells(['1', '2', '4', '5']);
    assert.deepEqual(check(a).map((d) => d.message), ['序号不连续:2之后应为3,此处为4']);
    assert.equal(fixText(a).output, cells(['1', '2', '3', '4']));
    const tabs = (s: string[]): string => BODY + '附件\n序号\t任务分解\t责任单位\t时间节点\n' + TASKS.map((t, i) => `${s[i]}\t${t.join('\t')}\n`).join('');
    const c = tabs(['1', '1', '2', '3']);
    assert.deepEqual(check(c).map((d) => d.message), ['序号重复:1之后应为2,此处又是1']);
    assert.equal(fixText(c).output, tabs(['1', '2', '3', '4']));
  });

  it('stays silent on serials 1..N and on tables without a serial column', () => {
    assert.deepEqual(check(pipes(['1', '2', '3', '4'])), []);
    const noSerial = BODY + '附件\n| 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|\n' + TASKS.map((t) => `| ${t.join(' | ')} |\n`).join('');
    assert.deepEqual(check(noSerial), []);
  });
});
