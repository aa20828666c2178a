// annex-category-mismatch: the first category column of the task table (一级指标, 类别 …) must
// name the chapter that holds the row's task. Compared with textKey (punctuation, width and
// spaces ignored). A category merged over several rows (layout A, or an empty cell pasted from
// Word) is one group: checked once, at the cell where it is written.
//
// Which outline level the column names is read from the document: the level whose titles most
// categories equal (the chapters, level 1, unless the table plainly uses another level). When
// no category equals any title at all, the column is no chapter column and the rule is silent.

import type { AnnexRow, Item } from '../document/model';
import type { Rule } from './types';
import { textKey } from '../document/text';
import { fitsInCell, writeCell } from '../fixes/table';
import { categoryItemFor, categoryLevel, groupsOf } from '../analysis/categories';

const rule: Rule = {
  meta: {
    id: 'annex-category-mismatch',
    defaultSeverity: 'warning',
    title: '类别与章节标题不一致',
    titleEn: 'Annex category differs from the chapter',
    description: '任务分解表的类别（一级指标等）应与任务所在章节的标题一致',
    descriptionEn: 'The category column of an annex row should be the title of the chapter holding its task',
    fixable: 'auto',
    category: 'annex',
    docs: { fix: '是（类别写错时改为章节标题）' },
  },
  check({ doc, analysis, report }) {
    const annex = doc.annex;
    if (!annex || !analysis.alignment || !annex.header.some((c) => c.role === 'category')) return;
    if (categoryLevel(doc, analysis) === null) return;
    for (const g of groupsOf(doc)) {
      if (!g.cell.present) continue;
      const key = textKey(g.cell.text);
      // The expected title of each matched row of the group.
      const expected: { row: AnnexRow; item: Item }[] = [];
      for (const row of g.rows) {
        const first = analysis.matchOf(row)?.sentences[0];
        if (first) expected.push({ row, item: categoryItemFor(doc, analysis, first.item) });
      }
      if (expected.length === 0) continue;
      const titles = [...new Set(expected.map((e) => textKey(e.item.title)))];
      const here = g.cell.text.trim();
      if (titles.length === 1) {
        if (titles[0] === key) continue;
        const title = expected[0].item.title;
        const whose = g.rows.length > 1 ? `这${g.rows.length}行任务` : '此行任务';
        report({
          start: g.cell.start,
          end: g.cell.end,
          message: `类别与正文章节不一致:${whose}属于“${title}”,${here ? `此处为“${here}”` : '此处为空'}`,
          // A chapter title with a `|`, a tab or a bare number would not stay one cell.
          fixes: fitsInCell(title, annex.layout) ? [{ title: `改为“${title}”`, edits: [writeCell(doc.text, g.cell, title)], auto: true, preferred: true }] : [],
        });
        continue;
      }
      // A merged cell over rows of different chapters: list the rows it does not fit.
      const parts: string[] = [];
      for (const t of titles) {
        if (t === key) continue;
        const rows = expected.filter((e) => textKey(e.item.title) === t);
        parts.push(`${rows.map((e) => `第${e.row.index + 1}行`).join('、')}属于“${rows[0].item.title}”`);
      }
      report({
        start: g.cell.start,
        end: g.cell.end,
        message: `合并的类别“${here}”跨越了不同章节的任务:${parts.join(',')}`,
      });
    }
  },
};

export default rule;
