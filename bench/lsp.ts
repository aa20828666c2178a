// Language-server figures over stdio (`node dist/server.js --stdio`, as an editor runs it):
//
// 1. Edit → diagnostics: one-character edits, each awaited, median, on the 46 KB corpus document
//    (118-row annex) and a 1 MB document. Targets: ≤ 30 ms and ≤ 250 ms.
// 2. A burst: 200 one-character edits sent without waiting, on 46 KB, 500 KB and 2 MB. Reported:
//    the delay from the last edit sent to the diagnostics of the last version, how many versions
//    were checked and published, and the server's memory (resident set, peak since start).
//    Target on 500 KB: ≤ 300 ms.
// 3. Code actions on the 46 KB document: the light bulb's request for each finding (median), the
//    request for `source.fixAll.yaodian` (as on save), and resolving that action.
//
// Usage: node out/bench/lsp.js [--check] (the bundle from `npm run bench`).

import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../test/helpers/lspClient';
import { generateDocument } from './generate';

const GENERATED = path.resolve('bench', 'generated');
const CORPUS = path.resolve('test/fixtures/corpus/000_8af76b9c2bc005bb.txt');
const SERVER = path.resolve('dist/server.js');
const BURST_EDITS = 200;
/** A burst whose last diagnostics have not come after this long is reported as such. */
const BURST_GIVE_UP_MS = 60_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** The server's resident memory now and at its peak, in MB (Linux /proc; null elsewhere). */
function memory(pid: number | undefined): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    return { rss: mb('VmRSS'), peak: mb('VmHWM') };
  } catch {
    return null;
  }
}

function generated(file: string, bytes: number): string {
  const full = path.join(GENERATED, file);
  if (!fs.existsSync(full)) {
    fs.mkdirSync(GENERATED, { recursive: true });
    fs.writeFileSync(full, generateDocument(bytes), 'utf8');
  }
  return full;
}

async function withServer<T>(f: (client: TestClient) => Promise<T>): Promise<T> {
  const client = TestClient.stdio(SERVER);
  await client.start();
  try {
    return await f(client);
  } finally {
    await client.stop();
  }
}

/** Types one character into the middle of a body line, as a drafter does. */
function typing(text: string) {
  const line = Math.min(20, text.split('\n').length - 1);
  return [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: '加' }];
}

async function editLatency(): Promise<boolean> {
  console.log('edit → publishDiagnostics, each edit awaited, median');
  const cases = [
    { label: '46 KB corpus', file: CORPUS, edits: 60, target: 30 },
    { label: '1 MB', file: generated('bench-1mb.txt', 1_000_000), edits: 15, target: 250 },
  ];
  let ok = true;
  for (const c of cases) {
    const text = fs.readFileSync(c.file, 'utf8');
    const m = await withServer(async (client) => {
      const uri = pathToFileURL(c.file).toString();
      await client.open(uri, text);
      const times: number[] = [];
      for (let i = 0; i < c.edits + 5; i++) {
        const t0 = performance.now();
        await client.change(uri, typing(text));
        if (i >= 5) times.push(performance.now() - t0);
      }
      return median(times);
    });
    ok &&= m <= c.target;
    console.log(`${c.label.padEnd(14)} ${m.toFixed(1).padStart(7)} ms (target ≤ ${c.target} ms)  ${m <= c.target ? 'ok' : 'MISSED'}`);
  }
  return ok;
}

async function bursts(): Promise<boolean> {
  console.log('');
  console.log(`a burst of ${BURST_EDITS} edits sent without waiting: last diagnostics after the burst, versions published, server memory (MB)`);
  console.log(`${'doc'.padEnd(14)} ${'delay ms'.padStart(9)} ${'published'.padStart(10)} ${'rss open'.padStart(9)} ${'rss end'.padStart(8)} ${'peak'.padStart(7)}`);
  const cases = [
    { label: '46 KB corpus', file: CORPUS },
    { label: '500 KB', file: generated('bench-500kb.txt', 500_000), target: 300 },
    { label: '2 MB', file: generated('bench-2mb.txt', 2_000_000) },
  ];
  let ok = true;
  for (const c of cases) {
    const text = fs.readFileSync(c.file, 'utf8');
    await withServer(async (client) => {
      const uri = pathToFileURL(c.file).toString();
      await client.open(uri, text);
      const atOpen = memory(client.process?.pid);
      let published = 0;
      client.onPublish(() => published++);
      const exited = new Promise<string>((resolve) => client.process?.once('exit', (code, signal) => resolve(`server exited (${signal ?? code})`)));
      let last: Promise<unknown> = Promise.resolve();
      for (let i = 0; i < BURST_EDITS; i++) last = client.change(uri, typing(text));
      const sent = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        last.then(() => 'ok'),
        exited,
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no diagnostics after ${BURST_GIVE_UP_MS / 1000} s`), BURST_GIVE_UP_MS))),
      ]);
      clearTimeout(timer);
      const delay = performance.now() - sent;
      const end = memory(client.process?.pid);
      const target = c.target === undefined ? '' : `  (target ≤ ${c.target} ms) ${delay <= c.target ? 'ok' : 'MISSED'}`;
      if (c.target !== undefined) ok &&= outcome === 'ok' && delay <= c.target;
      const fmt = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(0));
      console.log(
        `${c.label.padEnd(14)} ${(outcome === 'ok' ? delay.toFixed(0) : '-').padStart(9)} ${String(published).padStart(10)} ${fmt(atOpen?.rss).padStart(9)} ${fmt(end?.rss).padStart(8)} ${fmt(end?.peak ?? atOpen?.peak).padStart(7)}${outcome === 'ok' ? target : `  ${outcome}`}`,
      );
    });
  }
  return ok;
}

async function codeActions(): Promise<void> {
  console.log('');
  console.log('code actions on the 46 KB corpus document, ms');
  const text = fs.readFileSync(CORPUS, 'utf8');
  await withServer(async (client) => {
    const uri = pathToFileURL(CORPUS).toString();
    const { diagnostics } = await client.open(uri, text);
    const request = (range: Diagnostic['range'], context: { diagnostics: Diagnostic[]; only?: string[] }) =>
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context }) as Promise<CodeAction[]>;
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const d of diagnostics) {
        const t0 = performance.now();
        await request(d.range, { diagnostics: [d] });
        if (round > 0) times.push(performance.now() - t0);
      }
    }
    const start = { line: 0, character: 0 };
    const onSave: number[] = [];
    const resolve: number[] = [];
    for (let i = 0; i < 6; i++) {
      let t0 = performance.now();
      const [action] = await request({ start, end: start }, { diagnostics: [], only: ['source.fixAll.yaodian'] });
      if (i > 0) onSave.push(performance.now() - t0);
      if (action && !action.edit) {
        t0 = performance.now();
        await client.connection.sendRequest('codeAction/resolve', action);
        if (i > 0) resolve.push(performance.now() - t0);
      }
    }
    console.log(`light bulb on one finding (${diagnostics.length} findings), median ${median(times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}`);
    console.log(`source.fixAll.yaodian (on save) request, median ${median(onSave).toFixed(1)}${resolve.length ? `; its resolve, median ${median(resolve).toFixed(1)}` : ' (edit computed in the request)'}`);
  });
}

async function main(): Promise<void> {
  console.log(`language server over stdio (node ${process.version})`);
  const latencyOk = await editLatency();
  const burstOk = await bursts();
  await codeActions();
  if (process.argv.includes('--check') && !(latencyOk && burstOk)) process.exitCode = 1;
}

void main();
