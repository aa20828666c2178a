// The similarity behind the body↔annex alignment (align.ts), in one place. Texts are compared on
// their comparison keys (textKey: width folded, punctuation and spaces removed) as multisets of
// character bigrams (a one-character key is its own single "bigram"):
//
//   Dice(row, span) = 2·|R ∩ S| / (|R| + |S|)
//
// where R holds the row's bigrams and S those of a span of consecutive sentences (the multiset
// union of each sentence's bigrams, not the bigrams of the joined text), and the index proposes
// the sentences that share the most distinctive bigrams with a row.
//
// The fast implementations the alignment uses: NearScorer for the few spans near where a row is
// expected (Map-based, nothing built for the body, quick even before V8 compiles it), and
// BigramIndex for rows found nowhere near (bigram ids from an open-addressing table, typed-array
// counts kept up to date as sentences come and go, an inverted index of the whole body). One
// reference, ReferenceSimilarity, written to be read (multisets of strings, each score computed
// from scratch): test/unit/similarity.test.ts has fast-check compare each fast one with it, and
// the alignments they give, on random texts.

import { textKey } from '../document/text';

/** Bigrams found in more sentences than this are too common to propose candidates (they still score). */
export const MAX_POSTINGS = 48;

/** The comparison keys (textKey) of the sentences and the rows, each asked for when first needed. */
export interface KeySource {
  readonly sentenceCount: number;
  /** At least about as many characters as the sentences hold (sizes the index's tables; any value works). */
  readonly sizeHint?: number;
  sentenceKey(k: number): string;
  rowKey(r: number): string;
}

/** Scores spans of sentences against one row at a time. */
export interface SpanScorer {
  /** Spans are compared with row r from now on; the span is emptied. */
  setRow(r: number): void;
  /** How many bigrams row r has (0: nothing to compare). */
  rowSize(r: number): number;
  /** Empties the span. */
  clear(): void;
  /** Adds sentence k to the span, or with sign -1 takes it out again (it must be in the span). */
  add(k: number, sign: 1 | -1): void;
  /** Dice of the row's bigrams and the span's; 0 when both are empty. */
  score(): number;
}

/** A scorer that also proposes candidate sentences for a row from an index of the whole body. */
export interface SpanSimilarity extends SpanScorer {
  /**
   * At most `count` sentences with the most hits, most first (ties: the earlier sentence), none
   * without any: a hit is one of row r's bigram occurrences that the sentence holds, counting only
   * bigrams held by at most MAX_POSTINGS sentences.
   */
  candidates(r: number, count: number): number[];
}

/**
 * What the alignment scores with: `near` for a row's few spans near where it is expected (made
 * for every drifted row, so it must be cheap to start and fast before V8 has compiled it), `index`
 * for rows found nowhere near (one per alignment, built on the whole body when first needed).
 */
export interface SimilarityFactory {
  near(keys: KeySource): SpanScorer;
  index(keys: KeySource): SpanSimilarity;
}

/** The similarity of two texts, 0..1 (Dice of their keys' bigram multisets). */
export function similarity(a: string, b: string): number {
  return dice(bigramList(textKey(a)), bigramList(textKey(b)));
}

// ---------------------------------------------------------------------------------------------
// The reference

/** A key's bigrams as strings (a one-character key: itself). */
export function bigramList(key: string): string[] {
  if (key.length === 1) return [key];
  const out: string[] = [];
  for (let i = 0; i + 1 < key.length; i++) out.push(key.slice(i, i + 2));
  return out;
}

/** Dice coefficient of two multisets. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 0;
  const left = new Map<string, number>();
  for (const g of a) left.set(g, (left.get(g) ?? 0) + 1);
  let overlap = 0;
  for (const g of b) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      overlap++;
      left.set(g, n - 1);
    }
  }
  return (2 * overlap) / (a.length + b.length);
}

/** The definition, computed from scratch at every step. */
export class ReferenceSimilarity implements SpanSimilarity {
  private row = -1;
  private span: number[] = [];

  constructor(private readonly keys: KeySource) {}

  setRow(r: number): void {
    this.row = r;
    this.span = [];
  }

  rowSize(r: number): number {
    return bigramList(this.keys.rowKey(r)).length;
  }

  clear(): void {
    this.span = [];
  }

  add(k: number, sign: 1 | -1): void {
    if (sign > 0) this.span.push(k);
    else this.span.splice(this.span.indexOf(k), 1);
  }

  score(): number {
    const spanGrams = this.span.flatMap((k) => bigramList(this.keys.sentenceKey(k)));
    return dice(bigramList(this.keys.rowKey(this.row)), spanGrams);
  }

  candidates(r: number, count: number): number[] {
    const holders = new Map<string, number[]>();
    for (let k = 0; k < this.keys.sentenceCount; k++) {
      for (const g of new Set(bigramList(this.keys.sentenceKey(k)))) {
        const list = holders.get(g);
        if (list) list.push(k);
        else holders.set(g, [k]);
      }
    }
    const hits = new Map<number, number>();
    for (const g of bigramList(this.keys.rowKey(r))) {
      const list = holders.get(g) ?? [];
      if (list.length > MAX_POSTINGS) continue;
      for (const k of list) hits.set(k, (hits.get(k) ?? 0) + 1);
    }
    return [...hits]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, count)
      .map(([k]) => k);
  }
}

// ---------------------------------------------------------------------------------------------
// The fast ones

/** The bigram code at key[i] (a pair c1·65536 + c2; a one-character key: its character). */
function codeAt(key: string, i: number): number {
  return key.length === 1 ? key.charCodeAt(0) : key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1);
}

/**
 * Spans near where a row is expected: the row's bigrams that the span has not matched yet are
 * kept in a Map, and a sentence added takes its bigrams out of it. Nothing is built for the body,
 * and Map's built-in operations are fast before V8 compiles this code (most rows a check scores
 * run it a handful of times, and `yaodian check` runs once). Taking a sentence out recounts.
 */
export class NearScorer implements SpanScorer {
  private row = -1;
  private rowCounts = new Map<number, number>();
  private rowTotal = 0;
  private remaining: Map<number, number> | null = null;
  private readonly span: number[] = [];
  private overlap = 0;
  private size = 0;

  constructor(private readonly keys: KeySource) {}

  setRow(r: number): void {
    this.clear();
    if (r === this.row) return;
    this.row = r;
    const key = this.keys.rowKey(r);
    const counts = new Map<number, number>();
    const n = bigramCount(key);
    for (let i = 0; i < n; i++) {
      const g = codeAt(key, i);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    this.rowCounts = counts;
    this.rowTotal = n;
  }

  rowSize(r: number): number {
    return bigramCount(this.keys.rowKey(r));
  }

  clear(): void {
    this.remaining = null;
    this.span.length = 0;
    this.overlap = 0;
    this.size = 0;
  }

  add(k: number, sign: 1 | -1): void {
    if (sign < 0) {
      const rest = this.span.slice();
      rest.splice(rest.indexOf(k), 1);
      this.clear();
      for (const x of rest) this.add(x, 1);
      return;
    }
    const remaining = (this.remaining ??= new Map(this.rowCounts));
    const key = this.keys.sentenceKey(k);
    const n = bigramCount(key);
    let found = 0;
    for (let i = 0; i < n; i++) {
      const g = codeAt(key, i);
      const r = remaining.get(g);
      if (r !== undefined && r > 0) {
        found++;
        remaining.set(g, r - 1);
      }
    }
    this.span.push(k);
    this.overlap += found;
    this.size += n;
  }

  score(): number {
    const total = this.rowTotal + this.size;
    return total === 0 ? 0 : (2 * this.overlap) / total;
  }
}

/** How many bigrams a key has (a one-character key: one). */
function bigramCount(key: string): number {
  return key.length === 1 ? 1 : Math.max(0, key.length - 1);
}

const NO_IDS = new Int32Array(0);

/**
 * Bigrams (a pair c1 c2, a single character as the pair 0 c2: apart, since keys hold no NUL) get
 * small ids from an open-addressing hash table on typed arrays, so that counts live in
 * typed arrays. Keys and their ids are made when a sentence or row is first used: a row matched
 * near where it is expected touches a few sentences, and only a row found nowhere near has the
 * whole body indexed.
 */
export class BigramIndex implements SpanSimilarity {
  // The hash table: slotCode[s] is the code in slot s when slotId[s] ≥ 0. Kept at most half full.
  private slotCode: Float64Array;
  private slotId: Int32Array;
  private vocabulary = 0;
  private readonly sentenceIds: (Int32Array | undefined)[];
  private readonly rowIds: (Int32Array | undefined)[] = [];
  // Counts per bigram id of the current row and of the span (grown with the vocabulary).
  private rowCount: Int32Array;
  private spanCount: Int32Array;
  private readonly touched: number[] = [];
  private row = -1;
  private rowTotal = 0;
  private overlap = 0;
  private size = 0;
  private postings: { start: Int32Array; count: Int32Array; ids: Int32Array } | null = null;
  private hits: Int32Array | null = null;

  constructor(private readonly keys: KeySource) {
    this.sentenceIds = new Array<Int32Array | undefined>(keys.sentenceCount);
    // Small at first (a few thousand bigrams): most alignments score a few sentences near where
    // rows are expected; the whole body is packed only for the index (reserve).
    this.slotCode = new Float64Array(4096);
    this.slotId = new Int32Array(4096).fill(-1);
    this.rowCount = new Int32Array(2048);
    this.spanCount = new Int32Array(2048);
  }

  /** Room for about `bigrams` ids without growing step by step (each step rehashes and copies). */
  private reserve(bigrams: number): void {
    // Real texts have about one distinct bigram per two characters; the table stays half empty.
    while (this.slotId.length < 16384 && this.slotId.length < bigrams) this.growTable();
    while (this.rowCount.length < this.slotId.length / 2) this.growCounts();
  }

  /** The id of the bigram c1 c2 (c1 = 0: the single character c2), made when first seen. */
  private idOf(c1: number, c2: number): number {
    const mask = this.slotId.length - 1;
    const code = c1 * 65536 + c2;
    let s = hashOf(c1, c2) & mask;
    for (;;) {
      const id = this.slotId[s];
      if (id < 0) break;
      if (this.slotCode[s] === code) return id;
      s = (s + 1) & mask;
    }
    const id = this.vocabulary++;
    this.slotCode[s] = code;
    this.slotId[s] = id;
    if (this.vocabulary * 2 > this.slotId.length) this.growTable();
    if (this.vocabulary > this.rowCount.length) this.growCounts();
    return id;
  }

  private growTable(): void {
    const codes = this.slotCode;
    const ids = this.slotId;
    this.slotCode = new Float64Array(codes.length * 2);
    this.slotId = new Int32Array(ids.length * 2).fill(-1);
    const mask = this.slotId.length - 1;
    for (let t = 0; t < ids.length; t++) {
      if (ids[t] < 0) continue;
      const code = codes[t];
      let s = hashOf(Math.floor(code / 65536), code % 65536) & mask;
      while (this.slotId[s] >= 0) s = (s + 1) & mask;
      this.slotCode[s] = code;
      this.slotId[s] = ids[t];
    }
  }

  private growCounts(): void {
    const rowCount = new Int32Array(this.rowCount.length * 2);
    rowCount.set(this.rowCount);
    this.rowCount = rowCount;
    const spanCount = new Int32Array(this.spanCount.length * 2);
    spanCount.set(this.spanCount);
    this.spanCount = spanCount;
  }

  private pack(key: string): Int32Array {
    if (key.length === 0) return NO_IDS;
    if (key.length === 1) return Int32Array.of(this.idOf(0, key.charCodeAt(0)));
    const out = new Int32Array(key.length - 1);
    let prev = key.charCodeAt(0);
    for (let i = 1; i < key.length; i++) {
      const c = key.charCodeAt(i);
      out[i - 1] = this.idOf(prev, c);
      prev = c;
    }
    return out;
  }

  private sentence(k: number): Int32Array {
    return (this.sentenceIds[k] ??= this.pack(this.keys.sentenceKey(k)));
  }

  private rowGrams(r: number): Int32Array {
    return (this.rowIds[r] ??= this.pack(this.keys.rowKey(r)));
  }

  setRow(r: number): void {
    this.clear();
    if (r === this.row) return;
    if (this.row >= 0) {
      const old = this.rowGrams(this.row);
      for (let i = 0; i < old.length; i++) this.rowCount[old[i]]--;
    }
    this.row = r;
    // Packing may grow the counts: the row's own ids first, then the counts they index.
    const ids = this.rowGrams(r);
    const rc = this.rowCount;
    for (let i = 0; i < ids.length; i++) rc[ids[i]]++;
    this.rowTotal = ids.length;
  }

  rowSize(r: number): number {
    return this.rowGrams(r).length;
  }

  clear(): void {
    const sc = this.spanCount;
    for (let t = 0; t < this.touched.length; t++) sc[this.touched[t]] = 0;
    this.touched.length = 0;
    this.overlap = 0;
    this.size = 0;
  }

  add(k: number, sign: 1 | -1): void {
    const ids = this.sentence(k);
    const rc = this.rowCount;
    const sc = this.spanCount;
    let overlap = this.overlap;
    for (let i = 0; i < ids.length; i++) {
      const g = ids[i];
      const before = sc[g];
      if (before === 0 && sign > 0) this.touched.push(g);
      const after = before + sign;
      sc[g] = after;
      const r = rc[g];
      overlap += (r < after ? r : after) - (r < before ? r : before);
    }
    this.overlap = overlap;
    this.size += sign * ids.length;
  }

  score(): number {
    const total = this.rowTotal + this.size;
    return total === 0 ? 0 : (2 * this.overlap) / total;
  }

  candidates(r: number, count: number): number[] {
    const postings = (this.postings ??= this.buildPostings());
    const n = this.keys.sentenceCount;
    const hits = (this.hits ??= new Int32Array(n));
    const ids = this.rowGrams(r);
    const hit: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const g = ids[k];
      // Ids made after the index (a row's own bigrams) are in no sentence.
      if (g >= postings.count.length) continue;
      const c = postings.count[g];
      if (c > MAX_POSTINGS) continue;
      const from = postings.start[g];
      for (let j = from; j < from + c; j++) {
        const i = postings.ids[j];
        if (hits[i] === 0) hit.push(i);
        hits[i]++;
      }
    }
    const top = topByHits(hit, hits, count);
    for (let k = 0; k < hit.length; k++) hits[hit[k]] = 0;
    return top;
  }

  /**
   * The inverted index, compressed: the sentences holding bigram g are
   * ids[start[g] .. start[g] + count[g]); count stops at MAX_POSTINGS + 1 (too common to use).
   */
  private buildPostings(): { start: Int32Array; count: Int32Array; ids: Int32Array } {
    const n = this.keys.sentenceCount;
    this.reserve(this.keys.sizeHint ?? 0);
    for (let i = 0; i < n; i++) this.sentence(i);
    const vocabulary = this.vocabulary;
    const count = new Int32Array(vocabulary);
    const last = new Int32Array(vocabulary).fill(-1);
    for (let i = 0; i < n; i++) {
      const ids = this.sentenceIds[i]!;
      for (let k = 0; k < ids.length; k++) {
        const g = ids[k];
        if (last[g] !== i && count[g] <= MAX_POSTINGS) {
          count[g]++;
          last[g] = i;
        }
      }
    }
    const start = new Int32Array(vocabulary);
    let total = 0;
    for (let g = 0; g < vocabulary; g++) {
      start[g] = total;
      total += count[g];
    }
    const list = new Int32Array(total);
    const fill = new Int32Array(vocabulary);
    last.fill(-1);
    for (let i = 0; i < n; i++) {
      const ids = this.sentenceIds[i]!;
      for (let k = 0; k < ids.length; k++) {
        const g = ids[k];
        if (last[g] !== i && fill[g] < count[g]) {
          list[start[g] + fill[g]++] = i;
          last[g] = i;
        }
      }
    }
    return { start, count, ids: list };
  }
}

/** Where a bigram's search starts in the hash table (multiplicative hashing of its two halves). */
function hashOf(c1: number, c2: number): number {
  return Math.imul(c1, 0x9e3779b1) ^ Math.imul(c2, 0x85ebca77);
}

/** The k sentences with the most hits (ties: the earlier sentence), in one pass without sorting. */
function topByHits(ids: number[], hits: Int32Array, k: number): number[] {
  const top: number[] = [];
  for (let n = 0; n < ids.length; n++) {
    const i = ids[n];
    let pos = top.length;
    while (pos > 0 && (hits[top[pos - 1]] < hits[i] || (hits[top[pos - 1]] === hits[i] && top[pos - 1] > i))) pos--;
    if (pos < k) {
      top.splice(pos, 0, i);
      if (top.length > k) top.pop();
    }
  }
  return top;
}

export const fastSimilarity: SimilarityFactory = { near: (keys) => new NearScorer(keys), index: (keys) => new BigramIndex(keys) };
export const referenceSimilarity: SimilarityFactory = { near: (keys) => new ReferenceSimilarity(keys), index: (keys) => new ReferenceSimilarity(keys) };
