// `yaodian report <file|dir|glob>... -o <out.html>`: the self-contained HTML review report.
// The same as `check --format html` (same options and configuration), except that findings in
// the documents are the report's content, not a failure: the exit code is 0 unless a file could
// not be read or written (2).

import { checkCommand } from './check';
import type { Io } from './main';

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const refused = args.find((a) => a === '--fix' || a === '--format' || a.startsWith('--format='));
  if (refused) {
    io.err(`yaodian report: 不接受 ${refused.split('=')[0]} 选项 (report writes HTML and changes no file)\n`);
    return 2;
  }
  const code = await checkCommand(['--format', 'html', ...args], io, false, 'report');
  return code === 1 ? 0 : code;
}
