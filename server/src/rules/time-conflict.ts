// time-conflict: a task sentence names a month or a period (`在8月…`, `10月前`) that its time
// node does not include (node `一季度`). The node is the annex time cell of the sentence's rows,
// else the inline time key of its parenthetical. Whole-year nodes (全年, 每季度) never conflict;
// body phrases of another year (`2016年末`) are left alone.

import type { Sentence, TimeCell, TimeMention } from '../document/model';
import type { Rule } from './types';
import { monthsInYear } from '../document/time';

const ALL_MONTHS = 0xfff;

/** The time nodes that apply to a sentence, with the text where they are written. */
function nodesOf(s: Sentence, rowsOf: (s: Sentence) => { time: TimeCell }[]): TimeCell[] {
  const fromRows = rowsOf(s).filter((r) => r.time.node !== null).map((r) => r.time);
  if (fromRows.length > 0) return fromRows;
  return s.inlineTime && s.inlineTime.node ? [s.inlineTime] : [];
}

const rule: Rule = {
  meta: {
    id: 'time-conflict',
    defaultSeverity: 'warning',
    title: '时间节点与正文不一致',
    titleEn: 'Time node contradicts the body',
    description: '时间节点与正文不一致：正文写明的月份或时段不在时间节点之内',
    descriptionEn: 'The time node does not include the month or period the task sentence names',
    fixable: 'none',
    category: 'time',
  },
  check({ analysis, report }) {
    const year = analysis.planYear;
    const rowsOf = (s: Sentence): { time: TimeCell }[] =>
      analysis.rowsOf(s).flatMap((r) => (r.time && r.timeNode ? [{ time: { ...r.time, node: r.timeNode } }] : []));
    const seen = new Set<string>();
    for (const s of analysis.tasks) {
      if (s.times.length === 0) continue;
      const mentions: { m: TimeMention; months: number }[] = [];
      for (const m of s.times) {
        if (m.node.parts.some((p) => p.year !== null && p.year !== year)) continue;
        const months = monthsInYear(m.node, year);
        if (months !== 0 && months !== ALL_MONTHS) mentions.push({ m, months });
      }
      if (mentions.length === 0) continue;
      for (const cell of nodesOf(s, rowsOf)) {
        const node = cell.node!;
        if (node.wholeYear) continue;
        const nodeMonths = monthsInYear(node, year);
        if (nodeMonths === 0) continue; // wholly in another year: time-out-of-year's
        for (const { m, months } of mentions) {
          if ((months & nodeMonths) !== 0) continue;
          const key = `${cell.start}:${m.text}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const nodeText = cell.text.trim();
          report({
            start: cell.start,
            end: cell.end,
            message: `时间节点与正文不一致:正文写“${m.text}”,时间节点为“${nodeText}”`,
            related: [{ start: m.start, end: m.end, message: `正文写“${m.text}”` }],
          });
        }
      }
    }
  },
};

export default rule;
