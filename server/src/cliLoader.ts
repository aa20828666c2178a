// dist/cli.js: starts the CLI (dist/cli-main.js) with a V8 code cache, so that every run after
// the first skips compiling the engine (about 40 ms of a 1 MB check); the libraries it loads
// only now and then (dist/vendor/*.js: GB18030 tables, globbing) get the same treatment. Node
// ≥ 22 has this built in (module.enableCompileCache); on Node 20 the cache is kept in the
// system's temp folder, one file per script, keyed by the Node version, the build's hash (written
// in at build time, see esbuild.js), the script's name and its size. A missing, stale or broken
// cache only costs the compile time: V8 rejects cached data that does not fit, and the script is
// compiled from its source as usual.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import Module from 'module';

const MAIN = path.join(__dirname, 'cli-main.js');

/** The hash of dist/cli-main.js and dist/vendor/*.js, set by esbuild.js when it builds this file. */
declare const CLI_MAIN_HASH: string;
const ENGINE_HASH = typeof CLI_MAIN_HASH === 'string' ? CLI_MAIN_HASH : 'dev';

interface NodeModuleInternals {
  wrap(source: string): string;
  enableCompileCache?: () => unknown;
  _nodeModulePaths(dir: string): string[];
}
const internals = Module as unknown as NodeModuleInternals;

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: Module, file: string, dir: string) => void;

/** Vendor scripts already loaded, by path: each is run once, like require would. */
const loaded = new Map<string, Module>();

/** Runs a CommonJS script of dist/ as require would, compiled with the code cache. */
function runCached(file: string, parent: Module | undefined): Module {
  const source = fs.readFileSync(file, 'utf8');
  // The size guards against a script rebuilt without this loader.
  const key = `${process.version}-${ENGINE_HASH}-${path.basename(file, '.js')}-${source.length}`;
  const cacheFile = path.join(os.tmpdir(), 'yaodian-compile-cache', `${key}.bin`);
  let cached: Buffer | undefined;
  try {
    cached = fs.readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  const script = new vm.Script(internals.wrap(source.replace(/^#!.*/, '')), { filename: file, cachedData: cached });
  if (!cached || script.cachedDataRejected) {
    // Written after the run, so the cache holds the functions this run compiled.
    process.once('exit', () => writeCache(cacheFile, script));
  }
  const mod = new Module(file, parent);
  mod.filename = file;
  mod.paths = internals._nodeModulePaths(path.dirname(file));
  loaded.set(file, mod);
  const run = script.runInThisContext() as ModuleFunction;
  run.call(mod.exports, mod.exports, requireFor(file, mod), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod;
}

/** require for a cached script: its ./vendor/ scripts cached too, everything else as usual. */
function requireFor(file: string, mod: Module): NodeJS.Require {
  const plain = Module.createRequire(file);
  const vendor = path.join(path.dirname(file), 'vendor') + path.sep;
  const req = ((id: string): unknown => {
    const target = id.startsWith('./vendor/') ? path.join(path.dirname(file), id) : null;
    if (target === null || !target.startsWith(vendor)) return plain(id);
    return (loaded.get(target) ?? runCached(target, mod)).exports;
  }) as NodeJS.Require;
  return Object.assign(req, { resolve: plain.resolve, cache: plain.cache, main: plain.main, extensions: plain.extensions });
}

function start(): void {
  if (typeof internals.enableCompileCache === 'function') {
    internals.enableCompileCache();
    Module.createRequire(MAIN)(MAIN);
    return;
  }
  runCached(MAIN, module);
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
