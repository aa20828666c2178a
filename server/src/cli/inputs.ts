// Turning command-line arguments into files: files as given, directories searched for *.txt,
// glob patterns expanded. What cannot be found is reported, not thrown. Each real file is
// checked once, however many paths (symbolic links, a link back up the tree) lead to it.

import * as fs from 'fs';
import * as path from 'path';
import { IgnoreFiles } from '../config/ignoreFiles';

export interface Inputs {
  files: string[];
  /** One line each: arguments that named nothing readable. */
  problems: string[];
}

const GLOB_CHARS = /[*?[\]{}]/;
const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**', '**/~$*'];

/** fast-glob is loaded only when a directory or a pattern is given, not for plain files. */
function glob(pattern: string, options: { cwd: string; absolute: boolean; ignore: string[]; dot?: boolean }): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fg = require('fast-glob') as typeof import('fast-glob');
  // Not into linked folders: fast-glob would follow a link to a parent folder round and round.
  return fg.sync(pattern, { ...options, followSymbolicLinks: false });
}

const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * Files under `dir` whose name matches, sorted. Linked folders and files are followed, but each
 * folder is entered once by its real path, so a link back up the tree cannot loop. Names
 * starting with a dot and node_modules are skipped, as the glob did.
 */
function searchDirectory(dir: string, match: (name: string) => boolean): string[] {
  const found: string[] = [];
  const entered = new Set<string>();
  const visit = (d: string): void => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(d);
      if (entered.has(real)) return;
      entered.add(real);
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
      const p = path.join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) visit(p);
      else if (isFile && match(e.name)) found.push(p);
    }
  };
  visit(dir);
  return found.sort();
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
    let real = abs;
    try {
      real = fs.realpathSync(abs);
    } catch {
      // Reported when it is read.
    }
    if (!seen.has(real)) {
      seen.add(real);
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
      // Word documents beside the text files, any case of the extension (.DOCX from Windows);
      // `~$name.docx` is the lock file Word leaves beside an open document.
      const found = kept(searchDirectory(abs, (name) => /\.(txt|docx)$/i.test(name) && !name.startsWith('~$')));
      found.forEach(add);
      if (found.length === 0) problems.push(`${arg}: 目录中没有 .txt 或 .docx 文件 (no *.txt or *.docx files in directory)`);
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
