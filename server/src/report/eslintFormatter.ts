// `yaodian check --format <module>`: any ESLint formatter package renders yaodian's results, as
// `eslint --format` would: `--format junit-custom` looks for `eslint-formatter-junit-custom`, then
// `junit-custom`; `@scope/x` for `@scope/eslint-formatter-x`; a path (./my-formatter.js) is loaded
// as given. Modules are resolved from the current folder, where the project installed them.
//
// Severity 0: in ESLint's shape 0 means "off" and formatters treat anything not 2 as a warning
// while counting only errorCount and warningCount. So an info finding is handed to an ESLint
// formatter as severity 1 with its message marked "提示(info):", and counted among the warnings
// it shows; yaodian's own outputs keep info as info.

import * as path from 'path';
import { createRequire } from 'module';
import { RULE_METAS, ruleDocsUrl } from '../engine';
import type { JsonFileResult } from './format';

export const INFO_PREFIX = '提示(info):';

type Formatter = (results: unknown[], context: unknown) => string | Promise<string>;

/** The module names tried for a --format value, in ESLint's order. */
export function formatterCandidates(name: string): string[] {
  if (name.startsWith('.') || path.isAbsolute(name)) return [name];
  if (name.startsWith('@')) {
    const [scope, rest] = name.split('/');
    if (!rest) return [`${scope}/eslint-formatter`];
    return rest.startsWith('eslint-formatter') ? [name] : [`${scope}/eslint-formatter-${rest}`, name];
  }
  return name.startsWith('eslint-formatter-') ? [name] : [`eslint-formatter-${name}`, name];
}

/** Loads a formatter from `cwd`; throws an Error with a Chinese message when none is found. */
export function loadFormatter(name: string, cwd: string = process.cwd()): Formatter {
  const req = createRequire(path.join(cwd, 'noop.js'));
  const tried = formatterCandidates(name);
  for (const id of tried) {
    let mod: unknown;
    try {
      mod = req(id.startsWith('.') ? path.resolve(cwd, id) : id);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(`'${id.startsWith('.') ? path.resolve(cwd, id) : id}'`)) continue;
      throw new Error(`无法加载格式化模块 "${id}":${(e as Error).message}`, { cause: e });
    }
    const fn = typeof mod === 'function' ? mod : (mod as { default?: unknown })?.default;
    if (typeof fn !== 'function') throw new Error(`格式化模块 "${id}" 没有导出函数 (not an ESLint formatter)`);
    return fn as Formatter;
  }
  throw new Error(`未知格式 "${name}":既不是内置格式,也找不到模块 ${tried.join(' 或 ')}(请先 npm install)`);
}

/** yaodian's results in the shape ESLint formatters read (LintResult[]), info shown as a marked warning. */
export function toEslintResults(results: readonly JsonFileResult[]): unknown[] {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity === 0 ? 1 : m.severity,
      message: m.severity === 0 ? `${INFO_PREFIX}${m.message}` : m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      nodeType: null,
    })),
    suppressedMessages: [],
    errorCount: r.errorCount,
    fatalErrorCount: 0,
    warningCount: r.warningCount + r.infoCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    usedDeprecatedRules: [],
  }));
}

export async function formatWithModule(name: string, results: readonly JsonFileResult[], cwd: string = process.cwd(), color = false): Promise<string> {
  const formatter = loadFormatter(name, cwd);
  const rulesMeta = Object.fromEntries(RULE_METAS.map((meta) => [meta.id, { type: 'suggestion', docs: { description: meta.description, url: ruleDocsUrl(meta.id) }, fixable: meta.fixable === 'auto' ? 'code' : undefined }]));
  const context = { cwd, rulesMeta, color, maxWarningsExceeded: undefined };
  const text = await formatter(toEslintResults(results), context);
  return typeof text === 'string' ? text : String(text ?? '');
}
