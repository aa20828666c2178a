// End-to-end tests in a real VS Code (1.139.1, from code-server's npm package), run here without
// any download: `npm run test:e2e` (setup, then this file with tsx). See /work/shared/spec/E2E.md.
//
//   1. builds the extension (`npm run build`) and bundles the suite (mocha included) with esbuild
//      to out/e2e/suite/{index,smoke}.js, `vscode` external;
//   2. starts VS Code's server-main.js with Node 24 on 127.0.0.1 and a free port, fresh temporary
//      data, user and extensions folders, a temporary copy of the test documents as workspace;
//   3. opens the web workbench in Debian's chromium (playwright-core, headless) with the test
//      payload: the extension under development, the suite, and its environment (results file,
//      screenshot requests). VS Code calls the suite's run() in the extension host and then the
//      page's window.codeAutomationExit(code);
//   4. prints the results the suite wrote, and exits with its code;
//   5. when `npm run package` exists: builds the .vsix, installs it into a fresh extensions folder
//      of the server (`--install-extension`), and runs a short smoke suite against the installed
//      extension (yaodian is not under development there: see testHostExtension).
//
// The display language is Chinese (zh-cn): see `chineseLocale` below.
// Screenshots the suite asks for are saved in out/e2e/screenshots; with --update-screenshots
// the README's ones are also copied to docs/images.
//
// Options: --skip-build, --no-vsix, --update-screenshots, --keep (keep the temporary folders),
// --timeout <seconds> (each workbench run, default 300).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, NODE24, OUT_DIR, ROOT, SERVER_MAIN } from './paths';
import { setup } from './setup';
import { prepareWorkspace } from './workspace';
import { checkReportInBrowser, REPORT_SCREENSHOTS } from './report';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const TIMEOUT_MS = Number(option('--timeout') ?? 300) * 1000;
const SCREENSHOTS_DIR = path.join(OUT_DIR, 'screenshots');
const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');
/** The screenshots the README shows (the others stay in out/e2e/screenshots). */
const DOCS_SCREENSHOTS = ['quick-fix.png', 'outline.png', 'tasks-by-unit.png', 'comparison-view.png', 'comparison-problems.png', ...REPORT_SCREENSHOTS];
const LOCALE = option('--locale') ?? 'zh-cn';

function log(message: string): void {
  console.log(`[e2e] ${message}`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// Cleanup on every path: each run registers what it started; a signal or an error ends them all.

const cleanups: (() => Promise<void>)[] = [];

async function cleanupAll(): Promise<void> {
  while (cleanups.length > 0) {
    const c = cleanups.pop()!;
    try {
      await c();
    } catch (err) {
      console.error(`[e2e] cleanup: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`[e2e] ${signal}: stopping`);
    void cleanupAll().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Build

/** Runs an npm script; with `logFile`, its output goes there and is shown only if it fails. */
function npm(script: string, extra: string[] = [], logFile?: string): void {
  const r = spawnSync('npm', ['run', '--silent', script, ...(extra.length ? ['--', ...extra] : [])], {
    cwd: ROOT,
    stdio: logFile ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (logFile) fs.writeFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0) {
    if (logFile) console.error(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-30).join('\n'));
    throw new Error(`npm run ${script} failed (${r.status ?? r.signal})`);
  }
}

async function buildSuite(): Promise<{ index: string; smoke: string }> {
  const outdir = path.join(OUT_DIR, 'suite');
  await esbuild.build({
    entryPoints: { index: path.join(ROOT, 'test/e2e/suite/index.ts'), smoke: path.join(ROOT, 'test/e2e/suite/smoke.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // Mocha's optional parts that a bundled run never loads.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-dynamic-import': 'silent', 'unsupported-require-call': 'silent' },
  });
  return { index: path.join(outdir, 'index.js'), smoke: path.join(outdir, 'smoke.js') };
}

// ---------------------------------------------------------------------------------------------
// The Chinese display language
//
// The server picks the locale from --locale (the `args.locale` of server-main), but it only tells
// the workbench that language when a language pack for it is installed: it then writes the pack's
// messages with `_VSCODE_NLS_LANGUAGE = "zh-cn"`, and the workbench passes that language to the
// extension host (vscode.env.language) and to the extension scanner (package.nls.zh-cn.json).
// The Chinese pack of VS Code itself comes from the Marketplace, which these machines cannot
// reach, so this declares an empty pack for zh-cn: VS Code's own strings stay English (every
// message falls back to its default), while the extension runs with the Chinese locale exactly
// as under a real language pack.

function chineseLocale(userDataDir: string): void {
  const pack = path.join(userDataDir, 'e2e-language-pack');
  fs.mkdirSync(pack, { recursive: true });
  const translations = path.join(pack, 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [LOCALE]: {
        hash: 'yaodiane2e',
        label: '中文(简体)',
        extensions: [{ extensionIdentifier: { id: 'yaodian-e2e.language-pack-zh-cn' }, version: '0.0.0' }],
        translations: { vscode: translations },
      },
    }),
  );
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale: LOCALE }));
}

// ---------------------------------------------------------------------------------------------
// One workbench run

interface RunSpec {
  name: string;
  /** The extension folder to load as under development; undefined: use the installed one. */
  extensionDevelopmentPath?: string;
  testsEntry: string;
  /** An extensions folder with extensions already installed; a new empty one otherwise. */
  extensionsDir?: string;
  /** Ask the page for screenshots. */
  screenshots: boolean;
}

interface RunResult {
  code: number;
  passed: number;
  failed: number;
  lines: string[];
  seconds: number;
}

const COUNT_LINE = /^(\d+) passed, (\d+) failed$/;

function startServer(dirs: { serverData: string; userData: string; extensions: string }, logFile: string): Promise<{ proc: ChildProcess; port: number }> {
  const out = fs.openSync(logFile, 'a');
  const proc = spawn(
    NODE24,
    [
      SERVER_MAIN,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-workspace-trust',
      '--disable-telemetry',
      '--server-data-dir',
      dirs.serverData,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--locale',
      LOCALE,
    ],
    // Its own process group: the extension host and the language server go with it.
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cleanups.push(() => stopProcessGroup(proc));
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('the VS Code server did not start within 60 s (log: ' + logFile + ')')), 60_000);
    const onData = (chunk: Buffer): void => {
      fs.writeSync(out, chunk);
      buffered += chunk.toString('utf8');
      const m = /Extension host agent listening on (\d+)/.exec(buffered);
      if (m) {
        clearTimeout(timer);
        buffered = '';
        resolve({ proc, port: Number(m[1]) });
      }
      if (buffered.length > 100_000) buffered = buffered.slice(-1000);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the VS Code server exited (${code ?? signal}) before it listened (log: ${logFile})`));
    });
    // After the last output, not at 'exit' (output may still arrive then).
    proc.on('close', () => fs.closeSync(out));
  });
}

async function stopProcessGroup(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-proc.pid!, signal);
    } catch {
      // already gone
    }
  };
  kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    kill('SIGKILL');
    await exited;
  }
  // Children that outlived the server (the group is the server's pid).
  kill('SIGKILL');
}

/** The `remoteAuthority` the workbench expects in every vscode-remote URI. */
async function remoteAuthority(port: number): Promise<string> {
  const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  const m = /id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/.exec(html);
  if (!m) throw new Error('no vscode-workbench-web-configuration meta tag in the workbench page');
  const json = m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const authority = (JSON.parse(json) as { remoteAuthority?: string }).remoteAuthority;
  if (!authority) throw new Error('the workbench configuration has no remoteAuthority');
  return authority;
}

function remoteUri(authority: string, fsPath: string): string {
  return `vscode-remote://${authority}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

async function launchBrowser(profileDir: string): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--lang=${LOCALE}`,
    ],
    env: { ...process.env, HOME: profileDir },
  });
  cleanups.push(() => browser.close());
  return browser;
}

async function runWorkbench(spec: RunSpec): Promise<RunResult> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `yaodian-e2e-${spec.name}-`));
  if (!flag('--keep')) cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
  const dirs = {
    serverData: path.join(tmp, 'server-data'),
    userData: path.join(tmp, 'user-data'),
    extensions: spec.extensionsDir ?? path.join(tmp, 'extensions'),
    workspace: path.join(tmp, 'workspace'),
    shots: path.join(tmp, 'screenshot-requests'),
    browser: path.join(tmp, 'browser'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  prepareWorkspace(ROOT, dirs.workspace);
  if (LOCALE !== 'en') chineseLocale(dirs.userData);
  const resultsFile = path.join(tmp, 'results.txt');
  const logDir = path.join(OUT_DIR, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const serverLog = path.join(logDir, `${spec.name}-server.log`);
  const browserLog = path.join(logDir, `${spec.name}-browser.log`);
  fs.writeFileSync(serverLog, '');
  fs.writeFileSync(browserLog, '');
  fs.rmSync(path.join(logDir, `${spec.name}-failure.png`), { force: true });

  const { proc: server, port } = await startServer(dirs, serverLog);
  log(`${spec.name}: VS Code server listening on 127.0.0.1:${port} (${seconds(started)})`);
  const authority = await remoteAuthority(port);

  const browser = await launchBrowser(dirs.browser);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: LOCALE });
  const page = await context.newPage();
  page.on('console', (m) => fs.appendFileSync(browserLog, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => fs.appendFileSync(browserLog, `[pageerror] ${e.stack ?? e.message}\n`));

  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => {
    exit(code);
  });

  const environment: Record<string, string> = {
    YAODIAN_E2E_RESULTS: resultsFile,
    YAODIAN_E2E_WORKSPACE: dirs.workspace,
    YAODIAN_E2E_ROOT: ROOT,
  };
  if (spec.screenshots) environment.YAODIAN_E2E_SCREENSHOTS = dirs.shots;
  const payload: [string, string][] = [];
  if (spec.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(authority, spec.extensionDevelopmentPath)]);
  payload.push(['extensionTestsPath', remoteUri(authority, spec.testsEntry)]);
  payload.push(['extensionEnvironment', JSON.stringify(environment)]);
  payload.push(['skipWelcome', 'true']);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(remoteUri(authority, dirs.workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  // Screenshot requests: the suite writes <name>.json ({ click?: string[], waitForText?: string[] })
  // and waits for <name>.done ({ png, found: { text: boolean } }). `click` are Playwright
  // selectors clicked first, in order, those matching nothing skipped (to collapse a pane or
  // expand a tree item); then each text
  // is waited for (up to 15 s) to be visible in the page before the picture is taken: the
  // suite's check that the UI shows it.
  let polling = true;
  const pollShots = async (): Promise<void> => {
    while (polling) {
      for (const f of fs.existsSync(dirs.shots) ? fs.readdirSync(dirs.shots) : []) {
        if (!f.endsWith('.json')) continue;
        const name = f.slice(0, -'.json'.length);
        const request = JSON.parse(fs.readFileSync(path.join(dirs.shots, f), 'utf8')) as { waitForText?: string[]; click?: string[] };
        fs.rmSync(path.join(dirs.shots, f));
        const found: Record<string, boolean> = {};
        for (const selector of request.click ?? []) {
          // A selector that matches nothing now is skipped (the pane is already collapsed).
          if ((await page.locator(selector).count()) === 0) continue;
          await page
            .locator(selector)
            .first()
            .click({ timeout: 15_000 })
            .catch((err: unknown) => log(`screenshot ${name}: could not click ${selector}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`));
        }
        for (const text of request.waitForText ?? []) {
          found[text] = await page
            .getByText(text, { exact: false })
            .first()
            .waitFor({ state: 'visible', timeout: 15_000 })
            .then(
              () => true,
              () => false,
            );
        }
        fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
        const png = path.join(SCREENSHOTS_DIR, `${name}.png`);
        await page.screenshot({ path: png });
        const done = path.join(dirs.shots, `${name}.done`);
        fs.writeFileSync(`${done}.tmp`, JSON.stringify({ png, found }));
        fs.renameSync(`${done}.tmp`, done);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const shots = spec.screenshots ? pollShots().catch((err: unknown) => log(`screenshots: ${String(err)}`)) : Promise.resolve();

  let timer: NodeJS.Timeout | undefined;
  let code: number;
  let error: string | undefined;
  try {
    code = await Promise.race([
      exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      }),
      new Promise<never>((_, reject) => server.once('exit', (c, s) => reject(new Error(`the VS Code server exited (${c ?? s})`)))),
      new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('the workbench page crashed')))),
      new Promise<never>((_, reject) => browser.once('disconnected', () => reject(new Error('the browser closed')))),
    ]);
  } catch (err) {
    code = 1;
    error = err instanceof Error ? err.message : String(err);
    await page.screenshot({ path: path.join(logDir, `${spec.name}-failure.png`) }).catch(() => undefined);
  } finally {
    clearTimeout(timer);
    polling = false;
    await shots;
  }

  await context.close().catch(() => undefined);
  const text = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '';
  await cleanupAll();

  const lines = text.split('\n').filter((l) => l.length > 0);
  let passed: number;
  let failed: number;
  const last = lines.length > 0 ? COUNT_LINE.exec(lines[lines.length - 1]) : null;
  if (last) {
    lines.pop();
    passed = Number(last[1]);
    failed = Number(last[2]);
  } else {
    // The suite never finished: count the tests it reported, and the run as one failure.
    passed = lines.filter((l) => l.startsWith('✔')).length;
    failed = lines.filter((l) => l.startsWith('✘')).length + 1;
    lines.push(`✘ ${spec.name}: the suite did not finish${error ? `: ${error}` : ''} (logs: ${path.relative(ROOT, logDir)}/${spec.name}-*.log)`);
  }
  if (error && last) lines.push(`✘ ${spec.name}: ${error}`);
  if (error && last) failed++;
  if (code !== 0 && failed === 0) {
    failed = 1;
    lines.push(`✘ ${spec.name}: the extension host exited with ${code}`);
  }
  return { code: code === 0 && failed === 0 ? 0 : 1, passed, failed, lines, seconds: (Date.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// The vsix smoke test

function hasPackageScript(): boolean {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return typeof pkg.scripts?.package === 'string';
}

/**
 * VS Code runs extension tests only in a window with an extension under development
 * (`isExtensionDevTest` needs extensionDevelopmentPath as well as extensionTestsPath). For the
 * installed .vsix that extension is this empty host, not yaodian: yaodian itself comes from the
 * extensions folder, as for a user.
 */
function testHostExtension(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'e2e-test-host', displayName: 'yaodian e2e test host (no code)', publisher: 'yaodian-e2e', version: '0.0.0', engines: { vscode: '^1.91.0' }, extensionKind: ['workspace'] }, null, 2),
  );
  return dir;
}

function installVsix(vsix: string, extensionsDir: string): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-e2e-install-'));
  try {
    const r = spawnSync(
      NODE24,
      [SERVER_MAIN, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--server-data-dir', path.join(tmp, 'server-data'), '--user-data-dir', path.join(tmp, 'user-data'), '--accept-server-license-terms'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    if (r.status !== 0) throw new Error(`--install-extension failed (${r.status ?? r.signal}): ${output}`);
    log(output.split('\n').filter((l) => /install/i.test(l)).join(' ') || `installed ${path.basename(vsix)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

function report(name: string, r: RunResult): void {
  for (const l of r.lines) console.log(l);
  log(`${name}: ${r.passed} passed, ${r.failed} failed in ${r.seconds.toFixed(1)} s`);
}

async function main(): Promise<number> {
  const t0 = Date.now();
  setup();
  const tSetup = Date.now();
  if (!flag('--skip-build')) npm('build');
  const entries = await buildSuite();
  log(`setup ${((tSetup - t0) / 1000).toFixed(1)} s, build ${seconds(tSetup)}`);

  const results: RunResult[] = [];
  const dev = await runWorkbench({ name: 'main', extensionDevelopmentPath: ROOT, testsEntry: entries.index, screenshots: true });
  report('extension under development (zh-cn)', dev);
  results.push(dev);
  const htmlReport = await checkReportInBrowser(SCREENSHOTS_DIR);
  report('HTML report in chromium', htmlReport);
  results.push(htmlReport);

  if (flag('--update-screenshots') && fs.existsSync(SCREENSHOTS_DIR)) {
    fs.mkdirSync(DOCS_IMAGES, { recursive: true });
    for (const f of DOCS_SCREENSHOTS.filter((f) => fs.existsSync(path.join(SCREENSHOTS_DIR, f)))) fs.copyFileSync(path.join(SCREENSHOTS_DIR, f), path.join(DOCS_IMAGES, f));
    log(`screenshots copied to ${path.relative(ROOT, DOCS_IMAGES)}`);
  }

  if (flag('--no-vsix')) {
    log('vsix smoke test skipped (--no-vsix)');
  } else if (!hasPackageScript()) {
    log('vsix smoke test skipped: package.json has no "package" script yet');
  } else {
    const tVsix = Date.now();
    const vsix = path.join(OUT_DIR, 'yaodian.vsix');
    fs.rmSync(vsix, { force: true });
    let smoke: RunResult;
    try {
      fs.mkdirSync(path.join(OUT_DIR, 'logs'), { recursive: true });
      npm('package', ['--out', vsix], path.join(OUT_DIR, 'logs', 'package.log'));
      const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-e2e-extensions-'));
      if (!flag('--keep')) cleanups.push(async () => fs.rmSync(extensionsDir, { recursive: true, force: true }));
      installVsix(vsix, extensionsDir);
      log(`vsix built and installed in ${seconds(tVsix)}`);
      const host = testHostExtension(path.join(extensionsDir + '-host'));
      if (!flag('--keep')) cleanups.push(async () => fs.rmSync(host, { recursive: true, force: true }));
      smoke = await runWorkbench({ name: 'vsix', extensionDevelopmentPath: host, testsEntry: entries.smoke, extensionsDir, screenshots: false });
    } catch (err) {
      smoke = { code: 1, passed: 0, failed: 1, lines: [`✘ vsix smoke test: ${err instanceof Error ? err.message : String(err)}`], seconds: (Date.now() - tVsix) / 1000 };
    }
    await cleanupAll();
    report('installed .vsix (smoke)', smoke);
    results.push(smoke);
  }

  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  log(`total ${seconds(t0)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(`[e2e] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanupAll();
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
