// Which files a folder search skips: `.yaodianignore` (gitignore syntax) in the config's folder or
// any folder above a file, and `.gitignore` inside the git work tree (up to the folder holding
// `.git`). As in git, the deepest file that has an opinion about a path decides, so a folder's own
// `!keep.txt` re-includes what a file above it ignored. Files named on the command line are
// always checked.

import * as fs from 'fs';
import * as path from 'path';
import type { Ignore } from 'ignore';
import { lazy } from '../core';

export const IGNORE_FILE_NAME = '.yaodianignore';

export class IgnoreFiles {
  /** Per folder: the rules of its ignore files (null when it has none), and whether it holds `.git`. */
  private readonly folders = new Map<string, { rules: Ignore | null; repoRoot: boolean }>();

  /** True when the ignore files say `file` (absolute) is not to be checked. */
  ignores(file: string): boolean {
    let dir = path.dirname(file);
    let inRepo = true;
    for (;;) {
      const f = this.folder(dir, inRepo);
      if (f.rules) {
        const rel = path.relative(dir, file).split(path.sep).join('/');
        const verdict = f.rules.test(rel);
        if (verdict.ignored) return true;
        if (verdict.unignored) return false;
      }
      // Above the work tree, only .yaodianignore files count.
      if (f.repoRoot) inRepo = false;
      const parent = path.dirname(dir);
      if (parent === dir) return false;
      dir = parent;
    }
  }

  private folder(dir: string, withGitignore: boolean): { rules: Ignore | null; repoRoot: boolean } {
    const key = `${withGitignore ? 'g' : 'y'}${dir}`;
    let f = this.folders.get(key);
    if (!f) {
      const texts = [withGitignore ? read(path.join(dir, '.gitignore')) : null, read(path.join(dir, IGNORE_FILE_NAME))].filter((t): t is string => t !== null);
      f = { rules: texts.length ? ignoreLib()().add(texts.join('\n')) : null, repoRoot: fs.existsSync(path.join(dir, '.git')) };
      this.folders.set(key, f);
    }
    return f;
  }
}

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The ignore library, loaded when a folder has an ignore file. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ignoreLib = lazy(() => require('ignore') as typeof import('ignore'));
