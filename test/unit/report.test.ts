import { strict as assert } from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { formatJson, formatStylish, toJsonResult } from '../../server/src/report/format';
import { outlineText } from '../../server/src/report/outline';
import { documentFacts } from '../../server/src/engine/facts';
import { readFixture } from '../helpers/fixtures';

const TEXT = '2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n(三)做好乙。(区乙局负责落实)\n二.乙\n';

describe('report formats', () => {
  it('JSON: ESLint shape, 1-based lines and UTF-16 columns, counts', () => {
    const { doc, diagnostics } = lintText(TEXT);
    const r = toJsonResult('/x/draft.txt', diagnostics, doc.lineIndex);
    assert.deepEqual(r.messages[0], {
      ruleId: 'outline-sequence',
      severity: 2,
      message: '编号不连续:“(一)”之后应为“(二)”,此处为“(三)”',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 4,
    });
    assert.equal(r.errorCount, 1);
    assert.equal(r.warningCount, 1);
    assert.equal(r.fixableErrorCount, 1);
    assert.equal(r.fixableWarningCount, 1);
    assert.deepEqual(JSON.parse(formatJson([r])), [r]);
  });

  it('stylish: grouped by file, aligned positions, summary; empty for no problems; colours on request', () => {
    const { doc, diagnostics } = lintText(TEXT);
    const r = toJsonResult('/x/draft.txt', diagnostics, doc.lineIndex);
    const out = formatStylish([r]);
    assert.equal(
      out,
      '\n/x/draft.txt\n' +
        '  4:1  error    编号不连续:“(一)”之后应为“(二)”,此处为“(三)”  outline-sequence\n' +
        '  5:1  warning  编号格式不规范:应为“二、”,此处为“二.”  outline-marker-format\n' +
        '\n✖ 2 个问题 (1 个错误, 1 个警告, 0 个提示) / 2 problems (1 errors, 1 warnings, 0 infos)\n' +
        '  其中 2 个可用 --fix 自动修复 (2 fixable with --fix)\n',
    );
    assert.ok(formatStylish([r], true).includes('\u001b[31merror  \u001b[0m'));
    const clean = lintText('2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n');
    assert.equal(formatStylish([toJsonResult('/x/ok.txt', clean.diagnostics, clean.doc.lineIndex)]), '');
  });

  it('outline text: a readable tree with the annex rows and their body lines', () => {
    const out = outlineText(documentFacts(readFixture('examples/annex-pipes.txt')));
    assert.match(out, /^标题: 2026年某区政务公开工作要点\n年度: 2026\n任务: 6 条\n/);
    assert.match(out, /^一、总体要求 {2}\(第 3 行\) {2}\[非任务章节\]$/m);
    assert.match(out, /^附件任务分解表 \(第 11 行, 竖线分隔, 6 行\): 序号 \| 任务分解 \| 责任单位 \| 时间节点$/m);
    assert.match(out, /^ {2}1\. 按规定公开部门预决算。 {2}\[区财政局、各部门; 全年\] {2}→ 正文第 6 行$/m);
    const none = outlineText(documentFacts('无标题的一段话'));
    assert.match(none, /^标题: \(未识别\)\n年度: \(未知\)/);
    assert.match(none, /附件任务分解表: 无/);
  });
});
