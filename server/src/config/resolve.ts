// The config a document is checked with: the nearest `.yaodianrc.json` (or the one named with
// --config), the files it `extends` under it, then its `overrides` whose globs match the document,
// then command-line rule overrides. One place for this, so the CLI, the API and (at merge) the
// language server resolve a document's config the same way.

import * as path from 'path';
import picomatch from 'picomatch';
import { defaultConfig, mergeConfig, type ConfigFile, type ConfigOverride, type ResolvedConfig } from './config';
import { ConfigError, findConfigFile, loadConfigFile } from './load';

/** A config file with what it extends flattened in: layers in order, later wins. */
export interface LoadedConfig {
  /** The config file itself (absolute). */
  file: string;
  layers: ConfigFile[];
  /** Overrides of every layer, each with the folder its globs are relative to. */
  overrides: { dir: string; match: (relative: string) => boolean; config: ConfigOverride }[];
}

const MAX_EXTENDS_DEPTH = 20;

/** Reads a config file and everything it extends. Throws ConfigError (cycles, unreadable files). */
export function loadConfig(file: string, cache?: Map<string, LoadedConfig>): LoadedConfig {
  const abs = path.resolve(file);
  const hit = cache?.get(abs);
  if (hit) return hit;
  const loaded: LoadedConfig = { file: abs, layers: [], overrides: [] };
  const visit = (f: string, chain: string[]): void => {
    if (chain.includes(f)) throw new ConfigError(`${chain[0]}: "extends" 形成循环 (${[...chain, f].map((c) => path.basename(c)).join(' → ')})`);
    if (chain.length > MAX_EXTENDS_DEPTH) throw new ConfigError(`${chain[0]}: "extends" 层级过深`);
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
      loaded.overrides.push({ dir, match: picomatch(globs, { dot: true }), config: o });
    }
  };
  visit(abs, []);
  cache?.set(abs, loaded);
  return loaded;
}

export interface ResolveOptions {
  /** A config file to use instead of discovery (--config). */
  configFile?: string;
  /** The last layer: command-line `--rule` settings. */
  rules?: ConfigFile['rules'];
  /** Loaded configs by path, shared across the files of one run. */
  cache?: Map<string, LoadedConfig>;
}

/** The config file that applies to `file` (the explicit one, else the nearest), or null. */
export function configFileFor(file: string, options: ResolveOptions = {}): string | null {
  return options.configFile ? path.resolve(options.configFile) : findConfigFile(file);
}

/** The resolved config for a document at `file` (it need not exist: stdin's --stdin-filename). */
export function resolveConfig(file: string, options: ResolveOptions = {}): ResolvedConfig {
  const configFile = configFileFor(file, options);
  const layers: (ConfigFile | undefined)[] = [];
  if (configFile) {
    const loaded = loadConfig(configFile, options.cache);
    layers.push(...loaded.layers);
    const abs = path.resolve(file);
    for (const o of loaded.overrides) {
      const rel = path.relative(o.dir, abs).split(path.sep).join('/');
      if (rel.startsWith('../') || path.isAbsolute(rel)) continue;
      if (o.match(rel)) {
        const settings: ConfigFile & { files?: string[] } = { ...o.config };
        delete settings.files;
        layers.push(settings);
      }
    }
  }
  if (options.rules) layers.push({ rules: options.rules });
  return mergeConfig(defaultConfig(), ...layers);
}
