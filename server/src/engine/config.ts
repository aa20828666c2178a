// The configuration a document is checked with, resolved here and nowhere else: `check`, `fix`,
// `--print-config`, `outline`, `tasks`, `annex`, the programmatic API and the language server all
// call resolveConfig (through the engine facade). Layers, later ones winning (rule severities
// merge rule by rule; ignore entries add up):
//   1. the built-in defaults;
//   2. the editor's `yaodian.rules` setting (only the language server passes settings);
//   3. the config file: the one named with --config, else the nearest .yaodianrc.json above the
//      document; the files it `extends` first (bases before it), then the file, then its
//      `overrides` whose globs match the document;
//   4. command-line `--rule` settings.
// Reading and validating one file is config/load.ts; the types and merging are config/config.ts.

import * as path from 'path';
import { defaultConfig, mergeConfig, type ConfigFile, type ConfigOverride, type ResolvedConfig } from '../config/config';
import { ConfigError, findConfigFile, loadConfigFile, validateConfig } from '../config/load';
import { lazy } from '../core';

export { ConfigError };
export type { ConfigFile, ResolvedConfig };

/** A config file with what it extends flattened in: layers in order, later wins. */
export interface LoadedConfig {
  /** The config file itself (absolute). */
  file: string;
  /** The config file and every file it extends, directly or not (absolute): what a watcher watches. */
  files: string[];
  layers: ConfigFile[];
  /** Overrides of every layer, each with the folder its globs are relative to. */
  overrides: { dir: string; match: (relative: string) => boolean; config: ConfigOverride }[];
}

/** Config files already read (with what they extend), by absolute path: a run over many files reads each once. */
export type ConfigCache = Map<string, LoadedConfig>;

export interface ConfigSources {
  /** A config file named by the user (`--config`): used instead of looking for one. */
  configFile?: string;
  /** The editor's `yaodian` settings section (only `rules` is read), validated here; the config file wins over it. */
  settings?: unknown;
  /** The last layer: command-line `--rule` settings. */
  rules?: ConfigFile['rules'];
  /** Config files already read, shared across the files of one run. */
  cache?: ConfigCache;
  /**
   * Called with a problem in the settings or the config file, which is then left out (the editor
   * keeps checking with the rest). Without it, the problem is thrown as a ConfigError.
   */
  onError?: (error: ConfigError) => void;
  /** Called with the config file read and every file it extends (absolute), when there is one. */
  onConfigFiles?: (files: readonly string[]) => void;
}

const MAX_EXTENDS_DEPTH = 20;

/** Reads a config file and everything it extends. Throws ConfigError (cycles, unreadable or invalid files). */
export function loadConfig(file: string, cache?: ConfigCache): LoadedConfig {
  const abs = path.resolve(file);
  const hit = cache?.get(abs);
  if (hit) return hit;
  const loaded: LoadedConfig = { file: abs, files: [], layers: [], overrides: [] };
  const visit = (f: string, chain: string[]): void => {
    if (chain.includes(f)) throw new ConfigError(`${chain[0]}: "extends" 形成循环 (${[...chain, f].map((c) => path.basename(c)).join(' → ')})`);
    if (chain.length > MAX_EXTENDS_DEPTH) throw new ConfigError(`${chain[0]}: "extends" 层级过深`);
    if (!loaded.files.includes(f)) loaded.files.push(f);
    const layer = loadConfigFile(f);
    const bases = layer.extends === undefined ? [] : Array.isArray(layer.extends) ? layer.extends : [layer.extends];
    for (const b of bases) visit(path.resolve(path.dirname(f), b), [...chain, f]);
    const own = { ...layer };
    delete own.extends;
    delete own.overrides;
    loaded.layers.push(own);
    const dir = path.dirname(f);
    for (const o of layer.overrides ?? []) {
      // A glob without a slash matches the file name in any folder, as in .gitignore.
      const globs = o.files.map((g) => (g.includes('/') ? g.replace(/^\.\//, '') : `**/${g}`));
      loaded.overrides.push({ dir, match: picomatch()(globs, { dot: true }), config: o });
    }
  };
  visit(abs, []);
  cache?.set(abs, loaded);
  return loaded;
}

/** The config file that applies to the document at `filePath` (the named one, else the nearest), or null. */
export function configFileFor(filePath: string | null, sources: Pick<ConfigSources, 'configFile'> = {}): string | null {
  if (sources.configFile) return path.resolve(sources.configFile);
  return filePath === null ? null : findConfigFile(filePath);
}

/**
 * The configuration for the document at `filePath` (it need not exist: stdin's --stdin-filename;
 * null for a document with no file, such as an unsaved editor buffer: no config file is looked
 * for and no override matches). Throws ConfigError (Chinese message) for an unreadable or invalid
 * config file or settings, unless `onError` is given.
 */
export function resolveConfig(filePath: string | null, sources: ConfigSources = {}): ResolvedConfig {
  const layer = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof ConfigError) || !sources.onError) throw e;
      sources.onError(e);
      return undefined;
    }
  };
  const layers: (ConfigFile | undefined)[] = [];
  const settingsRules = (sources.settings as { rules?: unknown } | undefined)?.rules;
  if (settingsRules !== undefined && settingsRules !== null && !(typeof settingsRules === 'object' && Object.keys(settingsRules).length === 0)) {
    layers.push(layer(() => validateConfig({ rules: settingsRules }, '设置 yaodian.rules')));
  }
  const file = configFileFor(filePath, sources);
  const loaded = file === null ? undefined : layer(() => loadConfig(file, sources.cache));
  if (loaded) {
    sources.onConfigFiles?.(loaded.files);
    layers.push(...loaded.layers);
    if (filePath !== null) layers.push(...matchingOverrides(loaded, filePath));
  }
  if (sources.rules) layers.push({ rules: sources.rules });
  return mergeConfig(defaultConfig(), ...layers);
}

/** The `overrides` entries whose globs match the document, in order, without their `files`. */
function matchingOverrides(loaded: LoadedConfig, filePath: string): ConfigFile[] {
  const abs = path.resolve(filePath);
  const out: ConfigFile[] = [];
  for (const o of loaded.overrides) {
    const rel = path.relative(o.dir, abs).split(path.sep).join('/');
    // A document outside the config's folder (--config elsewhere) matches no override.
    if (rel.startsWith('../') || path.isAbsolute(rel)) continue;
    if (o.match(rel)) {
      const settings: ConfigFile & { files?: string[] } = { ...o.config };
      delete settings.files;
      out.push(settings);
    }
  }
  return out;
}

/** picomatch, loaded when a config file has overrides. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const picomatch = lazy(() => require('picomatch') as typeof import('picomatch'));
