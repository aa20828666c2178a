// 文档统计:状态栏显示的条目、任务、附件行数与问题数。
// Document statistics for the editor's status bar: items, tasks, annex rows and problem counts.

import type { DocumentStats } from '../protocol';
import type { DocumentState } from './checks';

export function documentStats(state: DocumentState): DocumentStats {
  const { doc, analysis, diagnostics } = state.result;
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { items: doc.items.length, tasks: analysis.tasks.length, rows: doc.annex?.rows.length ?? 0, errors, warnings };
}
