// Folder benchmark (part of `npm run bench`): a reviewer's year of drafts, 3,000 documents of
// 4–40 KB in 12 folders, checked by the built CLI with --concurrency off, 2 and auto.
// Target: ≤ 15 s for the 3,000 documents on a 2-core machine (issue 15). With --check the process
// exits with 1 when the best setting misses it.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { performance } from 'perf_hooks';
import { generateDocument } from './generate';

const DOCS = 3000;
const TARGET_MS = 15_000;
// Outside the repository: its .gitignore lists bench/generated/, and check honours .gitignore.
const ROOT = path.join(os.tmpdir(), 'yaodian-bench-folder-3000');
const CLI = path.resolve('dist', 'cli.js');
const CHECK = process.argv.includes('--check');

function ensureDocuments(): number {
  const marker = path.join(ROOT, `.complete-${DOCS}`);
  if (!fs.existsSync(marker)) {
    fs.rmSync(ROOT, { recursive: true, force: true });
    for (let i = 0; i < DOCS; i++) {
      const dir = path.join(ROOT, `${String((i % 12) + 1).padStart(2, '0')}月`);
      fs.mkdirSync(dir, { recursive: true });
      // Sizes of real drafts: a few KB to a few tens of KB.
      const bytes = 4_000 + ((i * 7919) % 36_000);
      fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-2026年工作要点.txt`), generateDocument(bytes, i + 1));
    }
    fs.writeFileSync(marker, '');
  }
  let total = 0;
  for (const d of fs.readdirSync(ROOT)) {
    const full = path.join(ROOT, d);
    if (fs.statSync(full).isDirectory()) for (const f of fs.readdirSync(full)) total += fs.statSync(path.join(full, f)).size;
  }
  return total;
}

function main(): void {
  const bytes = ensureDocuments();
  console.log(`yaodian check on ${DOCS} documents (${(bytes / 1e6).toFixed(1)} MB) in 12 folders, --format json to a file`);
  let best = Infinity;
  let reference: string | null = null;
  for (const concurrency of ['off', '2', 'auto']) {
    const out = path.join(path.dirname(ROOT), `folder-${concurrency}.json`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '-o', out, '--concurrency', concurrency, ROOT], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status === 2) throw new Error(r.stderr);
    const report = fs.readFileSync(out, 'utf8');
    reference ??= report;
    const same = report === reference ? 'same report' : 'REPORT DIFFERS';
    console.log(`  --concurrency ${concurrency.padEnd(4)} ${(ms / 1000).toFixed(2).padStart(6)} s  (${same})`);
    best = Math.min(best, ms);
    if (report !== reference) process.exitCode = 1;
  }
  const ok = best <= TARGET_MS;
  console.log(`  best ${(best / 1000).toFixed(2)} s, target ≤ ${TARGET_MS / 1000} s: ${ok ? 'met' : 'MISSED'}`);
  if (CHECK && !ok) process.exitCode = 1;
}

main();
