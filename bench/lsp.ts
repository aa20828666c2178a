// Language-server latency over stdio: from a one-character edit to the published diagnostics,
// median over many edits, on the 46 KB corpus document (118-row annex) and a 1 MB document.
// Targets (issue): ≤ 30 ms median on the corpus document, ≤ 250 ms on 1 MB.

import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { TestClient } from '../test/helpers/lspClient';

const CASES = [
  { label: '46 KB corpus', file: path.resolve('test/fixtures/corpus/000_8af76b9c2bc005bb.txt'), edits: 60, target: 30 },
  { label: '1 MB', file: path.resolve('bench/generated/bench-1mb.txt'), edits: 15, target: 250 },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function main(): Promise<void> {
  console.log('language server over stdio: edit → publishDiagnostics, median');
  let ok = true;
  for (const c of CASES) {
    if (!fs.existsSync(c.file)) {
      console.log(`${c.label}: ${c.file} missing (run the parser bench first)`);
      continue;
    }
    const client = new TestClient(path.resolve('dist/server.js'));
    await client.start();
    const uri = pathToFileURL(c.file).toString();
    const text = fs.readFileSync(c.file, 'utf8');
    await client.open(uri, text);
    // Type characters into the middle of a body line, as a drafter does.
    const line = Math.min(20, text.split('\n').length - 1);
    const times: number[] = [];
    for (let i = 0; i < c.edits + 5; i++) {
      const t0 = performance.now();
      await client.change(uri, [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '加' }]);
      if (i >= 5) times.push(performance.now() - t0);
    }
    await client.stop();
    const m = median(times);
    ok &&= m <= c.target;
    console.log(`${c.label.padEnd(14)} ${m.toFixed(1).padStart(7)} ms (target ≤ ${c.target} ms)  ${m <= c.target ? 'ok' : 'MISSED'}`);
  }
  if (process.argv.includes('--check') && !ok) process.exitCode = 1;
}

void main();
