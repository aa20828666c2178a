// time-invalid: a time node that does not parse (`尽快`, `适时`, `13月`, `三季度底前前`), in an
// annex time cell or an inline time key. Empty ones are time-missing's.

import type { Rule } from './types';

const rule: Rule = {
  meta: {
    id: 'time-invalid',
    defaultSeverity: 'error',
    title: '时间节点无法识别',
    titleEn: 'Unreadable time node',
    description: '时间节点无法识别：应写为“全年”“6月底前”“三季度”等',
    descriptionEn: 'A time node that cannot be read: write 全年, 6月底前, 三季度 and the like',
    fixable: 'none',
    category: 'time',
  },
  check({ doc, report }) {
    const bad = (text: string): { message: string } => ({
      message: `时间节点无法识别:“${text}”,应写为“全年”“6月底前”“三季度”等`,
    });
    for (const row of doc.annex?.rows ?? []) {
      const cell = row.time;
      if (!cell || !cell.present || row.timeNode !== null) continue;
      const t = cell.text.trim();
      if (t === '') continue;
      report({ start: cell.start, end: cell.end, ...bad(t) });
    }
    for (const p of doc.unitParens) {
      const cell = p.time;
      if (!cell || cell.node !== null) continue;
      const t = cell.text.trim();
      if (t === '') continue;
      report({ start: cell.start, end: cell.end, ...bad(t) });
    }
  },
};

export default rule;
