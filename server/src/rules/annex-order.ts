// annex-order: a matched row that stands out of body order. The alignment (align.ts) keeps the
// longest run of rows in body order; the rows outside it are reported, each with the row it
// should follow.

import type { AnnexRow } from '../document/model';
import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'annex-order',
    defaultSeverity: 'warning',
    title: '任务分解表顺序',
    titleEn: 'Annex row order',
    description: '任务分解表各行应按正文顺序排列',
    descriptionEn: 'Annex rows should follow the order of the body',
    fixable: 'none',
    category: 'annex',
  },
  check({ doc, analysis, report }) {
    const annex = doc.annex;
    const alignment = analysis.alignment;
    if (!annex || !alignment) return;
    // The rows in body order, with the index of their first sentence (non-decreasing).
    const kept: { row: AnnexRow; first: number }[] = [];
    for (const m of alignment.matches) if (m.inOrder && m.sentences.length > 0) kept.push({ row: m.row, first: m.sentences[0].index });
    for (const m of alignment.matches) {
      if (m.inOrder || m.sentences.length === 0) continue;
      const first = m.sentences[0];
      // The last in-order row whose task comes at or before this row's task in the body.
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (kept[mid].first <= first.index) lo = mid + 1;
        else hi = mid;
      }
      const after = lo > 0 ? kept[lo - 1].row : null;
      const bodyLine = doc.lineIndex.lineAt(first.start) + 1;
      const where = after ? `应排在第${after.index + 1}行之后` : '应排在第1行之前';
      const row = m.row;
      const at = row.serialCell ?? row.task ?? { start: row.range.start, end: row.range.start };
      report({
        start: at.start,
        end: at.end,
        message: `此行顺序与正文不一致:对应正文第${bodyLine}行,${where}`,
      });
    }
  },
};

export default rule;
