// Go to definition between an annex row and its body task, hover on a unit name, rename a unit
// everywhere, and highlight a unit's other occurrences.

import { DocumentHighlightKind, MarkupKind, type DocumentHighlight, type Hover, type Location, type Range as LspRange, type WorkspaceEdit } from 'vscode-languageserver';
import { unitAtOffset, unitsOf, type AnnexRow, type LintResult } from '../engine';
import { ROLE_WORD } from '../lexicon';
import { toRange } from './convert';

function rowAt(result: LintResult, offset: number): AnnexRow | null {
  const annex = result.doc.annex;
  if (!annex || offset < annex.range.start || offset > annex.range.end) return null;
  const line = result.doc.lineIndex.lineAt(offset);
  return annex.rows.find((r) => line >= r.line && line <= r.endLine) ?? null;
}

/** Row → its body sentences; body task → its row(s). */
export function definition(uri: string, result: LintResult, offset: number): Location[] {
  const { doc, analysis } = result;
  const row = rowAt(result, offset);
  if (row) {
    const m = analysis.matchOf(row);
    if (!m || m.sentences.length === 0) return [];
    return [{ uri, range: toRange(doc, { start: m.sentences[0].start, end: m.sentences[m.sentences.length - 1].end }) }];
  }
  const sentence = doc.sentences.find((s) => offset >= s.start && offset <= s.end);
  if (!sentence) return [];
  return analysis.rowsOf(sentence).map((r) => ({ uri, range: toRange(doc, r.task ?? r.range) }));
}

export function hover(result: LintResult, offset: number): Hover | null {
  const { doc } = result;
  const unit = unitAtOffset(result, offset);
  if (!unit) return null;
  const entry = unitsOf(result).get(unit.name);
  if (!entry) return null;
  const lines = [`**${entry.name}** — ${entry.tasks.length} 项任务`, ''];
  for (const { task, role } of entry.tasks.slice(0, 50)) {
    const text = task.text.length > 36 ? `${task.text.slice(0, 36)}…` : task.text;
    lines.push(`- 第 ${task.line} 行(${ROLE_WORD[role]}${task.time ? `,${task.time}` : ''}):${text}`);
  }
  if (entry.tasks.length > 50) lines.push(`- ……另有 ${entry.tasks.length - 50} 项`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(doc, unit) };
}

export function prepareRename(result: LintResult, offset: number): { range: LspRange; placeholder: string } | null {
  const unit = unitAtOffset(result, offset);
  return unit ? { range: toRange(result.doc, unit), placeholder: unit.text } : null;
}

/** A unit name must stay one name: no separators, brackets or sentence punctuation. */
export function validUnitName(name: string): boolean {
  return name.trim().length > 0 && !/[、,，;；:：()（）。\n\r|\t]/.test(name);
}

export function rename(uri: string, result: LintResult, offset: number, newName: string): WorkspaceEdit | null {
  const { doc } = result;
  const unit = unitAtOffset(result, offset);
  if (!unit) return null;
  const entry = unitsOf(result).get(unit.name);
  if (!entry) return null;
  return { changes: { [uri]: entry.occurrences.map((u) => ({ range: toRange(doc, u), newText: newName.trim() })) } };
}

export function highlights(result: LintResult, offset: number): DocumentHighlight[] {
  const { doc } = result;
  const unit = unitAtOffset(result, offset);
  if (!unit) return [];
  const entry = unitsOf(result).get(unit.name);
  return (entry?.occurrences ?? []).map((u) => ({ range: toRange(doc, u), kind: DocumentHighlightKind.Text }));
}
