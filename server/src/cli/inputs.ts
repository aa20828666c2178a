// Turning command-line arguments into files: files as given, directories searched for *.txt,
// glob patterns expanded. What cannot be found is reported, not thrown.

import * as fs from 'fs';
import * as path from 'path';
import { IgnoreFiles } from '../config/ignoreFiles';

export interface Inputs {
  files: string[];
  /** One line each: arguments that named nothing readable. */
  problems: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];

/** fast-glob is loaded only when a directory or a pattern is given, not for plain files. */
function glob(pattern: string, options: { cwd: string; absolute: boolean; ignore: string[]; dot?: boolean }): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fg = require('fast-glob') as typeof import('fast-glob');
  return fg.sync(pattern, options);
}

export function expandInputs(args: string[], cwd = process.cwd()): Inputs {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  // Folder searches and globs skip what .yaodianignore and .gitignore list; named files never do.
  const ignored = new IgnoreFiles();
  const kept = (found: string[]): string[] => found.filter((f) => !ignored.ignores(path.resolve(f)));
  const add = (f: string): void => {
    const abs = path.resolve(cwd, f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = kept(glob('**/*.txt', { cwd: abs, absolute: true, ignore: IGNORED_DIRS, dot: false })).sort();
      found.forEach(add);
      if (found.length === 0) problems.push(`${arg}: 目录中没有 .txt 文件 (no *.txt files in directory)`);
    } else if (stat) {
      add(abs);
    } else if (GLOB_CHARS.test(arg)) {
      const found = kept(glob(arg.replace(/\\/g, '/'), { cwd, absolute: true, ignore: IGNORED_DIRS })).sort();
      found.forEach(add);
      if (found.length === 0) problems.push(`${arg}: 没有匹配的文件 (no files match)`);
    } else {
      problems.push(`${arg}: 文件不存在 (no such file)`);
    }
  }
  return { files, problems };
}
