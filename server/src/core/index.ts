// The core every layer shares: what a severity is, what an edit and a fix are, and the one
// place where edits change text. Nothing here knows documents, rules or editors.

export type Severity = 'error' | 'warning' | 'info' | 'off';

/** Replace text[start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Chinese title shown in the editor's quick-fix menu. */
  title: string;
  /** May be computed when first read (lazyFix): read it only to apply or show the fix. */
  edits: TextEdit[];
  /**
   * Fixes with the same scope overlap one another (each renumbers the rest of one outline
   * chain): once one is tried, the others are skipped without computing their edits.
   */
  scope?: object;
  /** Applied by `yaodian fix`, `check --fix` and "fix all": unambiguous fixes only. */
  auto: boolean;
  /** The fix the editor offers first. */
  preferred?: boolean;
  /**
   * Where the editor should put the cursor after the fix, as an offset in the fixed text
   * (`(责任单位:)` with the cursor inside).
   */
  cursor?: number;
}

// Applying fixes: the one place where edits change text. Edits are applied in one pass from a
// sorted list; a fix whose edits overlap an edit already taken is left for the next pass, as
// ESLint does, so fixes never fight over the same text.

/** Applies non-overlapping edits in one pass. Throws on overlapping edits (a bug in a rule). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      throw new RangeError(`overlapping or invalid edit [${e.start}, ${e.end})`);
    }
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Picks the fixes that can be applied together, in order, skipping any that overlap one already
 * taken. Returns their edits, sorted, and how many fixes were taken. Taken edits are filed by
 * 1 KB block of the text, so each new edit is compared with its neighbours only: a document
 * with tens of thousands of fixes stays linear. Fixes of a scope already tried are skipped
 * without reading their edits (which may be computed when read: lazyFix).
 */
export function compatibleEdits(fixes: readonly Fix[]): { edits: TextEdit[]; taken: number; chosen: Fix[] } {
  const taken: TextEdit[] = [];
  const byBlock = new Map<number, TextEdit[]>();
  const conflicts = (e: TextEdit): boolean => {
    for (let b = e.start >> BLOCK_BITS; b <= e.end >> BLOCK_BITS; b++) {
      const near = byBlock.get(b);
      if (near && near.some((t) => overlaps(e, t))) return true;
    }
    return false;
  };
  const chosen: Fix[] = [];
  const scopes = new Set<object>();
  for (const fix of fixes) {
    // The first fix of a scope stands for all of it in this pass, taken or not: the next pass
    // sees what is still wrong.
    if (fix.scope !== undefined) {
      if (scopes.has(fix.scope)) continue;
      scopes.add(fix.scope);
    }
    const edits = fix.edits.filter((e) => !(e.start === e.end && e.newText === ''));
    if (edits.some(conflicts)) continue;
    // Edits within one fix must not overlap either.
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end)) continue;
    for (const e of edits) {
      taken.push(e);
      for (let b = e.start >> BLOCK_BITS; b <= e.end >> BLOCK_BITS; b++) {
        const near = byBlock.get(b);
        if (near) near.push(e);
        else byBlock.set(b, [e]);
      }
    }
    chosen.push(fix);
  }
  return { edits: taken.sort((a, b) => a.start - b.start), taken: chosen.length, chosen };
}

/** Taken edits are filed by block of 2^10 offsets. */
const BLOCK_BITS = 10;

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // An insertion conflicts with another insertion at the same point and with an edit around it
  // (their order would be arbitrary).
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

// Fixes whose edits are computed when first read. A fix that renumbers the rows after the one it
// inserts or deletes has one edit per row; made eagerly for every finding, a table that matches
// nothing (every row an orphan) would cost rows × rows edits. Nothing reads a manual fix's edits
// unless the user asks for that fix (the editor's quick fix), so they wait until then.

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

/**
 * A library loaded when first used: `lazy(() => require('iconv-lite') as typeof import('iconv-lite'))`.
 * The CLI bundles such libraries apart (dist/vendor, esbuild.js), so a check that needs none of
 * them never reads their code.
 */
export function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

