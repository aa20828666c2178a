// time-out-of-year: a time node before the plan year, or later than the first quarter of the
// next year (`2024年6月` in a 2026 plan). Silent when the plan year is unknown.

import type { Span, TimeNode } from '../document/model';
import type { Rule } from './types';
import { isOutOfYear } from '../document/time';

const rule: Rule = {
  meta: {
    id: 'time-out-of-year',
    defaultSeverity: 'warning',
    title: '时间节点不在计划年度内',
    titleEn: 'Time node outside the plan year',
    description: '时间节点不在计划年度内：早于计划年度，或晚于次年一季度',
    descriptionEn: 'A time node outside the plan year (before it, or after the first quarter of the next year)',
    fixable: 'none',
    category: 'time',
  },
  check({ doc, analysis, report }) {
    const year = analysis.planYear;
    if (year === null) return;
    // The node is passed apart: a row keeps it next to its time cell, a parenthetical in it.
    const check = (cell: Span, node: TimeNode | null): void => {
      if (!node || !isOutOfYear(node, year)) return;
      const t = cell.text.trim();
      report({
        start: cell.start,
        end: cell.end,
        message: `时间节点“${t}”不在计划年度(${year}年)内:应在${year}年内,最晚不超过${year + 1}年一季度`,
      });
    };
    for (const row of doc.annex?.rows ?? []) {
      if (row.time && row.time.present) check(row.time, row.timeNode);
    }
    for (const p of doc.unitParens) if (p.time) check(p.time, p.time.node);
  },
};

export default rule;
