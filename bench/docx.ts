// `yaodian check` on a Word document against the same text as .txt: the ~1 MB document of
// bench.ts (bench/generated/bench-1mb.txt) is written as a .docx with the `docx` package, one
// Word paragraph per line, each run with the fonts and size a drafter's template gives (what
// Word and WPS write). Target (issue 13): the .docx takes at most twice the time of the .txt.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const GENERATED = path.resolve('bench', 'generated');
const TXT = path.join(GENERATED, 'bench-1mb.txt');
const DOCX = path.join(GENERATED, 'bench-1mb.docx');
const CLI = path.resolve('dist', 'cli.js');
const RUNS = 9;
const TARGET_RATIO = 2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Wall times of checking each file, the files taken in turn so that a busy machine slows both alike. */
function wall(files: string[]): { ms: number; out: string }[] {
  const run = (file: string): string => spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  const outs = files.map(run);
  const times = files.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) {
    files.forEach((file, k) => {
      const t0 = performance.now();
      run(file);
      times[k].push(performance.now() - t0);
    });
  }
  return files.map((_, k) => ({ ms: median(times[k]), out: outs[k] }));
}

async function main(): Promise<void> {
  if (!fs.existsSync(TXT)) throw new Error(`${TXT} is missing: run bench.ts first (npm run bench)`);
  const text = fs.readFileSync(TXT, 'utf8');
  const font = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312' };
  const lines = text.replace(/\n$/, '').split('\n');
  const doc = new Document({
    sections: [{ children: lines.map((l) => new Paragraph({ children: l ? [new TextRun({ text: l, font, size: 32 })] : [] })) }],
  });
  fs.writeFileSync(DOCX, await Packer.toBuffer(doc));
  const docxBytes = fs.statSync(DOCX).size;
  const read = spawnSync(process.execPath, [CLI, 'text', DOCX], { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  const [txt, docx] = wall([TXT, DOCX]);
  const findings = (out: string): number => (JSON.parse(out) as { messages: unknown[] }[])[0].messages.length;
  const ratio = docx.ms / txt.ms;
  console.log('');
  console.log(`yaodian check --format json on Word documents, wall time incl. node start, median of ${RUNS} runs`);
  console.log(`${txt.ms.toFixed(0).padStart(6)} ms  1 MB .txt (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${findings(txt.out)} findings)`);
  console.log(`${docx.ms.toFixed(0).padStart(6)} ms  same text as .docx (${(docxBytes / 1e6).toFixed(2)} MB zipped, ${findings(docx.out)} findings; text read back ${read === text ? 'identical' : 'DIFFERENT'})`);
  console.log(`docx / txt: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})  ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`);
  if (process.argv.includes('--check') && ratio > TARGET_RATIO) process.exitCode = 1;
}

void main();
