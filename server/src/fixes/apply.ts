// Applying fixes: the one place where edits change text. Edits are applied in one pass from a
// sorted list; a fix whose edits overlap an edit already taken is left for the next pass, as
// ESLint does, so fixes never fight over the same text.

import type { Fix, TextEdit } from '../rules/types';

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
 * without reading their edits (which may be computed when read: fixes/lazy.ts).
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
