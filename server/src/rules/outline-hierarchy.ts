// outline-hierarchy: an item without the parent its level needs. Skipping a level (一、 then 1.)
// is allowed; a (1) with no 1. above it, or a (一) before any chapter in a document with
// chapters, is not.

import type { Item } from '../document/model';
import type { Rule } from './types';

const LEVEL_NAMES = ['', '一级标题', '二级标题', '三级标题', '四级标题'];
const LEVEL_EXAMPLES = ['', '“一、”', '“(一)”', '“1.”', '“(1)”'];

const rule: Rule = {
  meta: {
    id: 'outline-hierarchy',
    defaultSeverity: 'error',
    title: '层级结构',
    titleEn: 'Outline hierarchy',
    description: '大纲层级错误：条目缺少应有的上级条目（如“（1）”上方没有“1.”，或在第一个“一、”之前出现“（一）”）',
    descriptionEn: 'An outline item lacks the parent item its level needs',
    fixable: 'none',
    category: 'outline',
  },
  check({ doc, report }) {
    const levels = new Set(doc.items.map((i) => i.level));
    for (const item of doc.items) {
      const need = missingParent(item, levels);
      if (!need) continue;
      const m = item.marker;
      report({
        start: m.start,
        end: m.end,
        message: `层级错误:${LEVEL_NAMES[item.level]}“${m.text.trim()}”之前应有${need}`,
      });
    }
  },
};

/** The parent this item should have and lacks, described in Chinese, or null. */
function missingParent(item: Item, levels: Set<number>): string | null {
  switch (item.level) {
    case 2:
      return levels.has(1) && !item.parent ? `${LEVEL_NAMES[1]}(如${LEVEL_EXAMPLES[1]})` : null;
    case 3:
      return (levels.has(1) || levels.has(2)) && !item.parent ? '上级标题(如“一、”或“(一)”)' : null;
    case 4:
      return !item.parent || item.parent.level !== 3 ? `${LEVEL_NAMES[3]}(如${LEVEL_EXAMPLES[3]})` : null;
    default:
      return null;
  }
}

export default rule;
