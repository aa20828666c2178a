// outline-sequence: a number that is not the successor of its previous sibling under the
// document's own scheme (restart or continuous, read per level from the document).

import type { Rule } from './types';
import { markerWithNumber, renumberChain } from '../analysis/numbering';
import { lazyFix } from '../core';

const rule: Rule = {
  meta: {
    id: 'outline-sequence',
    defaultSeverity: 'error',
    title: '编号连续',
    titleEn: 'Outline numbering sequence',
    description: '大纲编号不连续：跳号、重号、倒序，或与全文的编号方式（连续编号、各章重新编号）不一致',
    descriptionEn: 'Outline numbers must follow their previous sibling under the document’s numbering scheme',
    fixable: 'auto',
    category: 'outline',
  },
  check({ analysis, report }) {
    for (const p of analysis.numbering.problems) {
      const m = p.item.marker;
      const here = m.text.trim();
      const want = markerWithNumber(m, p.expected).trim();
      const prev = p.previous ? markerWithNumber(p.previous.marker, p.previous.marker.number).trim() : '';
      let message: string;
      switch (p.kind) {
        case 'start':
          message = `编号应从“${markerWithNumber(m, 1).trim()}”开始,此处为“${here}”`;
          break;
        case 'restart':
          message = `本文该级编号全文连续:“${prev}”之后应为“${want}”,此处重新从“${here}”开始`;
          break;
        case 'continuation':
          message = `本文该级编号在每章重新开始:此处应为“${want}”,而不是接续上一章的“${here}”`;
          break;
        case 'repeat':
          message = `编号重复:“${prev}”之后应为“${want}”,此处又是“${here}”`;
          break;
        default:
          message = `编号不连续:“${prev}”之后应为“${want}”,此处为“${here}”`;
      }
      report({
        start: m.start,
        end: m.end,
        message,
        // Computed when asked: made eagerly, n errors in one chain would cost n × n edits.
        fixes: [
          lazyFix(
            { title: `重新编号:此处改为“${want}”,其后同级编号顺延`, auto: true, preferred: true, scope: p.chain },
            () => renumberChain(p.chain, p.position, p.expected),
          ),
        ],
      });
    }
  },
};

export default rule;
