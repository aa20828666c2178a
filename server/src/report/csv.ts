// CSV that Excel opens correctly: UTF-8 with a BOM (without it Excel reads the bytes in the
// system's ANSI code page and Chinese turns to mojibake), CRLF row ends, RFC 4180 quoting (a field
// holding `,`, `"`, CR or LF is quoted, quotes doubled), a header row first. A text cell that
// starts with = + - @, a tab or CR is a formula to Excel (CSV injection, OWASP): it gets a
// leading `'`, as the usual CSV libraries do, so Excel shows it as text and runs nothing.
// Used by `yaodian tasks --format csv` and the editor's "export the task table" command.

import type { DocumentAnalysis, ParsedDocument } from '../engine';
import { taskRows, tasksByUnit, unitsLabel } from './tasks';

export const BOM = '\ufeff';

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted when it must be; text that Excel would run as a formula is neutralised. */
export function csvField(value: CsvValue): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the header first) as a CSV document: BOM, CRLF after every row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

export const TASK_TABLE_HEADER = ['序号', '任务', '责任单位', '时间节点', '行号'];
export const BY_UNIT_HEADER = ['责任单位', '角色', '时间节点', '行号', '任务'];

/** The task table: one row per task, units with their roles when the roles differ. */
export function taskTableCsv(doc: ParsedDocument, analysis: DocumentAnalysis): string {
  const rows = taskRows(doc, analysis).map((t) => [t.serial, t.text, unitsLabel(t.units), t.time, t.line]);
  return toCsv([TASK_TABLE_HEADER, ...rows]);
}

/** Each unit's tasks, units in order of first appearance; tasks without a unit last, unit empty. */
export function tasksByUnitCsv(doc: ParsedDocument, analysis: DocumentAnalysis): string {
  const { units, withoutUnit } = tasksByUnit(doc, analysis);
  const rows: CsvValue[][] = [BY_UNIT_HEADER];
  for (const u of units) for (const t of u.tasks) rows.push([u.name, t.roleName, t.time, t.line, t.text]);
  for (const t of withoutUnit) rows.push(['', '', t.time, t.line, t.text]);
  return toCsv(rows);
}
