// dist/cli.js: starts the CLI (dist/cli-main.js) with compiled code kept from the runs before.
//
// Node ≥ 22.1 has its own compile cache (module.enableCompileCache): switched on, in the user's
// cache folder below rather than Node's default in the shared temp folder. On Node 20 the
// engine is compiled through vm.Script with a V8 code cache of our own, which saves compiling
// the engine's functions again on every run (measured on Node 20: ~100 M of ~850 M instructions
// for the 46 KB corpus document, ~120 M of ~1,940 M for 1 MB; bench/bench.ts times the CLI).
//
// V8 runs whatever bytecode a cache holds when its length and version fit, so the cache must
// come from nobody but this user: it lives in the user's cache folder ($XDG_CACHE_HOME or
// ~/.cache, then yaodian/), never in the shared temp folder, and is read only when the folder
// and the file belong to this user and nobody else can write them (checked on the open file).
// Without getuid (Windows) or with NODE_DISABLE_COMPILE_CACHE set, there is no cache. The file's
// name holds the Node version and the hash of dist/cli-main.js written in at build time
// (esbuild.js), so another build never reads it. A missing, stale or refused cache only costs the
// compile: the engine then runs compiled from its source, as `node dist/cli-main.js` would.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { setFlagsFromString } from 'v8';
import Module from 'module';

const MAIN = path.join(__dirname, 'cli-main.js');

/** The hash of dist/cli-main.js, written in by esbuild.js when it builds this file. */
declare const CLI_MAIN_HASH: string;

interface NodeModuleInternals {
  wrap(source: string): string;
  enableCompileCache?: (dir?: string) => unknown;
  _nodeModulePaths(dir: string): string[];
}
const internals = Module as unknown as NodeModuleInternals;

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: Module, file: string, dir: string) => void;

/** Whether a file or folder belongs to this user and nobody else may write it. */
function ownedAlone(st: fs.Stats, uid: number): boolean {
  return st.uid === uid && (st.mode & 0o022) === 0;
}

/** The cache folder, created when missing; null when there is none this user alone owns. */
function cacheFolder(uid: number): string | null {
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  const dir = path.join(base, 'yaodian');
  // One level at a time, never { recursive: true } (under an odd folder such as /proc/… a
  // recursive mkdir can spin forever in Node 20).
  // The base may be a link (a cache folder moved elsewhere); our own folder in it may not.
  for (const d of [base, dir]) {
    const stat = d === base ? fs.statSync : fs.lstatSync;
    let st: fs.Stats;
    try {
      st = stat(d);
    } catch {
      fs.mkdirSync(d, { mode: 0o700 });
      st = stat(d);
    }
    if (!st.isDirectory() || st.uid !== uid || (d === dir && !ownedAlone(st, uid))) return null;
  }
  return dir;
}

/** The cached data in `file` when this user alone owns it, else undefined. */
function readOwned(file: string, uid: number): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    // Checked on the open file: what is read is what was checked.
    const st = fs.fstatSync(fd);
    return st.isFile() && ownedAlone(st, uid) ? fs.readFileSync(fd) : undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the cache next to its final name, then renames it: a reader never sees half a file. */
function writeOwned(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
  // Caches of other builds and Node versions are removed when a new one is written.
  const dir = path.dirname(file);
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('cli-main-') && name.endsWith('.bin') && path.join(dir, name) !== file) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Runs dist/cli-main.js as require would, compiled with the code cache. */
function runCached(uid: number): void {
  let file: string | null = null;
  try {
    const dir = cacheFolder(uid);
    if (dir) file = path.join(dir, `cli-main-${process.version}-${process.arch}-${CLI_MAIN_HASH}.bin`);
  } catch {
    file = null;
  }
  const cached = file ? readOwned(file, uid) : undefined;
  const source = fs.readFileSync(MAIN, 'utf8');
  const script = new vm.Script(internals.wrap(source), { filename: MAIN, cachedData: cached });
  if (file && (!cached || script.cachedDataRejected)) {
    const target = file;
    // Written after the run: the cache then holds every function this run compiled.
    process.once('exit', () => {
      try {
        writeOwned(target, script.createCachedData());
      } catch {
        // No cache this time.
      }
    });
  }
  const mod = new Module(MAIN, module);
  mod.filename = MAIN;
  mod.paths = internals._nodeModulePaths(__dirname);
  const run = script.runInThisContext() as ModuleFunction;
  run.call(mod.exports, mod.exports, Module.createRequire(MAIN), mod, MAIN, __dirname);
  mod.loaded = true;
}

/**
 * Node's own compile cache, in the user's cache folder: by default Node keeps it in the shared
 * temp folder (<tmp>/node-compile-cache), where another local user could create it first. A
 * folder given by NODE_COMPILE_CACHE is the user's own choice; without getuid (Windows) the
 * default stands.
 */
function enableNodeCache(enable: (dir?: string) => unknown, uid: number): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  if (process.env.NODE_COMPILE_CACHE || uid < 0) {
    enable();
    return;
  }
  const dir = cacheFolder(uid);
  if (dir) enable(dir);
}

function start(): void {
  // A check builds a tree in which nearly everything it allocates lives to the end. V8 grows its
  // young generation up to 16 MB for such a run, and every survivor is then copied through that
  // large space before it is promoted; kept at its starting size (1 MB), the young generation
  // promotes survivors while they are still in the cache: about 10% less CPU on 10 MB and on 1 MB,
  // no change on 46 KB (bench/check-compare.ts, with and without the flag). The flag is read at each young-generation
  // collection, so setting it now takes effect. Set before any code cache is read or written:
  // V8 accepts a cache only under the flags it was made with. The CLI only: the language server
  // and the API leave their host's heap alone.
  setFlagsFromString('--semi-space-growth-factor=1');
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  if (typeof internals.enableCompileCache === 'function') {
    try {
      enableNodeCache(internals.enableCompileCache, uid);
    } catch {
      // No usable cache folder: run without one.
    }
    Module.createRequire(MAIN)(MAIN);
    return;
  }
  if (uid < 0 || typeof CLI_MAIN_HASH !== 'string' || process.env.NODE_DISABLE_COMPILE_CACHE) {
    Module.createRequire(MAIN)(MAIN);
    return;
  }
  runCached(uid);
}

let started = false;
try {
  start();
  started = true;
} finally {
  if (!started && !fs.existsSync(MAIN)) process.stderr.write(`yaodian: 找不到 ${MAIN},请先运行 npm run build\n`);
}
