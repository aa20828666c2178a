import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { applyEdits, compatibleEdits } from '../../server/src/core';
import type { Fix, TextEdit } from '../../server/src/rules/types';

/** The first version of compatibleEdits: every new edit compared with every taken one. */
function reference(fixes: readonly Fix[]): { edits: TextEdit[]; taken: number } {
  const overlaps = (a: TextEdit, b: TextEdit): boolean => {
    if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
    if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
    return a.start < b.end && b.start < a.end;
  };
  const taken: TextEdit[] = [];
  let count = 0;
  for (const fix of fixes) {
    const edits = fix.edits.filter((e) => !(e.start === e.end && e.newText === ''));
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end)) continue;
    taken.push(...edits);
    count++;
  }
  return { edits: taken.sort((a, b) => a.start - b.start), taken: count };
}

const fix = (...edits: [number, number, string][]): Fix => ({ title: 't', auto: true, edits: edits.map(([start, end, newText]) => ({ start, end, newText })) });

describe('applyEdits', () => {
  it('applies non-overlapping edits in any order, touching nothing else', () => {
    assert.equal(applyEdits('甲乙丙丁', [{ start: 3, end: 4, newText: 'D' }, { start: 0, end: 1, newText: 'A' }]), 'A乙丙D');
    assert.equal(applyEdits('ab', [{ start: 1, end: 1, newText: '-' }]), 'a-b');
  });

  it('refuses overlapping or out-of-range edits', () => {
    assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }]), RangeError);
    assert.throws(() => applyEdits('abc', [{ start: 2, end: 4, newText: '' }]), RangeError);
  });
});

describe('compatibleEdits', () => {
  it('takes fixes in order and skips one that overlaps a fix already taken', () => {
    const r = compatibleEdits([fix([0, 2, 'x']), fix([1, 3, 'y']), fix([3, 4, 'z'])]);
    assert.equal(r.taken, 2);
    assert.deepEqual(r.edits.map((e) => e.newText), ['x', 'z']);
  });

  it('treats an insertion touching another edit as a conflict, and ignores empty insertions', () => {
    assert.equal(compatibleEdits([fix([2, 4, 'x']), fix([4, 4, 'y'])]).taken, 1);
    assert.equal(compatibleEdits([fix([2, 4, 'x']), fix([4, 4, '']), fix([5, 5, 'z'])]).taken, 3);
  });

  it('finds conflicts across its 1 KB blocks', () => {
    assert.equal(compatibleEdits([fix([1000, 3000, 'x']), fix([2048, 2049, 'y'])]).taken, 1);
    assert.equal(compatibleEdits([fix([1023, 1024, 'x']), fix([1024, 1024, 'y'])]).taken, 1);
    assert.equal(compatibleEdits([fix([1023, 1024, 'x']), fix([1024, 1025, 'y'])]).taken, 2);
  });

  it('agrees with the all-pairs reference on random fixes', () => {
    const edit = fc
      .tuple(fc.nat(5000), fc.nat(1500), fc.constantFrom('', 'a', '甲乙'))
      .map(([start, len, newText]): [number, number, string] => [start, start + (len % 3 === 0 ? 0 : len % 40), newText]);
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { maxLength: 40 }), (raw) => {
        const fixes = raw.map((edits) => fix(...edits));
        assert.deepEqual(compatibleEdits(fixes), reference(fixes));
      }),
      { numRuns: 1500 },
    );
  });
});
