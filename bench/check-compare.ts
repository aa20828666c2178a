// Side-by-side `yaodian check --format json` of several builds of the CLI on one document: wall
// time of the whole command (node's start included) and its CPU time (user + system, all threads,
// reported by a small wrapper at exit: CPU time is steadier than wall time on a shared machine).
// The builds take turns, round after round (in alternating order), so that other work on the
// machine falls on all of them alike: with 2 cores and other processes running, one run of each
// is not a comparison. Each build's code cache is warmed by one run before the rounds.
//
// Usage: node out/bench/check-compare.js ROUNDS FILE cli.js... (build it as bench/lsp.ts is built;
// an older build's CLI: `git worktree add ../old <commit>`, npm ci and npm run build there).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { spawnSync } from 'child_process';

/** Runs the CLI in this process after its own start, and prints the process's CPU time at exit. */
const WRAPPER = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\ncpu=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });
process.argv.splice(1, 1); require(process.argv[1]);`;

function once(wrapper: string, cli: string, file: string): { wall: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [wrapper, cli, 'check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - t0;
  const cpu = /cpu=(\d+)/.exec(r.stderr ?? '');
  if (!cpu) throw new Error(`${cli}: ${r.stderr}`);
  return { wall, cpu: Number(cpu[1]) / 1000 };
}

function summary(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0].toFixed(0)} / ${s[s.length >> 1].toFixed(0)}`;
}

function main(): void {
  const [roundsArg, file, ...clis] = process.argv.slice(2);
  const rounds = Number(roundsArg);
  if (!(rounds > 0) || !file || clis.length === 0) throw new Error('usage: check-compare.js ROUNDS FILE cli.js...');
  const wrapper = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-bench-')), 'cpu.js');
  fs.writeFileSync(wrapper, WRAPPER);
  const runs = new Map<string, { wall: number[]; cpu: number[] }>(clis.map((c) => [c, { wall: [], cpu: [] }]));
  for (const cli of clis) once(wrapper, path.resolve(cli), file);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? clis : [...clis].reverse();
    for (const cli of order) {
      const { wall, cpu } = once(wrapper, path.resolve(cli), file);
      runs.get(cli)!.wall.push(wall);
      runs.get(cli)!.cpu.push(cpu);
    }
  }
  console.log(`yaodian check --format json ${path.basename(file)}, ${rounds} rounds (min / median, ms; node ${process.version})`);
  for (const [cli, { wall, cpu }] of runs) console.log(`  ${cli}: wall ${summary(wall)}, CPU ${summary(cpu)}`);
}

main();
