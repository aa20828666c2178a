// The configuration each open document is checked with: the editor's `yaodian` settings under
// the nearest .yaodianrc.json with its extends and overrides (resolved by the engine's
// resolveConfig, as the CLI resolves it), remembered per document until the settings or a
// config file change.

import { fileURLToPath } from 'url';
import { resolveConfig, type ResolvedConfig } from '../engine';

/** Reads the `yaodian` settings section for a document (undefined when the client has none). */
export type SettingsSource = (uri: string) => Promise<unknown>;

export class ConfigStore {
  private readonly configs = new Map<string, Promise<ResolvedConfig>>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly settings: SettingsSource,
    private readonly warn: (message: string) => void,
    /** Told of every config file a document's config was read from (the file and what it extends), to watch them. */
    private readonly read: (files: readonly string[]) => void = () => undefined,
  ) {}

  get(uri: string): Promise<ResolvedConfig> {
    let config = this.configs.get(uri);
    if (!config) {
      config = this.resolve(uri);
      this.configs.set(uri, config);
    }
    return config;
  }

  forget(uri: string): void {
    this.configs.delete(uri);
  }

  /** Settings or a config file changed: resolved again when next asked for. */
  clear(): void {
    this.configs.clear();
    this.warned.clear();
  }

  private async resolve(uri: string): Promise<ResolvedConfig> {
    // Editor settings first; the config file wins where both set a rule (README, VS Code 扩展).
    let settings: unknown;
    try {
      settings = await this.settings(uri);
    } catch (e) {
      this.warnOnce(`yaodian: 读取设置失败: ${(e as Error).message}`);
    }
    // A problem in the settings or the config file is said once; the rest still applies.
    return resolveConfig(uri.startsWith('file:') ? fileURLToPath(uri) : null, {
      settings,
      onError: (e) => this.warnOnce(`yaodian: ${e.message}(已忽略)`),
      onConfigFiles: (files) => this.read(files),
    });
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(message);
  }
}
