// The engine facade: all the CLI, the language server and the programmatic API use of the engine
// (`npm run lint:deps` keeps them from reaching past it into document/, analysis/, fixes/, rules/
// or the config loader), so the editor and CI always agree:
//   - resolveConfig: the configuration for a document path (config.ts, the one place it is resolved);
//   - lintText, fixText (all auto fixes, or `only` one rule's): lint.ts;
//   - documentFacts and what commands show of a document (tasks, units, the generated task
//     table, renumbering): facts.ts;
//   - the rule ids and the types and text helpers the adapters need to speak about results.

export { lintText, fixText, severityOf, type Diagnostic, type FixOptions, type FixResult, type LintResult } from './lint';
export { resolveConfig, ConfigError, type ConfigCache, type ConfigFile, type ConfigSources, type ResolvedConfig } from './config';
export {
  documentFacts,
  annexTable,
  annexTableEdit,
  renumberEdits,
  tasksOf,
  unitsOf,
  unitAtOffset,
  nextMarker,
  type DocumentFacts,
  type TaskInfo,
  type TaskUnit,
  type UnitEntry,
} from './facts';

export { defaultConfig, mergeConfig, SEVERITIES } from '../config/config';
export { CONFIG_FILE_NAME, findConfigFile, validateConfig } from '../config/load';
export { RULE_IDS, RULE_METAS } from '../rules';
export { ruleDocsUrl, type RelatedInfo, type RuleMeta } from '../rules/types';
export { foldWidth, joinLines, removeSpaces, type LineIndex } from '../document/text';
export type { Fix, Severity, TextEdit } from '../core';
export type { AnnexRow, Cell, Item, ParsedDocument, Range, Sentence, TimeNode, Unit, UnitRole } from '../document/model';
export type { DocumentAnalysis } from '../analysis/analysis';
export type { DocumentKind } from '../analysis/meaning';
