// Running the built CLI (dist/cli.js) as CI does, and a small document with one error and one
// warning that the CLI tests share.
import { spawnSync } from 'child_process';
import { CLI } from './fixtures';

export function runCli(args: string[], cwd?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** outline-sequence at 4:1 (error) and outline-marker-format at 5:1 (warning). */
export const BAD = [
  '2026年某区政务公开工作要点',
  '一、围绕稳增长强化信息公开',
  '(一)做好财政信息公开。按季度公开财政收支情况。(区财政局负责落实)',
  '(三)推进重大项目信息公开。及时发布重点建设项目目录。(区发展改革委负责落实)',
  '二.围绕惠民生强化信息公开',
  '(四)推进教育信息公开。公布公办学校招生区域。(区教育局负责落实)',
  '',
].join('\n');
