// annex-serial: the serials of the task table must run 1..N in row order. A row is flagged
// only when its serial follows neither the previous row's serial nor its own position, so a
// repeated serial or one gap (a deleted row) gives one finding, where it happens.

import type { Fix, Rule } from './types';
import { lazyFix } from '../core';
import { hasSerialColumn, renumberRows } from '../fixes/table';

const rule: Rule = {
  meta: {
    id: 'annex-serial',
    defaultSeverity: 'error',
    title: '任务分解表序号',
    titleEn: 'Annex serial numbers',
    description: '任务分解表序号应按行序从1连续编号：不得跳号、重号，序号应为数字',
    descriptionEn: 'Annex serials must run 1..N in row order',
    fixable: 'auto',
    category: 'annex',
    docs: { fix: '是（`yaodian fix`、`check --fix`、编辑器“全部修复”）；逐格换行的表格中有非数字序号时只在编辑器中提供' },
  },
  check({ doc, report }) {
    const annex = doc.annex;
    if (!annex || !hasSerialColumn(annex) || annex.rows.length === 0) return;
    // A serial merged down several rows is written once: the rows it spans are one serial.
    const rows = annex.rows.filter((r) => !r.serialCell || r.serialCell.present);
    const merged = rows.length < annex.rows.length;
    // Layout A starts a row at each number cell: writing a number where there was none (or
    // inserting one) regroups the cells into rows, so the next pass sees another table. Only a
    // renumbering that changes numbers into numbers is applied by --fix there. A table without
    // bars or with merged serials is not rewritten at all.
    const auto = annex.layout !== 'lines' && (annex.layout !== 'cells' || rows.every((r) => r.serial !== null));
    let fix: Fix | null = null;
    const wholeTable = (): Fix[] => {
      if (merged || annex.layout === 'lines') return [];
      // One fix shared by every finding; its edits (a renumbering of the whole table) are computed when asked.
      fix ??= lazyFix({ title: `重新编排序号为1至${rows.length}`, auto, preferred: true }, () => renumberRows(doc, 0, 1));
      return [fix];
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
      if (n === null && written === '') {
        message = `缺少序号:此处应为${expected}`;
      } else if (n === null) {
        message = `序号应为数字:此处应为${expected},实为“${written}”`;
      } else if (i === 0) {
        message = `序号应从1开始,此处为${n}`;
      } else if (n === previous) {
        message = `序号重复:${previous}之后应为${expected},此处又是${n}`;
      } else {
        message = `序号不连续:${previous}之后应为${expected},此处为${n}`;
      }
      const at = cell ?? { start: row.range.start, end: row.range.start };
      report({ start: at.start, end: at.end, message, fixes: wholeTable() });
    });
  },
};

export default rule;
