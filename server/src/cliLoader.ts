// dist/cli.js: starts the CLI (dist/cli-main.js) with a V8 code cache, so that every run after
// the first skips compiling the engine (about 40 ms of a 1 MB check). Node ≥ 22 has this built
// in (module.enableCompileCache); on Node 20 the cache is kept in the system's temp folder, keyed
// by the Node version and the engine's hash (written in at build time, see esbuild.js) and size.
// Any problem with the cache falls back to a plain require: the cache can make a run faster,
// never make it fail.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import Module from 'module';

const MAIN = path.join(__dirname, 'cli-main.js');

/** The hash of dist/cli-main.js, set by esbuild.js when it builds this file. */
declare const CLI_MAIN_HASH: string;
const ENGINE_HASH = typeof CLI_MAIN_HASH === 'string' ? CLI_MAIN_HASH : 'dev';

interface NodeModuleInternals {
  wrap(source: string): string;
  enableCompileCache?: () => unknown;
}

function start(): void {
  const internals = Module as unknown as NodeModuleInternals;
  if (typeof internals.enableCompileCache === 'function') {
    internals.enableCompileCache();
    Module.createRequire(MAIN)(MAIN);
    return;
  }
  const source = fs.readFileSync(MAIN, 'utf8');
  // The size guards against a dist/cli-main.js rebuilt without this loader.
  const key = `${process.version}-${ENGINE_HASH}-${source.length}`;
  const cacheFile = path.join(os.tmpdir(), 'yaodian-compile-cache', `${key}.bin`);
  let cached: Buffer | undefined;
  try {
    cached = fs.readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  const script = new vm.Script(internals.wrap(source.replace(/^#!.*/, '')), { filename: MAIN, cachedData: cached });
  if (!cached || script.cachedDataRejected) {
    // Written after the run, so the cache holds the functions this run compiled.
    process.once('exit', () => writeCache(cacheFile, script));
  }
  const main = new Module(MAIN, module);
  main.filename = MAIN;
  main.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, file: string, dir: string) => void;
  run.call(main.exports, main.exports, Module.createRequire(MAIN), main, MAIN, __dirname);
}

/** Caches written this long ago are removed when a new one is written (each build makes one). */
const STALE_MS = 30 * 24 * 3600 * 1000;

function writeCache(file: string, script: vm.Script): void {
  try {
    const dir = path.dirname(file);
    // One level, not { recursive: true }: a recursive mkdir under an odd TMPDIR (/proc/…) can
    // spin forever in Node; a temp folder that does not exist just means no cache.
    if (!fs.existsSync(dir)) fs.mkdirSync(dir);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, file);
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      const other = path.join(dir, name);
      if (other !== file && now - fs.statSync(other).mtimeMs > STALE_MS) fs.rmSync(other, { force: true });
    }
  } catch {
    // No writable temp folder: run without a cache.
  }
}

let started = false;
try {
  start();
  started = true;
} finally {
  if (!started && !fs.existsSync(MAIN)) process.stderr.write(`yaodian: 找不到 ${MAIN},请先运行 npm run build\n`);
}
