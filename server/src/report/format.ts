// Reports of `yaodian check`: ESLint's JSON shape and the stylish text (README, 命令行).
// Lines and columns are 1-based; columns count UTF-16 code units, as VS Code does.

import type { Diagnostic, LineIndex } from '../engine';

export interface JsonMessage {
  ruleId: string;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Word documents only: the paragraph (and table cell) in Word's terms, e.g. `第12段`. */
  location?: string;
}

/** The message as text reports show it: with the Word location when there is one. */
export function shownMessage(m: JsonMessage): string {
  return m.location ? `${m.message}（${m.location}）` : m.message;
}

export interface JsonFileResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Auto fixes the file still offers (ESLint has these counts too). */
  fixableErrorCount: number;
  fixableWarningCount: number;
}

const SEVERITY_NUMBER = { error: 2, warning: 1, info: 0 } as const;

export function toJsonResult(filePath: string, diagnostics: Diagnostic[], lineIndex: LineIndex): JsonFileResult {
  const messages = diagnostics.map((d): JsonMessage => {
    const s = lineIndex.position(d.start);
    const e = lineIndex.position(d.end);
    return {
      ruleId: d.ruleId,
      severity: SEVERITY_NUMBER[d.severity],
      message: d.message,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
    };
  });
  const fixable = (sev: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === sev && d.fixes.some((f) => f.auto)).length;
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    infoCount: messages.filter((m) => m.severity === 0).length,
    fixableErrorCount: fixable('error'),
    fixableWarningCount: fixable('warning'),
  };
}

export function formatJson(results: JsonFileResult[]): string {
  return JSON.stringify(results) + '\n';
}


/** Grouped by file: `line:col  severity  message  rule-id`, then a summary line (ESLint's stylish). */
export function formatStylish(results: JsonFileResult[], color = false): string {
  const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    fixable += r.fixableErrorCount + r.fixableWarningCount;
    if (r.messages.length === 0) continue;
    out.push('', paint('4', r.filePath));
    const pos = r.messages.map((m) => `${m.line}:${m.column}`);
    const width = Math.max(...pos.map((p) => p.length));
    r.messages.forEach((m, i) => {
      const sev = m.severity === 2 ? paint('31', 'error  ') : m.severity === 1 ? paint('33', 'warning') : paint('36', 'info   ');
      out.push(`  ${pos[i].padEnd(width)}  ${sev}  ${shownMessage(m)}  ${paint('2', m.ruleId)}`);
    });
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  out.push('');
  const summary = `✖ ${total} 个问题 (${errors} 个错误, ${warnings} 个警告, ${infos} 个提示) / ${total} problems (${errors} errors, ${warnings} warnings, ${infos} infos)`;
  out.push(paint(errors > 0 ? '31;1' : '33;1', summary));
  if (fixable > 0) out.push(`  其中 ${fixable} 个可用 --fix 自动修复 (${fixable} fixable with --fix)`);
  return out.join('\n') + '\n';
}

