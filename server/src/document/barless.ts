// A table copied from a browser or a Word document: every cell on its own line(s), no bars.
// A cell with several paragraphs spans several lines (one unit per line is common), an empty
// cell leaves no line, a header cell may break over two lines (`完成` / `时限`), and a cell merged
// down several rows is printed once. Rows are told apart by a walk over the lines that keeps the
// columns in order: a line that cannot go in a later column of the current row starts a new row,
// and numbered lists (`1、` … `46、`) tell a new row's first cell from a list inside a cell.
//
// What is read here is read with less confidence than a table with bars: the rows' units, times
// and serials are checked, but the table is not compared with the body (the `confident` flag).

import type { AnnexDraft, AnnexRow, Column, ColumnRole, Unit } from './model';
import type { Line } from './text';
import type { ParseMemo } from './memo';
import { isNoise } from './classify';
import { buildRow, headerRole, isSectionRow, looksLikeUnits, spanOf, timeNodeOf, unitsAt, type RawCell, type RowDraft } from './cells';
import { unitColumnRole } from '../lexicon';

/** Longest line that can be a header cell (or half of one broken over two lines). */
const HEADER_CELL_MAX = 12;

/** A numbered line: `12、…`, `3.…` (not `12.4` or a date `2017.10`). */
const NUMBERED = /^(\d{1,4})[、.．](?!\d)/;
/** A note closing the table (`注:主要责任单位第一个为牵头单位`). */
const TABLE_NOTE = /^(?:注|说明|备注)\s*\d?\s*[:：]/;
/** A serial cell: a number alone. */
const SERIAL = /^\d{1,4}$/;

interface HeaderRead {
  columns: Column[];
  /** First line after the header. */
  next: number;
}

/** Header cells one per line, a cell broken over two lines joined (`完成` + `时限`). */
function readHeader(text: string, lines: Line[], trimmed: string[], from: number): HeaderRead | null {
  const columns: Column[] = [];
  let k = from;
  while (k < lines.length) {
    const t = trimmed[k];
    if (t.length === 0 || isNoise(t)) {
      k++;
      continue;
    }
    if (t.length > HEADER_CELL_MAX || t.includes('|') || t.includes('\t')) break;
    const role = headerRole(t);
    if (role !== null) {
      const s = spanOf(text, lines[k]);
      columns.push({ role, name: t.replace(/\s+/g, ''), range: { start: s.start, end: s.end } });
      k++;
      continue;
    }
    // A header cell broken over two lines (`完成` / `时限`), maybe with a blank line between.
    const n = nextFilled(trimmed, k + 1);
    const joined = n < lines.length ? headerRole(t + trimmed[n]) : null;
    if (joined === null) break;
    const a = spanOf(text, lines[k]);
    const b = spanOf(text, lines[n]);
    columns.push({ role: joined, name: (t + trimmed[n]).replace(/\s+/g, ''), range: { start: a.start, end: b.end } });
    k = n + 1;
  }
  const known = columns.filter((c) => c.role !== 'other').length;
  if (known < 3 || !columns.some((c) => c.role === 'task')) return null;
  return { columns, next: k };
}

/** The first line from `k` on that is not blank (lines.length when none). */
function nextFilled(trimmed: readonly string[], k: number): number {
  while (k < trimmed.length && trimmed[k].length === 0) k++;
  return k;
}

/** The header written again after a page break: the same names, one per line. */
function repeatsHeader(text: string, lines: Line[], trimmed: string[], k: number, columns: Column[]): number | null {
  if (trimmed[k].length > HEADER_CELL_MAX || headerRole(trimmed[k]) === null && headerRole(trimmed[k] + (trimmed[nextFilled(trimmed, k + 1)] ?? '')) === null) return null;
  const again = readHeader(text, lines, trimmed, k);
  if (!again || again.columns.length !== columns.length || again.columns.some((c, j) => c.name !== columns[j].name)) return null;
  return again.next;
}

/** How well a line fits a column, in a table without bars (≥ 1: it may go there). */
function fitLine(t: string, role: ColumnRole, numbered: boolean, memo: ParseMemo): number {
  const serial = SERIAL.test(t);
  if (role === 'serial') return serial ? 4 : 0;
  if (serial) return 0;
  const time = t.length <= 30 && timeNodeOf(t, memo) !== null;
  const units = !time && t.length <= 60 && !/[。;；]/.test(t) && looksLikeUnits(t);
  switch (role) {
    case 'task':
      return numbered ? 3 : time || units ? 0 : t.length >= 15 ? 3 : 1.5;
    case 'time':
      return time ? 4 : 0;
    case 'units':
      return units ? 3 : 0;
    case 'category':
      return !time && !units && !numbered && t.length <= 20 ? 1 : 0;
    default:
      return time ? 0 : 1;
  }
}

/** One cell being read: its lines, and the last list number seen in it. */
interface OpenCell {
  lines: number[];
  lastNumber: number | null;
}

/**
 * Reads a table without bars whose header starts at `headerLine`, or null when the lines there
 * are no such header. `startLine` is the `附件` line. A table with no `附件` line before it
 * (`standalone`) must also name a units column: three header names on lines of their own, a
 * task and a units column among them, are then no coincidence of prose.
 */
export function readBarlessTable(
  text: string,
  lines: Line[],
  trimmed: string[],
  headerLine: number,
  startLine: number,
  memo: ParseMemo,
  standalone = false,
): AnnexDraft | null {
  const head = readHeader(text, lines, trimmed, headerLine);
  if (!head) return null;
  if (standalone && !head.columns.some((c) => c.role === 'units')) return null;
  const { columns } = head;
  const m = columns.length;
  const annex: AnnexDraft = {
    layout: 'lines',
    line: startLine,
    range: { start: lines[startLine].start, end: lines[head.next - 1].end },
    title: null,
    header: columns,
    headerRange: { start: columns[0].range.start, end: columns[m - 1].range.end },
    rows: [],
    badLines: [],
    sections: [],
    items: [],
  };
  // The last list number written in each column, across rows: a numbered line that continues a
  // column's numbering starts a new row there (`2、` after `1、` of the row above).
  const lastOfColumn: (number | null)[] = new Array(m).fill(null);
  let cells: (OpenCell | null)[] = new Array(m).fill(null);
  let col = -1;
  let prev: AnnexRow | null = null;
  let above: (RawCell | null)[] = new Array(m).fill(null);
  const flush = (): void => {
    if (col < 0) return;
    const read = toRow(text, lines, trimmed, cells, columns, prev, above, annex.rows.length, memo);
    annex.rows.push(read.row);
    prev = read.row;
    above = read.placed;
    cells = new Array(m).fill(null);
    col = -1;
  };
  const put = (j: number, k: number, n: number | null): void => {
    const c = (cells[j] ??= { lines: [], lastNumber: null });
    c.lines.push(k);
    if (n !== null) {
      c.lastNumber = n;
      lastOfColumn[j] = n;
    }
    col = j;
  };
  let k = head.next;
  for (; k < lines.length; k++) {
    const t = trimmed[k];
    if (t.length === 0 || isNoise(t)) continue;
    if (TABLE_NOTE.test(t)) break;
    // The header again after a page break: not a row, and the row it interrupts goes on.
    const after = repeatsHeader(text, lines, trimmed, k, columns);
    if (after !== null) {
      k = after - 1;
      continue;
    }
    // A section row merged across the columns (`一、着力…`, `(一)围绕…`): the table's own heading.
    if (isSectionRow(t)) {
      flush();
      annex.sections.push(spanOf(text, lines[k]));
      continue;
    }
    const nm = NUMBERED.exec(t);
    const n = nm ? Number(nm[1]) : null;
    // A serial alone starts a row.
    if (SERIAL.test(t) && columns[0].role === 'serial') {
      flush();
      put(0, k, null);
      continue;
    }
    if (n !== null) {
      // The list inside the current cell goes on.
      const here = col >= 0 ? cells[col] : null;
      if (here && here.lastNumber !== null && n === here.lastNumber + 1 && fitLine(t, columns[col].role, true, memo) >= 1) {
        put(col, k, n);
        continue;
      }
      // The numbering of an earlier column goes on: a new row, starting there.
      const cont = lastOfColumn.findIndex((v, j) => v !== null && v + 1 === n && j <= col);
      if (cont >= 0) {
        flush();
        put(cont, k, n);
        continue;
      }
    }
    // A later column of this row; a units cell goes on over several lines, unless the next
    // column takes units too (牵头单位 then 责任单位): then the next line is that column's.
    if (col >= 0 && columns[col].role === 'units' && fitLine(t, 'units', false, memo) >= 1) {
      put(col + 1 < m && columns[col + 1].role === 'units' ? col + 1 : col, k, n);
      continue;
    }
    let j = col + 1;
    while (j < m && fitLine(t, columns[j].role, n !== null, memo) < 1) j++;
    if (j < m) {
      put(j, k, n);
      continue;
    }
    // Nothing later fits: a new row, at the first column the line fits (earlier ones merged).
    flush();
    j = 0;
    while (j < m && fitLine(t, columns[j].role, n !== null, memo) < 1) j++;
    if (j === m) {
      annex.badLines.push(spanOf(text, lines[k]));
      continue;
    }
    put(j, k, n);
  }
  flush();
  const last = annex.rows.length ? annex.rows[annex.rows.length - 1] : null;
  if (last) annex.range.end = Math.max(annex.range.end, last.range.end);
  // Too few rows to be sure it is a table at all.
  return annex.rows.length >= 2 ? annex : null;
}

/** The row from its open cells: each cell from its first to its last line. */
function toRow(
  text: string,
  lines: Line[],
  trimmed: string[],
  cells: (OpenCell | null)[],
  columns: Column[],
  prev: AnnexRow | null,
  above: (RawCell | null)[],
  index: number,
  memo: ParseMemo,
): { row: RowDraft; placed: (RawCell | null)[] } {
  const placed: (RawCell | null)[] = cells.map((c) => {
    if (!c) return null;
    const a = spanOf(text, lines[c.lines[0]]);
    const b = spanOf(text, lines[c.lines[c.lines.length - 1]]);
    return { start: a.start, end: b.end, text: text.slice(a.start, b.end), present: true, line: c.lines[0] };
  });
  // Merged cells (serial, task, category) printed once: carried down from the row above.
  for (let j = 0; j < columns.length; j++) {
    const role = columns[j].role;
    const a = above[j];
    if (placed[j] || !a || (role !== 'serial' && role !== 'task' && role !== 'category')) continue;
    placed[j] = { start: a.start, end: a.end, text: a.text, present: false, line: a.line };
  }
  const row = buildRow(placed, [], columns, prev, index, false, memo);
  // The row's own line range: only the lines written in it.
  const own = cells.filter((c): c is OpenCell => c !== null);
  const firstLine = Math.min(...own.map((c) => c.lines[0]));
  const lastLine = Math.max(...own.map((c) => c.lines[c.lines.length - 1]));
  row.line = firstLine;
  row.endLine = lastLine;
  row.range = { start: spanOf(text, lines[firstLine]).start, end: spanOf(text, lines[lastLine]).end };
  // The row's task is its finest task cell: the last task column written in this row.
  for (let j = columns.length - 1; j >= 0; j--) {
    if (columns[j].role === 'task' && placed[j]?.present) {
      row.task = placed[j];
      break;
    }
  }
  // Units one per line: each line is a list of its own. With two unit columns (牵头单位, 责任单位)
  // and only one cell written, the empty one left no line: which column it is cannot be told,
  // so its units get no lead or support role.
  const unitList: Unit[] = [];
  const unitColumns = columns.filter((c) => c.role === 'units').length;
  const written = columns.filter((c, j) => c.role === 'units' && cells[j] !== null).length;
  for (let j = 0; j < columns.length; j++) {
    const c = cells[j];
    if (!c || columns[j].role !== 'units') continue;
    const role = unitColumns > 1 && written === 1 ? 'responsible' : unitColumnRole(columns[j].name);
    for (const li of c.lines) {
      const s = spanOf(text, lines[li]);
      if (trimmed[li].length > 0) unitList.push(...unitsAt(s.text, s.start, role, memo));
    }
  }
  row.unitList = unitList;
  return { row, placed };
}
