// The server's view of open documents: the last check of each version, and the configuration
// each document is checked with (editor settings under the nearest .yaodianrc.json).

import { fileURLToPath } from 'url';
import { defaultConfig, mergeConfig, type ConfigFile, type ResolvedConfig } from '../config/config';
import { findConfigFile, loadConfigFile, validateConfig } from '../config/load';
import { lintText, type LintResult } from '../engine/lint';

export interface DocumentState {
  version: number;
  result: LintResult;
  config: ResolvedConfig;
}

/** Reads the `yaodian` settings section for a document (undefined when the client has none). */
export type SettingsSource = (uri: string) => Promise<unknown>;

export class DocumentStore {
  private readonly states = new Map<string, DocumentState>();
  private readonly configs = new Map<string, Promise<ResolvedConfig>>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly settings: SettingsSource,
    private readonly warn: (message: string) => void,
  ) {}

  /** The check of this version of the document, reused when it was already made. */
  async update(uri: string, version: number, text: string): Promise<DocumentState> {
    const known = this.states.get(uri);
    if (known && known.version === version && known.result.doc.text === text) return known;
    const config = await this.configFor(uri);
    const state: DocumentState = { version, result: lintText(text, config), config };
    this.states.set(uri, state);
    return state;
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.configs.delete(uri);
  }

  /** Settings or a config file changed: every document is checked again with fresh config. */
  clearConfig(): void {
    this.configs.clear();
    this.states.clear();
    this.warned.clear();
  }

  private configFor(uri: string): Promise<ResolvedConfig> {
    let p = this.configs.get(uri);
    if (!p) {
      p = this.resolve(uri);
      this.configs.set(uri, p);
    }
    return p;
  }

  private async resolve(uri: string): Promise<ResolvedConfig> {
    // Editor settings first; the config file wins where both set a rule (README, VS Code 扩展).
    let fromSettings: ConfigFile | undefined;
    try {
      const s = (await this.settings(uri)) as { rules?: unknown } | undefined;
      if (s && s.rules && typeof s.rules === 'object' && Object.keys(s.rules).length > 0) {
        fromSettings = validateConfig({ rules: s.rules }, '设置 yaodian.rules');
      }
    } catch (e) {
      this.warnOnce(`yaodian: ${(e as Error).message}`);
    }
    let fromFile: ConfigFile | undefined;
    const file = uri.startsWith('file:') ? findConfigFile(fileURLToPath(uri)) : null;
    if (file) {
      try {
        fromFile = loadConfigFile(file);
      } catch (e) {
        this.warnOnce(`yaodian: ${(e as Error).message}(已忽略此配置文件)`);
      }
    }
    return mergeConfig(defaultConfig(), fromSettings, fromFile);
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(message);
  }
}

