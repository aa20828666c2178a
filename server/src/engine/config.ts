// The configuration a document is checked with, resolved in one place for the CLI and the
// language server: the built-in defaults, then editor settings, then the config file (the one
// named with --config, else the nearest .yaodianrc.json above the document), then command-line
// overrides. Later layers win; rule severities merge rule by rule.

import { defaultConfig, mergeConfig, type ConfigFile, type ResolvedConfig } from '../config/config';
import { ConfigError, findConfigFile, loadConfigFile, validateConfig } from '../config/load';

export { ConfigError };
export type { ConfigFile, ResolvedConfig };

export interface ConfigSources {
  /** A config file named by the user (`--config`): used instead of looking for one. */
  configPath?: string;
  /** The editor's `yaodian` settings section (only `rules` is read), validated here; the config file wins over it. */
  settings?: unknown;
  /** Layered over everything else (`--rule id=severity`). */
  overrides?: ConfigFile;
  /** Config files already read, by path: a run over many files reads each file once. */
  cache?: Map<string, ConfigFile>;
  /**
   * Called with a problem in the settings or the config file, which is then left out (the editor
   * keeps checking with the rest). Without it, the problem is thrown as a ConfigError.
   */
  onError?: (error: ConfigError) => void;
}

/**
 * The configuration for the document at `filePath` (null for a document with no file, such as
 * an unsaved editor buffer: no config file is looked for). Throws ConfigError (Chinese message)
 * for an unreadable or invalid config file or settings, unless `onError` is given.
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
  const rules = (sources.settings as { rules?: unknown } | undefined)?.rules;
  const fromSettings =
    rules !== undefined && rules !== null && !(typeof rules === 'object' && Object.keys(rules).length === 0)
      ? layer(() => validateConfig({ rules }, '设置 yaodian.rules'))
      : undefined;
  const file = sources.configPath ?? (filePath === null ? null : findConfigFile(filePath));
  const fromFile = file === null ? undefined : layer(() => readConfigFile(file, sources.cache));
  return mergeConfig(defaultConfig(), fromSettings, fromFile, sources.overrides);
}

function readConfigFile(file: string, cache: Map<string, ConfigFile> | undefined): ConfigFile {
  let config = cache?.get(file);
  if (!config) {
    config = loadConfigFile(file);
    cache?.set(file, config);
  }
  return config;
}
