// document-unrecognised: nothing in the document reads as a plan (no outline item, no task, no
// table). Without it, a file in the wrong encoding or not a plan at all passes CI as "clean".

import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'document-unrecognised',
    title: '未识别出工作要点',
    titleEn: 'Nothing recognised',
    defaultSeverity: 'error',
    description: '未识别出任何大纲编号、任务或任务分解表:文件可能不是工作要点,或编码不对',
    descriptionEn: 'Nothing was recognised (no outline, no tasks, no table): not a work plan, or the wrong encoding',
    fixable: 'none',
    category: 'document',
  },
  check({ doc, analysis, report }) {
    const other = analysis.otherKind;
    if (other) {
      report({
        start: other.line.start,
        end: other.line.end,
        infoOnly: true,
        message: `这是一份“${other.kind}”,不是工作要点、实施方案或任务分解表:未按工作要点的规则检查其大纲编号、责任单位和时间节点`,
      });
      return;
    }
    if (doc.items.length > 0 || analysis.tasks.length > 0 || doc.annex !== null) return;
    const firstLine = doc.lines.find((l) => l.text.trim() !== '');
    report({
      start: firstLine?.start ?? 0,
      end: firstLine?.end ?? 0,
      message: doc.text.trim() === ''
        ? '文档为空:没有可检查的内容'
        : '未识别出任何大纲编号(如“一、”“(一)”)、任务或任务分解表:文件可能不是工作要点,或文件编码不对',
    });
  },
};

export default rule;
