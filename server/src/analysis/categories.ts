// Which outline item a category column of the task table (一级指标, 类别 …) names: the level is
// read from the document (the chapters unless the table plainly uses another level).

import type { AnnexRow, Cell, Item, ParsedDocument } from '../document/model';
import type { DocumentAnalysis } from './analysis';
import { textKey } from '../document/text';

export interface Group {
  cell: Cell;
  rows: AnnexRow[];
}

/** The first category cell of each row, grouped by the written cell they come from. */
export function groupsOf(doc: ParsedDocument): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  for (const row of doc.annex?.rows ?? []) {
    const cell = row.categories[0];
    if (!cell) {
      current = null;
      continue;
    }
    if (cell.present || !current || current.cell.start !== cell.start) {
      current = { cell, rows: [row] };
      groups.push(current);
    } else {
      current.rows.push(row);
    }
  }
  return groups;
}

export function ancestors(item: Item): Item[] {
  const out: Item[] = [];
  for (let it: Item | null = item; it; it = it.parent) out.push(it);
  return out;
}

/** The outline level the category column names, or null when it names none (remembered by the check's analysis). */
export function categoryLevel(doc: ParsedDocument, analysis: DocumentAnalysis): number | null {
  if (analysis.categoryLevelMemo) return analysis.categoryLevelMemo.level;
  const votes = new Map<number, number>();
  for (const g of groupsOf(doc)) {
    const key = textKey(g.cell.text);
    if (!key) continue;
    for (const row of g.rows) {
      const first = analysis.matchOf(row)?.sentences[0];
      if (!first) continue;
      const hit = ancestors(first.item).find((it) => textKey(it.title) === key);
      if (hit) votes.set(hit.level, (votes.get(hit.level) ?? 0) + 1);
    }
  }
  let level: number | null = null;
  let best = 0;
  for (const [l, n] of [...votes].sort((a, b) => a[0] - b[0])) {
    if (n > best) {
      best = n;
      level = l;
    }
  }
  analysis.categoryLevelMemo = { level };
  return level;
}

/** The item whose title the category of a task in `item` should be (the chapter by default). */
export function categoryItemFor(doc: ParsedDocument, analysis: DocumentAnalysis, item: Item): Item {
  const level = categoryLevel(doc, analysis) ?? 1;
  return ancestors(item).find((it) => it.level === level) ?? analysis.chapterOf(item);
}

