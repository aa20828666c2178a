// Extreme inputs through the built CLI (`dist/cli.js`, built by `npm test` before the tests run)
// and in process: huge files, empty and binary files, a whole document on one line, noise only,
// GB18030, broken symlinks and directories named *.txt. The check must finish, print valid JSON,
// exit as the README says, and never print a stack trace. Times are logged, not asserted:
// the bounds here are generous so a slow CI machine cannot fail them.

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { lintText } from '../../server/src/engine/lint';
import { CLI, FIXTURES } from '../helpers/fixtures';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI without a shell; kills it (and fails) after `limitMs`. */
function cli(args: string[], limitMs = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`yaodian ${args.join(' ')} did not finish within ${limitMs} ms`));
    }, limitMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - t0 });
    });
  });
}

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

const STACK = /at .*\(/;

/** The run printed a JSON report (ESLint's shape), no stack trace, and exited with one of `codes`. */
function report(r: Run, codes: number[], what: string): JsonResult[] {
  assert.ok(!STACK.test(r.stderr), `${what}: stack trace on stderr:\n${r.stderr.slice(0, 2000)}`);
  assert.ok(!STACK.test(r.stdout.slice(0, 10_000)), `${what}: stack trace on stdout`);
  assert.ok(r.code !== null && codes.includes(r.code), `${what}: exit code ${r.code}, expected ${codes.join(' or ')}; stderr: ${r.stderr.slice(0, 500)}`);
  let parsed: unknown;
  assert.doesNotThrow(() => (parsed = JSON.parse(r.stdout)), `${what}: stdout is not JSON: ${r.stdout.slice(0, 300)}`);
  assert.ok(Array.isArray(parsed), `${what}: the report is not an array`);
  const results = parsed as JsonResult[];
  for (const f of results) {
    assert.strictEqual(typeof f.filePath, 'string');
    assert.ok(Array.isArray(f.messages));
    for (const m of f.messages) {
      for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
        assert.ok(Number.isInteger(m[k]) && m[k] >= 1, `${what}: ${k} ${m[k]} in ${JSON.stringify(m)}`);
      }
      assert.ok(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column), `${what}: range ends before it starts: ${JSON.stringify(m)}`);
      assert.ok(!/内部错误/.test(m.message), `${what}: internal error: ${m.message}`);
    }
    const errors = f.messages.filter((m) => m.severity === 2).length;
    assert.strictEqual(f.errorCount, errors, `${what}: errorCount`);
  }
  // Exit 1 exactly when errors were found (no --max-warnings here), 0 when none.
  const errors = results.reduce((n, f) => n + f.errorCount, 0);
  if (r.code === 0 || r.code === 1) assert.strictEqual(r.code, errors > 0 ? 1 : 0, `${what}: exit ${r.code} with ${errors} errors`);
  return results;
}

const CORPUS = fs.readFileSync(path.join(FIXTURES, 'corpus', '000_8af76b9c2bc005bb.txt'), 'utf8');
const EXAMPLE = fs.readFileSync(path.join(FIXTURES, 'examples', 'annex-cells-merged.txt'), 'utf8');

describe('robustness: extreme inputs', function () {
  this.timeout(180_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-extremes-'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, content: string | Buffer): string => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  };

  describe('through the CLI (check --format json)', () => {
    it('a 20 MB file of repeated corpus text', async () => {
      const chunk = Buffer.from(CORPUS + '\n', 'utf8');
      const copies = Math.ceil((20 * 1024 * 1024) / chunk.length);
      const p = file('huge.txt', Buffer.concat(Array.from({ length: copies }, () => chunk)));
      const size = fs.statSync(p).size;
      assert.ok(size >= 20 * 1024 * 1024);
      const r = await cli(['check', '--format', 'json', p], 120_000);
      const results = report(r, [0, 1], 'huge file');
      assert.strictEqual(results.length, 1);
      console.log(`      20 MB file (${(size / 1048576).toFixed(1)} MB, ${copies} copies): ${r.ms} ms, ${results[0].messages.length} messages`);
    });

    it('an empty file', async () => {
      const r = await cli(['check', '--format', 'json', file('empty.txt', '')]);
      // Nothing to check is not a clean document: CI must not pass on it.
      const results = report(r, [1], 'empty file');
      assert.deepStrictEqual(results[0].messages.map((m) => m.ruleId), ['document-unrecognised']);
    });

    it('a binary file (random bytes with NULs)', async () => {
      // Deterministic bytes: a linear congruential generator, every 7th byte a NUL.
      const bytes = Buffer.alloc(256 * 1024);
      let k = 12345;
      for (let i = 0; i < bytes.length; i++) {
        k = (k * 1103515245 + 12345) & 0x7fffffff;
        bytes[i] = i % 7 === 0 ? 0 : k >> 16;
      }
      const r = await cli(['check', '--format', 'json', file('binary.txt', bytes)]);
      // Not a text document: one clear line and exit 2, not a report of garbage.
      assert.strictEqual(report(r, [2], 'binary file').length, 0);
      assert.match(r.stderr, /binary\.txt: 这是二进制文件\(含 NUL 字节\),不是纯文本文档,未检查/);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1);
    });

    it('a whole document on one line', async () => {
      const r = await cli(['check', '--format', 'json', file('one-line.txt', CORPUS.replace(/\r?\n/g, ''))]);
      const results = report(r, [0, 1], 'one line');
      for (const m of results[0].messages) assert.strictEqual(m.line, 1);
    });

    it('a file of only noise (page markers, web debris, blank lines, stray spaces)', async () => {
      const noise = [
        '- 1 -',
        '— 2 —',
        '第 3 页',
        '2021/8/16 上午9:31:36 星期一',
        '稿源:区政府办公室',
        '更新时间:2023-04-12',
        '',
        '   \u3000\u3000  ',
        '主办:某区人民政府办公室 承办:某区大数据中心',
        '网站标识码:3300000000 浙ICP备00000000号-1 公安备案号:33000000000000',
        '版权所有:某区人民政府',
        '扫描二维码用手机打开当前页',
        '\t|\t|',
        '|',
      ];
      const text = Array.from({ length: 500 }, (_, i) => noise[i % noise.length]).join('\n');
      const r = await cli(['check', '--format', 'json', file('noise.txt', text)]);
      const results = report(r, [1], 'noise');
      // Noise is never a task: the one finding says that nothing was recognised.
      assert.deepStrictEqual(results[0].messages.map((m) => m.ruleId), ['document-unrecognised'], 'noise is never a task');
    });

    it('a GB18030 file is read like its UTF-8 original', async () => {
      const utf8 = file('utf8.txt', EXAMPLE);
      const gb = file('gb18030.txt', iconv.encode(EXAMPLE, 'gb18030'));
      assert.notDeepStrictEqual(fs.readFileSync(gb), fs.readFileSync(utf8));
      const a = await cli(['check', '--format', 'json', utf8]);
      const b = await cli(['check', '--format', 'json', gb]);
      const ra = report(a, [0, 1], 'utf8');
      const rb = report(b, [0, 1], 'gb18030');
      assert.strictEqual(b.code, a.code);
      assert.deepStrictEqual(rb[0].messages, ra[0].messages);
      // And a GB18030 file with an error in it reports the same error at the same place.
      const broken = EXAMPLE.replace('二、优化政策服务', '四、优化政策服务');
      const c = await cli(['check', '--format', 'json', file('utf8-broken.txt', broken)]);
      const d = await cli(['check', '--format', 'json', file('gb18030-broken.txt', iconv.encode(broken, 'gb18030'))]);
      const rc = report(c, [0, 1], 'utf8 broken');
      assert.ok(rc[0].messages.length > 0);
      assert.deepStrictEqual(report(d, [0, 1], 'gb18030 broken')[0].messages, rc[0].messages);
    });

    it('a directory with a broken symlink: the link is skipped, the other files are checked', async function () {
      const d = path.join(dir, 'links');
      file('links/good.txt', EXAMPLE);
      try {
        fs.symlinkSync(path.join(dir, 'no-such-target.txt'), path.join(d, 'broken.txt'));
      } catch {
        this.skip(); // no symlinks on this file system
      }
      const r = await cli(['check', '--format', 'json', d]);
      const results = report(r, [0, 1], 'dir with broken link');
      assert.deepStrictEqual(
        results.map((f) => path.basename(f.filePath)),
        ['good.txt'],
      );
      // Named on the command line, the broken link is a file that cannot be read: exit 2, the
      // other file still checked and reported.
      const r2 = await cli(['check', '--format', 'json', path.join(d, 'broken.txt'), path.join(d, 'good.txt')]);
      const results2 = report(r2, [2], 'broken link named');
      assert.match(r2.stderr, /broken\.txt/);
      assert.deepStrictEqual(
        results2.map((f) => path.basename(f.filePath)),
        ['good.txt'],
      );
    });

    it('a directory whose name ends in .txt is searched, never read as a file', async () => {
      file('named/real.txt', EXAMPLE);
      fs.mkdirSync(path.join(dir, 'named', 'folder.txt', 'deeper.txt'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'empty.txt.d', 'only.txt'), { recursive: true });
      // In a searched directory: only the real file.
      const r = await cli(['check', '--format', 'json', path.join(dir, 'named')]);
      assert.deepStrictEqual(
        report(r, [0, 1], 'dir with folder.txt').map((f) => path.basename(f.filePath)),
        ['real.txt'],
      );
      // Named directly: searched; with no *.txt files inside it is a usage problem (exit 2).
      const r2 = await cli(['check', '--format', 'json', path.join(dir, 'named', 'folder.txt')]);
      assert.deepStrictEqual(report(r2, [2], 'folder.txt named'), []);
      assert.match(r2.stderr, /folder\.txt/);
      // Matched by a glob: directories are not files.
      const r3 = await cli(['check', '--format', 'json', path.join(dir, 'empty.txt.d', '*.txt').replace(/\\/g, '/')]);
      assert.deepStrictEqual(report(r3, [2], 'glob matching a directory'), []);
    });
  });

  describe('in process', () => {
    it('lintText on a 20 MB one-line string', () => {
      const line = CORPUS.replace(/\r?\n/g, '');
      const text = line.repeat(Math.ceil(20_000_000 / line.length));
      const t0 = performance.now();
      const r = lintText(text);
      const ms = performance.now() - t0;
      console.log(`      ${(text.length / 1e6).toFixed(1)} M characters on one line: ${ms.toFixed(0)} ms, ${r.diagnostics.length} diagnostics`);
      assert.strictEqual(r.doc.lines.length, 1);
      assert.ok(r.diagnostics.every((d) => d.start >= 0 && d.end <= text.length && !/内部错误/.test(d.message)));
    });

    it('lintText on 200,000 short lines', () => {
      // Short pieces of a real document: markers, headings, table cells, noise, blank lines.
      const pieces = CORPUS.split(/\r?\n/).map((l) => l.slice(0, 12));
      const lines = Array.from({ length: 200_000 }, (_, i) => pieces[i % pieces.length]);
      const text = lines.join('\n');
      const t0 = performance.now();
      const r = lintText(text);
      const ms = performance.now() - t0;
      console.log(`      200,000 short lines (${(text.length / 1e6).toFixed(1)} M characters): ${ms.toFixed(0)} ms, ${r.diagnostics.length} diagnostics`);
      assert.strictEqual(r.doc.lines.length, 200_000);
      assert.ok(r.diagnostics.every((d) => d.start >= 0 && d.end <= text.length && !/内部错误/.test(d.message)));
    });
  });
});
