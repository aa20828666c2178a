// `check --concurrency <n|auto|off>`: files are checked in worker threads (ESLint's model), each
// worker taking the next file when it is done; outcomes are put back in input order, so the
// report is the same as without workers. The worker is this same script (dist/cli-main.js)
// started with workerData, see cli.ts.

import * as os from 'os';
import type { ConfigCache } from '../engine';
import { checkFile, type CheckSettings, type FileJob, type FileOutcome } from './checkFile';

export const WORKER_MARK = 'yaodian-check-worker';

/** Files a worker should have before starting it pays (a worker costs ~50 ms to start). */
const FILES_PER_WORKER = 40;

/** The number of workers for a --concurrency value and a file count; 0 = check in this thread. */
export function workerCount(value: string, files: number): number | null {
  if (value === 'off') return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (value === 'auto') {
    const n = Math.min(cores, Math.floor(files / FILES_PER_WORKER));
    return n >= 2 ? n : 0;
  }
  if (!/^[1-9]\d*$/.test(value)) return null;
  return Math.min(Number(value), files);
}

export async function checkInWorkers(script: string, jobs: FileJob[], settings: CheckSettings, workers: number): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(jobs.length);
  let next = 0;
  const runOne = (): Promise<void> =>
    new Promise((resolve, reject) => {
      // Loaded here: a check without workers does not pay for node:worker_threads. The mark as the
      // worker's argument lets cli.ts tell a worker without loading it either.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker } = require('worker_threads') as typeof import('worker_threads');
      const worker = new Worker(script, { workerData: { mark: WORKER_MARK, settings }, argv: [WORKER_MARK] });
      let current = -1;
      const feed = (): void => {
        if (next >= jobs.length) {
          void worker.terminate();
          resolve();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, job: jobs[current] });
      };
      worker.on('message', (m: { index: number; outcome: FileOutcome }) => {
        outcomes[m.index] = m.outcome;
        feed();
      });
      worker.on('error', (err) => reject(err));
      worker.on('exit', (code) => {
        if (next < jobs.length || (current >= 0 && outcomes[current] === undefined)) reject(new Error(`工作线程意外退出 (worker exited with ${code})`));
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, runOne));
  return outcomes;
}

/** The worker's side: check each file posted, post its outcome back. */
export function runWorker(port: import('worker_threads').MessagePort, data: { settings: CheckSettings }): void {
  const cache: ConfigCache = new Map();
  port.on('message', (m: { index: number; job: FileJob }) => {
    let outcome: FileOutcome;
    try {
      outcome = checkFile(m.job, data.settings, cache);
    } catch (e) {
      outcome = { file: m.job.file, messages: null, fixable: [], fingerprints: [], related: [], notes: [], errors: [`内部错误 (internal error): ${e instanceof Error ? e.message : String(e)}`] };
    }
    port.postMessage({ index: m.index, outcome });
  });
}

/** Checks in this thread. */
export function checkHere(jobs: FileJob[], settings: CheckSettings): FileOutcome[] {
  const cache: ConfigCache = new Map();
  return jobs.map((job) => checkFile(job, settings, cache));
}
