// outline-marker-format: a marker written in a non-canonical form (一. (一)、 1、 １. mixed-width
// parentheses …). Canonical: 一、 (一) 1. (1), parentheses in the width the document mostly uses.

import type { Marker, ParsedDocument } from '../document/model';
import type { Rule } from './types';
import { toChineseNumeral } from '../document/numerals';

/** The width of parentheses most markers of the document use (full when tied or none). */
export function majorityParenWidth(doc: ParsedDocument): 'full' | 'half' {
  let full = 0;
  let half = 0;
  for (const item of doc.items) {
    if (item.marker.parens === 'full') full++;
    else if (item.marker.parens === 'half') half++;
  }
  return half > full ? 'half' : 'full';
}

/** The canonical form of a marker. */
export function canonicalMarker(m: Marker, width: 'full' | 'half'): string {
  const [open, close] = width === 'full' ? ['（', '）'] : ['(', ')'];
  switch (m.level) {
    case 1:
      return m.partStyle ? m.text : `${toChineseNumeral(m.number)}、`;
    case 2:
      return `${open}${toChineseNumeral(m.number)}${close}`;
    case 3:
      return `${m.number}.`;
    default:
      return `${open}${m.number}${close}`;
  }
}

const rule: Rule = {
  meta: {
    id: 'outline-marker-format',
    defaultSeverity: 'warning',
    title: '编号格式',
    titleEn: 'Outline marker format',
    description: '编号格式不规范：应为“一、”“（一）”“1.”“（1）”，括号宽度与全文一致',
    descriptionEn: 'Outline markers should be written 一、 (一) 1. (1), parentheses in the document’s width',
    fixable: 'auto',
    category: 'outline',
  },
  check({ doc, report }) {
    const width = majorityParenWidth(doc);
    for (const item of doc.items) {
      const m = item.marker;
      if (m.partStyle) continue;
      // Most markers are canonical already: build the canonical form only for the others.
      if (m.canonical && (m.parens === 'none' || m.parens === width)) continue;
      const canonical = canonicalMarker(m, width);
      if (m.text === canonical) continue;
      const here = m.text.trim();
      const widthOnly = m.canonical && (m.level === 2 || m.level === 4);
      report({
        start: m.start,
        end: m.end,
        message: widthOnly
          ? `编号括号宽度与全文不一致:全文多用${width === 'full' ? '全角' : '半角'}括号,应为“${canonical}”,此处为“${here}”`
          : `编号格式不规范:应为“${canonical}”,此处为“${here}”`,
        fixes: [{ title: `改为“${canonical}”`, edits: [{ start: m.start, end: m.end, newText: canonical }], auto: true, preferred: true }],
      });
    }
  },
};

export default rule;
