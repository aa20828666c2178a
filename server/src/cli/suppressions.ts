// The suppressions baseline `yaodian-suppressions.json` (ESLint's bulk suppressions, keyed by
// fingerprint): `check --suppress-all` records every current finding, later runs report only
// findings not in it, `--prune-suppressions` drops entries that no longer occur. A team adopts the
// checker on old documents without touching them and fails only on new problems.
//
// The file sits beside the nearest .yaodianrc.json (or the --config file), else in the current
// folder. Paths are relative to it with forward slashes, so it can be committed. Fingerprints are
// the SARIF ones (rule, text of the range and of its line; no line number): editing elsewhere in
// a document keeps its entries. `line` and `message` are there for the reader only.

import * as fs from 'fs';
import * as path from 'path';
import { findConfigFile } from '../engine';

export const SUPPRESSIONS_FILE_NAME = 'yaodian-suppressions.json';

export interface SuppressionEntry {
  rule: string;
  line: number;
  message: string;
}

export interface SuppressionsData {
  version: 1;
  /** Relative path → fingerprint → entry. */
  files: Record<string, Record<string, SuppressionEntry>>;
}

/** Where the baseline of this run lives. */
export function suppressionsPath(cwd: string, configFile?: string): string {
  const config = configFile ? path.resolve(cwd, configFile) : findConfigFile(path.join(cwd, SUPPRESSIONS_FILE_NAME));
  return path.join(config ? path.dirname(config) : cwd, SUPPRESSIONS_FILE_NAME);
}

export class Suppressions {
  readonly data: SuppressionsData;
  private readonly used = new Map<string, Set<string>>();

  private constructor(
    readonly file: string,
    data: SuppressionsData | null,
  ) {
    this.data = data ?? { version: 1, files: {} };
  }

  /** The baseline at `file`; an empty one when there is none. Throws on a broken file. */
  static load(file: string): Suppressions {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Suppressions(file, null);
      throw new Error(`无法读取 ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
    }
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch (e) {
      throw new Error(`${file}: 不是有效的 JSON (${(e as Error).message})`, { cause: e });
    }
    const d = data as SuppressionsData;
    if (!d || typeof d !== 'object' || d.version !== 1 || typeof d.files !== 'object' || d.files === null) {
      throw new Error(`${file}: 不是 yaodian 的基线文件 (expected {"version": 1, "files": {…}})`);
    }
    return new Suppressions(file, d);
  }

  get exists(): boolean {
    return fs.existsSync(this.file);
  }

  key(filePath: string): string {
    return path.relative(path.dirname(this.file), filePath).split(path.sep).join('/');
  }

  /** True when the finding is in the baseline (and remembers that the entry is still used). */
  suppresses(filePath: string, fingerprint: string): boolean {
    const key = this.key(filePath);
    if (!this.data.files[key]?.[fingerprint]) return false;
    let used = this.used.get(key);
    if (!used) this.used.set(key, (used = new Set()));
    used.add(fingerprint);
    return true;
  }

  /** Replaces the entries of a checked file with its current findings. */
  record(filePath: string, entries: Record<string, SuppressionEntry>): void {
    const key = this.key(filePath);
    if (Object.keys(entries).length) this.data.files[key] = entries;
    else delete this.data.files[key];
  }

  /** Entries of the checked files that matched nothing in this run. */
  unused(checked: readonly string[]): number {
    let n = 0;
    for (const f of checked) {
      const key = this.key(f);
      const used = this.used.get(key);
      for (const fp of Object.keys(this.data.files[key] ?? {})) if (!used?.has(fp)) n++;
    }
    return n;
  }

  /** Drops the unused entries of the checked files; returns how many. */
  prune(checked: readonly string[]): number {
    let n = 0;
    for (const f of checked) {
      const key = this.key(f);
      const entries = this.data.files[key];
      if (!entries) continue;
      const used = this.used.get(key);
      for (const fp of Object.keys(entries)) {
        if (!used?.has(fp)) {
          delete entries[fp];
          n++;
        }
      }
      if (Object.keys(entries).length === 0) delete this.data.files[key];
    }
    return n;
  }

  /** Writes the baseline, files in a stable order so that diffs stay small. */
  save(): void {
    const files: SuppressionsData['files'] = {};
    for (const k of Object.keys(this.data.files).sort()) files[k] = this.data.files[k];
    fs.writeFileSync(this.file, JSON.stringify({ version: 1, files }, null, 2) + '\n');
  }
}
