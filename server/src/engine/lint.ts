// The engine's entry points: check a text, fix a text. The CLI and the language server call
// these and only these, so the editor and CI always agree.

import type { ParsedDocument, Range } from '../document/model';
import { parseDocument } from '../document/parse';
import { defaultConfig, type ResolvedConfig } from '../config/config';
import { DocumentAnalysis } from '../analysis/analysis';
import { RULES } from '../rules';
import type { Finding, Fix, RelatedInfo, Rule, Severity } from '../rules/types';
import { applyEdits, compatibleEdits } from '../core';

export interface Diagnostic extends Range {
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  messageEn?: string;
  related: RelatedInfo[];
  fixes: Fix[];
  unnecessary: boolean;
}

export interface LintResult {
  doc: ParsedDocument;
  analysis: DocumentAnalysis;
  diagnostics: Diagnostic[];
}

const DEMOTE: Record<Exclude<Severity, 'off'>, Exclude<Severity, 'off'>> = { error: 'warning', warning: 'info', info: 'info' };

export function severityOf(rule: Rule, config: ResolvedConfig): Severity {
  return config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
}

/** Parses and checks a text. Never throws for any input: a failing rule is reported as one finding. */
export function lintText(text: string, config: ResolvedConfig = defaultConfig()): LintResult {
  const doc = parseDocument(text, { nonTaskSections: config.nonTaskSections });
  const analysis = new DocumentAnalysis(doc, config);
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    const report = (f: Finding): void => {
      const start = clamp(f.start, text.length);
      const end = clamp(Math.max(f.end, start), text.length);
      diagnostics.push({
        ruleId: rule.meta.id,
        severity: f.infoOnly ? 'info' : f.demote ? DEMOTE[severity] : severity,
        message: f.message,
        messageEn: f.messageEn,
        start,
        end,
        related: (f.related ?? []).map((r) => ({ ...r, start: clamp(r.start, text.length), end: clamp(r.end, text.length) })),
        fixes: f.fixes ?? [],
        unnecessary: f.unnecessary ?? false,
      });
    };
    try {
      rule.check({ doc, config, analysis, report });
    } catch (err) {
      // A bug in one rule must not take the others (or the server) down.
      diagnostics.push({
        ruleId: rule.meta.id,
        severity: 'error',
        message: `规则 ${rule.meta.id} 内部错误: ${err instanceof Error ? err.message : String(err)}`,
        start: 0,
        end: 0,
        related: [],
        fixes: [],
        unnecessary: false,
      });
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { doc, analysis, diagnostics };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}

export interface FixResult {
  output: string;
  /** How many passes changed the text. */
  passes: number;
  /** Fixes applied over all passes. */
  fixed: number;
}

const MAX_PASSES = 10;

/** Applies the auto fixes until nothing more changes (at most 10 passes). */
export function fixText(text: string, config: ResolvedConfig = defaultConfig()): FixResult {
  let output = text;
  let passes = 0;
  let fixed = 0;
  for (; passes < MAX_PASSES; passes++) {
    const { diagnostics } = lintText(output, config);
    const autoFixes = diagnostics.flatMap((d) => d.fixes.filter((f) => f.auto));
    const { edits, taken } = compatibleEdits(autoFixes);
    if (edits.length === 0) break;
    const next = applyEdits(output, edits);
    if (next === output) break;
    fixed += taken;
    output = next;
  }
  return { output, passes, fixed };
}
