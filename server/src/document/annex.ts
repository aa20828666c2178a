// The annex task table (任务分解表): where it starts, its header, and its rows in the layouts
// with separators: A a cell per line ending with ` |` (`cells`), B one row per line with bars
// (`pipes`), C tab-separated (`tabs`), columns aligned with spaces (`spaces`). A table without
// separators is read by barless.ts. Columns are known by header name; in layout A and in rows
// with merged cells, cells are placed by content.

import type { AnnexDraft, AnnexLayout, AnnexRow, Column, ColumnRole, Span } from './model';
import { skipSpaces, trimEndIndex, type Line } from './text';
import type { ParseMemo } from './memo';
import { isAnnexStart, isNoise } from './classify';
import { readBarlessTable } from './barless';
import { buildRow, cellEnd, cellStart, headerRole, isSectionRow, isSerialText, looksLikeUnits, rawCell, spanOf, timeNodeOf, trimCell, type RawCell } from './cells';

/** How many non-blank, non-noise lines after a `附件` line the header may be. */
const HEADER_LOOKAHEAD = 6;

/** Finds and reads the annex table, or null when the document has none. */
export function findAnnex(text: string, lines: Line[], trimmed: string[], memo: ParseMemo): AnnexDraft | null {
  // A `附件` line followed within a few lines by a header starts the annex, unless another
  // `附件` line comes first (then the first one was only a reference at the end of the body).
  for (let i = 0; i < lines.length; i++) {
    if (!isAnnexStart(trimmed[i])) continue;
    let seen = 0;
    let title: Span | null = null;
    for (let j = i + 1; j < lines.length && seen < HEADER_LOOKAHEAD; j++) {
      const t = trimmed[j];
      if (t.length === 0 || isNoise(t)) continue;
      if (isAnnexStart(t)) break;
      const annex = readTable(text, lines, trimmed, j, i, memo) ?? readBarlessTable(text, lines, trimmed, j, i, memo);
      if (annex) {
        annex.title = title;
        return annex;
      }
      if (!title && !t.includes('|') && !t.includes('\t')) title = spanOf(text, lines[j]);
      seen++;
    }
  }
  // No `附件` line: a table header typed straight into the document still starts the annex.
  for (let j = 0; j < lines.length; j++) {
    const t = trimmed[j];
    if (!t.includes('|') && !t.includes('\t')) continue;
    const annex = readTable(text, lines, trimmed, j, j, memo, true);
    if (annex) return annex;
  }
  // A standalone table copied from a browser, header cells one per line, maybe under its title.
  for (let j = 0; j < lines.length; j++) {
    const t = trimmed[j];
    if (t.length === 0 || t.length > 12 || headerRole(t) === null) continue;
    let above = j - 1;
    while (above >= 0 && trimmed[above].length === 0) above--;
    const titled = above >= 0 && TABLE_TITLE.test(trimmed[above]);
    const annex = readBarlessTable(text, lines, trimmed, j, titled ? above : j, memo, true);
    if (annex) {
      if (titled) annex.title = spanOf(text, lines[above]);
      return annex;
    }
  }
  return null;
}

/** A table's title line (`2018年政务公开工作主要任务分解表`, `…重点任务台账`). */
const TABLE_TITLE = /(?:表|台账|清单)$/;

function readTable(
  text: string,
  lines: Line[],
  trimmed: string[],
  headerLine: number,
  startLine: number,
  memo: ParseMemo,
  strict = false,
): AnnexDraft | null {
  const first = trimmed[headerLine];
  // A header typed with runs of spaces between its names (`序号  任务分解  责任单位  时间节点`).
  const spaced = !strict && !first.includes('\t') && !first.includes('|') && SPACE_RUN.test(first);
  // Or with single spaces (`序号 任务分解 责任单位 时间节点`) after a `附件` line: every word a header
  // name. A row is read when it has a word per column; any other line with a space in it is a
  // line of the table that cannot be read (annex-structure), never body text to renumber.
  const words = !strict && !spaced && !first.includes('\t') && !first.includes('|') && WORD_GAP.test(first);
  const tabs = first.includes('\t') || spaced || words;
  if (!tabs && !first.includes('|')) return null;
  const headerCells = words ? splitWords(text, lines[headerLine]) : spaced ? splitSpaces(text, lines[headerLine]) : tabs ? splitTabs(text, lines[headerLine]) : splitBars(text, lines[headerLine]);
  if ((spaced || words) && headerCells.length < 3) return null;
  // Word and Excel add trailing tabs after the last header cell.
  while (headerCells.length > 1 && headerCells[headerCells.length - 1].text.length === 0) headerCells.pop();
  if (!headerCells.every((c) => headerRole(c.text) !== null)) return null;
  let header = headerCells;
  let next = headerLine + 1;
  let multiLine = false;
  if (!tabs) {
    // Layout A spreads the header over several lines: `序号 | 任务分解 |`, `责任单位 |`, …
    for (; next < lines.length; next++) {
      const t = trimmed[next];
      if (t.length === 0 || isNoise(t)) continue;
      if (!t.endsWith('|')) break;
      const cells = splitBars(text, lines[next]);
      if (cells.length === 0 || !cells.every((c) => headerRole(c.text) !== null)) break;
      header = header.concat(cells);
      multiLine = true;
    }
  }
  const columns: Column[] = header.map((c) => ({ role: headerRole(c.text) as ColumnRole, name: c.text, range: { start: c.start, end: c.end } }));
  const hasTask = columns.some((c) => c.role === 'task');
  const known = columns.filter((c) => c.role !== 'other').length;
  if (!hasTask || known < (strict ? 3 : 2)) return null;

  let layout: AnnexLayout;
  if (spaced || words) layout = 'spaces';
  else if (tabs) layout = 'tabs';
  else if (multiLine) layout = 'cells';
  else {
    // One header line: pipes, unless the data lines carry one or two cells each (layout A).
    let dataCells = 0;
    for (let k = next; k < lines.length; k++) {
      const t = trimmed[k];
      if (t.length === 0 || isNoise(t) || isSeparatorLine(t) || isBarsOnly(t) || (!t.includes('|') && isSectionRow(t))) continue;
      dataCells = splitBars(text, lines[k]).length;
      break;
    }
    // No data line yet (a table being typed): pipes, the layout drafters type.
    layout = dataCells > 0 && dataCells * 2 <= columns.length ? 'cells' : 'pipes';
  }

  const annex: AnnexDraft = {
    layout,
    line: startLine,
    range: { start: lines[startLine].start, end: lines[headerLine].end },
    title: null,
    header: columns,
    headerRange: { start: header[0].start, end: header[header.length - 1].end },
    rows: [],
    badLines: [],
    sections: [],
    items: [],
  };
  if (layout === 'cells') readCellRows(text, lines, trimmed, next, annex, memo);
  else readLineRows(text, lines, trimmed, next, annex, memo, words);
  return annex;
}

function isSeparatorLine(t: string): boolean {
  return /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(t);
}

/** Cells of a line split at bars; the empty edges of `| a | b |` are dropped, a lone `|` is one empty cell. */
export function splitBars(text: string, line: Line): RawCell[] {
  const f = line.folded;
  // One pass of indexOf, not a loop over every character: the annex is most of a large
  // document's lines. (Counting the bars first to size the list, with lastIndexOf, cost five
  // times this on a large table for the memory it saved.)
  const cells: RawCell[] = [];
  let bar = f.indexOf('|');
  const firstBar = bar;
  let from = 0;
  for (;;) {
    const to = bar < 0 ? f.length : bar;
    const s = cellStart(f, from, to);
    // The pieces before the first bar and after the last one are edges: kept only when not empty.
    if (s < to || (from !== 0 && bar >= 0)) cells.push(rawCell(text, line, s, cellEnd(f, s, to)));
    if (bar < 0) break;
    from = bar + 1;
    bar = f.indexOf('|', from);
  }
  // `|` alone: one empty cell (the export's trailing cell of a merged row).
  if (cells.length === 0 && firstBar >= 0) cells.push(trimCell(text, f, line, firstBar, firstBar));
  return cells;
}

/** Two or more spaces (or a tab) between two non-space characters: a column gap. */
const SPACE_RUN = /\S(?: {2,}|\t)\S/;

/** A space between two words (half- or full-width). */
const WORD_GAP = /\S[ \u3000]+\S/;

/** Cells of a line whose cells are separated by single spaces: split at every run of spaces. */
function splitWords(text: string, line: Line): RawCell[] {
  return splitAt(text, line, /[ \u3000]+/g);
}

/** Cells of a line aligned with spaces: split at runs of two or more spaces. */
function splitSpaces(text: string, line: Line): RawCell[] {
  return splitAt(text, line, / {2,}|\t+/g);
}

/** The non-empty cells of a line between the matches of `gap` (a global pattern). */
function splitAt(text: string, line: Line, gap: RegExp): RawCell[] {
  const f = line.folded;
  const cells: RawCell[] = [];
  let from = 0;
  for (let m = gap.exec(f); m !== null; m = gap.exec(f)) {
    if (m.index > from) cells.push(trimCell(text, f, line, from, m.index));
    from = m.index + m[0].length;
  }
  if (from < f.length) cells.push(trimCell(text, f, line, from, f.length));
  return cells.filter((c) => c.text.length > 0);
}

function splitTabs(text: string, line: Line): RawCell[] {
  const f = line.folded;
  const cells: RawCell[] = [];
  let from = 0;
  for (let i = 0; i <= f.length; i++) {
    if (i === f.length || f[i] === '\t') {
      cells.push(trimCell(text, f, line, from, i));
      from = i + 1;
    }
  }
  return cells;
}

/** Layout A: a stream of cells, a new row at each serial number; cells placed by content. */
function readCellRows(text: string, lines: Line[], trimmed: string[], from: number, annex: AnnexDraft, memo: ParseMemo): void {
  // Each row is placed as soon as the next one starts, so its cell list dies young. No closure
  // here: the loop runs once per line of the table, and variables a closure shares live in a
  // heap context, read and written on every cell.
  let row: RawCell[] = [];
  let prev: AnnexRow | null = null;
  let lastLine = from - 1;
  for (let k = from; k < lines.length; k++) {
    const t = trimmed[k];
    if (t.length === 0 || isNoise(t)) continue;
    let cells: RawCell[];
    if (t.includes('|')) {
      cells = splitBars(text, lines[k]);
    } else {
      // A cell of several paragraphs (or broken at a page's margin): its first lines carry no
      // bar, the line that ends it does. Anything else without a bar ends the table.
      const end = row.length > 0 ? cellContinuedTo(trimmed, k) : -1;
      if (end < 0) break;
      cells = splitBars(text, lines[end]);
      const firstBar = lines[end].start + lines[end].folded.indexOf('|');
      const own = cells.length > 0 && cells[0].start < firstBar ? cells.shift()! : null;
      const start = lines[k].start + skipSpaces(lines[k].folded);
      // Without text before its bar, the cell ends on its last line with text (blank and page lines skipped).
      let last = end - 1;
      while (last > k && (trimmed[last].length === 0 || isNoise(trimmed[last]))) last--;
      const stop = own ? own.end : lines[last].start + trimEndIndex(lines[last].folded, 0, lines[last].folded.length);
      cells.unshift({ start, end: stop, text: text.slice(start, stop), present: true, line: k });
      k = end;
    }
    lastLine = k;
    for (let ci = 0; ci < cells.length; ci++) {
      const c = cells[ci];
      if (row.length > 1 && isSerialText(c.text)) {
        prev = placeCells(row, annex.header, prev, annex.rows.length, memo);
        annex.rows.push(prev);
        row = [];
      }
      row.push(c);
    }
  }
  if (row.length > 0) annex.rows.push(placeCells(row, annex.header, prev, annex.rows.length, memo));
  if (lastLine >= from) annex.range.end = lines[lastLine].end;
}

/** How many lines without a bar one cell of layout A may span before its last line. */
const CELL_LINES = 8;

/**
 * The line that ends a cell begun on line `k` (a line with a bar, within a few lines, with only
 * lines of text before it that could not start anything else), or -1.
 */
function cellContinuedTo(trimmed: readonly string[], k: number): number {
  for (let j = k, seen = 0; j < trimmed.length && seen <= CELL_LINES; j++) {
    const t = trimmed[j];
    if (t.length === 0 || isNoise(t)) continue;
    if (t.includes('|')) return j;
    if (isAnnexStart(t) || isSectionRow(t) || isSerialText(t)) return -1;
    seen++;
  }
  return -1;
}

/** How many lines ahead a section row (`一、知识产权保护方面(共5项)`) may look for the next row. */
const SECTION_LOOKAHEAD = 3;

/**
 * Layouts B and C: one row per line. Complete rows place cells by position; rows with fewer
 * cells (a merged cell printed once) are placed by content, like layout A. Lines of bars only,
 * repeated header rows and section rows between rows are part of the table, not rows.
 */
function readLineRows(text: string, lines: Line[], trimmed: string[], from: number, annex: AnnexDraft, memo: ParseMemo, words = false): void {
  const spaced = annex.layout === 'spaces';
  const tabs = annex.layout === 'tabs' || spaced;
  const isRowLine = (t: string): boolean => (words ? WORD_GAP.test(t) : spaced ? SPACE_RUN.test(t) : tabs ? t.includes('\t') : t.includes('|'));
  const split = (line: Line): RawCell[] => (words ? splitWords(text, line) : spaced ? splitSpaces(text, line) : tabs ? splitTabs(text, line) : splitBars(text, line));
  let prev: AnnexRow | null = null;
  for (let k = from; k < lines.length; k++) {
    const t = trimmed[k];
    if (t.length === 0 || isNoise(t) || (!tabs && (isSeparatorLine(t) || isBarsOnly(t)))) continue;
    if (!isRowLine(t)) {
      if (isSectionRow(t) && nextRowWithin(trimmed, k + 1, isRowLine)) {
        annex.sections.push(spanOf(text, lines[k]));
        annex.range.end = lines[k].end;
        continue;
      }
      break;
    }
    annex.range.end = lines[k].end;
    const cells = split(lines[k]);
    const filled = cells.filter((c) => c.text.length > 0);
    // More or fewer words than columns: which spaces part cells and which are inside one is unknown.
    if (filled.length < 2 || (words && cells.length !== annex.header.length)) {
      annex.badLines.push(spanOf(text, lines[k]));
      continue;
    }
    // A header repeated after a page break.
    if (filled.every((c) => headerRole(c.text) !== null)) continue;
    let r: AnnexRow;
    // Fewer cells than columns (not merely empty ones): a cell merged from the row above.
    if (cells.length < annex.header.length && !tabs) {
      r = placeCells(cells, annex.header, prev, annex.rows.length, memo);
    } else {
      const placed: (RawCell | null)[] = annex.header.map((_, i) => cells[i] ?? null);
      // Cells past the header are extra only when they hold something (Word pads rows with tabs).
      r = buildRow(placed, cells.slice(annex.header.length).filter((c) => c.text.length > 0), annex.header, prev, annex.rows.length, true, memo);
    }
    annex.rows.push(r);
    prev = r;
  }
}

function isBarsOnly(t: string): boolean {
  return /^[|\s]+$/.test(t);
}

function nextRowWithin(trimmed: string[], from: number, isRowLine: (t: string) => boolean): boolean {
  let seen = 0;
  for (let k = from; k < trimmed.length && seen < SECTION_LOOKAHEAD; k++) {
    const t = trimmed[k];
    if (t.length === 0 || isNoise(t)) continue;
    if (isRowLine(t)) return true;
    if (!isSectionRow(t)) return false;
    seen++;
  }
  return false;
}

/**
 * Places the cells of a layout-A row into columns: an alignment (cells keep their order) in
 * which a column may have no cell (a merged cell: its value is carried down from the row above)
 * and an empty cell may be left over (the export's trailing `|`). Each placement is scored by
 * how well the content fits the column; dynamic programming finds the best, in O(cells × columns).
 */
function placeCells(cells: RawCell[], header: readonly Column[], prev: AnnexRow | null, index: number, memo: ParseMemo): AnnexRow {
  const n = cells.length;
  const m = header.length;
  // Most rows are complete: every cell where its column says, trailing cells empty.
  if (n >= m && positionalFit(cells, header, memo)) return buildRow(cells.slice(0, m), cells.slice(m), header, prev, index, false, memo);
  const w = m + 1;
  const NEG = -1e9;
  // best[i*w+j]: best score placing the first i cells into the first j columns.
  const size = (n + 1) * w;
  // The memo's arrays, reused between rows: thousands of rows would otherwise each allocate two.
  if (memo.placeBest.length < size) {
    memo.placeBest = new Float64Array(size * 2);
    memo.placeMove = new Uint8Array(size * 2);
  }
  const best = memo.placeBest.fill(NEG, 0, size);
  const move = memo.placeMove.fill(0, 0, size);
  // What each cell looks like, read once (fit() is asked for every column).
  const features = cells.map((c) => cellFeatures(c.text, memo));
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const cur = best[i * w + j];
      if (cur === NEG) continue;
      // Column j gets cell i.
      if (i < n && j < m) {
        const s = cur + fit(features[i], header[j].role);
        if (s > best[(i + 1) * w + j + 1]) {
          best[(i + 1) * w + j + 1] = s;
          move[(i + 1) * w + j + 1] = 1;
        }
      }
      // Column j has no cell (merged above).
      if (j < m) {
        const role = header[j].role;
        const s = cur + (role === 'category' ? -0.5 : role === 'serial' ? -4 : -1.5);
        if (s > best[i * w + j + 1]) {
          best[i * w + j + 1] = s;
          move[i * w + j + 1] = 2;
        }
      }
      // Cell i is left over (only empty cells, or anything after the last column).
      if (i < n) {
        const s = cur + (features[i].len === 0 ? -0.2 : -3);
        if (s > best[(i + 1) * w + j]) {
          best[(i + 1) * w + j] = s;
          move[(i + 1) * w + j] = 3;
        }
      }
    }
  }
  const placed: (RawCell | null)[] = new Array(m).fill(null);
  const extra: RawCell[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const mv = move[i * w + j];
    if (mv === 1) {
      placed[j - 1] = cells[i - 1];
      i--;
      j--;
    } else if (mv === 2) {
      j--;
    } else {
      extra.unshift(cells[i - 1]);
      i--;
    }
  }
  return buildRow(placed, extra, header, prev, index, false, memo);
}

interface CellFeatures {
  len: number;
  serial: boolean;
  /** Reads like a sentence: has 。 or ; or is long. */
  sentence: boolean;
  time: boolean;
  units: boolean;
}

function cellFeatures(text: string, memo: ParseMemo): CellFeatures {
  const t = text.trim();
  const len = t.length;
  const serial = isSerialText(t);
  const sentence = len > 40 || /[。;]/.test(t);
  return {
    len,
    serial,
    sentence,
    time: len > 0 && len <= 40 && !serial && timeNodeOf(t, memo) !== null,
    units: len > 0 && !sentence && !serial && looksLikeUnits(t),
  };
}

/** True when cells[0..m) plainly belong to the columns in order and the rest are empty. */
function positionalFit(cells: RawCell[], header: readonly Column[], memo: ParseMemo): boolean {
  for (let j = header.length; j < cells.length; j++) if (cells[j].text.length > 0) return false;
  for (let j = 0; j < header.length; j++) {
    const t = cells[j].text;
    switch (header[j].role) {
      case 'serial':
        if (!isSerialText(t)) return false;
        break;
      case 'task':
        if (t.length < 15 && !/[。;；]/.test(t)) return false;
        break;
      case 'time':
        if (t.length > 0 && timeNodeOf(t, memo) === null) return false;
        break;
      case 'units':
      case 'category':
        if (t.length > 40 || /[。;；]/.test(t) || isSerialText(t) || (t.length > 0 && timeNodeOf(t, memo) !== null)) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

/** How well a cell fits a column role (higher is better). */
function fit(f: CellFeatures, role: ColumnRole): number {
  const { len, serial, sentence } = f;
  switch (role) {
    case 'serial':
      return serial ? 4 : -4;
    case 'task':
      if (len === 0) return -1;
      if (serial) return -3;
      if (sentence || len >= 15) return 3;
      return f.time ? -2 : 0;
    case 'units':
      if (len === 0) return 0;
      if (sentence || serial) return -3;
      if (f.time) return -2;
      return f.units ? 2 : 0.5;
    case 'time':
      if (len === 0) return 0;
      if (f.time) return 3;
      if (sentence || serial) return -3;
      return f.units ? -1 : 0.5;
    case 'category':
      if (len === 0) return 0;
      if (sentence || serial) return -3;
      if (f.time) return -2;
      return f.units ? -0.5 : 1;
    default:
      return len === 0 ? 0 : 0.2;
  }
}

