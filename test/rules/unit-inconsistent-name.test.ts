import { strict as assert } from 'assert';
import { lintText, fixText, type Diagnostic } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig, type ConfigFile } from '../../server/src/config/config';
import { applyEdits } from '../../server/src/core';
import { sameUnit } from '../../server/src/rules/unit-inconsistent-name';
import { readFixture } from '../helpers/fixtures';

const ID = 'unit-inconsistent-name';

function check(text: string, config?: ConfigFile): Diagnostic[] {
  return lintText(text, mergeConfig(defaultConfig(), config)).diagnostics.filter((d) => d.ruleId === ID);
}

/** A document with one item per unit list. */
function doc(...units: string[]): string {
  const items = units.map((u, i) => `（${'一二三四五六七八九十'[i]}）做好第${i + 1}项信息公开。及时公开有关信息。（责任单位：${u}）\n`);
  return `2026年某区政务公开工作要点\n一、强化重点领域信息公开\n${items.join('')}`;
}

describe('unit-inconsistent-name', () => {
  it('reports the less frequent abbreviation, with the other form as related information and an auto fix', () => {
    const text = doc('区发展改革委', '区发改委', '区发展改革委、区统计局');
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(text.slice(d.start, d.end), '区发改委');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, '同一单位名称写法不一致:“区发改委”与“区发展改革委”,建议统一为“区发展改革委”');
    assert.equal(d.related.length, 1);
    assert.equal(text.slice(d.related[0].start, d.related[0].end), '区发展改革委');
    assert.equal(d.related[0].start, text.indexOf('区发展改革委'));
    assert.equal(d.fixes.length, 1);
    assert.equal(d.fixes[0].auto, true);
    assert.equal(applyEdits(text, d.fixes[0].edits), doc('区发展改革委', '区发展改革委', '区发展改革委、区统计局'));
  });

  it('keeps the more frequent form even when it is the short one', () => {
    const text = doc('区发改委', '区发改委', '区发展改革委');
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.equal(text.slice(ds[0].start, ds[0].end), '区发展改革委');
    assert.equal(applyEdits(text, ds[0].fixes[0].edits), doc('区发改委', '区发改委', '区发改委'));
  });

  it('reports a truncated name (区融媒体 / 区融媒体中心), the shorter one on a tie, at every occurrence', () => {
    let text = doc('区融媒体', '区政府办公室、区融媒体中心');
    let ds = check(text);
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['区融媒体']);
    assert.match(ds[0].message, /建议统一为“区融媒体中心”/);
    text = doc('区融媒体', '区融媒体', '区融媒体中心', '区融媒体中心', '区融媒体中心');
    ds = check(text);
    assert.equal(ds.length, 2);
    assert.ok(ds.every((d) => text.slice(d.start, d.end) === '区融媒体'));
  });

  it('pairs names across the body and the annex, each annex cell once', () => {
    const text =
      '2026年某区政务公开工作要点\n一、强化重点领域信息公开\n（一）丰富解读形式。开展多元化解读。（责任单位：区融媒体中心）\n（二）做好政务新媒体管理。规范内容发布。（责任单位：区融媒体中心）\n' +
      '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n| 1 | 开展多元化解读。 | 区融媒体 | 全年 |\n| 2 | 规范内容发布。 | 区融媒体中心 | 全年 |\n';
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].start, text.indexOf('| 区融媒体 |') + 2);
    assert.equal(text.slice(ds[0].start, ds[0].end), '区融媒体');
  });

  it('never pairs complete names, different units or collective names', () => {
    assert.deepEqual(check(doc('区政府', '区政府办公室')), []);
    assert.deepEqual(check(doc('区教育局', '区体育局')), []);
    assert.deepEqual(check(doc('真如副中心', '真如副中心管委办')), []);
    assert.deepEqual(check(doc('各街镇', '各街道', '区政府各部门、各部门')), []);
    assert.deepEqual(check(doc('相关单位', '相关单位牵头单位')), []);
  });

  it('sameUnit: truncation and abbreviation', () => {
    assert.equal(sameUnit('区发改委', '区发展改革委'), true);
    assert.equal(sameUnit('区融媒体', '区融媒体中心'), true);
    assert.equal(sameUnit('市人社局', '市人力资源社会保障局'), true);
    assert.equal(sameUnit('区委', '区委组织部'), false);
    assert.equal(sameUnit('区科委', '区卫生健康委'), false);
    assert.equal(sameUnit('区发改委', '区发改委'), false);
  });

  it('uses the unitAliases table: every alias occurrence gets the preferred name', () => {
    const text = doc('区府办', '区府办牵头，各街镇配合', '区财政局');
    const config = { unitAliases: { 区政府办公室: ['区府办'] } };
    const ds = check(text, config);
    assert.equal(ds.length, 2);
    assert.ok(ds.every((d) => text.slice(d.start, d.end) === '区府办'));
    assert.equal(ds[0].message, '同一单位名称写法不一致:“区府办”应统一为“区政府办公室”(配置 unitAliases)');
    assert.deepEqual(ds[0].related, []);
    assert.equal(fixText(text, mergeConfig(defaultConfig(), config)).output, doc('区政府办公室', '区政府办公室牵头，各街镇配合', '区财政局'));
    // Without the table the two names are not paired.
    assert.deepEqual(check(doc('区府办', '区政府办公室')), []);
  });

  it('the alias table overrides the guess for the names it lists', () => {
    const text = doc('区发改委', '区发改委', '区发展改革委');
    const ds = check(text, { unitAliases: { 区发展改革委: ['区发改委'] } });
    assert.equal(ds.length, 2);
    assert.ok(ds.every((d) => text.slice(d.start, d.end) === '区发改委'));
  });

  it('--fix unifies the document in one run', () => {
    const text = doc('区发展改革委', '区发改委', '区发展改革委', '区融媒体中心', '区融媒体');
    assert.equal(fixText(text).output, doc('区发展改革委', '区发展改革委', '区发展改革委', '区融媒体中心', '区融媒体中心'));
  });

  it('pairs nothing among hundreds of distinct names', () => {
    const names: string[] = [];
    for (let i = 0; i < 600; i++) names.push(`区${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x4f00 + i * 5)}局`);
    const items = names.map((n, i) => `${i + 1}.做好第${i + 1}项信息公开。（责任单位：${n}）\n`);
    const text = `2026年某区政务公开工作要点\n一、重点工作\n${items.join('')}`;
    assert.deepEqual(check(text), []);
  });

  it('finds only 区融媒体 in corpus 000 (the other documents: test/integration/precision.test.ts)', () => {
    const text = readFixture('corpus/000_8af76b9c2bc005bb.txt');
    const ds = check(text);
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['区融媒体']);
    assert.match(ds[0].message, /“区融媒体”与“区融媒体中心”/);
  });
});
