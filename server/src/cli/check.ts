// `yaodian check` and `yaodian fix`: lint files (and apply auto fixes), print a report.

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { resolveConfig, RULE_IDS, SEVERITIES, type Severity } from '../engine';
import { formatCheckstyle } from '../report/checkstyle';
import { formatWithModule } from '../report/eslintFormatter';
import { formatJson, formatStylish, type JsonFileResult, type JsonMessage } from '../report/format';
import { formatGithub } from '../report/github';
import { formatGitlab } from '../report/gitlab';
import { formatJunit } from '../report/junit';
import { formatSarif, type SarifFile } from '../report/sarif';
import { renderReport, type ReportDocument } from '../review/html';
import { addComments } from '../docx';
import { readDocument } from './readDocument';
import type { CheckSettings, FileJob, FileOutcome } from './checkFile';
import { CHECK_HELP } from './help';
import { expandInputs } from './inputs';
import { checkHere, checkInWorkers, workerCount } from './pool';
import { Suppressions, suppressionsPath, type SuppressionEntry } from './suppressions';
import { ENCODING_OPTIONS, type EncodingOption } from '../io/text';
import { useColor } from './color';
import type { Io } from './main';

/** Formats built in; any other name is an ESLint formatter module (report/eslintFormatter.ts). */
export const BUILTIN_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'checkstyle', 'html', 'docx'] as const;
/** Formats that need fingerprints. */
const FINGERPRINTED = new Set(['sarif', 'gitlab']);

const usageError = (io: Io, name: string, msg: string): number => {
  io.err(`yaodian ${name}: ${msg}\n(yaodian ${name} --help 查看用法)\n`);
  return 2;
};

export async function checkCommand(args: string[], io: Io, alwaysFix: boolean, command?: string): Promise<number> {
  const name = command ?? (alwaysFix ? 'fix' : 'check');
  const cwd = io.cwd ?? process.cwd();
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true, default: [] },
        'max-warnings': { type: 'string' },
        encoding: { type: 'string', default: 'auto' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        stdin: { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        'suppress-all': { type: 'boolean', default: false },
        'prune-suppressions': { type: 'boolean', default: false },
        'print-config': { type: 'string' },
        concurrency: { type: 'string', default: 'off' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return usageError(io, name, (e as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  const usage = (msg: string): number => usageError(io, name, msg);
  // `-` among the inputs is standard input, as `--stdin`.
  const stdin = values.stdin || parsed.positionals.includes('-');
  const positionals = parsed.positionals.filter((p) => p !== '-');
  if (!(ENCODING_OPTIONS as readonly string[]).includes(values.encoding)) return usage(`不支持的编码 "${values.encoding}" (--encoding ${ENCODING_OPTIONS.join('|')})`);
  const overrides: Record<string, Severity> = {};
  for (const r of values.rule) {
    const m = /^([a-z-]+)=(\w+)$/.exec(r.trim());
    if (!m || !RULE_IDS.includes(m[1]) || !SEVERITIES.includes(m[2] as Severity)) {
      return usage(`--rule "${r}" 格式应为 <规则>=<error|warning|info|off>,规则见 README (rule id=severity)`);
    }
    overrides[m[1]] = m[2] as Severity;
  }
  const configFile = values.config ? path.resolve(cwd, values.config) : undefined;

  if (values['print-config'] !== undefined) {
    try {
      io.out(JSON.stringify(resolveConfig(path.resolve(cwd, values['print-config']), { configFile, rules: overrides }), null, 2) + '\n');
      return 0;
    } catch (e) {
      return usage((e as Error).message);
    }
  }

  if (positionals.length === 0 && !stdin) return usage('需要至少一个文件、目录或通配符,或 --stdin (give at least one file, directory or glob)');
  if (stdin && positionals.length > 0) return usage('--stdin 与文件参数不能同时使用 (--stdin takes no files)');
  if (values['stdin-filename'] !== undefined && !stdin) return usage('--stdin-filename 只与 --stdin 一起使用');
  if (values['suppress-all'] && values['prune-suppressions']) return usage('--suppress-all 与 --prune-suppressions 不能同时使用');
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return usage('--max-warnings 需要非负整数 (a non-negative integer)');
  }
  const format = values.format;
  const builtin = (BUILTIN_FORMATS as readonly string[]).includes(format);
  if (format === 'docx' && !values['output-file']) return usage('--format docx 需要 -o <输出.docx>，写出带批注的文档副本 (needs -o <out.docx>)');
  if (configFile) {
    try {
      resolveConfig(configFile, { configFile });
    } catch (e) {
      return usage((e as Error).message);
    }
  }

  let exit = 0;
  let jobs: FileJob[];
  if (stdin) {
    let bytes: Uint8Array;
    try {
      bytes = (io.readStdin ?? (() => fs.readFileSync(0)))();
    } catch (e) {
      io.err(`yaodian: 无法读取标准输入: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    jobs = [{ file: path.resolve(cwd, values['stdin-filename'] ?? '<stdin>'), stdin: bytes }];
  } else {
    const { files, problems } = expandInputs(positionals, cwd);
    for (const p of problems) {
      io.err(`yaodian: ${p}\n`);
      exit = 2;
    }
    jobs = files.map((file) => ({ file }));
  }

  let suppressions: Suppressions | null = null;
  const wantSuppressions = values['suppress-all'] || values['prune-suppressions'];
  if (!stdin || wantSuppressions) {
    try {
      suppressions = Suppressions.load(suppressionsPath(cwd, configFile));
    } catch (e) {
      return usage((e as Error).message);
    }
    if (!wantSuppressions && !suppressions.exists) suppressions = null;
  }

  const settings: CheckSettings = {
    encoding: values.encoding as EncodingOption,
    fix: alwaysFix || values.fix,
    configFile,
    rules: overrides,
    fingerprints: FINGERPRINTED.has(format) || suppressions !== null,
    review: format === 'html',
    comments: format === 'docx',
  };
  const workers = workerCount(values.concurrency, jobs.length);
  if (workers === null) return usage(`--concurrency 应为正整数、auto 或 off (got "${values.concurrency}")`);
  const outcomes: FileOutcome[] = workers > 0 ? await checkInWorkers(__filename, jobs, settings, workers) : checkHere(jobs, settings);

  const results: JsonFileResult[] = [];
  const sarifFiles: SarifFile[] = [];
  const reviews: ReportDocument[] = [];
  const checked: string[] = [];
  for (const o of outcomes) {
    if (o.review) reviews.push({ file: path.relative(cwd, o.file) || o.file, review: o.review });
    for (const n of o.notes) io.err(`yaodian: ${n}\n`);
    for (const e of o.errors) io.err(`yaodian: ${e}\n`);
    if (o.errors.length) exit = 2;
    if (!o.messages) continue;
    checked.push(o.file);
    if (values['suppress-all'] && suppressions) {
      const entries: Record<string, SuppressionEntry> = {};
      o.messages.forEach((m, k) => (entries[o.fingerprints[k]] = { rule: m.ruleId, line: m.line, message: m.message }));
      suppressions.record(o.file, entries);
    }
    // Suppressed and (with --quiet) non-error findings are left out; every array is kept aligned.
    const keep = o.messages.map((m, k) => !(values.quiet && m.severity !== 2) && !(suppressions?.suppresses(o.file, o.fingerprints[k]) ?? false));
    const pick = <T>(xs: T[]): T[] => xs.filter((_, k) => keep[k]);
    const result = summarize(o.file, pick(o.messages), pick(o.fixable));
    results.push(result);
    if (settings.fingerprints) sarifFiles.push({ result, fingerprints: pick(o.fingerprints), related: pick(o.related) });
  }

  if (suppressions) {
    if (values['suppress-all'] || values['prune-suppressions']) {
      const pruned = values['prune-suppressions'] ? suppressions.prune(checked) : 0;
      try {
        suppressions.save();
      } catch (e) {
        io.err(`yaodian: 无法写入 ${suppressions.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        return 2;
      }
      const count = Object.values(suppressions.data.files).reduce((n, f) => n + Object.keys(f).length, 0);
      io.err(
        values['prune-suppressions']
          ? `yaodian: 已从 ${suppressions.file} 删除 ${pruned} 条不再出现的记录 (pruned ${pruned} suppressions)\n`
          : `yaodian: 已将 ${count} 条现有问题写入 ${suppressions.file} (suppressed ${count} findings)\n`,
      );
    } else {
      const unused = suppressions.unused(checked);
      if (unused > 0) io.err(`yaodian: ${suppressions.file} 中有 ${unused} 条记录已不再出现,可用 --prune-suppressions 清理 (unused suppressions)\n`);
    }
  }

  if (format === 'docx') {
    const code = writeCommented(outcomes, values['output-file'], cwd, io);
    const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
    return code !== 0 ? code : exit !== 0 ? exit : errorCount > 0 ? 1 : 0;
  }
  const stdinFix = outcomes.length === 1 ? outcomes[0].fixedStdin : undefined;
  let report: string;
  try {
    const color = useColor(values.color, io, values['output-file'] !== undefined);
    report = stdinFix !== undefined ? stdinFix : format === 'html' ? renderReport(reviews, { generated: new Date() }) : await render(format, builtin, results, sarifFiles, cwd, color);
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values['output-file']) {
    try {
      fs.writeFileSync(path.resolve(cwd, values['output-file']), report);
    } catch (e) {
      io.err(`yaodian: 无法写入 ${values['output-file']}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
  } else {
    io.out(report);
  }
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (exit !== 0) return exit;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    io.err(`yaodian: 警告数 ${warnings} 超过上限 ${maxWarnings} (too many warnings)\n`);
    return 1;
  }
  return 0;
}

function render(format: string, builtin: boolean, results: JsonFileResult[], sarifFiles: SarifFile[], cwd: string, color: boolean): string | Promise<string> {
  if (!builtin) return formatWithModule(format, results, cwd, color);
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(sarifFiles, cwd);
    case 'github':
      return formatGithub(results, cwd);
    case 'gitlab':
      return formatGitlab(sarifFiles, cwd);
    case 'junit':
      return formatJunit(results, cwd);
    case 'checkstyle':
      return formatCheckstyle(results);
    default:
      return formatStylish(results, color);
  }
}

/** A file's JSON result from the messages shown. */
function summarize(filePath: string, messages: JsonMessage[], fixable: boolean[]): JsonFileResult {
  const count = (sev: number): number => messages.filter((m) => m.severity === sev).length;
  const fixableOf = (sev: number): number => messages.filter((m, k) => m.severity === sev && fixable[k]).length;
  return {
    filePath,
    messages,
    errorCount: count(2),
    warningCount: count(1),
    infoCount: count(0),
    fixableErrorCount: fixableOf(2),
    fixableWarningCount: fixableOf(1),
  };
}

/** `--format docx`: the one checked Word document, copied with a comment per finding; the original is never written. */
function writeCommented(outcomes: FileOutcome[], out: string | undefined, cwd: string, io: Io): number {
  const commented = outcomes.filter((o) => o.comments !== undefined);
  if (!out || commented.length !== 1 || outcomes.length !== 1) {
    io.err('yaodian check: --format docx 需要且只需要一个 Word 文档（.docx）和 -o <输出.docx> (exactly one .docx input and -o <out.docx>)\n');
    return 2;
  }
  const [{ file, comments }] = commented;
  const target = path.resolve(cwd, out);
  if (target === path.resolve(file)) {
    io.err('yaodian check: -o 不能是被检查的文档本身，原文件不会被修改 (the original is never overwritten)\n');
    return 2;
  }
  try {
    const docx = readDocument(file).docx!;
    fs.writeFileSync(target, addComments(docx, comments!));
  } catch (e) {
    io.err(`yaodian: 无法写入 ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  io.out(`已写入带批注的文档 ${out}（${comments!.length} 条批注）/ wrote ${out} with ${comments!.length} comments\n`);
  return 0;
}
