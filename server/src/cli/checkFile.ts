// Checking one file for `yaodian check`: read and decode it, resolve its config, apply auto
// fixes (written back in the file's own encoding), lint, and return plain data (it crosses from
// a worker thread to the main one). Every finding is returned; the caller filters (--quiet,
// suppressions) with the fingerprints computed over all of them, so filtering never shifts them.

import * as fs from 'fs';
import type { Severity } from '../rules/types';
import type { ResolvedConfig } from '../config/config';
import { ConfigError } from '../config/load';
import { resolveConfig, type LoadedConfig } from '../config/resolve';
import { fixText, lintText } from '../engine/lint';
import { toJsonResult, type JsonMessage } from '../report/format';
import { sarifFile, type SarifRelated } from '../report/sarif';
import { decode, encode, type Encoding } from './readText';
import { buildReview, type DocumentReview } from '../review/model';

export interface CheckSettings {
  encoding: Encoding | 'auto';
  fix: boolean;
  configFile?: string;
  rules: Record<string, Severity>;
  /** Compute fingerprints (SARIF, GitLab, suppressions). */
  fingerprints: boolean;
  /** Build the review (rows beside body text, charts) for the HTML report. */
  review?: boolean;
}

export interface FileJob {
  /** Absolute path; for stdin, the --stdin-filename (or a name in the current folder). */
  file: string;
  /** Bytes read from stdin instead of the file. */
  stdin?: Uint8Array;
}

export interface FileOutcome {
  file: string;
  /** Null when the file could not be read or its config is broken. */
  messages: JsonMessage[] | null;
  /** Per message: an auto fix is offered. */
  fixable: boolean[];
  fingerprints: string[];
  related: SarifRelated[][];
  /** Messages for stderr; a non-empty list means exit code 2. */
  errors: string[];
  /** For `fix` on stdin: the fixed text, printed instead of a report. */
  fixedStdin?: string;
  /** The review of the document, for the HTML report (plain data). */
  review?: DocumentReview;
}

export function checkFile(job: FileJob, settings: CheckSettings, cache: Map<string, LoadedConfig>): FileOutcome {
  const out: FileOutcome = { file: job.file, messages: null, fixable: [], fingerprints: [], related: [], errors: [] };
  let config: ResolvedConfig;
  try {
    config = resolveConfig(job.file, { configFile: settings.configFile, rules: settings.rules, cache });
  } catch (e) {
    out.errors.push(e instanceof ConfigError ? e.message : String(e));
    return out;
  }
  let src;
  try {
    src = decode(Buffer.from(job.stdin ?? fs.readFileSync(job.file)), settings.encoding);
  } catch (e) {
    out.errors.push(`无法读取 ${job.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return out;
  }
  let text = src.text;
  if (settings.fix) {
    const fixed = fixText(text, config);
    if (job.stdin) {
      out.fixedStdin = fixed.output;
    } else if (fixed.output !== text) {
      try {
        fs.writeFileSync(job.file, encode(src, fixed.output));
      } catch (e) {
        out.errors.push(`无法写入 ${job.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
    text = fixed.output;
  }
  const lint = lintText(text, config);
  const { doc, diagnostics } = lint;
  if (settings.review) out.review = buildReview(lint);
  const result = toJsonResult(job.file, diagnostics, doc.lineIndex);
  out.messages = result.messages;
  out.fixable = diagnostics.map((d) => d.fixes.some((f) => f.auto));
  if (settings.fingerprints) {
    const extras = sarifFile(result, doc, diagnostics);
    out.fingerprints = extras.fingerprints;
    out.related = extras.related;
  }
  return out;
}
