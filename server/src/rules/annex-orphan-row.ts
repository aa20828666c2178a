// annex-orphan-row: a row whose task matches no body task (below the alignment's threshold).
// Fix: delete the row, all its lines (page markers inside it are kept), and renumber the rows
// after it.

import type { AnnexRow, ParsedDocument } from '../document/model';
import type { Rule, TextEdit } from './types';
import { isNoise } from '../document/classify';
import { renumberRows, rowLabel } from '../fixes/table';
import { lazyFix } from '../core';

/** Edits that delete a row's lines, keeping noise lines (page markers) inside it. */
export function deleteRowEdits(doc: ParsedDocument, row: AnnexRow): TextEdit[] {
  const lines = doc.lines;
  const others = (doc.annex?.rows ?? []).filter((r) => r !== row);
  const from = lines[row.line].start;
  const to = lines[row.endLine].end;
  // Another row on the same lines (two rows' cells on one line): delete the row's own text only.
  if (others.some((r) => r.range.start < to && r.range.end > from)) {
    return [{ start: row.range.start, end: row.range.end, newText: '' }];
  }
  const edits: TextEdit[] = [];
  let runStart = -1;
  // A run of lines to delete, with its line break (the one before it at the end of the file).
  const close = (endLine: number): void => {
    if (runStart < 0) return;
    if (endLine + 1 < lines.length) edits.push({ start: lines[runStart].start, end: lines[endLine + 1].start, newText: '' });
    else edits.push({ start: runStart > 0 ? lines[runStart - 1].end : lines[runStart].start, end: lines[endLine].end, newText: '' });
    runStart = -1;
  };
  for (let k = row.line; k <= row.endLine; k++) {
    if (isNoise(lines[k].folded.trim())) close(k - 1);
    else if (runStart < 0) runStart = k;
  }
  close(row.endLine);
  return edits;
}

const rule: Rule = {
  meta: {
    id: 'annex-orphan-row',
    defaultSeverity: 'error',
    title: '任务分解表多行',
    titleEn: 'Annex row without a body task',
    description: '任务分解表中的行在正文中找不到对应任务',
    descriptionEn: 'An annex row matches no task of the body',
    fixable: 'manual',
    category: 'annex',
    docs: { fix: '否（编辑器提供快速修复：删除此行）' },
  },
  check({ doc, analysis, report }) {
    const annex = doc.annex;
    // Only a table that breaks down this body's tasks is compared with the body (not a standalone table).
    if (!annex || !analysis.alignment) return;
    for (const row of annex.rows) {
      const cell = row.task;
      if (!cell || cell.text.trim() === '') continue;
      if ((analysis.matchOf(row)?.sentences.length ?? 0) > 0) continue;
      // The rows after it follow the row before it.
      const before = row.index > 0 ? annex.rows[row.index - 1] : null;
      const first = before ? (before.serial ?? before.index + 1) + 1 : 1;
      report({
        start: cell.start,
        end: cell.end,
        message: `任务分解表${rowLabel(row)}在正文中找不到对应任务`,
        unnecessary: true,
        fixes: [lazyFix({ title: '删除此行,并重排其后的序号', auto: false }, () => [...deleteRowEdits(doc, row), ...renumberRows(doc, row.index + 1, first)])],
      });
    }
  },
};

export default rule;
