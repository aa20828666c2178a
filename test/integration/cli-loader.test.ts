// dist/cli.js, the loader that starts the engine (dist/cli-main.js): the same report as the engine
// started directly, GB18030 read alike, and no code cache that another local user could plant.
// It once loaded V8 code caches from <temp>/yaodian-compile-cache/<guessable name>.bin: a folder
// anyone can create first, so one user could run bytecode in another user's `yaodian`. On Node 20
// it now keeps its cache in the user's cache folder and reads it only when this user alone owns
// the folder and the file.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import Module from 'module';
import { CLI } from '../helpers/fixtures';
import { BAD } from '../helpers/cli';

const MAIN = path.join(path.dirname(CLI), 'cli-main.js');

function run(entry: string, tmp: string, file: string, env: NodeJS.ProcessEnv = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [entry, 'check', '--format', 'json', file], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, XDG_CACHE_HOME: path.join(tmp, 'cache'), NODE_DISABLE_COMPILE_CACHE: '', ...env },
    // A loader that hangs must fail the test, not the whole run.
    timeout: 20000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** The build hash the loader names its cache with (written into dist/cli.js by esbuild.js). */
const HASH = /"([0-9a-f]{16})"/.exec(fs.readFileSync(CLI, 'utf8'))?.[1] ?? 'dev';
/** The cache file the loader reads on Node 20, under its cache folder. */
const CACHE_NAME = `cli-main-${process.version}-${process.arch}-${HASH}.bin`;
/** Node ≥ 22 has its own compile cache; the loader's own is Node 20's. */
const ownCache = typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache !== 'function' && typeof process.getuid === 'function';

/**
 * A code cache for a script of the engine's length that prints PLANTED: V8 accepts cached data
 * for any source of the same length.
 */
function evilCache(): Buffer {
  const source = fs.readFileSync(MAIN, 'utf8');
  const evil = 'process.stdout.write("PLANTED\\n");process.exit(0);';
  const padded = evil + ' '.repeat(source.length - evil.length);
  const wrap = (Module as unknown as { wrap(s: string): string }).wrap;
  return new vm.Script(wrap(padded), { filename: MAIN }).createCachedData();
}

/** Plants, where the old loader looked, a cache under the name it used. */
function plantCache(tmp: string): void {
  const source = fs.readFileSync(MAIN, 'utf8');
  const dir = path.join(tmp, 'yaodian-compile-cache');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${process.version}-${HASH}-cli-main-${source.length}.bin`), evilCache());
}

describe('CLI loader', function () {
  this.timeout(30000);
  let tmp: string;
  let doc: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-loader-'));
    doc = path.join(tmp, 'doc.txt');
    fs.writeFileSync(doc, BAD);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives the same report as the engine started directly, run after run', () => {
    const direct = run(MAIN, tmp, doc);
    const first = run(CLI, tmp, doc);
    const second = run(CLI, tmp, doc);
    assert.equal(direct.code, 1);
    assert.deepEqual([first.code, first.out, first.err], [direct.code, direct.out, direct.err]);
    assert.deepEqual([second.code, second.out, second.err], [direct.code, direct.out, direct.err]);
  });

  it('never runs code planted in the temp folder', () => {
    const direct = run(MAIN, tmp, doc);
    plantCache(tmp);
    const r = run(CLI, tmp, doc);
    assert.doesNotMatch(r.out, /PLANTED/);
    assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
  });

  it('keeps no cache of its own in the temp folder', () => {
    run(CLI, tmp, doc);
    run(CLI, tmp, doc);
    assert.equal(fs.existsSync(path.join(tmp, 'yaodian-compile-cache')), false);
  });

  describe('its code cache (Node 20)', () => {
    before(function () {
      if (!ownCache) this.skip();
    });
    const folder = (): string => path.join(tmp, 'cache', 'yaodian');

    it('is written once in the user’s cache folder, for this user alone, then reused', () => {
      const direct = run(MAIN, tmp, doc);
      run(CLI, tmp, doc);
      assert.deepEqual(fs.readdirSync(folder()), [CACHE_NAME]);
      assert.equal(fs.statSync(folder()).mode & 0o777, 0o700);
      const file = path.join(folder(), CACHE_NAME);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.ok(fs.statSync(file).size > 1000);
      const written = fs.statSync(file).mtimeMs;
      const second = run(CLI, tmp, doc);
      assert.deepEqual([second.code, second.out, second.err], [direct.code, direct.out, direct.err]);
      assert.equal(fs.statSync(file).mtimeMs, written, 'an accepted cache is not written again');
    });

    it('is not read when others could have written it: the file or the folder writable by others', () => {
      const direct = run(MAIN, tmp, doc);
      fs.mkdirSync(folder(), { recursive: true, mode: 0o700 });
      const file = path.join(folder(), CACHE_NAME);
      fs.writeFileSync(file, evilCache());
      fs.chmodSync(file, 0o666);
      let r = run(CLI, tmp, doc);
      assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
      // The refused file was replaced by a cache of the user's own.
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      fs.writeFileSync(file, evilCache());
      fs.chmodSync(file, 0o600);
      fs.chmodSync(folder(), 0o777);
      r = run(CLI, tmp, doc);
      assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
    });

    it('is not read when it belongs to another user', function () {
      if (process.getuid!() !== 0) this.skip();
      const direct = run(MAIN, tmp, doc);
      fs.mkdirSync(folder(), { recursive: true, mode: 0o700 });
      const file = path.join(folder(), CACHE_NAME);
      fs.writeFileSync(file, evilCache(), { mode: 0o600 });
      fs.chownSync(file, 65534, 65534);
      const r = run(CLI, tmp, doc);
      assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
    });

    it('is not kept with NODE_DISABLE_COMPILE_CACHE, nor where the cache folder cannot be made', () => {
      const direct = run(MAIN, tmp, doc);
      let r = run(CLI, tmp, doc, { NODE_DISABLE_COMPILE_CACHE: '1' });
      assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
      assert.equal(fs.existsSync(folder()), false);
      const missing = process.platform === 'linux' ? '/proc/yaodian-no-such-folder' : path.join(tmp, 'no', 'such', 'folder');
      r = run(CLI, tmp, doc, { XDG_CACHE_HOME: missing });
      assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
    });
  });

  describe('Node’s own compile cache (Node ≥ 22, stubbed here)', () => {
    /** Runs the loader with module.enableCompileCache replaced by a stub that says where it was asked to cache. */
    function withStub(env: NodeJS.ProcessEnv = {}): { code: number; out: string; calls: string[] } {
      const stub = path.join(tmp, 'stub.js');
      fs.writeFileSync(stub, "require('module').enableCompileCache = (dir) => { process.stderr.write('CACHE ' + JSON.stringify(dir ?? null) + '\\n'); };\n");
      const r = spawnSync(process.execPath, ['-r', stub, CLI, 'check', '--format', 'json', doc], {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: tmp, XDG_CACHE_HOME: path.join(tmp, 'cache'), NODE_DISABLE_COMPILE_CACHE: '', NODE_COMPILE_CACHE: '', ...env },
        timeout: 20000,
      });
      return { code: r.status ?? -1, out: r.stdout, calls: r.stderr.split('\n').filter((l) => l.startsWith('CACHE ')) };
    }

    it('is kept in the user’s cache folder, made for this user alone, not in the shared temp folder', function () {
      if (typeof process.getuid !== 'function') this.skip();
      const direct = run(MAIN, tmp, doc);
      const r = withStub();
      assert.deepEqual([r.code, r.out], [direct.code, direct.out]);
      const folder = path.join(tmp, 'cache', 'yaodian');
      assert.deepEqual(r.calls, [`CACHE ${JSON.stringify(folder)}`]);
      assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
    });

    it('is not switched on where others could write the folder, nor with NODE_DISABLE_COMPILE_CACHE; NODE_COMPILE_CACHE is Node’s to follow', function () {
      if (typeof process.getuid !== 'function') this.skip();
      const folder = path.join(tmp, 'cache', 'yaodian');
      fs.mkdirSync(folder, { recursive: true });
      fs.chmodSync(folder, 0o777);
      assert.deepEqual(withStub().calls, []);
      fs.chmodSync(folder, 0o700);
      assert.deepEqual(withStub({ NODE_DISABLE_COMPILE_CACHE: '1' }).calls, []);
      assert.deepEqual(withStub({ NODE_COMPILE_CACHE: path.join(tmp, 'mine') }).calls, ['CACHE null']);
    });
  });

  it('reads GB18030 like UTF-8 (the encoding tables are a separate script)', () => {
    const gb = path.join(tmp, 'gb.txt');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    fs.writeFileSync(gb, iconv.encode(BAD, 'gb18030'));
    const utf8 = run(CLI, tmp, doc);
    const r = run(CLI, tmp, gb);
    assert.equal(r.code, utf8.code);
    assert.deepEqual(
      (JSON.parse(r.out) as { messages: unknown[] }[])[0].messages,
      (JSON.parse(utf8.out) as { messages: unknown[] }[])[0].messages,
    );
  });

  it('runs, and does not hang, when the temp folder does not exist', () => {
    const direct = run(MAIN, tmp, doc);
    // Under /proc a recursive mkdir never returns (seen with Node 20).
    const missing = process.platform === 'linux' ? '/proc/yaodian-no-such-folder' : path.join(tmp, 'no', 'such', 'folder');
    const r = run(CLI, missing, doc);
    assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
  });
});
