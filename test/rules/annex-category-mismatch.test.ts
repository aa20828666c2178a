import { strict as assert } from 'assert';
import { lintText, fixText, type Diagnostic } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/core';

const ID = 'annex-category-mismatch';

function check(text: string): Diagnostic[] {
  return lintText(text).diagnostics.filter((d) => d.ruleId === ID);
}

const BODY =
  '2026年某区政务公开工作要点\n' +
  '一、围绕稳增长强化信息公开\n' +
  '(一)做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。(区财政局负责落实)\n' +
  '二、围绕惠民生强化信息公开\n' +
  '(二)推进教育信息公开。在4月底前公布公办学校招生区域。(区教育局负责落实)\n' +
  '(三)推进社会救助信息公开。按月公开城乡低保人数和资金支出情况。(区民政局负责落实)\n';
const TASKS = [
  ['按季度公开财政收支情况。', '区财政局', '每季度'],
  ['及时公开政府债务限额、余额等信息。', '区财政局', '全年'],
  ['在4月底前公布公办学校招生区域。', '区教育局', '4月底前'],
  ['按月公开城乡低保人数和资金支出情况。', '区民政局', '每月'],
];
const C1 = '围绕稳增长强化信息公开';
const C2 = '围绕惠民生强化信息公开';

function tabs(categories: string[]): string {
  return BODY + '附件\n序号\t类别\t任务分解\t责任单位\t时间节点\n' + TASKS.map((t, i) => `${i + 1}\t${categories[i]}\t${t.join('\t')}\n`).join('');
}

/** Layout A with merged categories: null means the row has no category cell (merged above). */
function cells(categories: (string | null)[]): string {
  return (
    BODY +
    '附件\n序号 |\n一级指标 |\n二级指标 |\n责任单位 |\n时间节点 |\n' +
    TASKS.map((t, i) => `${i + 1} |\n${categories[i] === null ? '' : `${categories[i]} |\n`}${t.join(' |\n')} |\n${categories[i] === null ? '|\n' : ''}`).join('')
  );
}

describe('annex-category-mismatch', () => {
  it('reports a category that is not the title of the chapter holding the task, with an auto fix', () => {
    const text = tabs([C1, C2, C2, C2]);
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, '类别与正文章节不一致:此行任务属于“围绕稳增长强化信息公开”,此处为“围绕惠民生强化信息公开”');
    assert.equal(d.start, text.indexOf(`2\t${C2}`) + 2);
    assert.equal(text.slice(d.start, d.end), C2);
    assert.deepEqual(
      d.fixes.map((f) => [f.title, f.auto, f.preferred]),
      [['改为“围绕稳增长强化信息公开”', true, true]],
    );
    const want = tabs([C1, C1, C2, C2]);
    assert.equal(applyEdits(text, d.fixes[0].edits), want);
    const fixed = fixText(text);
    assert.equal(fixed.output, want);
    assert.equal(fixText(fixed.output).output, fixed.output);
  });

  it('ignores punctuation, width and spaces', () => {
    assert.deepEqual(check(tabs([C1, '围绕稳增长 强化信息公开。', C2, C2])), []);
  });

  it('checks a merged category once, at the cell where it is written', () => {
    assert.deepEqual(check(cells([C1, null, C2, null])), []);
    const wrong = cells(['围绕其他工作强化信息公开', null, C2, null]);
    const [d] = check(wrong);
    assert.equal(d.message, '类别与正文章节不一致:这2行任务属于“围绕稳增长强化信息公开”,此处为“围绕其他工作强化信息公开”');
    assert.equal(fixText(wrong).output, cells([C1, null, C2, null]));
  });

  it('reports a merged category that spans tasks of different chapters, without a fix', () => {
    const text = cells([C1, null, null, null]);
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message, '合并的类别“围绕稳增长强化信息公开”跨越了不同章节的任务:第3行、第4行属于“围绕惠民生强化信息公开”');
    assert.equal(text.slice(ds[0].start, ds[0].end), C1);
    assert.deepEqual(ds[0].fixes, []);
  });

  it('follows the outline level the column names, and stays silent when it names none', () => {
    const items = ['做好财政信息公开', '做好财政信息公开', '推进教育信息公开', '推进社会救助信息公开'];
    assert.deepEqual(check(tabs(items)), []);
    const [d] = check(tabs([items[0], items[1], items[3], items[3]]));
    assert.equal(d.message, '类别与正文章节不一致:此行任务属于“推进教育信息公开”,此处为“推进社会救助信息公开”');
    assert.deepEqual(check(tabs(['主动公开', '主动公开', '依申请公开', '主动公开'])), []);
  });
});
