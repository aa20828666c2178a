// The programmatic API: `require('yaodian')` or `import { lintText } from 'yaodian'`.
//
//   const { lintText, fixText, loadConfig } = require('yaodian');
//   const { messages, errorCount } = lintText(text, { filePath: 'docs/2026年工作要点.txt' });
//
// Results have the shape of `yaodian check --format json` (ESLint's). The types here are written
// out rather than imported from the engine, so dist/api.d.ts stands alone (it is produced from
// this file only; see esbuild.js) and the engine's inner types can change without breaking users.

import * as fs from 'fs';
import * as path from 'path';
import {
  defaultConfig,
  fixText as engineFix,
  lintText as engineLint,
  mergeConfig,
  resolveConfig,
  validateConfig,
  type ConfigFile as EngineConfigFile,
  type ResolvedConfig,
} from './engine';
import { toJsonResult } from './report/format';
import { version as packageVersion } from '../../package.json';

export type Severity = 'error' | 'warning' | 'info' | 'off';
export type Requirement = 'auto' | 'always' | 'never';

/** The settings of `.yaodianrc.json`, resolved: every key present. */
export interface Config {
  rules: Record<string, Severity>;
  planYear: number | null;
  nonTaskSections: string[];
  requireTimeNode: Requirement;
  requireUnit: Requirement;
  unitAliases: Record<string, string[]>;
  ignoreFindings: { rule?: string; text: string }[];
}

/** A config as written in `.yaodianrc.json` (every key optional; no extends or overrides). */
export interface ConfigInput {
  rules?: Record<string, Severity>;
  planYear?: number | null;
  nonTaskSections?: string[];
  requireTimeNode?: Requirement;
  requireUnit?: Requirement;
  unitAliases?: Record<string, string[]>;
  ignoreFindings?: { rule?: string; text: string }[];
}

export interface LintOptions {
  /**
   * Where the text comes from. Without `config`, the config is found from here as the CLI does
   * (the nearest .yaodianrc.json, its extends and overrides); it is also the result's filePath.
   */
  filePath?: string;
  /** The config to use instead of looking one up: a loadConfig() result, or settings as in .yaodianrc.json. */
  config?: ConfigInput;
}

export interface LintMessage {
  ruleId: string;
  /** 2 = error, 1 = warning, 0 = info (a finding, not "off"). */
  severity: 0 | 1 | 2;
  message: string;
  /** 1-based; columns count UTF-16 code units, as VS Code does. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export interface FixResult extends LintResult {
  /** The text with every auto fix applied. */
  output: string;
  /** How many fixes were applied. */
  fixed: number;
}

export const version: string = packageVersion;

function configOf(options: LintOptions): ResolvedConfig {
  if (options.config) {
    // A loadConfig() result has planYear null: the same as not set.
    const { planYear, ...rest } = options.config;
    // Validated as a config file is, so a typo is an error and not a silent default.
    const checked: EngineConfigFile = validateConfig(planYear === null || planYear === undefined ? rest : { ...rest, planYear }, 'options.config');
    return mergeConfig(defaultConfig(), checked);
  }
  return options.filePath ? resolveConfig(path.resolve(options.filePath)) : defaultConfig();
}

/** Checks a text. Throws only for a bad config; any text is checked. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const { doc, diagnostics } = engineLint(text, configOf(options));
  return toJsonResult(options.filePath ? path.resolve(options.filePath) : '<text>', diagnostics, doc.lineIndex);
}

/** Applies every auto fix (as `yaodian fix` does) and checks the result. */
export function fixText(text: string, options: LintOptions = {}): FixResult {
  const config = configOf(options);
  const { output, fixed } = engineFix(text, config);
  const { doc, diagnostics } = engineLint(output, config);
  return { ...toJsonResult(options.filePath ? path.resolve(options.filePath) : '<text>', diagnostics, doc.lineIndex), output, fixed };
}

/**
 * The config for a path: for a config file, that file (with what it extends); for a document or
 * a folder, the config the CLI would check it with (the nearest .yaodianrc.json and the
 * overrides that match). Throws an Error with a Chinese message for a broken config.
 */
export function loadConfig(file: string): Config {
  const abs = path.resolve(file);
  if (/\.json$/i.test(abs)) return resolveConfig(path.join(path.dirname(abs), 'any.txt'), { configFile: abs });
  // A folder's config is the one a document directly inside it gets.
  return resolveConfig(isFolder(abs) ? path.join(abs, 'any.txt') : abs);
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
