// The rule catalogue (docs/rules.md), one rule per file. Order here is the order of that page,
// of the README's rule table and of the settings (npm run generate); the engine sorts findings
// by position anyway.

import type { Rule, RuleMeta } from './types';
import outlineSequence from './outline-sequence';
import outlineHierarchy from './outline-hierarchy';
import outlineMarkerFormat from './outline-marker-format';
import unitMissing from './unit-missing';
import unitInconsistentName from './unit-inconsistent-name';
import timeMissing from './time-missing';
import timeInvalid from './time-invalid';
import timeOutOfYear from './time-out-of-year';
import timeConflict from './time-conflict';
import timeBeforeIssue from './time-before-issue';
import annexMissingRow from './annex-missing-row';
import annexOrphanRow from './annex-orphan-row';
import annexTextMismatch from './annex-text-mismatch';
import annexUnitMismatch from './annex-unit-mismatch';
import annexSerial from './annex-serial';
import annexOrder from './annex-order';
import annexCategoryMismatch from './annex-category-mismatch';
import annexStructure from './annex-structure';
import punctuationWidth from './punctuation-width';
import textEncoding from './text-encoding';
import documentUnrecognised from './document-unrecognised';

export const RULES: readonly Rule[] = [
  outlineSequence,
  outlineHierarchy,
  outlineMarkerFormat,
  unitMissing,
  unitInconsistentName,
  timeMissing,
  timeInvalid,
  timeOutOfYear,
  timeConflict,
  timeBeforeIssue,
  annexMissingRow,
  annexOrphanRow,
  annexTextMismatch,
  annexUnitMismatch,
  annexSerial,
  annexOrder,
  annexCategoryMismatch,
  annexStructure,
  punctuationWidth,
  textEncoding,
  documentUnrecognised,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

/** What is said about each rule (names, descriptions, default level), for reports and settings. */
export const RULE_METAS: readonly RuleMeta[] = RULES.map((r) => r.meta);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
