import { strict as assert } from 'assert';
import { lintText, type Diagnostic } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig, type ConfigFile } from '../../server/src/config/config';
import { applyEdits } from '../../server/src/core';
import { readFixture } from '../helpers/fixtures';

const ID = 'unit-missing';

function check(text: string, config?: ConfigFile): Diagnostic[] {
  return lintText(text, mergeConfig(defaultConfig(), config)).diagnostics.filter((d) => d.ruleId === ID);
}

function slices(text: string, ds: Diagnostic[]): string[] {
  return ds.map((d) => text.slice(d.start, d.end));
}

// The document assigns units to most of its tasks (the first item's two tasks are covered), so
// each task without a unit is reported.
const HEAD =
  '2026年某区政务公开工作要点\n为进一步深化本区政务公开工作，制定本工作要点。\n一、强化重点领域信息公开\n' +
  '（一）做好政务信息公开。按规定公开政府信息。做好政府信息发布。（责任单位：区政府办公室）\n';

const ANNEX_HEAD = '附件\n2026年某区政务公开工作要点任务分解表\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';

describe('unit-missing', () => {
  describe('(a) task sentences without a unit', () => {
    it('reports a run of uncovered sentences of one item once, from its first to its last sentence', () => {
      const text = `${HEAD}（一）推进教育信息公开。做好义务教育招生政策信息公开。及时公开学校划片范围。\n（二）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局）\n`;
      const ds = check(text);
      assert.equal(ds.length, 1);
      assert.deepEqual(slices(text, ds), ['做好义务教育招生政策信息公开。及时公开学校划片范围。']);
      assert.equal(ds[0].severity, 'error');
      assert.equal(ds[0].message, '任务缺少责任单位:未找到责任单位括注');
    });

    it('offers to insert (责任单位:) after the run, with the cursor inside, not as an auto fix', () => {
      const text = `${HEAD}（一）推进教育信息公开。做好义务教育招生政策信息公开。及时公开学校划片范围。\n`;
      const [d] = check(text);
      assert.equal(d.fixes.length, 1);
      const fix = d.fixes[0];
      assert.equal(fix.auto, false);
      const fixed = applyEdits(text, fix.edits);
      assert.equal(fixed, `${HEAD}（一）推进教育信息公开。做好义务教育招生政策信息公开。及时公开学校划片范围。（责任单位：）\n`);
      assert.equal(fix.cursor, fixed.indexOf('（责任单位：）') + '（责任单位：'.length);
      assert.equal(fixed[fix.cursor!], '）');
    });

    it('writes the parentheses and colon in the width the document mostly uses', () => {
      const text = '2026年某区政务公开工作要点\n一、强化重点领域信息公开\n(一)做好财政信息公开。按规定公开部门预决算。(责任单位:区财政局)\n(二)推进教育信息公开。做好义务教育招生政策信息公开。\n';
      const [d] = check(text);
      assert.equal(text.slice(d.start, d.end), '做好义务教育招生政策信息公开。');
      assert.equal(applyEdits(text, d.fixes[0].edits), text.replace('信息公开。\n', '信息公开。(责任单位:)\n'));
    });

    it('reports the text after the last parenthetical of an item, and runs split by a covered sentence separately', () => {
      const text = `${HEAD}（一）提高政策解读质量。做好政策解读。坚持解读与文件同步起草。（区政府办公室负责落实）在8月集中组织开展政府开放活动。\n（二）推进教育信息公开。做好招生政策公开。（区教育局负责落实）公开学校划片范围。及时回应家长关切。（区教育局负责落实）公开招生结果。\n`;
      assert.deepEqual(slices(text, check(text)), ['在8月集中组织开展政府开放活动。', '公开招生结果。']);
    });

    it('never reports a title sentence, non-task chapters, closing remarks, signatures or dates', () => {
      const text =
        '2026年某区政务公开工作要点\n为深入推进政务公开工作，制定本工作要点。\n一、总体要求\n坚持以公开促落实。\n二、强化重点领域信息公开\n' +
        '（一）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局）\n（二）落实工作责任\n各单位要配齐配强工作力量。（责任单位：区政府各部门）\n\n' +
        '各单位要高度重视，认真抓好本要点各项任务的落实。\n某区人民政府办公室\n2026年3月2日\n';
      assert.deepEqual(check(text), []);
    });

    it('does not take (PPP) or (试行) for a unit parenthetical', () => {
      const text = `${HEAD}（一）推进政府和社会资本合作（PPP）项目信息公开。\n（二）做好财政信息公开。公开《预算管理办法（试行）》。（责任单位：区财政局）\n`;
      assert.deepEqual(slices(text, check(text)), ['推进政府和社会资本合作（PPP）项目信息公开。']);
    });

    it('stays silent where the document assigns no units, unless requireUnit is always', () => {
      const text = '2026年某区档案馆政务公开工作计划\n一、重点工作\n（一）做好档案开放信息公开。及时公开年度档案开放目录。\n';
      // Said once for the document, as information, at the title.
      const [note, ...rest] = check(text);
      assert.deepEqual(rest, []);
      assert.equal(note.severity, 'info');
      assert.deepEqual(slices(text, [note]), ['2026年某区档案馆政务公开工作计划']);
      assert.match(note.message, /^本文档未逐项明确责任单位:1 项任务中 0 项有责任单位/);
      assert.equal(check(text, { requireUnit: 'always' }).length, 1);
      assert.deepEqual(check(`${HEAD}（一）做好财政信息公开。按规定公开部门预决算。\n`, { requireUnit: 'never' }), []);
    });

    it('leaves a task without an annex row to annex-missing-row, unless that rule is off', () => {
      const text = `${HEAD}（一）财政信息公开。按规定公开部门预决算。推进政府债务信息公开。\n${ANNEX_HEAD}| 1 | 按规定公开部门预决算。 | 区财政局 | 全年 |\n`;
      assert.deepEqual(check(text), []);
      const ds = check(text, { rules: { 'annex-missing-row': 'off' } });
      assert.deepEqual(slices(text, ds), ['推进政府债务信息公开。']);
      assert.equal(ds[0].message, '任务缺少责任单位:未找到责任单位括注,任务分解表中也没有对应的责任单位');
    });
  });

  describe('(b) annex rows without units', () => {
    it('reports an empty unit cell at its position and fills it from the body parenthetical', () => {
      const text = `${HEAD}（一）教育信息公开。做好义务教育招生政策信息公开。（区教育局牵头，各街镇配合）\n${ANNEX_HEAD}| 1 | 做好义务教育招生政策信息公开。 |  | 4月 |\n`;
      const ds = check(text);
      assert.equal(ds.length, 1);
      const d = ds[0];
      assert.equal(d.start, d.end);
      assert.equal(d.start, text.indexOf('| 4月') - 0);
      assert.match(d.message, /任务分解表序号1的责任单位为空/);
      assert.equal(d.fixes.length, 1);
      assert.equal(d.fixes[0].auto, false);
      assert.equal(d.fixes[0].preferred, true);
      assert.equal(applyEdits(text, d.fixes[0].edits), text.replace('|  | 4月', '| 区教育局、各街镇 | 4月'));
    });

    it('reports a placeholder cell at the placeholder and offers no fix without a body unit', () => {
      const text = `${HEAD}（一）教育信息公开。做好义务教育招生政策信息公开。\n${ANNEX_HEAD}| 1 | 做好义务教育招生政策信息公开。 | 待定 | 4月 |\n`;
      const ds = check(text);
      assert.deepEqual(slices(text, ds), ['待定']);
      assert.equal(ds[0].message, '任务缺少责任单位:任务分解表序号1的责任单位为占位符“待定”');
      assert.deepEqual(ds[0].fixes, []);
    });

    it('does not report the body sentence of a row it reports', () => {
      const text = `${HEAD}（一）教育信息公开。做好义务教育招生政策信息公开。\n（二）财政信息公开。按规定公开部门预决算。\n${ANNEX_HEAD}| 1 | 做好义务教育招生政策信息公开。 | XXX | 4月 |\n| 2 | 按规定公开部门预决算。 | 区财政局 | 全年 |\n`;
      assert.deepEqual(slices(text, check(text)), ['XXX']);
    });
  });

  describe('(c) empty parenthetical values', () => {
    it('reports (责任单位:) at the empty value and 待定 at the placeholder', () => {
      const text = `${HEAD}（一）规范依申请公开。严格按照法定时限答复申请。（责任单位：）\n（二）推进社会救助信息公开。按月公开低保人数。（责任单位：待定）\n`;
      const ds = check(text);
      assert.equal(ds.length, 2);
      assert.equal(ds[0].start, ds[0].end);
      assert.equal(ds[0].start, text.indexOf('（责任单位：）') + '（责任单位：'.length);
      assert.equal(ds[0].message, '责任单位未填写:括注“（责任单位：）”中的责任单位为空');
      assert.equal(text.slice(ds[1].start, ds[1].end), '待定');
      assert.deepEqual(ds[1].fixes, []);
    });

    it('fills an empty value from the annex row of the covered task', () => {
      const text = `${HEAD}（一）教育信息公开。做好义务教育招生政策信息公开。（责任单位：）\n${ANNEX_HEAD}| 1 | 做好义务教育招生政策信息公开。 | 区教育局 | 4月 |\n`;
      const [d] = check(text);
      assert.equal(d.fixes.length, 1);
      assert.equal(d.fixes[0].auto, false);
      assert.equal(applyEdits(text, d.fixes[0].edits), text.replace('（责任单位：）', '（责任单位：区教育局）'));
    });
  });

  describe('documents', () => {
    it('is silent on the spec examples and the custom documents', () => {
      for (const f of [
        'examples/annex-cells-merged.txt',
        'examples/annex-pipes.txt',
        'examples/annex-tabs.txt',
        'examples/inline-units.txt',
        'custom/pdf-wrapped-circled.txt',
        'custom/pipes-multi-sentence.txt',
        'custom/restart-level3.txt',
        'custom/tabs-other-headers.txt',
        'custom/web-export.txt',
      ]) {
        assert.deepEqual(check(readFixture(f)), [], f);
      }
    });

    it('is silent on the corpus (000 misses an annex row: annex-missing-row reports that task)', () => {
      for (const f of ['corpus/000_8af76b9c2bc005bb.txt', 'corpus/001_aa1df6472a57eff3.txt', 'corpus/003_b70125ba7a548c2f.txt']) {
        assert.deepEqual(check(readFixture(f)), [], f);
      }
    });
  });
});
