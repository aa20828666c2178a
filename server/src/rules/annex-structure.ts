// annex-structure: a task table that cannot be read as one: the header lacks a task, unit or
// time column; a line inside the table is no row; a row has more cells than the header has
// columns, or no task.

import type { ColumnRole } from '../document/model';
import type { Rule } from './types';

const REQUIRED: { role: ColumnRole; name: string }[] = [
  { role: 'task', name: '任务' },
  { role: 'units', name: '责任单位' },
  { role: 'time', name: '时间节点' },
];

function quote(s: string, max = 20): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

const rule: Rule = {
  meta: {
    id: 'annex-structure',
    defaultSeverity: 'error',
    title: '任务分解表结构',
    titleEn: 'Annex table structure',
    description: '任务分解表结构不完整：表头缺少任务、责任单位或时间节点列，或有无法读取的行',
    descriptionEn: 'The annex table lacks a task, unit or time column, or has a line that cannot be read',
    fixable: 'none',
    category: 'annex',
  },
  check({ doc, analysis, report }) {
    const annex = doc.annex;
    if (!annex) return;
    const missing = REQUIRED.filter((r) => !annex.header.some((c) => c.role === r.role));
    if (missing.length > 0) {
      report({
        start: annex.headerRange.start,
        end: annex.headerRange.end,
        message: `任务分解表表头缺少${missing.map((m) => `“${m.name}”`).join('、')}列`,
        // Many real tables (推广清单, 台账) have no time or unit column by design: a note, not a defect.
        infoOnly: missing.every((m) => m.role !== 'task'),
      });
    }
    if (annex.layout === 'lines' && analysis.kind === 'plan-with-annex') {
      report({
        start: annex.headerRange.start,
        end: annex.headerRange.end,
        message: `任务分解表为逐格换行、无分隔符的表格(共读取 ${annex.rows.length} 行):已检查各行的责任单位、时间节点和序号,但无法可靠地逐行对应正文,未与正文逐项对照`,
        infoOnly: true,
      });
    }
    for (const bad of annex.badLines) {
      report({
        start: bad.start,
        end: bad.end,
        message:
          annex.layout === 'spaces'
            ? `任务分解表中此行无法读取:以空格分列的表格,一行应按表头分为${annex.header.length}列,此处为“${quote(bad.text)}”`
            : `任务分解表中此行无法读取:一行至少应有序号和任务两个单元格,此处为“${quote(bad.text)}”`,
      });
    }
    const columns = annex.header.length;
    for (const row of annex.rows) {
      if (row.extraCells.length > 0) {
        const first = row.extraCells[0];
        const last = row.extraCells[row.extraCells.length - 1];
        report({
          start: first.start,
          end: last.end,
          message: `任务分解表第${row.index + 1}行多出${row.extraCells.length}个单元格(表头共${columns}列):“${quote(row.extraCells.map((c) => c.text).join(' | '))}”`,
        });
      }
      if (!row.task || row.task.text.trim() === '') {
        const at = row.task ?? row.range;
        report({
          start: at.start,
          end: at.end,
          message: row.task ? `任务分解表第${row.index + 1}行的任务一栏为空` : `任务分解表第${row.index + 1}行缺少任务一栏`,
        });
      }
    }
  },
};

export default rule;
