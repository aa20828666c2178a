// unit-missing: a task with no responsible unit. Three cases, each reported once:
//  (a) task sentences covered by no unit parenthetical, in a document whose annex (if any) has
//      no unit column: one finding per run of consecutive such sentences of one item;
//  (b) an annex row whose unit cell is empty, a placeholder (待定, XXX) or unreadable;
//  (c) a unit parenthetical with an empty or placeholder value (`(责任单位:)`).
// Where the annex has a unit column, the rows carry the units: a task is then covered by a row
// with units, or its row is reported by (b), or it has no row: annex-missing-row reports that
// (as time-missing leaves it too), and (a) only when annex-missing-row is off (coordination.ts).
// Tasks (b) or (c) report are not reported again by (a).

import type { AnnexRow, Cell, ParsedDocument, Sentence, UnitParenthetical } from '../document/model';
import type { Fix, Rule, TextEdit } from './types';
import { taskRuns } from '../analysis/tasks';
import { isPlaceholderUnit } from '../document/units';
import { uniqueNames, writeCell } from '../fixes/table';
import { reportsRowlessTasks } from './coordination';

/** Why a unit text is not a unit: empty, a placeholder, or nothing readable. */
function describeEmpty(text: string): string {
  const t = text.trim();
  if (t === '') return '为空';
  return isPlaceholderUnit(t) ? `为占位符“${t}”` : `“${t}”无法识别为单位名称`;
}

function fillFix(title: string, edit: TextEdit): Fix {
  return { title, edits: [edit], auto: false, preferred: true };
}

/** The sentences a parenthetical covers. */
function coveredBy(doc: ParsedDocument, paren: UnitParenthetical): Sentence[] {
  const item = doc.sentences.find((s) => s.unitParen === paren)?.item;
  return item ? item.sentences.filter((s) => s.unitParen === paren) : [];
}

const rule: Rule = {
  meta: {
    id: 'unit-missing',
    defaultSeverity: 'error',
    title: '缺少责任单位',
    titleEn: 'Missing responsible unit',
    description: '任务缺少责任单位：正文没有责任单位括注，任务分解表中也没有；或责任单位为空、为占位符',
    descriptionEn: 'A task has no responsible unit, or its unit is empty or a placeholder',
    fixable: 'manual',
    category: 'unit',
    docs: { fix: '否（编辑器提供快速修复）' },
  },
  check({ doc, config, analysis, report }) {
    if (!analysis.assignsUnits) {
      // A document that assigns (almost) no units by design: said once, as information.
      const { tasks, covered } = analysis.unitCoverage;
      if (config.requireUnit === 'auto' && tasks > 0) {
        const at = doc.title ?? analysis.tasks[0] ?? doc.annex?.headerRange ?? { start: 0, end: 0 };
        report({
          start: at.start,
          end: at.end,
          message: `本文档未逐项明确责任单位:${tasks} 项任务中 ${covered} 项有责任单位,因此不逐项报告缺少责任单位(如需逐项检查,请在配置中设置 "requireUnit": "always")`,
          infoOnly: true,
        });
      }
      return;
    }
    const text = doc.text;
    const annex = doc.annex;
    const unitColumn = annex !== null && annex.header.some((c) => c.role === 'units');

    // (c) Empty or placeholder values in unit parentheticals.
    for (const paren of doc.unitParens) {
      if (paren.emptyValues.length === 0) continue;
      const covered = coveredBy(doc, paren);
      const fromAnnex = uniqueNames(covered.flatMap((s) => analysis.rowsOf(s).flatMap((r) => r.unitList)));
      for (const r of paren.emptyValues) {
        const value = text.slice(r.start, r.end);
        report({
          start: r.start,
          end: r.end,
          message: `责任单位未填写:括注“${paren.text}”中的责任单位${describeEmpty(value)}`,
          fixes: fromAnnex.length
            ? [fillFix(`按任务分解表填写“${fromAnnex.join('、')}”`, { start: r.start, end: r.end, newText: fromAnnex.join('、') })]
            : [],
        });
      }
    }

    // (b) Annex rows without units.
    if (annex && unitColumn) {
      for (const row of annex.rows) {
        if (row.unitList.length > 0) continue;
        const cell = row.units;
        if (cell && !cell.present) continue; // carried down from a merged cell: reported at its own row
        reportRow(row, cell);
      }
    }

    function reportRow(row: AnnexRow, cell: Cell | null): void {
      const serial = row.serialCell?.text.trim() || String(row.index + 1);
      const body = uniqueNames((analysis.matchOf(row)?.sentences ?? []).flatMap((s) => s.unitParen?.units ?? []));
      if (!cell) {
        const at = row.task ?? row.serialCell ?? { start: row.range.start, end: row.range.start };
        report({
          start: at.start,
          end: at.end,
          message: `任务缺少责任单位:任务分解表序号${serial}没有责任单位一栏`,
        });
        return;
      }
      report({
        start: cell.start,
        end: cell.end,
        message: `任务缺少责任单位:任务分解表序号${serial}的责任单位${describeEmpty(cell.text)}`,
        fixes: body.length ? [fillFix(`按正文括注填写“${body.join('、')}”`, writeCell(text, cell, body.join('、')))] : [],
      });
    }

    // (a) Runs of task sentences with no unit anywhere.
    const [open, colon, close] = analysis.parenWidth === 'full' ? ['（', '：', '）'] : ['(', ':', ')'];
    const insert = `${open}责任单位${colon}${close}`;
    // With a unit column in the annex, the rows give the units: a row without units is (b)'s,
    // a task without a row is annex-missing-row's (coordination.ts).
    const rowlessToo = reportsRowlessTasks(config);
    const uncovered = (s: Sentence): boolean => {
      if (s.unitParen || analysis.blanketNoteOf(s)) return false;
      if (!unitColumn) return true;
      return rowlessToo && analysis.rowsOf(s).length === 0;
    };
    for (const run of taskRuns(analysis.tasks, uncovered)) {
      const first = run[0];
      const last = run[run.length - 1];
      report({
        start: first.start,
        end: last.end,
        message: annex
          ? '任务缺少责任单位:未找到责任单位括注,任务分解表中也没有对应的责任单位'
          : '任务缺少责任单位:未找到责任单位括注',
        fixes: [
          {
            title: `插入“${insert}”`,
            edits: [{ start: last.end, end: last.end, newText: insert }],
            auto: false,
            cursor: last.end + insert.length - close.length,
          },
        ],
      });
    }
  },
};

export default rule;
