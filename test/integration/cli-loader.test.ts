// dist/cli.js, the loader that starts the engine (dist/cli-main.js) with a V8 code cache kept
// in the temp folder: the cache is written once, reused, rebuilt when broken, pruned when old,
// and a run never depends on it (same output with or without it, and without a temp folder).
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI } from '../helpers/fixtures';
import { BAD } from '../helpers/cli';

const MAIN = path.join(path.dirname(CLI), 'cli-main.js');

function run(entry: string, tmp: string, file: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [entry, 'check', '--format', 'json', file], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    // A loader that hangs must fail the test, not the whole run.
    timeout: 20000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('CLI loader: the compile cache', function () {
  this.timeout(30000);
  let tmp: string;
  let doc: string;
  const cacheDir = (): string => path.join(tmp, 'yaodian-compile-cache');
  const caches = (): string[] => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).filter((f) => f.endsWith('.bin')) : []);

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-loader-'));
    doc = path.join(tmp, 'doc.txt');
    fs.writeFileSync(doc, BAD);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  // Node ≥ 22 has its own compile cache (module.enableCompileCache); the file cache is Node 20's.
  const ownCache = Number(process.versions.node.split('.')[0]) < 22;

  it('gives the same report as the engine started directly', () => {
    const direct = run(MAIN, tmp, doc);
    const first = run(CLI, tmp, doc);
    const second = run(CLI, tmp, doc);
    assert.equal(direct.code, 1);
    assert.deepEqual([first.code, first.out, first.err], [direct.code, direct.out, direct.err]);
    assert.deepEqual([second.code, second.out, second.err], [direct.code, direct.out, direct.err]);
  });

  it('writes one cache, named by Node version, engine hash and size, then reuses it', function () {
    if (!ownCache) this.skip();
    run(CLI, tmp, doc);
    const files = caches();
    assert.equal(files.length, 1);
    const size = fs.readFileSync(MAIN, 'utf8').length;
    assert.match(files[0], new RegExp(`^${process.version.replace(/\./g, '\\.')}-[0-9a-f]{16}-cli-main-${size}\\.bin$`));
    const file = path.join(cacheDir(), files[0]);
    const written = fs.statSync(file).mtimeMs;
    assert.ok(fs.statSync(file).size > 1000);
    run(CLI, tmp, doc);
    assert.equal(fs.statSync(file).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('caches the vendor scripts it loads (GB18030 tables) the same way, and reads GB18030 alike', function () {
    if (!ownCache) this.skip();
    const gb = path.join(tmp, 'gb.txt');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    fs.writeFileSync(gb, iconv.encode(BAD, 'gb18030'));
    const utf8 = run(CLI, tmp, doc);
    const first = run(CLI, tmp, gb);
    const second = run(CLI, tmp, gb);
    assert.ok(caches().some((f) => /-iconv-lite-\d+\.bin$/.test(f)), caches().join(', '));
    for (const r of [first, second]) {
      assert.equal(r.code, utf8.code);
      assert.deepEqual(
        (JSON.parse(r.out) as { messages: unknown[] }[])[0].messages,
        (JSON.parse(utf8.out) as { messages: unknown[] }[])[0].messages,
      );
    }
  });

  it('replaces a broken cache and still reports correctly', function () {
    if (!ownCache) this.skip();
    const good = run(CLI, tmp, doc);
    const file = path.join(cacheDir(), caches()[0]);
    fs.writeFileSync(file, 'not a code cache');
    const r = run(CLI, tmp, doc);
    assert.deepEqual([r.code, r.out, r.err], [good.code, good.out, good.err]);
    assert.ok(fs.statSync(file).size > 1000, 'the broken cache was rewritten');
  });

  it('removes caches written more than 30 days ago, keeps recent ones', function () {
    if (!ownCache) this.skip();
    fs.mkdirSync(cacheDir(), { recursive: true });
    const old = path.join(cacheDir(), 'v0-old-1.bin');
    const recent = path.join(cacheDir(), 'v0-recent-1.bin');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(recent, 'x');
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    fs.utimesSync(old, longAgo, longAgo);
    run(CLI, tmp, doc);
    assert.equal(fs.existsSync(old), false);
    assert.equal(fs.existsSync(recent), true);
    assert.equal(caches().length, 2);
  });

  it('runs without a cache, and does not hang, when the temp folder does not exist', function () {
    if (!ownCache) this.skip();
    const direct = run(MAIN, tmp, doc);
    // Under /proc a recursive mkdir never returns (seen with Node 20): the loader must not use one.
    const missing = process.platform === 'linux' ? '/proc/yaodian-no-such-folder' : path.join(tmp, 'no', 'such', 'folder');
    const r = run(CLI, missing, doc);
    assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
  });

  it('runs without a cache when the temp folder cannot be written', function () {
    if (!ownCache) this.skip();
    // A file where the cache folder should be: creating the folder fails.
    fs.writeFileSync(cacheDir(), 'in the way');
    const direct = run(MAIN, tmp, doc);
    const r = run(CLI, tmp, doc);
    assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
  });
});
