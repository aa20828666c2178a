// Engine offsets ↔ LSP positions (both count UTF-16 code units), and engine findings → LSP
// diagnostics. The engine's line index is used, so CRLF and the editor agree on lines.

import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type Position,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { ruleDocsUrl, type Diagnostic, type ParsedDocument, type Range, type TextEdit } from '../engine';

export function toPosition(doc: ParsedDocument, offset: number): Position {
  return doc.lineIndex.position(Math.max(0, Math.min(offset, doc.text.length)));
}

export function toRange(doc: ParsedDocument, r: Range): LspRange {
  return { start: toPosition(doc, r.start), end: toPosition(doc, r.end) };
}

export function toOffset(doc: ParsedDocument, p: Position): number {
  const line = doc.lines[Math.max(0, Math.min(p.line, doc.lines.length - 1))];
  if (p.line >= doc.lines.length) return doc.text.length;
  return line.start + Math.max(0, Math.min(p.character, line.end - line.start));
}

export function toLspEdit(doc: ParsedDocument, e: TextEdit): LspTextEdit {
  return { range: toRange(doc, e), newText: e.newText };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(doc: ParsedDocument, uri: string, d: Diagnostic): LspDiagnostic {
  return {
    range: toRange(doc, d),
    severity: SEVERITY[d.severity],
    source: 'yaodian',
    code: d.ruleId,
    codeDescription: { href: ruleDocsUrl(d.ruleId) },
    message: d.message,
    relatedInformation: d.related.length
      ? d.related.map((r) => ({ location: { uri, range: toRange(doc, r) }, message: r.message }))
      : undefined,
    tags: d.unnecessary ? [DiagnosticTag.Unnecessary] : undefined,
  };
}

/**
 * One edit that turns `before` into `after`: the changed middle, found from the common prefix
 * and suffix. Used for fix-all results, which are whole texts.
 */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let s = 0;
  const max = Math.min(before.length, after.length);
  while (s < max && before.charCodeAt(s) === after.charCodeAt(s)) s++;
  let e = 0;
  while (e < max - s && before.charCodeAt(before.length - 1 - e) === after.charCodeAt(after.length - 1 - e)) e++;
  return { start: s, end: before.length - e, newText: after.slice(s, after.length - e) };
}
