// Checking one file for `yaodian check`: read and decode it, resolve its config, apply auto
// fixes (written back in the file's own encoding), lint, and return plain data (it crosses from
// a worker thread to the main one). Every finding is returned; the caller filters (--quiet,
// suppressions) with the fingerprints computed over all of them, so filtering never shifts them.

import * as fs from 'fs';
import { ConfigError, fixText, lintText, resolveConfig, type ConfigCache, type ResolvedConfig, type Severity } from '../engine';
import { toJsonResult, type JsonMessage } from '../report/format';
import { sarifFile, type SarifRelated } from '../report/sarif';
import { encode, encodingName, isLossless, MAX_DOCUMENT_BYTES, type EncodingOption, type SourceText } from '../io/text';
import { docxLocation } from '../docx';
import { readDocument, readError, type ReadDocument } from './readDocument';
import { buildReview, type DocumentReview } from '../review/model';

export interface CheckSettings {
  encoding: EncodingOption;
  fix: boolean;
  configFile?: string;
  rules: Record<string, Severity>;
  /** Compute fingerprints (SARIF, GitLab, suppressions). */
  fingerprints: boolean;
  /** Build the review (rows beside body text, charts) for the HTML report. */
  review?: boolean;
  /** Keep each finding as a Word comment (`--format docx`). */
  comments?: boolean;
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
  /** What was done to the file (`已修复 N 处`, a fix undone): said on stderr, not a failure. */
  notes: string[];
  /** For `fix` on stdin: the fixed text, printed instead of a report. */
  fixedStdin?: string;
  /** The review of the document, for the HTML report (plain data). */
  review?: DocumentReview;
  /** For a Word document with `--format docx`: one comment per finding, anchored on its text. */
  comments?: DocxComment[];
}

/** A finding as a Word comment: the text range it concerns and what the comment says. */
export interface DocxComment {
  start: number;
  end: number;
  text: string;
}

const SEVERITY_WORD = { error: '错误', warning: '警告', info: '提示' } as const;

export function checkFile(job: FileJob, settings: CheckSettings, cache: ConfigCache): FileOutcome {
  const out: FileOutcome = { file: job.file, messages: null, fixable: [], fingerprints: [], related: [], errors: [], notes: [] };
  let config: ResolvedConfig;
  try {
    config = resolveConfig(job.file, { configFile: settings.configFile, rules: settings.rules, cache });
  } catch (e) {
    out.errors.push(e instanceof ConfigError ? e.message : String(e));
    return out;
  }
  let read: ReadDocument;
  try {
    if (job.stdin && job.stdin.length > MAX_DOCUMENT_BYTES) throw new Error(`标准输入超过 ${MAX_DOCUMENT_BYTES / 1048576} MB 的上限,未检查 (input too large)`);
    read = readDocument(job.file, settings.encoding, job.stdin);
  } catch (e) {
    out.errors.push(readError(job.file, e));
    return out;
  }
  const { docx, source: src } = read;
  if (docx && settings.fix) {
    out.errors.push(`${job.file}: --fix 不修改 Word 文档；请用 --format docx -o <输出.docx> 生成带批注的副本 (use --format docx -o <out.docx>)`);
    return out;
  }
  let text = read.text;
  if (settings.fix && src) {
    if (job.stdin) text = out.fixedStdin = fixText(text, config).output;
    else {
      const fixed = fixFile(job.file, src, config);
      if (fixed.message) (fixed.failed ? out.errors : out.notes).push(`${job.file}: ${fixed.message}`);
      text = fixed.text;
    }
  }
  const lint = lintText(text, config);
  const { doc, diagnostics } = lint;
  if (settings.review) out.review = buildReview(lint);
  const result = toJsonResult(job.file, diagnostics, doc.lineIndex);
  if (docx) {
    // Findings on a Word document also name the paragraph (and table cell) they are in.
    result.messages.forEach((m, i) => (m.location = docxLocation(docx.paragraphs, diagnostics[i].start)));
    if (settings.comments) {
      out.comments = diagnostics.map((d) => ({ start: d.start, end: d.end, text: `${SEVERITY_WORD[d.severity]}：${d.message}（${d.ruleId}）` }));
    }
  }
  out.messages = result.messages;
  out.fixable = diagnostics.map((d) => d.fixes.some((f) => f.auto));
  if (settings.fingerprints) {
    const extras = sarifFile(result, doc, diagnostics);
    out.fingerprints = extras.fingerprints;
    out.related = extras.related;
  }
  return out;
}

/**
 * Fixes one file in place and says what happened: how many fixes (by rule), or why nothing was
 * written. The text returned is what the file now holds, so the report shows what is left.
 */
function fixFile(file: string, src: SourceText, config: ResolvedConfig): { text: string; message: string | null; failed: boolean } {
  const fixed = fixText(src.text, config);
  if (fixed.reverted) {
    const { errorsBefore, errorsAfter } = fixed.reverted;
    return {
      text: src.text,
      message: `自动修复后错误反而增多(${errorsBefore} → ${errorsAfter}),已撤销,文件未改动 (fixing made it worse; undone, file unchanged)`,
      failed: false,
    };
  }
  if (fixed.output === src.text) return { text: src.text, message: null, failed: false };
  if (!isLossless(src)) {
    return {
      text: src.text,
      message:
        `文件不能按 ${encodingName(src.encoding)} 无损读取(含无法解码的字节),写回会改变原有内容,未修复;` +
        '请先修正文件编码或损坏的字节 (not decoded losslessly: not written)',
      failed: true,
    };
  }
  try {
    fs.writeFileSync(file, encode(src, fixed.output));
  } catch (e) {
    return {
      text: src.text,
      message: `无法写入,未修复 (cannot write, not fixed): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      failed: true,
    };
  }
  const byRule = Object.entries(fixed.fixedByRule).map(([id, n]) => `${id} ${n}`).join(',');
  return { text: fixed.output, message: `已修复 ${fixed.fixed} 处(${byRule}) (${fixed.fixed} fixed)`, failed: false };
}
