// The `yaodian` command line: a thin layer over the engine (server/src/document, rules, fixes).

import { run } from './cli/main';
import { runWorker, WORKER_MARK } from './cli/pool';

// Output piped into a command that stops reading (`yaodian tasks … | head`): stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// The same script is the worker of `check --concurrency` (see cli/pool.ts), started with the mark
// as its argument: only then is node:worker_threads loaded (it costs every other run ~3 ms).
if (process.argv[2] === WORKER_MARK) startWorker();
else start();

function startWorker(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMainThread, parentPort, workerData } = require('worker_threads') as typeof import('worker_threads');
  if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) runWorker(parentPort, workerData);
  else start();
}

function start(): void {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`yaodian: 内部错误 (internal error): ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
