// What a rule is and what it reports. Rules read the ParsedDocument and report findings with
// ranges and fixes as data (text edits); they know nothing of VS Code or the command line.

import type { ParsedDocument, Range } from '../document/model';
import type { ResolvedConfig } from '../config/config';
import type { DocumentAnalysis } from '../analysis/analysis';
import type { Fix, Severity } from '../core';

export type { Fix, Severity, TextEdit } from '../core';




export interface RelatedInfo extends Range {
  message: string;
}

export interface Finding extends Range {
  /** Chinese message: what was found and what was expected. */
  message: string;
  /** English message, second. */
  messageEn?: string;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** A lower severity for this finding than the rule's (annex-text-mismatch: punctuation only). */
  demote?: boolean;
  /** Reported as information whatever the rule's severity (a note about the whole document). */
  infoOnly?: boolean;
  /** Marks text that is unnecessary (shown faded in the editor), e.g. an orphan row. */
  unnecessary?: boolean;
}

export type Fixability = 'auto' | 'manual' | 'none';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line in Chinese: what the rule checks. */
  description: string;
  descriptionEn: string;
  /** auto: --fix applies it; manual: the editor offers quick fixes; none. */
  fixable: Fixability;
  /** Outline, responsibility and time, annex, style. */
  category: 'outline' | 'unit' | 'time' | 'annex' | 'style';
}

export interface RuleContext {
  doc: ParsedDocument;
  config: ResolvedConfig;
  /** Document-wide facts several rules share (numbering scheme, unit names, …), computed once. */
  analysis: DocumentAnalysis;
  report(finding: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Where the docs page of a rule lives (the URL diagnostics link to). */
export const DOCS_BASE = 'https://github.com/yaodian/yaodian/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
