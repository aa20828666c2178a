// The annex table as text to write: cells, serials, unit lists and row labels, shared by the
// annex rules' fixes, the generated task table and the editor commands.

import type { Annex, AnnexLayout, AnnexRow, Cell, ParsedDocument, Sentence, Unit } from '../document/model';
import { isSerialText } from '../document/cells';
import type { TextEdit } from '../core';
import { ROLE_WORD } from '../lexicon';
import { foldWidth } from '../document/text';

/**
 * Writes `value` into a table cell. A non-empty cell is replaced; an empty one is filled with the
 * blanks around it replaced, so `| |` becomes `| 值 |` and a lone `|` line becomes `值 |`.
 */
export function writeCell(text: string, cell: Cell, value: string): TextEdit {
  if (cell.end > cell.start) return { start: cell.start, end: cell.end, newText: value };
  let s = cell.start;
  let e = cell.end;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\u3000')) s--;
  while (e < text.length && (text[e] === ' ' || text[e] === '\u3000')) e++;
  const before = s > 0 ? foldWidth(text[s - 1]) : '\n';
  const after = e < text.length ? foldWidth(text[e]) : '\n';
  return { start: s, end: e, newText: `${before === '|' ? ' ' : ''}${value}${after === '|' ? ' ' : ''}` };
}

/**
 * True when `value` can be written into a cell of the table and still read back as that one
 * cell: no line break (layout A puts a cell on each line), no cell separator (`|` of either
 * width), no tab (layout C), and in layout A no bare number, which would start a new row there.
 * Body text copied into a row must be checked first.
 */
export function fitsInCell(value: string, layout: AnnexLayout): boolean {
  if (/[\r\n|\uff5c\t]/.test(value)) return false;
  // Spaces separate the columns of a space-aligned table; a table without bars is not rewritten.
  // (One space too: in a table typed with single spaces, it would start a new cell.)
  if (layout === 'spaces' && /[ \u3000]/.test(value)) return false;
  if (layout === 'lines') return false;
  return layout !== 'cells' || !isSerialText(value.trim());
}

/** True when the table has a 序号 column. */
export function hasSerialColumn(annex: Annex): boolean {
  return annex.header.some((c) => c.role === 'serial');
}

/**
 * How a message names a row: its position in the table (`第5行`), with the serial written in
 * the table when that differs (`第6行(序号5)`).
 */
export function rowLabel(row: AnnexRow): string {
  const pos = row.index + 1;
  const serial = row.serialCell?.text.trim() ?? '';
  return serial && serial !== String(pos) ? `第${pos}行(序号${serial})` : `第${pos}行`;
}

/** The line break used at `offset` (a line end), else the document's first one, else LF. */
export function lineBreakAt(text: string, offset: number): string {
  if (text.startsWith('\r\n', offset)) return '\r\n';
  if (text[offset] === '\n' || text[offset] === '\r') return text[offset];
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

/**
 * Edits that give rows[from..] the serials first, first + 1, …, only where they differ. A
 * layout-A row without a serial cell gets one inserted before its first line; a row that
 * continues the task above (its serial merged down) keeps none and takes no number.
 */
export function renumberRows(doc: ParsedDocument, from: number, first: number): TextEdit[] {
  const annex = doc.annex;
  if (!annex || !hasSerialColumn(annex)) return [];
  const edits: TextEdit[] = [];
  let n = first - 1;
  for (let k = from; k < annex.rows.length; k++) {
    const row = annex.rows[k];
    const cell = row.serialCell;
    // A row that continues the task above (its serial merged down) has no serial of its own to write.
    if (cell && !cell.present) continue;
    n++;
    if (cell) {
      if (cell.text.trim() !== String(n)) edits.push(writeCell(doc.text, cell, String(n)));
    } else if (annex.layout === 'cells') {
      const at = doc.lines[row.line].start;
      edits.push({ start: at, end: at, newText: `${n} |${lineBreakAt(doc.text, doc.lines[row.line].end)}` });
    }
  }
  return edits;
}


/** Distinct names in order of first occurrence. */
export function uniqueNames(units: Iterable<Pick<Unit, 'name'>>): string[] {
  const out: string[] = [];
  for (const u of units) if (!out.includes(u.name)) out.push(u.name);
  return out;
}

/** Names grouped by role, roles in order of first occurrence. */
export function byRole(units: readonly Pick<Unit, 'name' | 'role'>[]): { role: Unit['role']; names: string[] }[] {
  const groups: { role: Unit['role']; names: string[] }[] = [];
  for (const u of units) {
    let g = groups.find((x) => x.role === u.role);
    if (!g) groups.push((g = { role: u.role, names: [] }));
    if (!g.names.includes(u.name)) g.names.push(u.name);
  }
  return groups;
}

/**
 * The units as a cell text: names joined with `、`; when the roles differ, one clause per role
 * (`区甲局牵头,区乙局配合`).
 */
export function unitsText(units: readonly Pick<Unit, 'name' | 'role'>[], comma: string): string {
  const groups = byRole(units);
  if (groups.length <= 1) return uniqueNames(units).join('、');
  return groups.map((g) => g.names.join('、') + ROLE_WORD[g.role]).join(comma);
}

/** The body text a row is compared with: its sentences' contents. */
export function bodyText(sentences: readonly Sentence[]): string {
  // Most rows copy one sentence: no array and no join for them.
  return sentences.length === 1 ? sentences[0].content : sentences.map((s) => s.content).join('');
}

