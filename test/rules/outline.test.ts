// The outline rules on small documents: exact ranges, messages and fixes.
import { strict as assert } from 'assert';
import { lintText, fixText } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/core';
import { renumberOutline } from '../../server/src/analysis/numbering';

const HEAD = '2026年某区政务公开工作要点\n';
const only = (text: string, rule: string) => lintText(text).diagnostics.filter((d) => d.ruleId === rule);

describe('outline-sequence', () => {
  it('reports a gap once, at the marker, and the fix renumbers the following siblings', () => {
    const text = HEAD + '一、甲\n(一)做好甲。(区甲局负责落实)\n(三)做好乙。(区乙局负责落实)\n(四)做好丙。(区丙局负责落实)\n';
    const [d, ...rest] = only(text, 'outline-sequence');
    assert.equal(rest.length, 0);
    assert.equal(text.slice(d.start, d.end), '(三)');
    assert.equal(d.severity, 'error');
    assert.equal(d.message, '编号不连续:“(一)”之后应为“(二)”,此处为“(三)”');
    const fixed = applyEdits(text, d.fixes[0].edits);
    assert.equal(fixed, HEAD + '一、甲\n(一)做好甲。(区甲局负责落实)\n(二)做好乙。(区乙局负责落实)\n(三)做好丙。(区丙局负责落实)\n');
    assert.ok(d.fixes[0].auto && d.fixes[0].preferred);
  });

  it('reports a repeat and a restart in a continuous document with their own messages', () => {
    const text = HEAD + '一、甲\n(一)做好甲。(区甲局负责落实)\n(一)做好乙。(区乙局负责落实)\n二、乙\n(三)做好丙。(区丙局负责落实)\n三、丙\n(一)做好丁。(区丁局负责落实)\n四、丁\n(五)做好戊。(区戊局负责落实)\n';
    const ds = only(text, 'outline-sequence');
    assert.deepEqual(ds.map((d) => d.message), [
      '编号重复:“(一)”之后应为“(二)”,此处又是“(一)”',
      '本文该级编号全文连续:“(三)”之后应为“(四)”,此处重新从“(一)”开始',
    ]);
  });

  it('keeps full-width parentheses and Chinese numerals past ten when renumbering', () => {
    const items = Array.from({ length: 12 }, (_, i) => `（${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十三'][i]}）做好第${i + 1}项。（区甲局负责落实）\n`).join('');
    const text = HEAD + '一、甲\n' + items;
    const [d] = only(text, 'outline-sequence');
    assert.equal(text.slice(d.start, d.end), '（十三）');
    assert.equal(fixText(text).output, text.replace('（十三）', '（十二）'));
  });

  it('accepts restarting and continuous schemes, and level 3 under chapters', () => {
    const restart = HEAD + '一、甲\n(一)做好甲。(区甲局负责落实)\n(二)做好乙。(区乙局负责落实)\n二、乙\n(一)做好丙。(区丙局负责落实)\n';
    const level3 = HEAD + '一、甲\n1.做好甲。(区甲局负责落实)\n二、乙\n2.做好乙。(区乙局负责落实)\n3.做好丙。(区丙局负责落实)\n';
    assert.deepEqual(only(restart, 'outline-sequence'), []);
    assert.deepEqual(only(level3, 'outline-sequence'), []);
  });

  it('renumberOutline renumbers every chain, touching only numerals', () => {
    const text = HEAD + '一、甲\n(二)做好甲。(区甲局负责落实)\n(二)做好乙。(区乙局负责落实)\n三、乙\n(五)做好丙。(区丙局负责落实)\n';
    const { analysis } = lintText(text);
    const out = applyEdits(text, renumberOutline(analysis.numbering));
    // Neither restarting nor continuing is evidenced by (五): restart, the default, wins.
    assert.equal(out, HEAD + '一、甲\n(一)做好甲。(区甲局负责落实)\n(二)做好乙。(区乙局负责落实)\n二、乙\n(一)做好丙。(区丙局负责落实)\n');
  });
});

describe('outline-hierarchy', () => {
  it('reports (1) without a 1. above it, at the marker', () => {
    const text = HEAD + '一、甲\n(一)做好甲\n(1)公开甲。(区甲局负责落实)\n';
    const [d, ...rest] = only(text, 'outline-hierarchy');
    assert.equal(rest.length, 0);
    assert.equal(text.slice(d.start, d.end), '(1)');
    assert.equal(d.message, '层级错误:四级标题“(1)”之前应有三级标题(如“1.”)');
    assert.equal(d.fixes.length, 0);
  });
});

describe('outline-hierarchy, more', () => {
  it('reports (一) before the first chapter, and does not break the numbering after it', () => {
    const text = HEAD + '(一)做好甲。(区甲局负责落实)\n一、甲\n(二)做好乙。(区乙局负责落实)\n';
    const ds = lintText(text).diagnostics.filter((d) => d.ruleId.startsWith('outline'));
    assert.deepEqual(ds.map((d) => [d.ruleId, d.message]), [['outline-hierarchy', '层级错误:二级标题“(一)”之前应有一级标题(如“一、”)']]);
  });
});

describe('outline-marker-format', () => {
  it('flags non-canonical markers and fixes them to the document width', () => {
    const text = HEAD + '一.甲\n（一）、做好甲。（区甲局负责落实）\n(二)做好乙。（区乙局负责落实）\n（三）做好丙\n1、公开丙。（区丙局负责落实）\n';
    const ds = only(text, 'outline-marker-format');
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['一.', '（一）、', '(二)', '1、']);
    assert.equal(ds[0].message, '编号格式不规范:应为“一、”,此处为“一.”');
    assert.equal(ds[2].message, '编号括号宽度与全文不一致:全文多用全角括号,应为“（二）”,此处为“(二)”');
    assert.equal(ds[0].severity, 'warning');
    const fixed = fixText(text).output;
    assert.equal(fixed, HEAD + '一、甲\n（一）做好甲。（区甲局负责落实）\n（二）做好乙。（区乙局负责落实）\n（三）做好丙\n1.公开丙。（区丙局负责落实）\n');
    assert.equal(fixText(fixed).output, fixed);
  });

  it('keeps CRLF line breaks when fixing', () => {
    const text = HEAD.replace('\n', '\r\n') + '一.甲\r\n(一)做好甲。(区甲局负责落实)\r\n';
    assert.equal(fixText(text).output, text.replace('一.', '一、'));
  });
});
