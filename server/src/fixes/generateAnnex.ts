// The task table (任务分解表) generated from the body, in layout B (one row per line, cells
// between bars): what `yaodian annex` prints and the editor's "generate the task table" command
// writes. One row per task sentence, in body order, so the annex rules find every row where they
// expect it:
//   | 序号 | 任务分解 | 责任单位 | 时间节点 |
//   |---|---|---|---|
//   | 1 | 按季度公开财政收支情况。 | 市财政局 | 全年 |
// Units come from the task's inline parenthetical (roles kept when they differ:
// `甲局牵头,乙局配合`), else from the existing annex rows of the task; the time node from the
// inline time key, else the existing row. A category column (一级指标, 类别 …) is written only
// when the existing annex has one, holding the title the category rule expects.

import type { ParsedDocument, Sentence, Unit } from '../document/model';
import type { DocumentAnalysis } from '../analysis/analysis';
import type { TextEdit } from '../core';
import { unitsText } from './table';
import { categoryItemFor } from '../analysis/categories';
import { taskInfos } from '../analysis/tasks';
import { joinLines } from '../document/text';

export interface GeneratedRow {
  serial: number;
  /** The category cell, or null when the table has no category column. */
  category: string | null;
  task: string;
  units: string;
  time: string;
  sentence: Sentence;
}

/** The line break the document uses (its first one), LF for a text without any. */
export function documentEol(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

/**
 * A cell's text: on one line, tabs made spaces, and bars (`|`, full-width `｜`) made `/`, so the
 * cell cannot split the row.
 */
export function cellText(s: string): string {
  return joinLines(s).replace(/\t/g, ' ').replace(/[|\uff5c]/g, '/').trim();
}

/** The rows of the generated table, one per task sentence. */
export function generateAnnexRows(doc: ParsedDocument, analysis: DocumentAnalysis): GeneratedRow[] {
  const comma = analysis.parenWidth === 'full' ? '，' : ',';
  const withCategory = doc.annex?.header.some((c) => c.role === 'category') ?? false;
  return analysis.tasks.map((s, i) => {
    const rows = analysis.rowsOf(s);
    let units: readonly Unit[] = s.unitParen?.units ?? [];
    if (units.length === 0) units = rows.flatMap((r) => r.unitList);
    if (units.length === 0) units = analysis.blanketNoteOf(s)?.units ?? [];
    const inline = s.inlineTime?.text.trim() ?? '';
    const rowTime = rows.map((r) => r.time?.text.trim() ?? '').find((t) => t.length > 0) ?? '';
    return {
      serial: i + 1,
      category: withCategory ? cellText(categoryItemFor(doc, analysis, s.item).title) : null,
      task: cellText(s.content),
      units: cellText(unitsText(units, comma)),
      time: cellText(inline || rowTime),
      sentence: s,
    };
  });
}

/** The header cells: a category column after 序号 only when the existing annex has one. */
export function generatedHeader(doc: ParsedDocument): string[] {
  const category = doc.annex?.header.find((c) => c.role === 'category');
  return ['序号', ...(category ? [cellText(category.name)] : []), '任务分解', '责任单位', '时间节点'];
}

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/**
 * The table in layout B, each line ending with `eol`. For a standalone task table (no body to
 * generate from) it is that table's rows as read: serial, task, units, time.
 */
export function generateAnnexTable(doc: ParsedDocument, analysis: DocumentAnalysis, eol = '\n'): string {
  if (analysis.kind === 'table') {
    const comma = analysis.parenWidth === 'full' ? '，' : ',';
    const header = ['序号', '任务', '责任单位', '时间节点'];
    const lines = [row(header), `|${header.map(() => '---').join('|')}|`];
    for (const t of taskInfos(doc, analysis)) {
      lines.push(row([String(t.row?.serial ?? t.serial), cellText(t.text), cellText(unitsText(t.units, comma)), cellText(t.time ?? '')]));
    }
    return lines.map((l) => l + eol).join('');
  }
  const header = generatedHeader(doc);
  const lines = [row(header), `|${header.map(() => '---').join('|')}|`];
  for (const r of generateAnnexRows(doc, analysis)) {
    lines.push(row([String(r.serial), ...(r.category !== null ? [r.category] : []), r.task, r.units, r.time]));
  }
  return lines.map((l) => l + eol).join('');
}

/** `<plan title>任务分解表`. */
export function annexTitle(doc: ParsedDocument): string {
  const title = doc.title ? cellText(doc.title.text) : '';
  return title.endsWith('任务分解表') ? title : `${title}任务分解表`;
}

/**
 * The edit that puts the generated table into the document: it replaces the existing table (its
 * header to its last row; the `附件` line and title above it are kept), or appends `附件`, the
 * title and the table at the end, after a blank line. Uses the document's own line break.
 */
export function annexEdit(doc: ParsedDocument, analysis: DocumentAnalysis): TextEdit {
  const text = doc.text;
  const eol = documentEol(text);
  const table = generateAnnexTable(doc, analysis, eol);
  const annex = doc.annex;
  if (annex) {
    const start = doc.lines[doc.lineIndex.lineAt(annex.headerRange.start)].start;
    return { start, end: annex.range.end, newText: table.slice(0, table.length - eol.length) };
  }
  const lastBreak = /(?:\r\n|\r|\n)$/.exec(text);
  const endsWithBreak = lastBreak !== null;
  // A blank last line already separates the body from what is appended.
  const endsWithBlank = lastBreak !== null && /(?:^|\r\n|\r|\n)[ \t\u3000]*$/.test(text.slice(0, lastBreak.index));
  const lead = text.length === 0 || endsWithBlank ? '' : endsWithBreak ? eol : eol + eol;
  const body = `附件${eol}${annexTitle(doc)}${eol}${table}`;
  return { start: text.length, end: text.length, newText: lead + (endsWithBreak || text.length === 0 ? body : body.slice(0, body.length - eol.length)) };
}
