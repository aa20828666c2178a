// Aligns annex rows with body sentences (docs/rules.md, "正文与附件的对应").
// Rows follow the body, so each row is matched near where the previous one ended, helped by an
// inverted index of character bigrams that finds the row's text anywhere in the body. Each row
// may cover several consecutive sentences of one item. Similarity is the Dice coefficient of
// bigram multisets of the texts with punctuation and spaces removed: a dropped leading phrase or
// a changed word lowers it a little, an unrelated row a lot. Cost: O(total text) to index, and per
// row a bounded number of candidate spans, so the whole alignment is linear in practice. The
// similarity and the index are analysis/similarity.ts, behind an interface with a reference
// implementation that the tests compare the fast one with.

import type { AnnexRow, ParsedDocument, Sentence } from '../document/model';
import { textKey } from '../document/text';
import { fastSimilarity, type KeySource, type SimilarityFactory, type SpanScorer, type SpanSimilarity } from './similarity';

export { similarity } from './similarity';

export interface RowMatch {
  row: AnnexRow;
  /** Consecutive sentences of one item that the row covers; empty for an orphan row. */
  sentences: Sentence[];
  /** Similarity of the row text with the sentences' text, 0..1. */
  score: number;
  /** False when the row stands out of body order. */
  inOrder: boolean;
}

export interface Alignment {
  matches: RowMatch[];
  /** For each sentence index, the rows that cover it. */
  rowsOfSentence: Map<number, AnnexRow[]>;
}

/** Below this similarity a row is no sentence's row (an orphan). */
export const MATCH_THRESHOLD = 0.5;
/** Candidates taken from the index per row. */
const INDEX_CANDIDATES = 4;
/** A near-certain match: when the expected position gives one, the index is not consulted. */
const CLEAR_MATCH = 0.85;
/** Longest span of sentences one row may cover. */
const MAX_SPAN = 12;

interface AlignState {
  sentences: readonly Sentence[];
  /** Scores spans near where a row is expected. */
  near: SpanScorer;
  /** Scores spans anywhere, with the index of the whole body: made for the first row found nowhere near. */
  index: () => SpanSimilarity;
  claimed: Uint8Array;
}

/**
 * Matches each annex row with the sentences it covers. The similarity is computed by `similarity`
 * (analysis/similarity.ts): the fast implementation, unless a test passes the reference one.
 */
export function alignAnnex(doc: ParsedDocument, similarity: SimilarityFactory = fastSimilarity): Alignment {
  const rows = doc.annex ? doc.annex.rows : [];
  const sentences = doc.sentences;
  // Comparison keys are computed when first needed: most rows are verbatim copies of body
  // sentences and are matched on the raw text without any key.
  const sentenceKeys = new Keys(sentences.length, (k) => sentences[k].content);
  const rowKeys = new Keys(rows.length, (r) => rows[r].task?.text ?? '');
  const claimed = new Uint8Array(sentences.length);
  // Bigrams are packed only for the sentences and rows that are scored: most rows are exact copies.
  // The body is at most the document's text: the hint that sizes the index when one is built.
  const bodyChars = doc.annex ? doc.annex.range.start : doc.text.length;
  const keySource: KeySource = { sentenceCount: sentences.length, sizeHint: bodyChars, sentenceKey: (k) => sentenceKeys.get(k), rowKey: (r) => rowKeys.get(r) };
  let index: SpanSimilarity | null = null;
  const st: AlignState = { sentences, near: similarity.near(keySource), index: () => (index ??= similarity.index(keySource)), claimed };

  const matches: RowMatch[] = [];
  let expected = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const near = exactSpan(row, r, rowKeys, sentenceKeys, sentences, claimed, expected) ?? nearSpan(r, rowKeys.get(r), st, expected);
    const m: RowMatch = near ? { row, sentences: sentences.slice(near.a, near.b + 1), score: near.score, inOrder: true } : matchRow(row, r, st, expected);
    matches.push(m);
    const ms = m.sentences;
    if (ms.length > 0) {
      for (let k = 0; k < ms.length; k++) claimed[ms[k].index] = 1;
      expected = ms[ms.length - 1].index + 1;
    }
  }
  markOrder(matches);
  const rowsOfSentence = new Map<number, AnnexRow[]>();
  for (let r = 0; r < matches.length; r++) {
    const ms = matches[r].sentences;
    for (let k = 0; k < ms.length; k++) {
      const list = rowsOfSentence.get(ms[k].index);
      if (list) list.push(matches[r].row);
      else rowsOfSentence.set(ms[k].index, [matches[r].row]);
    }
  }
  return { matches, rowsOfSentence };
}

/** Comparison keys (textKey) of many texts, each computed on first use. */
class Keys {
  private readonly keys: (string | undefined)[];
  constructor(
    count: number,
    private readonly textOf: (k: number) => string,
  ) {
    this.keys = new Array<string | undefined>(count);
  }
  get(k: number): string {
    let key = this.keys[k];
    if (key === undefined) {
      key = textKey(this.textOf(k));
      this.keys[k] = key;
    }
    return key;
  }
}

/**
 * The common case, without any bigrams: the row's text is, up to punctuation and spaces, exactly
 * the text of one or more consecutive unclaimed sentences of one item, starting within three
 * sentences of where the previous row ended. A verbatim copy is recognised on the raw text
 * first; keys are computed only when no start gives one (textKey(a + b) = textKey(a) + textKey(b),
 * so a verbatim span is also a span of equal keys; when a start further on holds the row's exact
 * text and an earlier one only its words, the exact copy wins).
 */
function exactSpan(
  row: AnnexRow,
  r: number,
  rowKeys: Keys,
  keys: Keys,
  sentences: readonly Sentence[],
  claimed: Uint8Array,
  expected: number,
): { a: number; b: number; score: number } | null {
  const rowText = row.task ? row.task.text : '';
  if (rowText.length === 0) return null;
  const last = Math.min(sentences.length, expected + 3);
  for (let a = expected; a < last; a++) {
    let at = 0;
    for (let b = a; b < sentences.length && b - a < MAX_SPAN && sentences[b].item === sentences[a].item && !claimed[b]; b++) {
      const c = sentences[b].content;
      if (!rowText.startsWith(c, at)) break;
      at += c.length;
      if (at === rowText.length) return { a, b, score: 1 };
    }
  }
  const rowKey = rowKeys.get(r);
  if (rowKey.length === 0) return null;
  for (let a = expected; a < last; a++) {
    let at = 0;
    for (let b = a; b < sentences.length && b - a < MAX_SPAN && sentences[b].item === sentences[a].item && !claimed[b]; b++) {
      const k = keys.get(b);
      if (k.length === 0 || !rowKey.startsWith(k, at)) break;
      at += k.length;
      if (at === rowKey.length) return { a, b, score: 1 };
    }
  }
  return null;
}

/**
 * A drifted row that is still plainly the next task (similarity ≥ CLEAR_MATCH with a span
 * starting within three sentences of where the previous row ended): found without the index of
 * the whole body, which is built only for rows found nowhere near.
 */
function nearSpan(r: number, rowKey: string, st: AlignState, expected: number): { a: number; b: number; score: number } | null {
  const { sentences, near: sim, claimed } = st;
  if (rowKey.length < 2) return null;
  sim.setRow(r);
  let best: { a: number; b: number; score: number } | null = null;
  for (let a = expected; a < Math.min(sentences.length, expected + 3); a++) {
    sim.clear();
    let score = 0;
    for (let b = a; b < sentences.length && b - a < MAX_SPAN && sentences[b].item === sentences[a].item && !claimed[b]; b++) {
      sim.add(b, 1);
      const next = sim.score();
      if (next <= score) break;
      score = next;
      if (score >= CLEAR_MATCH && (!best || score > best.score)) best = { a, b, score };
    }
  }
  // A span grown from a title sentence keeps it: drop leading sentences while that helps.
  while (best && best.a < best.b) {
    sim.clear();
    for (let k = best.a + 1; k <= best.b; k++) sim.add(k, 1);
    const trimmed = sim.score();
    if (trimmed <= best.score) break;
    best = { a: best.a + 1, b: best.b, score: trimmed };
  }
  sim.clear();
  return best;
}

function matchRow(row: AnnexRow, r: number, st: AlignState, expected: number): RowMatch {
  const orphan: RowMatch = { row, sentences: [], score: 0, inOrder: true };
  const { sentences } = st;
  const sim = st.index();
  if (sim.rowSize(r) === 0 || sentences.length === 0) return orphan;

  sim.setRow(r);
  const pick: { best: ScoredSpan | null } = { best: null };
  const consider = (c: number): void => {
    const span = bestSpanAround(c, st);
    let rank = span.score;
    if (span.a >= expected && span.a <= expected + 2) rank += 0.05;
    for (let k = span.a; k <= span.b; k++) if (st.claimed[k]) rank -= 0.1;
    const best = pick.best;
    if (!best || rank > best.rank || (rank === best.rank && span.a < best.a)) pick.best = { ...span, rank };
  };
  // Rows follow the body: try the sentences right after the previous row's match first, and
  // search the index only when none of them is a clear match.
  for (let k = expected; k < Math.min(sentences.length, expected + 3); k++) {
    consider(k);
    if ((pick.best?.score ?? 0) >= CLEAR_MATCH) break;
  }
  if ((pick.best?.score ?? 0) < CLEAR_MATCH) {
    for (const c of sim.candidates(r, INDEX_CANDIDATES)) consider(c);
  }
  const found = pick.best;
  if (!found || found.score < MATCH_THRESHOLD) return { ...orphan, score: found ? found.score : 0 };
  return { row, sentences: sentences.slice(found.a, found.b + 1), score: found.score, inOrder: true };
}

interface ScoredSpan {
  a: number;
  b: number;
  score: number;
  rank: number;
}

/**
 * Grows a span from sentence c backwards, then forwards, within c's item, while the score rises;
 * then trims it from the front while that raises the score.
 */
function bestSpanAround(c: number, st: AlignState): { a: number; b: number; score: number } {
  const { sentences } = st;
  const sim = st.index();
  sim.clear();
  sim.add(c, 1);
  let score = sim.score();
  const item = sentences[c].item;
  let a = c;
  let b = c;
  while (a > 0 && sentences[a - 1].item === item && b - a + 1 < MAX_SPAN) {
    sim.add(a - 1, 1);
    const s = sim.score();
    if (s > score) {
      score = s;
      a--;
    } else {
      sim.add(a - 1, -1);
      break;
    }
  }
  while (b + 1 < sentences.length && sentences[b + 1].item === item && b - a + 1 < MAX_SPAN) {
    sim.add(b + 1, 1);
    const s = sim.score();
    if (s > score) {
      score = s;
      b++;
    } else {
      sim.add(b + 1, -1);
      break;
    }
  }
  // Starting from a sentence before the row's text (a title), growing forwards keeps it: drop
  // leading sentences again while that helps.
  while (a < b) {
    sim.add(a, -1);
    const s = sim.score();
    if (s > score) {
      score = s;
      a++;
    } else {
      break;
    }
  }
  sim.clear();
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
  const keep = new Uint8Array(matched.length);
  for (let k = tailIdx.length ? tailIdx[tailIdx.length - 1] : -1; k >= 0; k = prev[k]) keep[k] = 1;
  for (let i = 0; i < matched.length; i++) matched[i].inOrder = keep[i] === 1;
}
