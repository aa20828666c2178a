// Report benchmark (issue 14): `yaodian report <folder> -o report.html` on a folder of 100 drafts
// of 4–40 KB (the generator's plans, each with its task table), wall time including node's
// start, min and median of a few runs. Target: a few seconds.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { performance } from 'perf_hooks';
import { generateDocumentWithStats } from './generate';

const DOCS = 100;
const RUNS = 5;
const TARGET_MS = 5_000;
// Outside the repository: its .gitignore lists bench/generated/, and report honours .gitignore.
const ROOT = path.join(os.tmpdir(), `yaodian-bench-report-${DOCS}`);
const OUT = path.join(os.tmpdir(), `yaodian-bench-report-${DOCS}.html`);
const CLI = path.resolve('dist', 'cli.js');

function ensureDocuments(): { bytes: number; rows: number; tasks: number } {
  fs.rmSync(ROOT, { recursive: true, force: true });
  fs.mkdirSync(ROOT, { recursive: true });
  let bytes = 0;
  let rows = 0;
  let tasks = 0;
  for (let i = 0; i < DOCS; i++) {
    const g = generateDocumentWithStats(4_000 + ((i * 7919) % 36_000), i + 1);
    fs.writeFileSync(path.join(ROOT, `${String(i).padStart(3, '0')}-2026年工作要点.txt`), g.text);
    bytes += Buffer.byteLength(g.text);
    rows += g.rows;
    tasks += g.tasks;
  }
  return { bytes, rows, tasks };
}

function main(): void {
  const { bytes, rows, tasks } = ensureDocuments();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'report', ROOT, '-o', OUT], { encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`yaodian report exited with ${r.status}: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  console.log('');
  console.log(`yaodian report on ${DOCS} documents (${(bytes / 1e6).toFixed(1)} MB, ${tasks} body tasks, ${rows} table rows) in one folder`);
  console.log(`  min ${(times[0] / 1000).toFixed(2)} s, median ${(median / 1000).toFixed(2)} s of ${RUNS} runs; report ${(fs.statSync(OUT).size / 1e6).toFixed(1)} MB`);
  console.log(`  target ≤ ${TARGET_MS / 1000} s: ${median <= TARGET_MS ? 'met' : 'MISSED'}`);
  if (process.argv.includes('--check') && median > TARGET_MS) process.exitCode = 1;
}

main();
