// The same e2e suite in VS Code desktop (Electron), for machines that can download VS Code:
//   npx tsx test/e2e/electron.ts [--vscode <version|stable>]
// @vscode/test-electron downloads a VS Code build from Microsoft's update server, which the
// project's own machines cannot reach: there `npm run test:e2e` (test/e2e/run.ts) runs the suite
// in VS Code's server with the web workbench instead. Not run by CI.
//
// The suite asserts the Chinese display language: this run passes `--locale zh-cn`, which
// needs the Chinese language pack installed in that VS Code for vscode.env.language to be
// zh-cn (`--install-extension MS-CEINTL.vscode-language-pack-zh-hans` with the downloaded CLI).
// Screenshots are taken only by run.ts: here the suite's screenshot requests do nothing.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { OUT_DIR, ROOT } from './paths';
import { prepareWorkspace } from './workspace';

async function main(): Promise<number> {
  const i = process.argv.indexOf('--vscode');
  const version = i >= 0 ? process.argv[i + 1] : '1.139.1';
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return 1;
  await esbuild.build({
    entryPoints: { index: path.join(ROOT, 'test/e2e/suite/index.ts') },
    outdir: path.join(OUT_DIR, 'suite'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-e2e-electron-'));
  const workspace = path.join(tmp, 'workspace');
  prepareWorkspace(ROOT, workspace);
  const results = path.join(tmp, 'results.txt');
  try {
    const vscodeExecutablePath = await downloadAndUnzipVSCode(version);
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    spawnSync(cli, [...cliArgs, '--install-extension', 'MS-CEINTL.vscode-language-pack-zh-hans'], { stdio: 'inherit' });
    let code = 0;
    try {
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(OUT_DIR, 'suite', 'index.js'),
        extensionTestsEnv: { YAODIAN_E2E_RESULTS: results, YAODIAN_E2E_WORKSPACE: workspace, YAODIAN_E2E_ROOT: ROOT },
        launchArgs: [workspace, '--locale', 'zh-cn', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      });
    } catch {
      code = 1;
    }
    if (fs.existsSync(results)) process.stdout.write(fs.readFileSync(results, 'utf8'));
    else console.log('0 passed, 1 failed');
    return code;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
