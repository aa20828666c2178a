// Completion: the next outline marker at the start of a line, unit names already used in the
// document (by role after a unit key: 牵头单位:/配合单位:/责任单位: …), and time nodes in time
// cells and after time keys. The keys and the role each gives are the lexicon's (NOTE_KEYS), as
// the parser reads them.

import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { foldWidth, nextMarker, unitsOf, type Cell, type Item, type LintResult, type ParsedDocument, type UnitRole } from '../engine';
import { NOTE_KEYS, TIME_KEYS, UNIT_KEYS } from '../lexicon';

export const TIME_NODES = [
  '全年', '上半年', '下半年', '一季度', '二季度', '三季度', '四季度', '年底前',
  ...Array.from({ length: 12 }, (_, i) => `${i + 1}月底前`),
  '长期', '持续推进', '每季度',
];

/** A unit key opening a value in a parenthetical (`(牵头单位:`, `(…;配合单位:区甲局、`), at the end of the text. */
const UNIT_KEY = new RegExp(`[(（]\\s*(?:[^()（）]*[;；,，]\\s*)?(${UNIT_KEYS.join('|')})\\s*[:：][^()（）;；]*$`);
/** A time key opening a value (`完成时限:`), at the end of the text. */
const TIME_KEY = new RegExp(`(${TIME_KEYS.join('|')})\\s*[:：][^()（）;；]*$`);
/** The role a unit key gives its names (`牵头处室` lead, `协办单位` support, `主责单位` responsible). */
const ROLE_OF_KEY = new Map(NOTE_KEYS.filter((e): e is readonly [string, UnitRole] => e[1] !== 'time'));

function timeItems(): CompletionItem[] {
  return TIME_NODES.map((t, i) => ({ label: t, kind: CompletionItemKind.Value, sortText: String(i).padStart(3, '0'), detail: '时间节点' }));
}

function unitItems(result: LintResult, role: UnitRole | null): CompletionItem[] {
  const entries = [...unitsOf(result).values()];
  const score = (roles: UnitRole[]): number => (role === null ? 0 : roles.includes(role) ? 0 : 1);
  return entries
    .map((e) => ({ e, roles: e.tasks.map((t) => t.role) }))
    .sort((a, b) => score(a.roles) - score(b.roles) || b.e.occurrences.length - a.e.occurrences.length)
    .map(({ e }, i) => ({
      label: e.name,
      kind: CompletionItemKind.Reference,
      detail: `${e.occurrences.length} 处 · ${e.tasks.length} 项任务`,
      sortText: String(i).padStart(4, '0'),
    }));
}

/** The item whose text comes last before `line` (0-based), if any. */
function lastItemBefore(doc: ParsedDocument, line: number): Item | null {
  let found: Item | null = null;
  for (const item of doc.items) {
    if (item.line < line) found = item;
    else break;
  }
  return found;
}

function markerItems(doc: ParsedDocument, line: number): CompletionItem[] {
  const prev = lastItemBefore(doc, line);
  const out: string[] = [];
  if (!prev) {
    out.push('一、');
  } else {
    // The next sibling of the previous item and of each of its ancestors, then a first child.
    for (let it: Item | null = prev; it; it = it.parent) out.push(nextMarker(it).trim());
    if (prev.level < 4) {
      const width = prev.marker.parens === 'half' ? ['(', ')'] : ['（', '）'];
      const child = [null, null, `${width[0]}一${width[1]}`, '1.', `${width[0]}1${width[1]}`][prev.level + 1];
      if (child) out.push(child);
    }
  }
  return [...new Set(out)].map((m, i) => ({ label: m, kind: CompletionItemKind.Keyword, sortText: String(i).padStart(2, '0'), detail: '下一个编号' }));
}

function annexColumnAt(result: LintResult, offset: number): 'units' | 'time' | null {
  const annex = result.doc.annex;
  if (!annex || offset < annex.range.start || offset > annex.range.end + 1) return null;
  const line = result.doc.lineIndex.lineAt(offset);
  // A cell per line (with bars or without): the cell written on this line, over all its lines.
  if (annex.layout === 'cells' || annex.layout === 'lines') {
    const lineAt = (o: number): number => result.doc.lineIndex.lineAt(o);
    const on = (c: Cell | null): boolean => c !== null && c.present && lineAt(c.start) <= line && line <= lineAt(c.end);
    for (const r of annex.rows) {
      if (line < r.line || line > r.endLine) continue;
      if (on(r.time)) return 'time';
      if (on(r.units) || r.unitList.some((u) => lineAt(u.start) === line)) return 'units';
    }
    return null;
  }
  const l = result.doc.lines[line];
  const before = l.folded.slice(0, offset - l.start);
  const sep = annex.layout === 'tabs' ? '\t' : '|';
  let index = before.split(sep).length - 1;
  if (annex.layout === 'pipes' && !/^\s*\|/.test(l.folded)) index++;
  const col = annex.header[index - (annex.layout === 'pipes' ? 1 : 0)];
  return col?.role === 'time' ? 'time' : col?.role === 'units' ? 'units' : null;
}

export function completions(result: LintResult, offset: number): CompletionItem[] {
  const { doc } = result;
  const line = doc.lineIndex.lineAt(offset);
  const l = doc.lines[line];
  const before = foldWidth(doc.text.slice(l.start, offset));
  const column = annexColumnAt(result, offset);
  if (column === 'time') return timeItems();
  if (column === 'units') return unitItems(result, null);
  if (TIME_KEY.test(before)) return timeItems();
  const key = UNIT_KEY.exec(before);
  if (key) return unitItems(result, ROLE_OF_KEY.get(key[1]) ?? 'responsible');
  const inAnnex = doc.annex !== null && line >= doc.annex.line;
  if (!inAnnex && /^\s*$/.test(before)) return markerItems(doc, line);
  return [];
}
