// `yaodian check` and `yaodian fix`: lint files (and apply auto fixes), print a report.

import * as fs from 'fs';
import { parseArgs } from 'util';
import { defaultConfig, mergeConfig, SEVERITIES, type ConfigFile, type ResolvedConfig } from '../config/config';
import { ConfigError, findConfigFile, loadConfigFile } from '../config/load';
import { fixText, lintText } from '../engine/lint';
import { RULE_IDS } from '../rules';
import type { Severity } from '../rules/types';
import { formatJson, formatStylish, toJsonResult, type JsonFileResult } from '../report/format';
import { formatGithub } from '../report/github';
import { formatSarif, sarifFile, type SarifFile } from '../report/sarif';
import { expandInputs } from './inputs';
import { encode, encodingName, ENCODING_OPTIONS, isLossless, readErrorMessage, readText, type EncodingOption, type SourceText } from '../io/text';
import type { Io } from './main';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

export async function checkCommand(args: string[], io: Io, alwaysFix: boolean): Promise<number> {
  const name = alwaysFix ? 'fix' : 'check';
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        config: { type: 'string' },
        rule: { type: 'string', multiple: true, default: [] },
        'max-warnings': { type: 'string' },
        encoding: { type: 'string', default: 'auto' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean', default: false },
        color: { type: 'boolean' },
      },
    });
  } catch (e) {
    io.err(`yaodian ${name}: ${(e as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const usage = (msg: string): number => {
    io.err(`yaodian ${name}: ${msg}\n`);
    return 2;
  };
  if (positionals.length === 0) return usage('需要至少一个文件、目录或通配符 (give at least one file, directory or glob)');
  if (!(FORMATS as readonly string[]).includes(values.format)) return usage(`不支持的格式 "${values.format}" (--format ${FORMATS.join('|')})`);
  if (!(ENCODING_OPTIONS as readonly string[]).includes(values.encoding)) return usage(`不支持的编码 "${values.encoding}" (--encoding ${ENCODING_OPTIONS.join('|')})`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return usage('--max-warnings 需要非负整数 (a non-negative integer)');
  }
  const overrides: Record<string, Severity> = {};
  for (const r of values.rule) {
    const m = /^([a-z-]+)=(\w+)$/.exec(r.trim());
    if (!m || !RULE_IDS.includes(m[1]) || !SEVERITIES.includes(m[2] as Severity)) {
      return usage(`--rule "${r}" 格式应为 <规则>=<error|warning|info|off>,规则见 README (rule id=severity)`);
    }
    overrides[m[1]] = m[2] as Severity;
  }

  let explicitConfig: ConfigFile | undefined;
  try {
    if (values.config) explicitConfig = loadConfigFile(values.config);
  } catch (e) {
    return usage((e as Error).message);
  }

  const { files, problems } = expandInputs(positionals);
  let exit = 0;
  for (const p of problems) {
    io.err(`yaodian: ${p}\n`);
    exit = 2;
  }

  const configCache = new Map<string, ConfigFile | undefined>();
  const configFor = (file: string): ResolvedConfig => {
    let layer = explicitConfig;
    if (!values.config) {
      const found = findConfigFile(file);
      if (found) {
        if (!configCache.has(found)) configCache.set(found, loadConfigFile(found));
        layer = configCache.get(found);
      }
    }
    return mergeConfig(defaultConfig(), layer, { rules: overrides });
  };

  const results: JsonFileResult[] = [];
  const sarifFiles: SarifFile[] = [];
  for (const file of files) {
    let config: ResolvedConfig;
    let src: SourceText;
    try {
      config = configFor(file);
    } catch (e) {
      io.err(`yaodian: ${e instanceof ConfigError ? e.message : String(e)}\n`);
      exit = 2;
      continue;
    }
    try {
      src = readText(file, values.encoding as EncodingOption);
    } catch (e) {
      io.err(`yaodian: ${readErrorMessage(file, e)}\n`);
      exit = 2;
      continue;
    }
    let text = src.text;
    if (alwaysFix || values.fix) {
      const outcome = fixFile(file, src, config);
      if (outcome.message) io.err(`yaodian: ${file}: ${outcome.message}\n`);
      if (outcome.failed) exit = 2;
      text = outcome.text;
    }
    const { doc, diagnostics } = lintText(text, config);
    const shown = values.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    const result = toJsonResult(file, shown, doc.lineIndex);
    results.push(result);
    // Fingerprints need the text: computed now, so the documents need not be kept.
    if (values.format === 'sarif') sarifFiles.push(sarifFile(result, doc, shown));
  }

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const report =
    values.format === 'json'
      ? formatJson(results)
      : values.format === 'sarif'
        ? formatSarif(sarifFiles)
        : values.format === 'github'
          ? formatGithub(results)
          : formatStylish(results, values.color ?? (!values['output-file'] && io.isTTY === true));
  if (values['output-file']) {
    try {
      fs.writeFileSync(values['output-file'], report);
    } catch (e) {
      io.err(`yaodian: 无法写入 ${values['output-file']}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
  } else {
    io.out(report);
  }
  if (exit !== 0) return exit;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    io.err(`yaodian: 警告数 ${warnings} 超过上限 ${maxWarnings} (too many warnings)\n`);
    return 1;
  }
  return 0;
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
