// annex-missing-row: body tasks that no annex row covers. One finding per run of consecutive
// uncovered task sentences of one item. Fix: insert a row for them after the row of the nearest
// preceding covered task (or before the first row), written in the table's own layout, and
// renumber the serials after it.

import type { AnnexRow, Column, ParsedDocument, Sentence, Unit } from '../document/model';
import type { DocumentAnalysis } from '../analysis/analysis';
import type { Fix, Rule, TextEdit } from './types';
import { unitColumnRole } from '../lexicon';
import { textKey } from '../document/text';
import { bodyText, lineBreakAt, renumberRows, unitsText } from '../fixes/table';
import { lazyFix } from '../core';
import { categoryItemFor } from '../analysis/categories';

function quote(s: string, max = 20): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** The role a unit column stands for (`牵头单位` → lead), null for a plain `责任单位`. */
function columnRole(col: Column): Unit['role'] | null {
  const role = unitColumnRole(col.name);
  return role === 'responsible' ? null : role;
}

/** The cells of the new row, one per header column; null for a category merged with the row above. */
function rowCells(doc: ParsedDocument, analysis: DocumentAnalysis, run: Sentence[], serial: number, after: AnnexRow | null): (string | null)[] {
  const annex = doc.annex!;
  const units: Unit[] = [];
  for (const s of run) for (const u of s.unitParen?.units ?? []) units.push(u);
  const comma = analysis.parenWidth === 'full' ? '，' : ',';
  const unitColumns = annex.header.filter((c) => c.role === 'units');
  const category = categoryItemFor(doc, analysis, run[0].item).title;
  // Layout A merges a category over the rows of one chapter: join the group above.
  const merge = annex.layout === 'cells' && after !== null && after.categories[0] !== undefined && textKey(after.categories[0].text) === textKey(category);
  let seenTask = false;
  let seenCategory = false;
  return annex.header.map((col): string | null => {
    switch (col.role) {
      case 'serial':
        return String(serial);
      case 'task':
        if (seenTask) return '';
        seenTask = true;
        return bodyText(run);
      case 'category':
        if (seenCategory) return '';
        seenCategory = true;
        return merge ? null : category;
      case 'units': {
        if (unitColumns.length === 1) return unitsText(units, comma);
        // Separate 牵头/配合 columns: each gets the names of its role, the first the rest.
        const role = columnRole(col);
        const first = col === unitColumns[0];
        const taken = new Set(unitColumns.map(columnRole).filter((r) => r !== null));
        return unitsText(
          units.filter((u) => u.role === role || (first && !taken.has(u.role))),
          comma,
        );
      }
      default:
        return '';
    }
  });
}

/** The new row as text lines, in the table's layout, modelled on a row of the table. */
function rowLines(doc: ParsedDocument, cells: (string | null)[], model: AnnexRow): string[] {
  const annex = doc.annex!;
  const kept = cells.filter((c): c is string => c !== null);
  if (annex.layout === 'cells') return kept.map((c) => (c ? `${c} |` : '|'));
  if (annex.layout === 'tabs') return [kept.join('\t')];
  if (annex.layout === 'spaces') return [kept.join('    ')];
  const line = doc.lines[model.line].text;
  const indent = /^[ \t\u3000]*/.exec(line)?.[0] ?? '';
  const t = line.trim();
  const spaced = /\|[ \u3000]/.test(t) || /[ \u3000]\|/.test(t);
  const sep = spaced ? ' | ' : '|';
  const lead = t.startsWith('|') ? (spaced ? '| ' : '|') : '';
  const trail = t.endsWith('|') ? (spaced ? ' |' : '|') : '';
  return [indent + lead + kept.join(sep) + trail];
}

function insertFix(doc: ParsedDocument, analysis: DocumentAnalysis, run: Sentence[], after: AnnexRow | null): Fix | null {
  const annex = doc.annex!;
  const rows = annex.rows;
  if (rows.length === 0) return null;
  const serial = after ? (after.serial ?? after.index + 1) + 1 : 1;
  const title = after ? `在任务分解表第${after.index + 1}行之后插入此任务` : '在任务分解表开头插入此任务';
  return lazyFix({ title, auto: false }, () => {
    const cells = rowCells(doc, analysis, run, serial, after);
    const lines = rowLines(doc, cells, after ?? rows[0]);
    // After the row's last line, or after the line before the first row.
    const anchorLine = after ? after.endLine : rows[0].line - 1;
    const at = doc.lines[anchorLine].end;
    const eol = lineBreakAt(doc.text, at);
    const edits: TextEdit[] = [{ start: at, end: at, newText: eol + lines.join(eol) }];
    edits.push(...renumberRows(doc, after ? after.index + 1 : 0, serial + 1));
    return edits;
  });
}

const rule: Rule = {
  meta: {
    id: 'annex-missing-row',
    defaultSeverity: 'error',
    title: '任务分解表缺行',
    titleEn: 'Body task missing from the annex',
    description: '正文中的任务在任务分解表中没有对应行',
    descriptionEn: 'A body task has no row in the annex task table',
    fixable: 'manual',
    category: 'annex',
    docs: { fix: '否（编辑器提供快速修复：插入一行）' },
  },
  check({ doc, analysis, report }) {
    const annex = doc.annex;
    // An empty table (a header only) is still being written: nothing to compare with.
    if (!annex || annex.rows.length === 0 || !analysis.alignment) return;
    // Runs of consecutive tasks of one item that no row covers, each with the row before it.
    const runs: { run: Sentence[]; after: AnnexRow | null }[] = [];
    let after: AnnexRow | null = null;
    let open: Sentence[] = [];
    let waiting = 0;
    /** Reports the runs found since the last covered task; `next`: the row of the task after them. */
    const flush = (next: AnnexRow | null): void => {
      if (open.length > 0) runs.push({ run: open, after });
      open = [];
      for (; waiting < runs.length; waiting++) {
        const { run, after: before } = runs[waiting];
        // annex-structure names a line of the table it could not read: a row missing there would be a guess.
        const from = before ? before.range.end : annex.headerRange.end;
        const to = next ? next.range.start : annex.range.end;
        if (annex.badLines.some((b) => b.start >= from && b.start < to)) continue;
        const first = run[0];
        const last = run[run.length - 1];
        const line = doc.lineIndex.lineAt(first.start) + 1;
        const fix = insertFix(doc, analysis, run, before);
        report({
          start: first.start,
          end: last.end,
          message: `任务分解表中缺少此项任务:正文第${line}行的“${quote(bodyText(run))}”在附件中没有对应行`,
          fixes: fix ? [fix] : [],
        });
      }
    };
    for (const s of analysis.tasks) {
      const rows = analysis.rowsOf(s);
      if (rows.length > 0) {
        flush(rows.reduce((a, b) => (b.index < a.index ? b : a)));
        // The row of the nearest preceding task (its last one, when several cover it).
        after = rows.reduce((a, b) => (b.index > a.index ? b : a));
        continue;
      }
      const prev = open[open.length - 1];
      if (prev && (prev.item !== s.item || prev.index + 1 !== s.index)) {
        runs.push({ run: open, after });
        open = [];
      }
      open.push(s);
    }
    flush(null);
  },
};

export default rule;
