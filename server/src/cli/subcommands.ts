// `yaodian outline`, `yaodian annex` and `yaodian tasks`: one document in, a tree or a table out. The document
// is read like `check` reads it (encoding detection; its config resolved by the engine as for
// `check`: the nearest .yaodianrc.json or --config, with extends and overrides), so the tasks
// listed are the tasks `check` checks.

import * as path from 'path';
import { parseArgs } from 'util';
import { taskTableCsv, tasksByUnitCsv } from '../report/csv';
import { tasksByUnitText, tasksJson, tasksText } from '../report/tasks';
import { outlineJson, outlineText } from '../report/outline';
import { annexTable, documentFacts, resolveConfig, type DocumentFacts, type ResolvedConfig } from '../engine';
import type { Io } from './main';
import { ENCODING_OPTIONS, type EncodingOption } from '../io/text';
import { readDocument, readError } from './readDocument';

type Loaded = DocumentFacts;

/** Reads and parses the one file of a subcommand; a number is the exit code of a failure. */
function load(name: string, file: string, values: { encoding?: string; config?: string }, io: Io): Loaded | number {
  const fail = (msg: string): number => {
    io.err(`yaodian ${name}: ${msg}\n`);
    return 2;
  };
  const enc = values.encoding ?? 'auto';
  if (!(ENCODING_OPTIONS as readonly string[]).includes(enc)) return fail(`不支持的编码 "${enc}" (--encoding ${ENCODING_OPTIONS.join('|')})`);
  let config: ResolvedConfig;
  try {
    config = resolveConfig(path.resolve(file), { configFile: values.config });
  } catch (e) {
    return fail((e as Error).message);
  }
  let text: string;
  try {
    text = readDocument(file, enc as EncodingOption).text;
  } catch (e) {
    io.err(`yaodian: ${readError(file, e)}\n`);
    return 2;
  }
  return documentFacts(text, config);
}

function parse(name: string, args: string[], io: Io, extra: Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>) {
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { encoding: { type: 'string' }, config: { type: 'string' }, ...extra },
    });
    if (parsed.positionals.length !== 1) {
      io.err(`yaodian ${name}: 需要且只需要一个文件 (exactly one file)\n`);
      return null;
    }
    return parsed;
  } catch (e) {
    io.err(`yaodian ${name}: ${(e as Error).message}\n`);
    return null;
  }
}

/** `yaodian outline <file> [--format text|json]`: what the parser understood. */
export function outlineCommand(args: string[], io: Io): number {
  const parsed = parse('outline', args, io, { format: { type: 'string', default: 'text' } });
  if (!parsed) return 2;
  const format = (parsed.values as { format?: string }).format;
  if (format !== 'text' && format !== 'json') {
    io.err(`yaodian outline: 不支持的格式 "${String(format)}" (--format text|json)\n`);
    return 2;
  }
  const loaded = load('outline', parsed.positionals[0], parsed.values as { encoding?: string; config?: string }, io);
  if (typeof loaded === 'number') return loaded;
  io.out(format === 'json' ? JSON.stringify(outlineJson(loaded), null, 2) + '\n' : outlineText(loaded));
  return 0;
}

/** `yaodian annex <file>`: the task table generated from the body, layout B. */
export function annexCommand(args: string[], io: Io): number {
  const parsed = parse('annex', args, io, {});
  if (!parsed) return 2;
  const loaded = load('annex', parsed.positionals[0], parsed.values as { encoding?: string; config?: string }, io);
  if (typeof loaded === 'number') return loaded;
  io.out(annexTable(loaded));
  return 0;
}

/** `yaodian tasks <file> [--by unit] [--format text|json|csv]`. */
export function tasksCommand(args: string[], io: Io): number {
  const parsed = parse('tasks', args, io, { by: { type: 'string' }, format: { type: 'string', default: 'text' } });
  if (!parsed) return 2;
  const values = parsed.values as { encoding?: string; config?: string; by?: string; format?: string };
  if (values.by !== undefined && values.by !== 'unit') {
    io.err(`yaodian tasks: 不支持的分组 "${values.by}" (--by unit)\n`);
    return 2;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'csv'].includes(format)) {
    io.err(`yaodian tasks: 不支持的格式 "${format}" (--format text|json|csv)\n`);
    return 2;
  }
  const loaded = load('tasks', parsed.positionals[0], values, io);
  if (typeof loaded === 'number') return loaded;
  const { doc, analysis } = loaded;
  const byUnit = values.by === 'unit';
  if (format === 'json') io.out(tasksJson(doc, analysis, byUnit));
  else if (format === 'csv') io.out(byUnit ? tasksByUnitCsv(doc, analysis) : taskTableCsv(doc, analysis));
  else io.out(byUnit ? tasksByUnitText(doc, analysis) : tasksText(doc, analysis));
  return 0;
}

/** `yaodian text <file.docx>`: the text read from a Word document, as the checker sees it. */
export function textCommand(args: string[], io: Io): number {
  const parsed = parse('text', args, io, {});
  if (!parsed) return 2;
  const file = parsed.positionals[0];
  try {
    io.out(readDocument(file, ((parsed.values as { encoding?: string }).encoding ?? 'auto') as EncodingOption).text);
  } catch (e) {
    io.err(`yaodian: ${readError(file, e)}\n`);
    return 2;
  }
  return 0;
}
