// dist/cli.js: starts the CLI (dist/cli-main.js). Where Node has its own compile cache
// (module.enableCompileCache, Node ≥ 22.1) it is switched on, so runs after the first skip
// compiling the engine. Node 20 runs without a cache: a cache of our own would live in a folder
// that another local user could create first and fill with bytecode for this user's runs, and
// measured it saved 2 ms on a 46 KB document and 8 ms on 1 MB, not worth that risk.

import * as fs from 'fs';
import * as path from 'path';
import Module from 'module';

const MAIN = path.join(__dirname, 'cli-main.js');

interface NodeModuleCompileCache {
  enableCompileCache?: () => unknown;
}

let started = false;
try {
  const { enableCompileCache } = Module as unknown as NodeModuleCompileCache;
  if (typeof enableCompileCache === 'function') {
    try {
      enableCompileCache();
    } catch {
      // No usable cache folder: run without one.
    }
  }
  Module.createRequire(MAIN)(MAIN);
  started = true;
} finally {
  if (!started && !fs.existsSync(MAIN)) process.stderr.write(`yaodian: 找不到 ${MAIN},请先运行 npm run build\n`);
}
