// Command dispatch and option parsing for `yaodian`. Exit codes: 0 ok, 1 errors found,
// 2 bad usage or an unreadable file.

import { parseArgs } from 'util';
import { parseDocument } from '../document/parse';
import { outlineJson, outlineText } from '../report/outline';
import { readText, type Encoding } from './readText';
import { checkCommand } from './check';

const USAGE = `用法 (usage):
  yaodian check [options] <file|dir|glob>...   检查文档 (lint)
  yaodian fix   [options] <file|dir|glob>...   自动修复 (same as check --fix)
  yaodian outline <file> [--format text|json]   显示文档结构 (outline tree)
  yaodian annex <file>                          由正文生成任务分解表 (layout B)
  yaodian tasks <file> [--by unit] [--format text|json|csv]
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Colour the stylish report only on a terminal. */
  isTTY?: boolean;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY,
};

export async function run(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return checkCommand(rest, io, false);
    case 'fix':
      return checkCommand(rest, io, true);
    case 'outline':
      return outlineCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`yaodian: 未知命令 "${command}" (unknown command)\n${USAGE}`);
      return 2;
  }
}

function outlineCommand(args: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        encoding: { type: 'string', default: 'auto' },
      },
    });
  } catch (e) {
    io.err(`yaodian outline: ${(e as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err('yaodian outline: 需要且只需要一个文件 (exactly one file)\n');
    return 2;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    io.err(`yaodian outline: 不支持的格式 "${values.format}" (--format text|json)\n`);
    return 2;
  }
  const enc = values.encoding as Encoding | 'auto';
  let text: string;
  try {
    text = readText(positionals[0], enc).text;
  } catch (e) {
    io.err(`yaodian: 无法读取 ${positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  const doc = parseDocument(text);
  io.out(values.format === 'json' ? JSON.stringify(outlineJson(doc), null, 2) + '\n' : outlineText(doc));
  return 0;
}
