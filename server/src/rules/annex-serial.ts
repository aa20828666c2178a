// annex-serial: the serials of the task table must run 1..N in row order. A row is flagged
// only when its serial follows neither the previous row's serial nor its own position, so a
// repeated serial or one gap (a deleted row) gives one finding, where it happens. Also home of
// the table helpers the other annex rules share (row labels, renumbering, line breaks).

import type { Annex, AnnexRow, Cell, ParsedDocument } from '../document/model';
import type { Fix, Rule, TextEdit } from './types';

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
 * Writes `value` into a cell: a non-empty cell is replaced; an empty one (`|  |`) is filled with
 * the blanks around it, so it reads `| 值 |`.
 */
export function writeCell(text: string, cell: Cell, value: string): TextEdit {
  if (cell.end > cell.start) return { start: cell.start, end: cell.end, newText: value };
  let s = cell.start;
  let e = cell.end;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\u3000')) s--;
  while (e < text.length && (text[e] === ' ' || text[e] === '\u3000')) e++;
  const before = s > 0 ? text[s - 1] : '\n';
  const after = e < text.length ? text[e] : '\n';
  const bar = (c: string): boolean => c === '|' || c === '\uff5c';
  return { start: s, end: e, newText: `${bar(before) ? ' ' : ''}${value}${bar(after) ? ' ' : ''}` };
}

/**
 * Edits that give rows[from..] the serials first, first + 1, …, only where they differ. A
 * layout-A row without a serial cell gets one inserted before its first line.
 */
export function renumberRows(doc: ParsedDocument, from: number, first: number): TextEdit[] {
  const annex = doc.annex;
  if (!annex || !hasSerialColumn(annex)) return [];
  const edits: TextEdit[] = [];
  for (let k = from; k < annex.rows.length; k++) {
    const row = annex.rows[k];
    const n = first + (k - from);
    const cell = row.serialCell;
    if (cell) {
      if (cell.text.trim() !== String(n)) edits.push(writeCell(doc.text, cell, String(n)));
    } else if (annex.layout === 'cells') {
      const at = doc.lines[row.line].start;
      edits.push({ start: at, end: at, newText: `${n} |${lineBreakAt(doc.text, doc.lines[row.line].end)}` });
    }
  }
  return edits;
}

const rule: Rule = {
  meta: {
    id: 'annex-serial',
    defaultSeverity: 'error',
    description: '任务分解表序号应按行序从1连续编号:不得跳号、重号,序号应为数字',
    descriptionEn: 'Annex serials must run 1..N in row order',
    fixable: 'auto',
    category: 'annex',
  },
  check({ doc, report }) {
    const annex = doc.annex;
    if (!annex || !hasSerialColumn(annex) || annex.rows.length === 0) return;
    const rows = annex.rows;
    // Layout A starts a row at each number cell: writing a number where there was none (or
    // inserting one) regroups the cells into rows, so the next pass sees another table. Only a
    // renumbering that changes numbers into numbers is applied by --fix there.
    const auto = annex.layout !== 'cells' || rows.every((r) => r.serial !== null);
    let fix: Fix | null = null;
    const wholeTable = (): Fix => {
      fix ??= { title: `重新编排序号为1至${rows.length}`, edits: renumberRows(doc, 0, 1), auto, preferred: true };
      return fix;
    };
    // The number each row stands for: its serial, or what it should have been when that is no
    // number, so `1 2 三 4` is one finding, at 三.
    let prev: number | null = null;
    rows.forEach((row, i) => {
      const n = row.serial;
      const expected = prev !== null ? prev + 1 : 1;
      const flagged = n === null || (n !== i + 1 && n !== expected);
      const previous = prev;
      prev = n ?? expected;
      if (!flagged) return;
      const cell = row.serialCell;
      const written = cell?.text.trim() ?? '';
      let message: string;
      let messageEn: string;
      if (n === null && written === '') {
        message = `缺少序号:此处应为${expected}`;
        messageEn = `Missing serial: expected ${expected}`;
      } else if (n === null) {
        message = `序号应为数字:此处应为${expected},实为“${written}”`;
        messageEn = `Serial must be a number: expected ${expected}, found ${written}`;
      } else if (i === 0) {
        message = `序号应从1开始,此处为${n}`;
        messageEn = `Serials should start at 1, found ${n}`;
      } else if (n === previous) {
        message = `序号重复:${previous}之后应为${expected},此处又是${n}`;
        messageEn = `Repeated serial: after ${previous} comes ${expected}, found ${n} again`;
      } else {
        message = `序号不连续:${previous}之后应为${expected},此处为${n}`;
        messageEn = `Serial out of sequence: after ${previous} comes ${expected}, found ${n}`;
      }
      const at = cell ?? { start: row.range.start, end: row.range.start };
      report({ start: at.start, end: at.end, message, messageEn, fixes: [wholeTable()] });
    });
  },
};

export default rule;
