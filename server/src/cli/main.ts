// Command dispatch and option parsing for `yaodian`. Exit codes: 0 ok, 1 errors found,
// 2 bad usage or an unreadable file.

import { version } from '../../../package.json';
import { checkCommand } from './check';
import { COMMAND_HELP } from './help';
import { initCommand } from './init';
import { annexCommand, outlineCommand, tasksCommand, textCommand } from './subcommands';
import { reportCommand } from './report';

const USAGE = `用法 (usage):
  yaodian check [options] <file|dir|glob>...   检查文档 (lint); 目录中查找 *.txt 与 *.docx
  yaodian fix   [options] <file|dir|glob>...   自动修复 (same as check --fix)
  yaodian outline <file> [--format text|json]   显示文档结构 (outline tree)
  yaodian annex <file>                          由正文生成任务分解表 (task table, layout B)
  yaodian tasks <file> [--by unit] [--format text|json|csv]
                                                列出任务或各单位的任务 (tasks, or tasks by unit)
  yaodian text <file.docx>                      显示从 Word 文档读出的文字 (text read from a .docx)
  yaodian report <file|dir|glob>... -o <out.html>
                                                自包含的 HTML 审阅报告 (review report)
  yaodian init                                  在当前目录写入带注释的 .yaodianrc.json
  yaodian --version                             显示版本
  yaodian <命令> --help                          显示该命令的全部选项 (help per command)

check / fix 选项 (options):
  --format stylish|json|sarif|github|gitlab|junit|checkstyle|html|<ESLint 格式化模块>
                                       输出格式, 默认 stylish (html: 同 report)
  --format docx -o <out.docx>          Word 文档: 写出带批注的副本, 每个问题一条批注
  --fix                                就地应用自动修复 (apply auto fixes in place)
  --config <path>                      指定配置文件 (instead of .yaodianrc.json discovery)
  --rule <id>=<severity>               覆盖规则级别, 可重复 (error|warning|info|off)
  --max-warnings <n>                   警告数超过 n 时退出码为 1
  --encoding auto|utf8|gb18030         文件编码, 默认 auto
  -o, --output-file <path>             报告写入文件
  --quiet                              只报告错误 (errors only)
  --stdin [--stdin-filename <path>]    从标准输入读取 (或用 -)
  --suppress-all | --prune-suppressions   写入 / 清理基线 yaodian-suppressions.json
  --print-config <file>                打印该文件生效的配置
  --concurrency <n|auto|off>           多线程检查
  --no-color                           不着色 (也遵循 NO_COLOR / FORCE_COLOR)
annex / tasks 也接受 --encoding 与 --config。

退出码 (exit codes): 0 无错误; 1 有错误或警告超过 --max-warnings; 2 用法错误或文件无法读取
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Colour the stylish report only on a terminal. */
  isTTY?: boolean;
  /** NO_COLOR and FORCE_COLOR are read from here (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Standard input for --stdin (default: read file descriptor 0). */
  readStdin?: () => Uint8Array;
  /** The folder relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY,
};

export async function run(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || (rest.includes('--version') && command in COMMAND_HELP)) {
    io.out(`${version}\n`);
    return 0;
  }
  if (command !== undefined && command in COMMAND_HELP && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(COMMAND_HELP[command]);
    return 0;
  }
  switch (command) {
    case 'check':
      return checkCommand(rest, io, false);
    case 'fix':
      return checkCommand(rest, io, true);
    case 'outline':
      return outlineCommand(rest, io);
    case 'annex':
      return annexCommand(rest, io);
    case 'tasks':
      return tasksCommand(rest, io);
    case 'report':
      return reportCommand(rest, io);
    case 'init':
      return initCommand(rest, io);
    case 'text':
      return textCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      if (rest[0] && rest[0] in COMMAND_HELP) {
        io.out(COMMAND_HELP[rest[0]]);
        return 0;
      }
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`yaodian: 未知命令 "${command}" (unknown command)\n${USAGE}`);
      return 2;
  }
}
