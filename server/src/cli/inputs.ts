// Turning command-line arguments into files: files as given, directories searched for *.txt,
// glob patterns expanded. What cannot be found is reported, not thrown.

import * as fs from 'fs';
import * as path from 'path';

export interface Inputs {
  files: string[];
  /** One line each: arguments that named nothing readable. */
  problems: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
// `~$name.docx` is the lock file Word leaves beside an open document, not a document.
const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**', '**/~$*'];

/** fast-glob is loaded only when a directory or a pattern is given, not for plain files. */
function glob(pattern: string, options: { cwd: string; absolute: boolean; ignore: string[]; dot?: boolean; caseSensitiveMatch?: boolean }): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fg = require('fast-glob') as typeof import('fast-glob');
  return fg.sync(pattern, options);
}

export function expandInputs(args: string[], cwd = process.cwd()): Inputs {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
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
      // Word documents beside the text files, any case of the extension (.DOCX from Windows).
      const found = glob('**/*.{txt,docx}', { cwd: abs, absolute: true, ignore: IGNORED_DIRS, dot: false, caseSensitiveMatch: false }).sort();
      found.forEach(add);
      if (found.length === 0) problems.push(`${arg}: 目录中没有 .txt 或 .docx 文件 (no *.txt or *.docx files in directory)`);
    } else if (stat) {
      add(abs);
    } else if (GLOB_CHARS.test(arg)) {
      const found = glob(arg.replace(/\\/g, '/'), { cwd, absolute: true, ignore: IGNORED_DIRS }).sort();
      found.forEach(add);
      if (found.length === 0) problems.push(`${arg}: 没有匹配的文件 (no files match)`);
    } else {
      problems.push(`${arg}: 文件不存在 (no such file)`);
    }
  }
  return { files, problems };
}
