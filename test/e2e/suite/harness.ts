// Runs mocha inside the extension host (the contract of @vscode/test-electron: the test index
// exports `run()`, which resolves when all tests passed and rejects otherwise). Mocha is bundled
// with the tests (esbuild); the test files are loaded after mocha has set up its globals.
//
// Results go to the file named by YAODIAN_E2E_RESULTS (the runner passes it through
// extensionEnvironment): one line per test, then `N passed, N failed` alone on the last line.

import * as fs from 'node:fs';
import Mocha from 'mocha';

export async function runMocha(load: () => Promise<unknown>): Promise<void> {
  const resultsFile = process.env.YAODIAN_E2E_RESULTS;
  const lines: string[] = [];
  const write = (line: string): void => {
    lines.push(line);
    console.log(line);
    if (resultsFile) fs.appendFileSync(resultsFile, line + '\n');
  };
  if (resultsFile) fs.writeFileSync(resultsFile, '');

  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: class {} as unknown as Mocha.ReporterConstructor });
  // What `mocha.loadFiles` does before it requires each file: define describe/it/before… globally.
  mocha.suite.emit('pre-require', globalThis, 'bundled', mocha);
  try {
    await load();
  } catch (err) {
    write(`✘ loading the tests: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    write('0 passed, 1 failed');
    throw err;
  }

  let passed = 0;
  let failed = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => {
      passed++;
      write(`✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, err: Error) => {
      failed++;
      write(`✘ ${test.fullTitle()}`);
      for (const l of String(err.stack ?? err.message).split('\n').slice(0, 12)) write(`    ${l}`);
    });
    runner.on('pending', (test) => write(`- ${test.fullTitle()} (skipped)`));
  });
  write(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) throw new Error(`${failed} of ${passed + failed} tests failed`);
}
