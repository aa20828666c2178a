// The configuration the engine runs with: `.yaodianrc.json` (README, 配置文件; docs/rules.md), editor settings
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
  /** Findings to leave out, by rule and text, so a document need not carry a comment. */
  ignoreFindings?: IgnoreFinding[];
  /** Other config files this one builds on (paths relative to it); this file wins. */
  extends?: string | string[];
  /** Settings for some files only: globs relative to this file's folder; later entries win. */
  overrides?: ConfigOverride[];
}

/**
 * A finding left out: of this rule (any rule when absent) whose line contains this text (width
 * folded, spaces removed, so the entry survives re-spacing).
 */
export interface IgnoreFinding {
  rule?: string;
  text: string;
}

export interface ConfigOverride extends Omit<ConfigFile, 'extends' | 'overrides'> {
  files: string[];
}

export interface ResolvedConfig {
  /** Rule id → severity; rules not listed use their default. */
  rules: Record<string, Severity>;
  planYear: number | null;
  nonTaskSections: string[];
  requireTimeNode: Requirement;
  requireUnit: Requirement;
  unitAliases: Record<string, string[]>;
  ignoreFindings: IgnoreFinding[];
}

export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    planYear: null,
    nonTaskSections: [...NON_TASK_SECTIONS],
    requireTimeNode: 'auto',
    requireUnit: 'auto',
    unitAliases: {},
    ignoreFindings: [],
  };
}

/** Layers configs: later ones win; rule severities merge key by key; ignore entries add up. */
export function mergeConfig(base: ResolvedConfig, ...layers: (ConfigFile | undefined)[]): ResolvedConfig {
  const out: ResolvedConfig = { ...base, rules: { ...base.rules }, unitAliases: { ...base.unitAliases }, ignoreFindings: [...(base.ignoreFindings ?? [])] };
  for (const l of layers) {
    if (!l) continue;
    if (l.rules) Object.assign(out.rules, l.rules);
    if (l.planYear !== undefined) out.planYear = l.planYear;
    if (l.nonTaskSections) out.nonTaskSections = [...l.nonTaskSections];
    if (l.requireTimeNode) out.requireTimeNode = l.requireTimeNode;
    if (l.requireUnit) out.requireUnit = l.requireUnit;
    if (l.unitAliases) Object.assign(out.unitAliases, l.unitAliases);
    // Ignore entries add up: a shared base's entries stay when a file adds its own.
    if (l.ignoreFindings) out.ignoreFindings.push(...l.ignoreFindings);
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
