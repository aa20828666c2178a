// The e2e suite's entry point, loaded by VS Code's extension host (extensionTestsPath): the same
// contract as @vscode/test-electron. Bundled by test/e2e/run.ts to out/e2e/suite/index.js.
import { runMocha } from './harness';

export function run(): Promise<void> {
  return runMocha(async () => {
    await import('./extension.test.js');
    await import('./diagnostics.test.js');
    await import('./navigation.test.js');
    await import('./commands.test.js');
    await import('./detect.test.js');
    await import('./comparison.test.js');
    await import('./lintWorkspace.test.js');
    await import('./docx.test.js');
  });
}
