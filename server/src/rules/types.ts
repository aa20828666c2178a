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
  /**
   * What was found and what was expected, in Chinese only: the users are Chinese drafters and
   * reviewers (docs/rules.md). English readers get the rule's titleEn and descriptionEn.
   */
  message: string;
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

/**
 * Everything said about a rule outside its findings. The one source of the manifest's settings,
 * both nls files, the config schema, the README rule table and each docs page header:
 * `npm run generate` writes them, and a test fails when they are stale.
 */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** Short Chinese name: the docs page heading (`缺少责任单位`). */
  title: string;
  /** The same in English. */
  titleEn: string;
  /** One sentence in Chinese, without the final 。: what the rule checks (settings, schema, README, SARIF). */
  description: string;
  /** The same in English, without the final full stop. */
  descriptionEn: string;
  /** auto: --fix applies it; manual: the editor offers quick fixes; none. */
  fixable: Fixability;
  /** The document as a whole (its text; whether it reads as a plan), outline, responsibility and time, annex, style. */
  category: 'document' | 'outline' | 'unit' | 'time' | 'annex' | 'style';
  /** What the docs page header adds after the default level and the fix line, where the plain value says too little. */
  docs?: { severity?: string; fix?: string };
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
