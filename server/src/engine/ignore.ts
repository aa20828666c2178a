// Findings a config leaves out by rule and text (`ignoreFindings` in .yaodianrc.json): the way
// to accept a known finding without writing a comment into a document that will be published.

import type { ParsedDocument } from '../document/model';
import { foldWidth, removeSpaces } from '../document/text';
import type { IgnoreFinding } from '../config/config';

const normalize = (s: string): string => removeSpaces(foldWidth(s));

/** Keeps the findings no entry matches: same rule (or none given), and the entry's text on the finding's first line. */
export function dropIgnored<D extends { ruleId: string; start: number }>(doc: ParsedDocument, diagnostics: D[], entries: readonly IgnoreFinding[]): D[] {
  if (entries.length === 0) return diagnostics;
  const wanted = entries.map((e) => ({ rule: e.rule, text: normalize(e.text) }));
  const lineText = new Map<number, string>();
  return diagnostics.filter((d) => {
    const line = doc.lineIndex.lineAt(d.start);
    let text = lineText.get(line);
    if (text === undefined) {
      text = normalize(doc.lines[line]?.text ?? '');
      lineText.set(line, text);
    }
    const t = text;
    return !wanted.some((e) => (e.rule === undefined || e.rule === d.ruleId) && e.text !== '' && t.includes(e.text));
  });
}
