// Where two rules could report the same defect, which one does: decided once here, so no rule
// reads another rule's setting in its own way (docs/rules.md, "规则之间的分工").

import type { ResolvedConfig } from '../config/config';
import annexMissingRow from './annex-missing-row';

/**
 * A body task that no annex row covers, in a document whose annex has a unit (or time) column,
 * has neither a unit nor a time there. annex-missing-row reports it, and its fix adds the row,
 * whose empty cells unit-missing and time-missing then report. When annex-missing-row is off,
 * nobody else would: then unit-missing and time-missing report such a task themselves.
 */
export function reportsRowlessTasks(config: ResolvedConfig): boolean {
  const { id, defaultSeverity } = annexMissingRow.meta;
  return (config.rules[id] ?? defaultSeverity) === 'off';
}
