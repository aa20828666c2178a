// The smoke suite for the packaged extension (test/e2e/run.ts installs the .vsix into a fresh
// extensions folder and starts VS Code without extensionDevelopmentPath).
import { runMocha } from './harness';

export function run(): Promise<void> {
  return runMocha(async () => {
    await import('./smoke.test.js');
  });
}
