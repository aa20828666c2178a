// Property-based robustness tests: thousands of random corruptions of the real documents
// (every fixture), checked against what the engine promises for any input.
//
// Runs are deterministic: a fixed seed per property. On a failure fast-check prints the seed,
// the path and the shrunk counterexample (a fixture name and a list of operations, see
// corrupt.ts); replay it with YAODIAN_FC_SEED=<seed>. YAODIAN_FC_RUNS=<n> scales every
// property's run count (e.g. 10 for a long local hunt with a random seed: YAODIAN_FC_SEED=random).

import * as assert from 'assert';
import * as fc from 'fast-check';
import { fixText, lintText, type LintResult } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/core';
import type { Fix, TextEdit } from '../../server/src/rules/types';
import { charOp, corrupt, corruption, fixtureDocuments, lineOp, wholeOp, type Corruption } from './corrupt';

const DOCS = fixtureDocuments();
const NAMES = [...DOCS.keys()];

const SCALE = Number(process.env.YAODIAN_FC_RUNS ?? '1') || 1;

/**
 * Runs per property. (a)(b)(c)(d)(f) are checked on every lint of the four lint tests (3,000
 * runs) and on every fixed text of the (e) runs; (e) 1,500 runs, (g) 1,000. About 20 s in all on
 * a 2-core machine; YAODIAN_FC_RUNS=10 for a longer hunt.
 */
const RUNS = { lines: 800, chars: 1200, whole: 400, mixed: 600, converge: 1500, crlf: 1000 };
const SEED_ENV = process.env.YAODIAN_FC_SEED;

function params(seed: number, numRuns: number): fc.Parameters<[Corruption]> {
  const s = SEED_ENV === undefined ? seed : SEED_ENV === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(SEED_ENV);
  return { seed: s, numRuns: Math.round(numRuns * SCALE) };
}

// ---------------------------------------------------------------------------------------------
// Checks

/** A range is inside the text: integers, 0 ≤ start ≤ end ≤ length. */
function checkRange(text: string, start: unknown, end: unknown, what: string): void {
  assert.ok(
    Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= text.length,
    `${what}: range [${String(start)}, ${String(end)}) is not inside the text (length ${text.length})`,
  );
}

/** The line/column of an offset names a real line and a column within that line's text. */
function checkPosition(r: LintResult, offset: number, what: string): void {
  const { line, character } = r.doc.lineIndex.position(offset);
  if (line === r.doc.lines.length) {
    // The empty line editors show after a final line break: only the very end of the text is there.
    assert.ok(
      character === 0 && offset === r.doc.text.length && /[\r\n]$/.test(r.doc.text),
      `${what}: offset ${offset} maps to line ${line}:${character}, past the last line`,
    );
    return;
  }
  const l = r.doc.lines[line];
  assert.ok(l !== undefined, `${what}: offset ${offset} maps to line ${line}, but there are ${r.doc.lines.length} lines`);
  assert.ok(l.start + character === offset, `${what}: offset ${offset} does not round-trip through line ${line}:${character}`);
  // A column past the line's text points into its line break (between \r and \n): the editor
  // has no such position.
  assert.ok(
    character >= 0 && character <= l.end - l.start,
    `${what}: offset ${offset} gives column ${character} on line ${line}, which has ${l.end - l.start} characters`,
  );
}

/**
 * Every node of the parsed document with a range (items, markers, sentences, unit
 * parentheticals and their units, time mentions, annex header, rows and cells, paragraphs,
 * lines …): found by walking the whole object graph, so a node added later is checked too.
 */
function checkDocumentRanges(r: LintResult): number {
  const text = r.doc.text;
  const seen = new Set<object>();
  let checked = 0;
  const walk = (v: unknown, where: string): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Map) {
      for (const [k, x] of v) walk(x, `${where}.get(${String(k)})`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${where}[${i}]`));
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' || typeof o.end === 'number') {
      checkRange(text, o.start, o.end, where);
      checkPosition(r, o.start as number, `${where}.start`);
      checkPosition(r, o.end as number, `${where}.end`);
      checked++;
    }
    for (const k of Object.keys(o)) {
      // Back references (sentence → item, item → parent) are visited from their owners.
      if (k === 'item' || k === 'parent' || k === 'lineIndex') continue;
      walk(o[k], `${where}.${k}`);
    }
  };
  walk(r.doc, 'doc');
  return checked;
}

/** Edits of one fix do not overlap (an insertion may not sit inside or at the edge of another edit). */
function checkFixEditsDisjoint(fix: Fix, what: string): void {
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i - 1];
    const e = sorted[i];
    const overlap = e.start < p.end || (e.start === p.start && (e.start === e.end || p.start === p.end));
    assert.ok(!overlap, `${what}: edits [${p.start}, ${p.end}) and [${e.start}, ${e.end}) overlap`);
  }
}

/** The output differs from the input only inside the edits: every gap between them is kept. */
function checkOnlyEditsChanged(text: string, edits: readonly TextEdit[], out: string, what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let pos = 0;
  let o = 0;
  for (const e of sorted) {
    const keep = text.slice(pos, e.start);
    assert.strictEqual(out.slice(o, o + keep.length), keep, `${what}: text before [${e.start}, ${e.end}) changed`);
    o += keep.length;
    assert.strictEqual(out.slice(o, o + e.newText.length), e.newText, `${what}: replacement for [${e.start}, ${e.end}) not found`);
    o += e.newText.length;
    pos = e.end;
  }
  const tail = text.slice(pos);
  assert.strictEqual(out.slice(o), tail, `${what}: text after the last edit changed`);
  // Prefix and suffix, in so many words.
  if (sorted.length > 0) {
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    assert.ok(out.startsWith(text.slice(0, first.start)), `${what}: prefix changed`);
    assert.ok(out.endsWith(text.slice(last.end)), `${what}: suffix changed`);
  }
}

const INTERNAL_ERROR = /^规则 \S+ 内部错误/;

/** Properties (a) to (d) and (f) for one text; returns the lint result. */
function checkLint(text: string): LintResult {
  // (a) never throws: an exception here fails the property with the counterexample.
  const r = lintText(text);
  assert.strictEqual(r.doc.text, text, 'the parsed document holds the text as given');

  // (b) the parsed document's ranges.
  checkDocumentRanges(r);

  for (const d of r.diagnostics) {
    const what = `${d.ruleId} "${d.message}"`;
    // (c) no rule failed.
    assert.ok(!INTERNAL_ERROR.test(d.message), `internal error: ${d.message}`);
    // (b) diagnostic, related and fix ranges.
    checkRange(text, d.start, d.end, what);
    checkPosition(r, d.start, `${what} start`);
    checkPosition(r, d.end, `${what} end`);
    for (const rel of d.related) {
      checkRange(text, rel.start, rel.end, `${what} related "${rel.message}"`);
      checkPosition(r, rel.start, `${what} related start`);
      checkPosition(r, rel.end, `${what} related end`);
    }
    for (const fix of d.fixes) {
      const fwhat = `${what} fix "${fix.title}"`;
      for (const e of fix.edits) {
        checkRange(text, e.start, e.end, fwhat);
        checkPosition(r, e.start, `${fwhat} edit start`);
        checkPosition(r, e.end, `${fwhat} edit end`);
        assert.strictEqual(typeof e.newText, 'string', `${fwhat}: newText is not a string`);
      }
      // (d) the fix applies: its edits do not overlap, applyEdits accepts them.
      checkFixEditsDisjoint(fix, fwhat);
      const out = applyEdits(text, fix.edits);
      // (f) and it changes nothing outside its edits.
      checkOnlyEditsChanged(text, fix.edits, out, fwhat);
    }
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Properties

describe('robustness: properties over corrupted documents', function () {
  this.timeout(120_000);

  it('the uncorrupted fixtures pass every check (sanity)', () => {
    for (const [name, text] of DOCS) {
      try {
        checkLint(text);
        const once = fixText(text).output;
        assert.strictEqual(fixText(once).output, once);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`, { cause: e });
      }
    }
  });

  // (a) (b) (c) (d) (f): one lint per run serves all five, so the runs are spent on inputs.
  // Separate families of corruption, each with its own seed, so a failure names its kind.
  it('line-level corruptions (delete, duplicate, swap, move lines): lintText holds (a)(b)(c)(d)(f)', () => {
    fc.assert(
      fc.property(corruption(NAMES, 6, lineOp), (c) => {
        checkLint(corrupt(DOCS, c));
      }),
      params(0x59d1a01, RUNS.lines),
    );
  });

  it('character-level corruptions (markers, brackets, |, tab, 附件, 序号, CR/LF, BOM, U+3000, surrogates, NUL, emoji, CJK): lintText holds (a)(b)(c)(d)(f)', () => {
    fc.assert(
      fc.property(corruption(NAMES, 8, charOp), (c) => {
        checkLint(corrupt(DOCS, c));
      }),
      params(0x59d1a02, RUNS.chars),
    );
  });

  it('whole-document transformations (truncate, widths, line endings, BOM, all on one line): lintText holds (a)(b)(c)(d)(f)', () => {
    fc.assert(
      fc.property(corruption(NAMES, 3, wholeOp), (c) => {
        checkLint(corrupt(DOCS, c));
      }),
      params(0x59d1a03, RUNS.whole),
    );
  });

  it('mixed corruptions of every kind: lintText holds (a)(b)(c)(d)(f)', () => {
    fc.assert(
      fc.property(corruption(NAMES, 6), (c) => {
        checkLint(corrupt(DOCS, c));
      }),
      params(0x59d1a04, RUNS.mixed),
    );
  });

  it('(e) fixText converges: fixing the fixed text changes nothing', () => {
    fc.assert(
      fc.property(corruption(NAMES, 6), (c) => {
        const text = corrupt(DOCS, c);
        const once = fixText(text);
        const twice = fixText(once.output);
        assert.strictEqual(twice.output, once.output, `fixText did not converge (first run: ${once.passes} passes, ${once.fixed} fixes; second: ${twice.fixed} more fixes)`);
        // The fixed text is itself a document the engine must handle.
        if (once.output !== text) checkLint(once.output);
      }),
      params(0x59d1a05, RUNS.converge),
    );
  });

  it('(g) CRLF documents stay CRLF after fixText', () => {
    fc.assert(
      fc.property(corruption(NAMES, 6), (c) => {
        let text = corrupt(DOCS, c).replace(/\r\n|\r|\n/g, '\r\n');
        if (!text.includes('\r\n')) text += '\r\n';
        const { output } = fixText(text);
        const bare = /\r(?!\n)|(?<!\r)\n/.exec(output);
        assert.ok(bare === null, `fixText introduced a bare ${bare?.[0] === '\r' ? 'CR' : 'LF'} at offset ${bare?.index}: ${JSON.stringify(output.slice(Math.max(0, (bare?.index ?? 0) - 30), (bare?.index ?? 0) + 10))}`);
      }),
      params(0x59d1a07, RUNS.crlf),
    );
  });
});
