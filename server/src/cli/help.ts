// Help text of each command (`yaodian <command> --help`), Chinese first.

export const CHECK_HELP = `用法 (usage): yaodian check [options] <file|dir|glob>...
       yaodian check [options] --stdin [--stdin-filename <path>]   (或用 - 代表标准输入)
       yaodian fix   [options] <file|dir|glob>...                   (same as check --fix)

检查文档 (lint);目录中查找 *.txt 与 *.docx,跳过 .yaodianignore 与 .gitignore 列出的文件。

选项 (options):
  -f, --format <name>              输出格式,默认 stylish:
                                   stylish | json | sarif | github | gitlab | junit | checkstyle | html,
                                   或任一 ESLint 格式化模块名 (eslint-formatter-<name>)
  --format docx -o <out.docx>      Word 文档:写出带批注的副本,每个问题一条批注
  --fix                            就地应用自动修复 (apply auto fixes in place)
  -c, --config <path>              指定配置文件 (instead of .yaodianrc.json discovery)
  --rule <id>=<severity>           覆盖规则级别, 可重复 (error|warning|info|off)
  --max-warnings <n>               警告数超过 n 时退出码为 1
  --encoding auto|utf8|gb18030     文件编码, 默认 auto
  -o, --output-file <path>         报告写入文件
  --quiet                          只报告错误 (errors only)
  --color, --no-color              是否着色;默认终端中着色,也遵循 NO_COLOR / FORCE_COLOR
  --stdin                          从标准输入读取文档;fix 时把修复后的全文写到标准输出
  --stdin-filename <path>          标准输入文档的文件名 (用于查找配置、报告路径)
  --suppress-all                   把现有全部问题写入基线 yaodian-suppressions.json
  --prune-suppressions             从基线中删除已不再出现的问题
  --print-config <file>            打印该文件生效的配置 (JSON) 后退出
  --concurrency <n|auto|off>       用多个工作线程检查, 默认 off;输出顺序不变
  -h, --help                       显示本帮助

退出码 (exit codes): 0 无错误; 1 有错误或警告超过 --max-warnings; 2 用法错误或文件无法读取
`;

export const INIT_HELP = `用法 (usage): yaodian init [--force]

在当前目录写入带注释的 .yaodianrc.json (write a commented .yaodianrc.json here)。
已有该文件时不覆盖,除非给出 --force。
`;

export const OUTLINE_HELP = `用法 (usage): yaodian outline <file> [--format text|json] [--encoding auto|utf8|gb18030] [--config <path>]

显示文档结构 (outline tree):标题、各级编号与事项、任务分解表。
`;

export const ANNEX_HELP = `用法 (usage): yaodian annex <file> [--encoding auto|utf8|gb18030] [--config <path>]

由正文生成任务分解表 (task table, layout B),输出到标准输出。
`;

export const TASKS_HELP = `用法 (usage): yaodian tasks <file> [--by unit] [--format text|json|csv] [--encoding …] [--config <path>]

列出任务或各单位的任务 (tasks, or tasks by unit)。
`;

export const REPORT_HELP = `用法 (usage): yaodian report [options] <file|dir|glob>... -o <out.html>

自包含的 HTML 审阅报告 (self-contained HTML review report),与 check --format html 相同。
文档中的问题是报告的内容,不算失败:退出码 0,文件无法读取或写入时为 2。
选项与 check 相同 (same options as check),但不接受 --fix 与 --format;
如 --config、--rule、--encoding、--quiet、--stdin、--concurrency。
`;

export const TEXT_HELP = `用法 (usage): yaodian text <file.docx|file.txt> [--encoding auto|utf8|gb18030]

显示从 Word 文档 (.docx) 读出的文字 (text read from a .docx),即检查时看到的文本;
文本文件按其编码解码后原样输出。
`;

/** Help of a command, by name. */
export const COMMAND_HELP: Record<string, string> = {
  check: CHECK_HELP,
  fix: CHECK_HELP,
  init: INIT_HELP,
  outline: OUTLINE_HELP,
  annex: ANNEX_HELP,
  tasks: TASKS_HELP,
  report: REPORT_HELP,
  text: TEXT_HELP,
};
