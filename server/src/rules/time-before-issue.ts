// time-before-issue: a time node that ends before the document was issued (row 6's `2021年2月`
// in a ledger issued 2021-03-16): the deadline had passed when the plan came out. The issue date
// is the preamble's date line or a `发文日期` metadata line; without one the rule is silent. A
// node without a year is in the plan year (else the issue year). Recurring and whole-year nodes
// never end early. A month is "before" only when the whole month precedes the issue month.

import type { Span, TimeNode } from '../document/model';
import type { Rule } from './types';
import { isOutOfYear } from '../document/time';

/** The months of a part, latest first: bit m-1 for month m. */
function lastMonth(months: number): number {
  return 32 - Math.clz32(months & 0xfff);
}

const rule: Rule = {
  meta: {
    id: 'time-before-issue',
    defaultSeverity: 'warning',
    description: '时间节点早于文件的发文日期:印发时该期限已过',
    descriptionEn: 'A time node that ends before the document was issued',
    fixable: 'none',
    category: 'time',
  },
  check({ doc, analysis, report }) {
    const issued = doc.issueDate;
    if (!issued) return;
    const planYear = analysis.planYear;
    const defaultYear = planYear ?? issued.year;
    const issuedAt = issued.year * 12 + issued.month;
    const check = (cell: Span, node: TimeNode | null): void => {
      // A node outside the plan year is time-out-of-year's: one finding per defect.
      if (!node || node.wholeYear || (planYear !== null && isOutOfYear(node, planYear))) return;
      for (const part of node.parts) {
        const month = lastMonth(part.months);
        if (month === 0) continue;
        const year = part.year ?? defaultYear;
        if (year * 12 + month >= issuedAt) continue;
        const t = cell.text.trim();
        const when = `${year}年${month}月`;
        report({
          start: cell.start,
          end: cell.end,
          message: `时间节点早于发文日期:“${t}”中的${when}早于本文件的发文日期${issued.year}年${issued.month}月${issued.day}日`,
          messageEn: `Time node ${t}: ${year}-${month} is before the issue date ${issued.year}-${issued.month}-${issued.day}`,
        });
        return;
      }
    };
    for (const row of doc.annex?.rows ?? []) {
      if (row.time && row.time.present) check(row.time, row.timeNode);
    }
    for (const p of doc.unitParens) if (p.time) check(p.time, p.time.node);
  },
};

export default rule;
