// The configuration the engine runs with: `.yaodianrc.json` (INTERFACES.md), editor settings
// and command-line overrides, merged into one ResolvedConfig.

import type { Severity } from '../core';
import { NON_TASK_SECTIONS } from '../lexicon';
import { foldWidth, removeSpaces } from '../document/text';

export type Requirement = 'auto' | 'always' | 'never';

/** The config file's shape (every key optional). */
export interface ConfigFile {
  rules?: Record<string, Severity>;
  planYear?: number;
  nonTaskSections?: string[];
  requireTimeNode?: Requirement;
  requireUnit?: Requirement;
  /** Preferred name → the other names it is written as. */
  unitAliases?: Record<string, string[]>;
}

export interface ResolvedConfig {
  /** Rule id → severity; rules not listed use their default. */
  rules: Record<string, Severity>;
  planYear: number | null;
  nonTaskSections: string[];
  requireTimeNode: Requirement;
  requireUnit: Requirement;
  unitAliases: Record<string, string[]>;
}

export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    planYear: null,
    nonTaskSections: [...NON_TASK_SECTIONS],
    requireTimeNode: 'auto',
    requireUnit: 'auto',
    unitAliases: {},
  };
}

/** Layers configs: later ones win; rule severities merge key by key. */
export function mergeConfig(base: ResolvedConfig, ...layers: (ConfigFile | undefined)[]): ResolvedConfig {
  const out: ResolvedConfig = { ...base, rules: { ...base.rules }, unitAliases: { ...base.unitAliases } };
  for (const l of layers) {
    if (!l) continue;
    if (l.rules) Object.assign(out.rules, l.rules);
    if (l.planYear !== undefined) out.planYear = l.planYear;
    if (l.nonTaskSections) out.nonTaskSections = [...l.nonTaskSections];
    if (l.requireTimeNode) out.requireTimeNode = l.requireTimeNode;
    if (l.requireUnit) out.requireUnit = l.requireUnit;
    if (l.unitAliases) Object.assign(out.unitAliases, l.unitAliases);
  }
  return out;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'off'];

/** Alias → preferred name, both with spaces removed and width folded. */
export function aliasMap(config: ResolvedConfig): Map<string, string> {
  const map = new Map<string, string>();
  const norm = (s: string): string => removeSpaces(foldWidth(s));
  for (const [preferred, aliases] of Object.entries(config.unitAliases)) {
    for (const a of aliases) map.set(norm(a), norm(preferred));
  }
  return map;
}
