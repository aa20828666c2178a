// Aligns annex rows with body sentences (RULES.md, "Matching body and annex").
// Rows follow the body, so each row is matched near where the previous one ended, helped by an
// inverted index of character bigrams that finds the row's text anywhere in the body. Each row
// may cover several consecutive sentences of one item. Similarity is the Dice coefficient of
// bigram multisets of the texts with punctuation and spaces removed: a dropped leading phrase or
// a changed word lowers it a little, an unrelated row a lot. Cost: O(total text) to index, and per
// row a bounded number of candidate spans, so the whole alignment is linear in practice.

import type { Alignment, AnnexRow, ParsedDocument, RowMatch, Sentence } from './model';
import { textKey } from './text';

/** Below this similarity a row is no sentence's row (an orphan). */
export const MATCH_THRESHOLD = 0.5;
/** Bigrams found in more sentences than this do not nominate candidates (they still score). */
const MAX_POSTINGS = 48;
/** Candidates taken from the index per row. */
const INDEX_CANDIDATES = 4;
/** Longest span of sentences one row may cover. */
const MAX_SPAN = 12;

type Counts = Map<number, number>;

function bigrams(key: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < key.length; i++) out.push(key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1));
  if (key.length === 1) out.push(key.charCodeAt(0));
  return out;
}

function countsOf(grams: number[]): Counts {
  const m: Counts = new Map();
  for (const g of grams) m.set(g, (m.get(g) ?? 0) + 1);
  return m;
}

/** Similarity of two texts, 0..1 (Dice coefficient of their bigram multisets). */
export function similarity(a: string, b: string): number {
  const ga = bigrams(textKey(a));
  const gb = bigrams(textKey(b));
  if (ga.length === 0 || gb.length === 0) return 0;
  const ca = countsOf(ga);
  let overlap = 0;
  for (const g of gb) {
    const c = ca.get(g);
    if (c) {
      overlap++;
      ca.set(g, c - 1);
    }
  }
  return (2 * overlap) / (ga.length + gb.length);
}

/** A span of sentences being scored against one row, updated incrementally. */
class SpanScorer {
  private readonly spanCounts: Counts = new Map();
  private overlap = 0;
  private size = 0;
  constructor(
    private readonly rowCounts: Counts,
    private readonly rowSize: number,
  ) {}
  add(grams: number[], sign: 1 | -1): void {
    for (const g of grams) {
      const r = this.rowCounts.get(g) ?? 0;
      const before = this.spanCounts.get(g) ?? 0;
      const after = before + sign;
      this.spanCounts.set(g, after);
      this.overlap += Math.min(r, after) - Math.min(r, before);
    }
    this.size += sign * grams.length;
  }
  score(): number {
    const total = this.rowSize + this.size;
    return total === 0 ? 0 : (2 * this.overlap) / total;
  }
}

export function alignAnnex(doc: ParsedDocument): Alignment {
  const annex = doc.annex;
  const sentences = doc.sentences;
  const grams = sentences.map((s) => bigrams(textKey(s.content)));
  const postings = new Map<number, number[]>();
  grams.forEach((gs, i) => {
    for (const g of gs) {
      const list = postings.get(g);
      if (!list) postings.set(g, [i]);
      else if (list[list.length - 1] !== i && list.length <= MAX_POSTINGS) list.push(i);
    }
  });

  const matches: RowMatch[] = [];
  const claimed = new Uint8Array(sentences.length);
  let expected = 0;
  for (const row of annex ? annex.rows : []) {
    const m = matchRow(row, sentences, grams, postings, claimed, expected);
    matches.push(m);
    if (m.sentences.length > 0) {
      for (const s of m.sentences) claimed[s.index] = 1;
      expected = m.sentences[m.sentences.length - 1].index + 1;
    }
  }
  markOrder(matches);
  const rowsOfSentence = new Map<number, AnnexRow[]>();
  for (const m of matches) {
    for (const s of m.sentences) {
      const list = rowsOfSentence.get(s.index);
      if (list) list.push(m.row);
      else rowsOfSentence.set(s.index, [m.row]);
    }
  }
  return { matches, rowsOfSentence };
}

function matchRow(
  row: AnnexRow,
  sentences: Sentence[],
  grams: number[][],
  postings: Map<number, number[]>,
  claimed: Uint8Array,
  expected: number,
): RowMatch {
  const orphan: RowMatch = { row, sentences: [], score: 0, inOrder: true };
  const key = row.task ? textKey(row.task.text) : '';
  const rowGrams = bigrams(key);
  if (rowGrams.length === 0 || sentences.length === 0) return orphan;
  const rowCounts = countsOf(rowGrams);

  // Candidates: the sentences sharing the most distinctive bigrams, and the ones right after
  // the previous row's match.
  const hits = new Map<number, number>();
  for (const g of rowCounts.keys()) {
    const list = postings.get(g);
    if (!list || list.length > MAX_POSTINGS) continue;
    for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
  }
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, INDEX_CANDIDATES);
  const candidates = new Set<number>(ranked.map((e) => e[0]));
  for (let k = expected; k < Math.min(sentences.length, expected + 3); k++) candidates.add(k);

  let best: { a: number; b: number; score: number; rank: number } | null = null;
  for (const c of candidates) {
    const span = bestSpanAround(c, sentences, grams, rowCounts, rowGrams.length);
    let rank = span.score;
    if (span.a >= expected && span.a <= expected + 2) rank += 0.05;
    for (let k = span.a; k <= span.b; k++) if (claimed[k]) rank -= 0.1;
    if (!best || rank > best.rank || (rank === best.rank && span.a < best.a)) best = { ...span, rank };
  }
  if (!best || best.score < MATCH_THRESHOLD) return { ...orphan, score: best ? best.score : 0 };
  return { row, sentences: sentences.slice(best.a, best.b + 1), score: best.score, inOrder: true };
}

/** Grows a span from sentence c backwards, then forwards, within c's item, while the score rises. */
function bestSpanAround(
  c: number,
  sentences: Sentence[],
  grams: number[][],
  rowCounts: Counts,
  rowSize: number,
): { a: number; b: number; score: number } {
  const scorer = new SpanScorer(rowCounts, rowSize);
  scorer.add(grams[c], 1);
  let score = scorer.score();
  const item = sentences[c].item;
  let a = c;
  let b = c;
  while (a > 0 && sentences[a - 1].item === item && b - a + 1 < MAX_SPAN) {
    scorer.add(grams[a - 1], 1);
    const s = scorer.score();
    if (s > score) {
      score = s;
      a--;
    } else {
      scorer.add(grams[a - 1], -1);
      break;
    }
  }
  while (b + 1 < sentences.length && sentences[b + 1].item === item && b - a + 1 < MAX_SPAN) {
    scorer.add(grams[b + 1], 1);
    const s = scorer.score();
    if (s > score) {
      score = s;
      b++;
    } else {
      break;
    }
  }
  return { a, b, score };
}

/** Marks matched rows that stand outside the longest run in body order (O(n log n)). */
function markOrder(matches: RowMatch[]): void {
  const matched = matches.filter((m) => m.sentences.length > 0);
  const pos = matched.map((m) => m.sentences[0].index);
  // Longest non-decreasing subsequence with predecessor links.
  const tailIdx: number[] = [];
  const prev = new Array<number>(pos.length).fill(-1);
  for (let i = 0; i < pos.length; i++) {
    let lo = 0;
    let hi = tailIdx.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pos[tailIdx[mid]] <= pos[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tailIdx[lo - 1];
    tailIdx[lo] = i;
  }
  const keep = new Set<number>();
  for (let k = tailIdx.length ? tailIdx[tailIdx.length - 1] : -1; k >= 0; k = prev[k]) keep.add(k);
  matched.forEach((m, i) => {
    m.inOrder = keep.has(i);
  });
}
