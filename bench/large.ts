// Large documents: `yaodian check` on generated 10, 20 and 50 MB documents, wall time and peak
// memory (maxRSS of the child process, read by a preload that reports it at exit). A document
// past the CLI's size limit is expected to be refused with a clear message (exit 2), fast.
// `npm run bench` runs it after bench.ts; alone: `node out/bench/large.js [--sizes=10,20]`.

import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { spawnSync } from 'child_process';
import { generateDocument } from './generate';

const GENERATED = path.resolve('bench', 'generated');
const CLI = path.resolve('dist', 'cli.js');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [10, 20, 50];

/** Preload written beside the bundled bench (out/, not linted): prints the peak RSS (KB) to stderr at exit. */
const PRELOAD = path.resolve('out', 'bench', 'max-rss.js');

function timed(label: string, args: string[]): void {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const rss = /maxRSS=(\d+)/.exec(r.stderr ?? '');
  const note = (r.stderr ?? '').replace(/\n?maxRSS=\d+\n?/, '').trim().split('\n')[0]?.slice(0, 120) ?? '';
  console.log(
    `${label}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${rss ? `${Math.round(Number(rss[1]) / 1024)} MB peak RSS` : 'peak RSS unknown'}  exit ${r.status ?? r.signal}${note ? `  ${note}` : ''}`,
  );
}

function main(): void {
  fs.mkdirSync(GENERATED, { recursive: true });
  fs.mkdirSync(path.dirname(PRELOAD), { recursive: true });
  fs.writeFileSync(PRELOAD, "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));\n");
  console.log(`yaodian check --format json on large documents, one run each (node ${process.version})`);
  for (const mb of SIZES) {
    const file = path.join(GENERATED, `bench-${mb}mb.txt`);
    if (!fs.existsSync(file) || Math.abs(fs.statSync(file).size - mb * 1e6) > mb * 1e5) {
      fs.writeFileSync(file, generateDocument(mb * 1_000_000, 1), 'utf8');
    }
    timed(`${String(mb).padStart(3)} MB`, ['check', '--format', 'json', file]);
  }
  const broken = path.join(GENERATED, 'bench-10mb-renumber.txt');
  const source = fs.readFileSync(path.join(GENERATED, 'bench-10mb.txt'), 'utf8');
  fs.writeFileSync(broken, source.replace(/^\([一二三四五六七八九十百千万]+\)/gm, '(一)'));
  timed(' 10 MB, every level-2 item numbered (一): check', ['check', '--format', 'json', broken]);
  timed(' 10 MB, every level-2 item numbered (一): fix  ', ['fix', '--format', 'json', broken]);
}

main();
