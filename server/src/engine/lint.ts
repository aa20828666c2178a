// Checking a text and fixing it (all auto fixes, or one rule's). The CLI and the language server
// call these through the engine facade (index.ts), so the editor and CI always agree.

import type { ParsedDocument, Range } from '../document/model';
import { defaultConfig, type ResolvedConfig } from '../config/config';
import type { DocumentAnalysis } from '../analysis/analysis';
import { RULES } from '../rules';
import type { Finding, Fix, RelatedInfo, Rule, Severity } from '../rules/types';
import { applyEdits, compatibleEdits } from '../core';
import { dropIgnored } from './ignore';
import { documentFacts, type DocumentFacts } from './facts';

export interface Diagnostic extends Range {
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  related: RelatedInfo[];
  fixes: Fix[];
  unnecessary: boolean;
}

export interface LintResult {
  doc: ParsedDocument;
  analysis: DocumentAnalysis;
  diagnostics: Diagnostic[];
}

/** The rules that read a plan's outline, units, times and task table. */
const PLAN_CATEGORIES: ReadonlySet<string> = new Set(['outline', 'unit', 'time', 'annex']);

const DEMOTE: Record<Exclude<Severity, 'off'>, Exclude<Severity, 'off'>> = { error: 'warning', warning: 'info', info: 'info' };

export function severityOf(rule: Rule, config: ResolvedConfig): Severity {
  return config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
}

/** Parses and checks a text. Never throws for any input: a failing rule is reported as one finding. */
export function lintText(text: string, config: ResolvedConfig = defaultConfig()): LintResult {
  return lintFacts(documentFacts(text, config));
}

/** Checks a document already parsed, with the config its analysis was made with. The parsed tree is only read. */
export function lintFacts(facts: DocumentFacts): LintResult {
  const { doc, analysis } = facts;
  const { config } = analysis;
  const text = doc.text;
  const diagnostics: Diagnostic[] = [];
  // A document that says it is not a plan (a standard's 编制说明, a project application) gets one
  // finding saying so (document-unrecognised), not the plan rules' reading of its lists.
  const notAPlan = analysis.otherKind !== null;
  for (const rule of RULES) {
    const severity = severityOf(rule, config);
    if (severity === 'off' || (notAPlan && PLAN_CATEGORIES.has(rule.meta.category))) continue;
    const report = (f: Finding): void => {
      const start = clamp(f.start, text.length);
      const end = clamp(Math.max(f.end, start), text.length);
      diagnostics.push({
        ruleId: rule.meta.id,
        severity: f.infoOnly ? 'info' : f.demote ? DEMOTE[severity] : severity,
        message: f.message,
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
  return { doc, analysis, diagnostics: dropIgnored(doc, diagnostics, config.ignoreFindings ?? []) };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}

export interface FixResult {
  /** The fixed text; the input itself when fixing would have left more errors (see `reverted`). */
  output: string;
  /** How many passes changed the text. */
  passes: number;
  /** Fixes applied over all passes. */
  fixed: number;
  /** Fixes applied, by rule id. */
  fixedByRule: Record<string, number>;
  /** Errors before and after fixing (after = before when nothing was fixed or it was undone). */
  errorsBefore: number;
  errorsAfter: number;
  /** Set when the fixes left more errors than there were: they were undone, output is the input. */
  reverted?: { errorsBefore: number; errorsAfter: number };
}

export interface FixOptions {
  /** Only this rule's fixes (the other rules are turned off while fixing); every rule's when absent. */
  only?: string;
}

const MAX_PASSES = 10;

function errorCount(diagnostics: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of diagnostics) if (d.severity === 'error') n++;
  return n;
}

/**
 * Applies the auto fixes until nothing more changes (at most 10 passes). A fix must never leave
 * the document worse: the text is checked after fixing (the last pass's check, so this costs
 * nothing extra) and, if it has more errors than before, the fixes are undone and `reverted` says so.
 */
export function fixText(text: string, config: ResolvedConfig = defaultConfig(), options: FixOptions = {}): FixResult {
  if (options.only) config = onlyRule(config, options.only);
  let output = text;
  let passes = 0;
  let fixed = 0;
  const fixedByRule: Record<string, number> = {};
  let errorsBefore = -1;
  let errorsAfter = -1;
  for (; passes <= MAX_PASSES; passes++) {
    const { diagnostics } = lintText(output, config);
    errorsAfter = errorCount(diagnostics);
    if (errorsBefore < 0) errorsBefore = errorsAfter;
    // The last round only checks the result of the passes before it.
    if (passes === MAX_PASSES) break;
    const ruleOf = new Map<Fix, string>();
    for (const d of diagnostics) for (const f of d.fixes) if (f.auto) ruleOf.set(f, d.ruleId);
    const { edits, chosen } = compatibleEdits([...ruleOf.keys()]);
    if (edits.length === 0) break;
    const next = applyEdits(output, edits);
    if (next === output) break;
    fixed += chosen.length;
    for (const f of chosen) {
      const id = ruleOf.get(f) as string;
      fixedByRule[id] = (fixedByRule[id] ?? 0) + 1;
    }
    output = next;
  }
  if (errorsAfter > errorsBefore) {
    return { output: text, passes: 0, fixed: 0, fixedByRule: {}, errorsBefore, errorsAfter: errorsBefore, reverted: { errorsBefore, errorsAfter } };
  }
  return { output, passes, fixed, fixedByRule, errorsBefore, errorsAfter };
}

/** The config with every rule but `ruleId` turned off. */
function onlyRule(config: ResolvedConfig, ruleId: string): ResolvedConfig {
  const rules: Record<string, Severity> = { ...config.rules };
  for (const r of RULES) if (r.meta.id !== ruleId) rules[r.meta.id] = 'off';
  return { ...config, rules };
}
