// Helpers of the e2e suite: the workspace's documents, waiting on VS Code events (never on a
// fixed sleep), the CLI for cross-checks, and screenshot requests to the runner.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'yaodian.yaodian';
/** Every wait has a bound, so a missing event fails its test instead of hanging the run. */
export const WAIT_MS = 20_000;

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...name.split('/'));
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext;
}

/** Opens a document of the workspace in an editor. */
export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * Resolves with `value()` once `ready()` holds: checked now and after each firing of the events.
 * Rejects after `ms` with `describe()` of the state then.
 */
export function until<T>(
  events: vscode.Event<unknown>[],
  ready: () => T | undefined | false,
  describe: () => string,
  ms = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (): void => {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
    };
    const check = (): boolean => {
      let v: T | undefined | false;
      try {
        v = ready();
      } catch (err) {
        done();
        reject(err);
        return true;
      }
      if (v === undefined || v === false) return false;
      done();
      resolve(v);
      return true;
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${ms} ms: ${describe()}`));
    }, ms);
    for (const e of events) subs.push(e(() => void check()));
    check();
  });
}

export function yaodianDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'yaodian');
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

export function summary(diags: vscode.Diagnostic[]): string {
  return JSON.stringify(diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`));
}

/** Waits until the document's yaodian diagnostics satisfy `ok` (a document gets them after each check). */
export function diagnosticsWhere(uri: vscode.Uri, ok: (diags: vscode.Diagnostic[]) => boolean, ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return until(
    [vscode.languages.onDidChangeDiagnostics],
    () => {
      const d = yaodianDiagnostics(uri);
      return ok(d) ? d : undefined;
    },
    () => `diagnostics of ${path.basename(uri.fsPath)}: ${summary(yaodianDiagnostics(uri))}`,
    ms,
  );
}

/** The repository (for the CLI and the fixtures); the runner passes it, else the extension's folder. */
export function repoRoot(): string {
  return process.env.YAODIAN_E2E_ROOT ?? extension().extensionPath;
}

/** Runs the project's CLI (dist/cli.js) with the extension host's Node, for cross-checks. */
export function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      if (err && typeof err.code !== 'number') reject(err);
      else resolve({ code, stdout });
    });
  });
}

export interface ShotResult {
  /** Whether each text became visible in the workbench page; undefined without a runner. */
  found?: Record<string, boolean>;
}

export interface ShotOptions {
  /** Playwright selectors the runner clicks first, in order (collapse a pane, expand a tree item); one that matches nothing is skipped. */
  click?: string[];
  /** Texts the runner waits for (up to 15 s each) to be visible in the page. */
  waitForText?: string[];
}

/** The title in the header of the Explorer's file list while it is expanded: a click collapses the list. */
export const FILES_PANE_HEADER = '.pane-header.expanded[aria-label^="Explorer Section"] .title';

/**
 * Asks the runner for a screenshot of the workbench, after its clicks and waits (ShotOptions):
 * writes <dir>/<name>.json and waits for <dir>/<name>.done. Without a runner (the
 * @vscode/test-electron launcher) it does nothing and returns no `found`.
 */
export async function screenshot(name: string, options: ShotOptions = {}): Promise<ShotResult> {
  const dir = process.env.YAODIAN_E2E_SCREENSHOTS;
  if (!dir) return {};
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  fs.writeFileSync(path.join(dir, `${name}.json.tmp`), JSON.stringify(options));
  fs.renameSync(path.join(dir, `${name}.json.tmp`), path.join(dir, `${name}.json`));
  const limit = WAIT_MS + 15_000 * ((options.waitForText?.length ?? 0) + (options.click?.length ?? 0));
  await new Promise<void>((resolve, reject) => {
    const watcher = fs.watch(dir, () => check());
    const timer = setTimeout(() => finish(new Error(`no screenshot ${name} within ${limit} ms`)), limit);
    function finish(err?: Error): void {
      clearTimeout(timer);
      watcher.close();
      if (err) reject(err);
      else resolve();
    }
    function check(): void {
      if (fs.existsSync(done)) finish();
    }
    check();
  });
  return JSON.parse(fs.readFileSync(done, 'utf8')) as ShotResult;
}

/** Closes all editors (between tests that look at the UI). */
export async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Hides a view of the side bar (for screenshots); ignored where the view cannot be hidden. */
export async function hideView(viewId: string): Promise<void> {
  await Promise.resolve(vscode.commands.executeCommand(`${viewId}.removeView`)).catch(() => undefined);
}
