// Side-by-side edit → diagnostics latency of several builds of the language server on the 1 MB
// bench document, as bench/lsp.ts measures it (one-character edits, each awaited, 5 warm-up
// edits per server start). The servers take turns, round after round (in alternating order), so
// that other work on the machine falls on all of them alike: with 2 cores and other processes
// running, one run of each is not a comparison.
//
// Usage: node out/bench/lsp-compare.js ROUNDS EDITS server.js... (build it as bench/lsp.ts is
// built; an older build's server: `git worktree add ../old <commit>`, npm ci and npm run build there).

import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { TestClient } from '../test/helpers/lspClient';
import { generateDocument } from './generate';

const FILE = path.resolve('bench', 'generated', 'bench-1mb.txt');
const WARM_UP = 5;

async function latencies(server: string, text: string, edits: number): Promise<number[]> {
  const client = TestClient.stdio(path.resolve(server));
  await client.start();
  try {
    const uri = pathToFileURL(FILE).toString();
    await client.open(uri, text);
    const times: number[] = [];
    const typing = [{ range: { start: { line: 20, character: 3 }, end: { line: 20, character: 3 } }, text: '加' }];
    for (let i = 0; i < edits + WARM_UP; i++) {
      const t0 = performance.now();
      await client.change(uri, typing);
      if (i >= WARM_UP) times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const [rounds, edits, ...servers] = process.argv.slice(2);
  if (servers.length === 0) throw new Error('usage: lsp-compare.js ROUNDS EDITS server.js...');
  if (!fs.existsSync(FILE)) {
    fs.mkdirSync(path.dirname(FILE), { recursive: true });
    fs.writeFileSync(FILE, generateDocument(1_000_000), 'utf8');
  }
  const text = fs.readFileSync(FILE, 'utf8');
  const times = servers.map((): number[] => []);
  for (let r = 0; r < Number(rounds); r++) {
    const order = r % 2 === 0 ? servers.map((_, i) => i) : servers.map((_, i) => servers.length - 1 - i);
    for (const i of order) times[i].push(...(await latencies(servers[i], text, Number(edits))));
  }
  servers.forEach((server, i) => {
    const t = [...times[i]].sort((a, b) => a - b);
    console.log(`${server.padEnd(40)} n=${t.length}  min ${t[0].toFixed(1)}  p25 ${t[t.length >> 2].toFixed(1)}  median ${t[t.length >> 1].toFixed(1)} ms`);
  });
}

void main();
