// `yaodian check` and `yaodian fix`: lint files (and apply auto fixes), print a report.

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { defaultConfig, mergeConfig, SEVERITIES, type ConfigFile, type ResolvedConfig } from '../config/config';
import { ConfigError, findConfigFile, loadConfigFile } from '../config/load';
import { fixText, lintText } from '../engine/lint';
import { RULE_IDS } from '../rules';
import type { Severity } from '../rules/types';
import { formatJson, formatStylish, toJsonResult, type JsonFileResult } from '../report/format';
import { formatGithub } from '../report/github';
import { formatSarif, sarifFile, type SarifFile } from '../report/sarif';
import { buildReview } from '../review/model';
import { renderReport, type ReportDocument } from '../review/html';
import { expandInputs } from './inputs';
import { encode, type Encoding } from './readText';
import { readDocument, readError, type ReadDocument } from './readDocument';
import { addComments, docxLocation, type DocxPackage } from '../docx';
import type { Diagnostic } from '../engine/lint';
import type { Io } from './main';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'html', 'docx'] as const;
const SEVERITY_WORD = { error: '错误', warning: '警告', info: '提示' } as const;

export async function checkCommand(args: string[], io: Io, alwaysFix: boolean, command?: string): Promise<number> {
  const name = command ?? (alwaysFix ? 'fix' : 'check');
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
  if (!['auto', 'utf8', 'gb18030'].includes(values.encoding)) return usage(`不支持的编码 "${values.encoding}" (--encoding auto|utf8|gb18030)`);
  if (values.format === 'docx' && !values['output-file']) return usage('--format docx 需要 -o <输出.docx>，写出带批注的文档副本 (needs -o <out.docx>)');
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
  const reviews: ReportDocument[] = [];
  const commented: { file: string; docx: DocxPackage; diagnostics: Diagnostic[] }[] = [];
  for (const file of files) {
    let config: ResolvedConfig;
    try {
      config = configFor(file);
    } catch (e) {
      io.err(`yaodian: ${e instanceof ConfigError ? e.message : String(e)}\n`);
      exit = 2;
      continue;
    }
    let read: ReadDocument;
    try {
      read = readDocument(file, values.encoding as Encoding | 'auto');
    } catch (e) {
      io.err(readError(file, e));
      exit = 2;
      continue;
    }
    const docx = read.docx;
    if (docx && (alwaysFix || values.fix)) {
      io.err(`yaodian: ${file}: --fix 不修改 Word 文档；请用 --format docx -o <输出.docx> 生成带批注的副本 (use --format docx -o <out.docx>)\n`);
      exit = 2;
      continue;
    }
    let text = read.text;
    const src = read.source;
    if (src && (alwaysFix || values.fix)) {
      const fixed = fixText(text, config);
      if (fixed.output !== text) {
        try {
          fs.writeFileSync(file, encode(src, fixed.output));
        } catch (e) {
          io.err(`yaodian: 无法写入 ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
          exit = 2;
        }
        text = fixed.output;
      }
    }
    const lint = lintText(text, config);
    const { doc, diagnostics } = lint;
    const shown = values.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
    const result = toJsonResult(file, shown, doc.lineIndex);
    if (docx) {
      result.messages.forEach((m, i) => (m.location = docxLocation(docx.paragraphs, shown[i].start)));
      if (values.format === 'docx') commented.push({ file, docx, diagnostics: shown });
    }
    results.push(result);
    // Fingerprints need the text: computed now, so the documents need not be kept.
    if (values.format === 'sarif') sarifFiles.push(sarifFile(result, doc, shown));
    if (values.format === 'html') reviews.push({ file: path.relative(process.cwd(), file) || file, review: buildReview({ ...lint, diagnostics: shown }) });
  }

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (values.format === 'docx') {
    const code = writeCommented(commented, values['output-file'] as string, io);
    return code !== 0 ? code : exit !== 0 ? exit : errors > 0 ? 1 : 0;
  }
  const report =
    values.format === 'json'
      ? formatJson(results)
      : values.format === 'sarif'
        ? formatSarif(sarifFiles)
        : values.format === 'github'
          ? formatGithub(results)
          : values.format === 'html'
            ? renderReport(reviews, { generated: new Date() })
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

/** `--format docx`: the one checked Word document, copied with a comment per finding. */
function writeCommented(commented: { file: string; docx: DocxPackage; diagnostics: Diagnostic[] }[], out: string, io: Io): number {
  if (commented.length !== 1) {
    io.err(`yaodian check: --format docx 需要且只需要一个 Word 文档（.docx）(exactly one .docx input)\n`);
    return 2;
  }
  const [{ file, docx, diagnostics }] = commented;
  if (path.resolve(out) === path.resolve(file)) {
    io.err(`yaodian check: -o 不能是被检查的文档本身，原文件不会被修改 (the original is never overwritten)\n`);
    return 2;
  }
  const comments = diagnostics.map((d) => ({ start: d.start, end: d.end, text: `${SEVERITY_WORD[d.severity]}：${d.message}（${d.ruleId}）` }));
  try {
    fs.writeFileSync(out, addComments(docx, comments));
  } catch (e) {
    io.err(`yaodian: 无法写入 ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  io.out(`已写入带批注的文档 ${out}（${comments.length} 条批注）/ wrote ${out} with ${comments.length} comments\n`);
  return 0;
}
