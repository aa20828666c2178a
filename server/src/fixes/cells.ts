// Edits on annex table cells, shared by the rules whose fixes write into the table.

import type { AnnexLayout, Cell } from '../document/model';
import { isSerialText } from '../document/annex';
import type { TextEdit } from '../rules/types';
import { foldWidth } from '../document/text';

/**
 * Writes `value` into a table cell. A non-empty cell is replaced; an empty one is filled with the
 * blanks around it replaced, so `| |` becomes `| 值 |` and a lone `|` line becomes `值 |`.
 */
export function fillCell(text: string, cell: Cell, value: string): TextEdit {
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
  return layout !== 'cells' || !isSerialText(value.trim());
}
