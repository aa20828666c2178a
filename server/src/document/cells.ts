// Cells and rows of a task table, whatever its layout: header names, a cell's text and range,
// what a cell holds (a serial, units, a time node), and building a row from cells placed in
// columns. The readers of each layout (annex.ts, barless.ts) share these.

import type { AnnexRow, Cell, Column, ColumnRole, Draft, Span, TimeNode, Unit, UnitRole } from './model';
import { foldWidth, skipSpaces, trimEndIndex, type Line } from './text';
import { findTimeMentions, parseTimeNode } from './time';
import { parseUnitList } from './units';
import type { ParseMemo } from './memo';
import { HEADER_NAMES, OTHER_HEADER_NAMES, unitColumnRole } from '../lexicon';

/** The role of a header cell, or null when it is no known header name. */
export function headerRole(cell: string): ColumnRole | null {
  // Spaces inside a name and a note in brackets (`责任单位(部门)`, `完成时限(年月)`) do not change it.
  const name = cell.replace(/[\s*]/g, '').replace(/[(（][^()（）]{1,8}[)）]$/, '');
  if (name.length === 0 || name.length > 12) return null;
  for (const role of Object.keys(HEADER_NAMES) as (keyof typeof HEADER_NAMES)[]) {
    if (HEADER_NAMES[role].includes(name)) return role;
  }
  if (OTHER_HEADER_NAMES.includes(name)) return 'other';
  return null;
}

/** A cell as read from the text: it is the row's Cell itself (present), no copy is made. */
export interface RawCell extends Cell {
  line: number;
}

export function spanOf(text: string, line: Line): Span {
  const f = line.folded;
  let s = 0;
  let e = f.length;
  s = skipSpaces(f, s, e);
  e = trimEndIndex(f, s, e);
  return { start: line.start + s, end: line.start + e, text: text.slice(line.start + s, line.start + e) };
}

/** The cell f[a, b) of a line (f: the line's folded text), without its surrounding spaces and tabs. */
export function trimCell(text: string, f: string, line: Line, a: number, b: number): RawCell {
  const s = cellStart(f, a, b);
  return rawCell(text, line, s, cellEnd(f, s, b));
}

/** Where the cell f[a, b) starts once its leading spaces and tabs are skipped. */
export function cellStart(f: string, a: number, b: number): number {
  let s = a;
  // Char codes: cheaper than comparing one-character strings, and this runs on every cell.
  while (s < b && isCellPadding(f.charCodeAt(s))) s++;
  return s;
}

/** Where the cell f[s, b) ends without its trailing spaces and tabs. */
export function cellEnd(f: string, s: number, b: number): number {
  let e = b;
  while (e > s && isCellPadding(f.charCodeAt(e - 1))) e--;
  return e;
}

/** The cell f[s, e) of a line, already trimmed. */
export function rawCell(text: string, line: Line, s: number, e: number): RawCell {
  return { start: line.start + s, end: line.start + e, text: text.slice(line.start + s, line.start + e), present: true, line: line.index };
}

/** A space or a tab: what trimCell strips around a cell. */
function isCellPadding(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * A section row between a table's rows (`一、知识产权保护方面(共5项)`, `(一)围绕…`): short, no
 * sentence end, opening with a Chinese-numbered marker or a part name. `t`: trimmed, folded.
 */
export function isSectionRow(t: string): boolean {
  return t.length <= 60 && !/[。;]$/.test(t) && /^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百]+\)|第[一二三四五六七八九十百]+[部分章节])/.test(t);
}

// A serial is a number of either width (`3`, `３`, as a full-width conversion writes it).
const SERIAL = /^[0-9\uff10-\uff19]{1,5}$/;

/** True when a cell's text is a serial number; in layout A such a cell starts a new row. */
export function isSerialText(t: string): boolean {
  return SERIAL.test(t);
}

/**
 * The units of a unit cell at `start`: unit cells repeat (区政府各部门、各街镇 …), so each text is
 * parsed once per parse and role (in the memo) and the result rebased on the cell's offset.
 */
export function unitsAt(text: string, start: number, role: UnitRole, memo: ParseMemo): Unit[] {
  const byText = memo.units[role];
  let parsed = byText.get(text);
  if (parsed === undefined) {
    parsed = parseUnitList(text, 0, role);
    byText.set(text, parsed);
  }
  // Sized up front: a list grown by push keeps room for 17 units, and there is one per row.
  const out = new Array<Unit>(parsed.length);
  for (let i = 0; i < parsed.length; i++) {
    const u = parsed[i];
    out[i] = { text: u.text, start: u.start + start, end: u.end + start, name: u.name, role: u.role };
  }
  return out;
}

/** Every time node has one of these: cells without them are not parsed as times at all. */
const MAY_BE_TIME = /[年月季日]|长期|持续|常态|每|按/;

/**
 * The time node of a cell, or null. Time cells repeat (全年, 上半年 …): each text is parsed once
 * per parse (in the memo). Nodes are never modified after parsing, so rows may share them.
 */
export function timeNodeOf(text: string, memo: ParseMemo): TimeNode | null {
  const t = text.trim();
  if (!MAY_BE_TIME.test(t)) return null;
  let node = memo.times.get(t);
  if (node === undefined) {
    node = parseTimeNode(t) ?? describedTime(t);
    memo.times.set(t, node);
  }
  return node;
}

/**
 * A time cell written as a phrase (`2021年2月公布预算信息,2021年8月公布上年度决算信息`): the months
 * its time mentions name, when it names any. Not a node a drafter should write, but readable.
 */
function describedTime(t: string): TimeNode | null {
  if (t.length <= 8) return null;
  const mentions = findTimeMentions(t, 0);
  if (mentions.length === 0) return null;
  return { text: t, parts: mentions.flatMap((m) => m.node.parts), wholeYear: mentions.every((m) => m.node.wholeYear) };
}

const UNIT_SUFFIX = /(局|委|办|室|处|科|部|厅|院|会|中心|政府|街道|镇|乡|单位|部门|公司|集团|队|所|站|馆|团|社|支队|大队|分局|管委会|街镇|各区|各县)$/;

export function looksLikeUnits(t: string): boolean {
  const names = t.split(/[、,，;；]/).map((s) => s.replace(/\s+/g, '').replace(/(牵头|配合|负责|参与|落实)+$/, ''));
  return names.length > 0 && names.every((n) => n.length > 0 && n.length <= 30 && UNIT_SUFFIX.test(n));
}

/** A row while it is read: its cells set column by column; lists it shares (no extra cells, units carried down) stay read-only. */
export type RowDraft = Omit<Draft<AnnexRow>, 'extraCells' | 'unitList'> & { extraCells: readonly Cell[]; unitList: readonly Unit[] };

/** Shared by the rows without extra cells (nearly all): one empty list, never modified. */
const NO_CELLS: readonly RawCell[] = Object.freeze([]);

export function buildRow(
  placed: (RawCell | null)[],
  extra: RawCell[],
  header: readonly Column[],
  prev: AnnexRow | null,
  index: number,
  positional: boolean,
  memo: ParseMemo,
): RowDraft {
  // Plain loops and no closures: this runs once per row, thousands of times, mostly cold (a
  // closure here cost a function and its context for every row).
  let lineOf = Infinity;
  let endLine = -1;
  let start = Infinity;
  let end = -1;
  let present = 0;
  const cellCount = placed.length + extra.length;
  for (let k = 0; k < cellCount; k++) {
    const c = k < placed.length ? placed[k] : extra[k - placed.length];
    if (c === null) continue;
    present++;
    if (c.line < lineOf) lineOf = c.line;
    if (c.line > endLine) endLine = c.line;
    if (c.start < start) start = c.start;
    if (c.end > end) end = c.end;
  }
  let extraCells: readonly RawCell[] = NO_CELLS;
  for (let k = 0; k < extra.length; k++) {
    // Empty leftovers are the export's trailing `|` of a merged row: part of the row, not extra.
    if (extra[k].text.length > 0) extraCells = extraCells === NO_CELLS ? [extra[k]] : [...extraCells, extra[k]];
  }
  const row: RowDraft = {
    index,
    serial: null,
    serialCell: null,
    task: null,
    units: null,
    unitList: [],
    time: null,
    timeNode: null,
    categories: [],
    line: present ? lineOf : 0,
    endLine: present ? endLine : 0,
    range: present ? { start, end } : { start: 0, end: 0 },
    extraCells,
  };
  // A row whose serial and first task cells are both empty continues the row above: cells merged
  // down, which Word and web exports print as empty cells (`|  |  | 开展… | 宣传处 |`). Its empty
  // cells hold the values above. (An empty serial beside a task of its own is a missing serial.)
  // Likewise a row with fewer cells whose serial and task are both merged from above (a task
  // split over several unit rows, as Word tables draw it): no cell of its own in either column.
  let continues = false;
  if (prev && prev.serialCell) {
    let serial = -1;
    let task = -1;
    for (let k = 0; k < header.length; k++) {
      if (serial < 0 && header[k].role === 'serial') serial = k;
      else if (task < 0 && header[k].role === 'task') task = k;
    }
    continues = noCellAt(placed, serial, positional) && noCellAt(placed, task, positional);
  }
  let categoryIndex = 0;
  for (let k = 0; k < header.length; k++) {
    const col = header[k];
    let cell: Cell | null = placed[k];
    if (continues && prev && (!cell || cell.text.length === 0)) {
      // Unit cells are carried below, all together: the row above keeps no cell per unit column.
      const above = col.role === 'serial' ? prev.serialCell : col.role === 'task' ? prev.task : col.role === 'time' ? prev.time : null;
      if (above && above.text.length > 0) cell = carriedCell(above);
    }
    if (col.role === 'category') {
      const above = prev ? prev.categories[categoryIndex] : undefined;
      // A merged category: no cell here (layout A) or an empty cell (a Word paste): carry it down.
      if ((!cell || (positional && cell.text.length === 0)) && above) cell = carriedCell(above);
      if (cell) row.categories.push(cell);
      categoryIndex++;
      continue;
    }
    if (!cell && !positional && prev) {
      const carried = col.role === 'units' ? prev.units : col.role === 'time' ? prev.time : null;
      if (carried) cell = carriedCell(carried);
    }
    switch (col.role) {
      case 'serial':
        row.serialCell = cell;
        row.serial = cell && SERIAL.test(cell.text) ? Number(foldWidth(cell.text)) : null;
        break;
      case 'task':
        if (!row.task) row.task = cell;
        break;
      case 'units':
        if (!row.units) row.units = cell;
        if (cell) {
          const list = unitsAt(cell.text, cell.start, unitColumnRole(col.name), memo);
          row.unitList = row.unitList.length === 0 ? list : row.unitList.concat(list);
        }
        break;
      case 'time':
        if (!row.time) {
          row.time = cell;
          row.timeNode = cell && cell.text.length > 0 ? timeNodeOf(cell.text, memo) : null;
        }
        break;
      default:
        break;
    }
  }
  if (continues && prev && row.unitList.length === 0 && (!row.units || row.units.text.length === 0) && prev.units) {
    row.units = carriedCell(prev.units);
    row.unitList = prev.unitList;
  }
  return row;
}

/** Column k has no cell (merged from above), or, placed by position, an empty one. */
function noCellAt(placed: readonly (RawCell | null)[], k: number, positional: boolean): boolean {
  if (k < 0) return false;
  const c = placed[k];
  return c === null || (positional && c.text.length === 0);
}

/** A merged cell's value carried down from the row above: same text and range, not present here. */
function carriedCell(c: Cell): Cell {
  return { start: c.start, end: c.end, text: c.text, present: false };
}
