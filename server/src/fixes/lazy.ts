// Fixes whose edits are computed when first read. A fix that renumbers the rows after the one it
// inserts or deletes has one edit per row; made eagerly for every finding, a table that matches
// nothing (every row an orphan) would cost rows × rows edits. Nothing reads a manual fix's edits
// unless the user asks for that fix (the editor's quick fix), so they wait until then.

import type { Fix, TextEdit } from '../rules/types';

export function lazyFix(fix: Omit<Fix, 'edits'>, compute: () => TextEdit[]): Fix {
  let edits: TextEdit[] | undefined;
  return {
    ...fix,
    get edits(): TextEdit[] {
      edits ??= compute();
      return edits;
    },
  };
}
