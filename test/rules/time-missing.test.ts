import { strict as assert } from 'assert';
import { lintText, type Diagnostic } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig, type ConfigFile } from '../../server/src/config/config';
import { applyEdits } from '../../server/src/core';

const ID = 'time-missing';

function check(text: string, config?: ConfigFile): Diagnostic[] {
  return lintText(text, mergeConfig(defaultConfig(), config)).diagnostics.filter((d) => d.ruleId === ID);
}

const HEAD = '2026年某区政务公开工作要点\n为进一步深化本区政务公开工作，制定本工作要点。\n一、强化重点领域信息公开\n';
const BODY = `${HEAD}（一）财政信息公开。按规定公开部门预决算。\n（二）政府开放活动。在8月集中组织开展政府开放活动。\n`;
const ANNEX_HEAD = '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';
const ROW1 = '| 1 | 按规定公开部门预决算。 | 区财政局 | 全年 |\n';

const CHOICES = ['全年', '上半年', '下半年', '一季度', '二季度', '三季度', '四季度'];

describe('time-missing', () => {
  describe('annex with a time column', () => {
    it('reports an empty time cell at its position, with one manual fix per choice', () => {
      const text = `${BODY}${ANNEX_HEAD}${ROW1}| 2 | 在8月集中组织开展政府开放活动。 | 区政府办公室 | |\n`;
      const ds = check(text);
      assert.equal(ds.length, 1);
      const d = ds[0];
      assert.equal(d.severity, 'error');
      assert.equal(d.start, d.end);
      assert.equal(d.start, text.lastIndexOf('|'));
      assert.equal(d.message, '缺少时间节点:任务分解表序号2的时间节点为空');
      // The body names August: 8月底前 is offered, and offered first.
      assert.deepEqual(d.fixes.map((f) => f.title), [...CHOICES, '8月底前'].map((c) => `填写“${c}”`));
      assert.ok(d.fixes.every((f) => !f.auto));
      assert.deepEqual(d.fixes.filter((f) => f.preferred).map((f) => f.title), ['填写“8月底前”']);
      assert.equal(applyEdits(text, d.fixes[0].edits), text.replace('区政府办公室 | |', '区政府办公室 | 全年 |'));
      assert.equal(applyEdits(text, d.fixes[7].edits), text.replace('区政府办公室 | |', '区政府办公室 | 8月底前 |'));
    });

    it('offers 6月底前 and 12月底前 when the body names no month; spaces inside the cell are replaced', () => {
      const text = `${BODY}${ANNEX_HEAD}| 1 | 按规定公开部门预决算。 | 区财政局 |    |\n| 2 | 在8月集中组织开展政府开放活动。 | 区政府办公室 | 三季度 |\n`;
      const [d] = check(text);
      assert.deepEqual(d.fixes.map((f) => f.title).slice(7), ['填写“6月底前”', '填写“12月底前”']);
      assert.ok(d.fixes.every((f) => !f.preferred));
      assert.equal(applyEdits(text, d.fixes[2].edits), text.replace('区财政局 |    |', '区财政局 | 下半年 |'));
    });

    it('fills an empty tab-separated cell in place', () => {
      const text = `${BODY}附件\n序号\t任务分解\t责任单位\t时间节点\n1\t按规定公开部门预决算。\t区财政局\t\n2\t在8月集中组织开展政府开放活动。\t区政府办公室\t三季度\n`;
      const [d] = check(text);
      assert.equal(applyEdits(text, d.fixes[0].edits), text.replace('区财政局\t\n', '区财政局\t全年\n'));
    });

    it('reports a row without a time cell at its task cell, without fixes', () => {
      const text = `${BODY}${ANNEX_HEAD}| 1 | 按规定公开部门预决算。 | 区财政局 |\n| 2 | 在8月集中组织开展政府开放活动。 | 区政府办公室 | 三季度 |\n`;
      const ds = check(text);
      assert.equal(ds.length, 1);
      assert.equal(text.slice(ds[0].start, ds[0].end), '按规定公开部门预决算。');
      assert.equal(ds[0].message, '缺少时间节点:任务分解表序号1没有时间节点一栏');
      assert.deepEqual(ds[0].fixes, []);
    });

    it('leaves tasks without a row to annex-missing-row, and leaves unreadable cells to time-invalid', () => {
      assert.deepEqual(check(`${BODY}${ANNEX_HEAD}${ROW1}`), []);
      assert.deepEqual(check(`${BODY}${ANNEX_HEAD}${ROW1}| 2 | 在8月集中组织开展政府开放活动。 | 区政府办公室 | 尽快 |\n`), []);
    });

    it('is off with requireTimeNode: never', () => {
      assert.deepEqual(check(`${BODY}${ANNEX_HEAD}${ROW1}| 2 | 在8月集中组织开展政府开放活动。 | 区政府办公室 | |\n`, { requireTimeNode: 'never' }), []);
    });
  });

  describe('inline time keys', () => {
    const INLINE =
      `${HEAD}（一）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局；完成时限：全年）\n` +
      '（二）推进教育信息公开。在6月前做好招生政策信息公开。（责任单位：区教育局）\n' +
      '（三）加强组织领导。各单位要配齐配强工作力量。（责任单位：区政府各部门；完成时限：3月底前）\n';

    it('reports an item whose parenthetical has no time key, at the item text', () => {
      const ds = check(INLINE);
      assert.equal(ds.length, 1);
      const d = ds[0];
      assert.equal(INLINE.slice(d.start, d.end), '推进教育信息公开。在6月前做好招生政策信息公开。（责任单位：区教育局）');
      assert.equal(d.message, '缺少时间节点:本条任务没有注明完成时限(如“完成时限:6月底前”)');
    });

    it('inserts the time key before the closing parenthesis, in the width and with the key of the document', () => {
      const [d] = check(INLINE);
      assert.equal(d.fixes.length, 8);
      assert.equal(applyEdits(INLINE, d.fixes[0].edits), INLINE.replace('（责任单位：区教育局）', '（责任单位：区教育局；完成时限：全年）'));
      assert.equal(applyEdits(INLINE, d.fixes[7].edits), INLINE.replace('（责任单位：区教育局）', '（责任单位：区教育局；完成时限：6月底前）'));
      const half = INLINE.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/；/g, ';').replace(/完成时限/g, '时间节点');
      const [h] = check(half);
      assert.equal(applyEdits(half, h.fixes[1].edits), half.replace('(责任单位:区教育局)', '(责任单位:区教育局;时间节点:上半年)'));
    });

    it('fills an empty time key', () => {
      const text = INLINE.replace('（责任单位：区教育局）', '（责任单位：区教育局；完成时限：）');
      const [d] = check(text);
      assert.equal(applyEdits(text, d.fixes[3].edits), INLINE.replace('（责任单位：区教育局）', '（责任单位：区教育局；完成时限：一季度）'));
    });

    it('reports the sentences after a timed parenthetical too, and writes into the last parenthetical without a time key', () => {
      const text = INLINE.replace('（责任单位：区教育局）', '（责任单位：区教育局；完成时限：6月底前）').replace(
        '按规定公开部门预决算。（责任单位：区财政局；完成时限：全年）',
        '按规定公开部门预决算。（责任单位：区财政局；完成时限：全年）及时公开债务限额。（责任单位：区财政局）推进审计整改公开。',
      );
      const ds = check(text);
      assert.equal(ds.length, 1);
      assert.ok(text.slice(ds[0].start, ds[0].end).startsWith('做好财政信息公开。'));
      assert.equal(applyEdits(text, ds[0].fixes[0].edits), text.replace('及时公开债务限额。（责任单位：区财政局）', '及时公开债务限额。（责任单位：区财政局；完成时限：全年）'));
    });

    it('stays silent where inline time keys are not the convention, unless requireTimeNode is always', () => {
      const few =
        `${HEAD}（一）做好财政信息公开。按规定公开部门预决算。（区财政局负责落实）\n` +
        '（二）推进社会救助信息公开。按月公开低保人数。（责任单位：区民政局；完成时限：全年）\n' +
        '（三）推进就业信息公开。做好就业政策公开。（牵头单位：区人社局；责任单位：各街镇）\n';
      assert.deepEqual(check(few), []);
      assert.equal(check(few, { requireTimeNode: 'always' }).length, 2);
    });

    it('asks nothing of a document without time nodes, and closing remarks are never tasks', () => {
      const text = `${HEAD}（一）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局）\n各单位要高度重视，认真抓好落实。\n2026年3月2日\n`;
      assert.deepEqual(check(text), []);
      const closing = `${HEAD}（一）落实工作责任\n各单位要配齐配强工作力量。（责任单位：区政府各部门；完成时限：全年）\n各单位要高度重视，认真抓好落实。\n`;
      assert.deepEqual(check(closing), []);
    });
  });

});
