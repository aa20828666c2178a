// time-missing: a task without a time node, where the document uses time nodes.
//  - With an annex that has a time column: each row whose time cell is empty or absent. Tasks
//    with no row at all are annex-missing-row's business; when that rule is off, each run of
//    such tasks without an inline time is reported here (coordination.ts), as unit-missing does.
//  - Otherwise, inline time keys (`(责任单位:区甲局;完成时限:6月底前)`): each item with a task
//    whose parenthetical has no time key. Only where inline time keys are the document's
//    convention (most unit parentheticals carry one), or `requireTimeNode: "always"`: a document
//    that gives a time to one task in ten has chosen not to time the others.
// The fixes are choices (全年, 上半年, …, N月底前), so none is applied by --fix.

import type { AnnexRow, ParsedDocument, Sentence, UnitParenthetical } from '../document/model';
import type { Fix, Rule, TextEdit } from './types';
import { taskRuns } from '../analysis/tasks';
import { TIME_KEYS } from '../lexicon';
import { monthsInYear } from '../document/time';
import { writeCell } from '../fixes/table';
import { reportsRowlessTasks } from './coordination';

const FIXED_CHOICES = ['全年', '上半年', '下半年', '一季度', '二季度', '三季度', '四季度'];

/** The month named by the first time phrase of the sentences (its last month), or null. */
function mentionedMonth(sentences: readonly Sentence[], planYear: number | null): number | null {
  for (const s of sentences) {
    for (const m of s.times) {
      if (m.node.parts.some((p) => p.year !== null && p.year !== planYear)) continue;
      const months = monthsInYear(m.node, planYear);
      if (months !== 0) return 32 - Math.clz32(months);
    }
  }
  return null;
}

/** The choices offered: the fixed ones, then `N月底前` for the month the body names (else 6 and 12). */
function choices(month: number | null): { text: string; preferred: boolean }[] {
  const out = FIXED_CHOICES.map((text) => ({ text, preferred: false }));
  if (month !== null) out.push({ text: `${month}月底前`, preferred: true });
  else out.push({ text: '6月底前', preferred: false }, { text: '12月底前', preferred: false });
  return out;
}

function fixes(month: number | null, edit: (value: string) => TextEdit): Fix[] {
  return choices(month).map((c) => ({ title: `填写“${c.text}”`, edits: [edit(c.text)], auto: false, preferred: c.preferred || undefined }));
}

/** Inline time keys are the document's convention: more than half of its unit parentheticals carry one. */
function inlineConvention(doc: ParsedDocument): boolean {
  const withTime = doc.unitParens.filter((p) => p.time !== null).length;
  return withTime > 0 && withTime * 2 > doc.unitParens.length;
}

/** The time key the document mostly writes (`完成时限` when it writes none). */
function usualTimeKey(doc: ParsedDocument): string {
  const counts = new Map<string, number>();
  for (const p of doc.unitParens) {
    if (!p.time) continue;
    const before = p.text.slice(0, p.time.start - p.start).replace(/[\s:：]+$/, '');
    const key = TIME_KEYS.find((k) => before.endsWith(k));
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = '完成时限';
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

function serialOf(row: AnnexRow): string {
  return row.serialCell?.text.trim() || String(row.index + 1);
}

const rule: Rule = {
  meta: {
    id: 'time-missing',
    defaultSeverity: 'error',
    title: '缺少时间节点',
    titleEn: 'Missing time node',
    description: '任务缺少时间节点：任务分解表的时间节点为空，或正文括注中没有完成时限',
    descriptionEn: 'A task has no time node where the document uses time nodes',
    fixable: 'manual',
    category: 'time',
    docs: { fix: '否（编辑器提供可选的快速修复）' },
  },
  check({ doc, config, analysis, report }) {
    if (!analysis.usesTimeNodes) return;
    const missing = (s: Sentence): boolean => analysis.isTask(s) && (s.inlineTime === null || s.inlineTime.text.trim() === '');
    const text = doc.text;
    const planYear = analysis.planYear;
    const annex = doc.annex;

    if (annex && annex.header.some((c) => c.role === 'time')) {
      for (const row of annex.rows) {
        const cell = row.time;
        if (cell && cell.text.trim() !== '') continue; // time-invalid checks what is written
        if (cell && !cell.present) continue; // carried down from a merged cell: reported at its own row
        const serial = serialOf(row);
        if (!cell) {
          const at = row.task ?? row.serialCell ?? { start: row.range.start, end: row.range.start };
          report({
            start: at.start,
            end: at.end,
            message: `缺少时间节点:任务分解表序号${serial}没有时间节点一栏`,
          });
          continue;
        }
        const month = mentionedMonth(analysis.matchOf(row)?.sentences ?? [], planYear);
        report({
          start: cell.start,
          end: cell.end,
          message: `缺少时间节点:任务分解表序号${serial}的时间节点为空`,
          fixes: fixes(month, (v) => writeCell(text, cell, v)),
        });
      }
      if (reportsRowlessTasks(config)) reportRowless();
      return;
    }

    /** Runs of consecutive task sentences of one item with no annex row and no inline time. */
    function reportRowless(): void {
      for (const run of taskRuns(analysis.tasks, (s) => missing(s) && analysis.rowsOf(s).length === 0)) {
        report({
          start: run[0].start,
          end: run[run.length - 1].end,
          message: '缺少时间节点:正文未注明时间,任务分解表中也没有此任务的行',
        });
      }
    }

    // Inline time keys.
    if (config.requireTimeNode !== 'always' && !inlineConvention(doc)) return;
    const key = usualTimeKey(doc);
    for (const item of doc.items) {
      const tasks = item.sentences.filter(missing);
      if (tasks.length === 0) continue;
      const month = mentionedMonth(tasks, planYear);
      // Where to write: an empty time key, else the last unit parenthetical of these tasks.
      const emptyKey = tasks.find((s) => s.inlineTime !== null)?.inlineTime ?? null;
      let paren: UnitParenthetical | null = null;
      for (const s of tasks) if (s.unitParen && !s.unitParen.time) paren = s.unitParen;
      let edit: ((v: string) => TextEdit) | null = null;
      if (emptyKey) {
        edit = (v) => ({ start: emptyKey.start, end: emptyKey.end, newText: v });
      } else if (paren) {
        const p = paren;
        const full = p.text.endsWith('）');
        const prefix = `${full ? '；' : ';'}${key}${full ? '：' : ':'}`;
        edit = (v) => ({ start: p.end - 1, end: p.end - 1, newText: prefix + v });
      }
      report({
        start: item.text.start,
        end: item.text.end,
        message: `缺少时间节点:本条任务没有注明${key}(如“${key}:6月底前”)`,
        fixes: edit ? fixes(month, edit) : [],
      });
    }
  },
};

export default rule;
