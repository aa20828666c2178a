// Edits on annex table cells, shared by the rules whose fixes write into the table.

import type { Cell } from '../document/model';
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

