// Document symbols (outline view, breadcrumbs) and folding ranges: chapters, items, and the
// annex with one child per row.

import { SymbolKind, type DocumentSymbol, type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { DocumentFacts, Item, ParsedDocument } from '../engine';
import { toRange } from './convert';

const KINDS = [SymbolKind.Namespace, SymbolKind.Namespace, SymbolKind.Module, SymbolKind.Field, SymbolKind.Key];

/** Last offset of an item including its children. */
function itemEnd(item: Item): number {
  const last = item.children.length ? item.children[item.children.length - 1] : null;
  return last ? Math.max(item.range.end, itemEnd(last)) : item.range.end;
}

function itemEndLine(item: Item): number {
  const last = item.children.length ? item.children[item.children.length - 1] : null;
  return last ? Math.max(item.endLine, itemEndLine(last)) : item.endLine;
}

function short(s: string, n = 24): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

export function documentSymbols(facts: DocumentFacts): DocumentSymbol[] {
  const { doc, analysis } = facts;
  const symbol = (item: Item): DocumentSymbol => {
    let tasks = 0;
    for (const s of item.sentences) if (analysis.isTask(s)) tasks++;
    return {
      name: `${item.marker.text.trim()}${short(item.title, 40) || ' '}`,
      detail: tasks > 0 ? `${tasks} 项任务` : undefined,
      kind: KINDS[item.level],
      range: toRange(doc, { start: item.marker.start, end: itemEnd(item) }),
      selectionRange: toRange(doc, { start: item.marker.start, end: item.text.end }),
      children: item.children.map(symbol),
    };
  };
  const out = doc.outline.map(symbol);
  const annex = doc.annex;
  if (annex) {
    const rows = annex.rows.filter((r) => r.range.end > r.range.start);
    // A table numbered by its own outline (section rows, `1.` opening task cells, no serial
    // column) shows that outline; otherwise one child per row.
    const ownOutline = annex.items.length > 0 && !annex.header.some((c) => c.role === 'serial');
    const label = analysis.kind === 'table' ? '任务表' : '附件';
    out.push({
      name: annex.title ? `${label}:${short(annex.title.text, 30)}` : `${label} 任务分解表`,
      detail: `${annex.rows.length} 行`,
      kind: SymbolKind.Struct,
      range: toRange(doc, annex.range),
      selectionRange: toRange(doc, { start: doc.lines[annex.line].start, end: doc.lines[annex.line].end }),
      children: ownOutline ? annex.items.filter((i) => i.parent === null).map(symbol) : rows.map((r) => ({
        name: `${r.serialCell?.text || '?'} ${short(r.task?.text ?? '')}`,
        detail: r.unitList.map((u) => u.name).join('、') || undefined,
        kind: SymbolKind.EnumMember,
        range: toRange(doc, r.range),
        selectionRange: toRange(doc, r.serialCell && r.serialCell.present ? r.serialCell : r.task ?? r.range),
      })),
    });
  }
  return out;
}

export function foldingRanges(doc: ParsedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const item of doc.items) {
    const end = itemEndLine(item);
    if (end > item.line) out.push({ startLine: item.line, endLine: end, kind: FoldingRangeKind.Region });
  }
  const annex = doc.annex;
  if (annex) {
    const end = doc.lineIndex.lineAt(Math.max(annex.range.start, annex.range.end - 1));
    if (end > annex.line) out.push({ startLine: annex.line, endLine: end, kind: FoldingRangeKind.Region });
  }
  return out;
}
