// The `yaodian` command line: a thin layer over the engine (server/src/document, rules, fixes).

import { run } from './cli/main';

// Output piped into a command that stops reading (`yaodian tasks … | head`): stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`yaodian: 内部错误 (internal error): ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
