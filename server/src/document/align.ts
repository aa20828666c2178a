// Aligns annex rows with body sentences (docs/rules.md, "正文与附件的对应").
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
/** A near-certain match: when the expected position gives one, the index is not consulted. */
const CLEAR_MATCH = 0.85;
/** Longest span of sentences one row may cover. */
const MAX_SPAN = 12;

type Counts = Map<number, number>;

/** The i-th bigram code of a key (a one-character key is its own single "bigram"). */
function bigramAt(key: string, i: number): number {
  return key.length === 1 ? key.charCodeAt(0) : key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1);
}

/** How many bigrams a key has. */
function bigramCount(key: string): number {
  return key.length === 1 ? 1 : Math.max(0, key.length - 1);
}

function bigrams(key: string): number[] {
  const n = bigramCount(key);
  const out: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = bigramAt(key, i);
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

/**
 * Bigrams as small integer ids, so counts live in typed arrays instead of maps (the alignment
 * runs on every keystroke over thousands of rows).
 */
class GramTable {
  private readonly charIds = new Uint16Array(65536);
  private nextChar = 1;
  private readonly ids = new Map<number, number>();

  private charId(c: number): number {
    let id = this.charIds[c];
    if (id === 0 && this.nextChar < 65535) {
      id = this.nextChar++;
      this.charIds[c] = id;
    }
    return id;
  }

  private code(key: string, i: number): number {
    return key.length === 1 ? this.charId(key.charCodeAt(0)) : this.charId(key.charCodeAt(i)) * 65536 + this.charId(key.charCodeAt(i + 1));
  }

  /**
   * The bigram ids of many keys packed in one array: key k's ids are ids[at[k] .. at[k + 1]).
   * With `add`, unknown bigrams get new ids; without, they are -1 (they match nothing).
   */
  pack(keys: string[], add: boolean): Packed {
    let total = 0;
    for (const k of keys) total += bigramCount(k);
    const ids = new Int32Array(total);
    const at = new Int32Array(keys.length + 1);
    let p = 0;
    keys.forEach((key, k) => {
      at[k] = p;
      const n = bigramCount(key);
      for (let i = 0; i < n; i++) {
        const code = this.code(key, i);
        let id = this.ids.get(code);
        if (id === undefined) {
          if (add) {
            id = this.ids.size;
            this.ids.set(code, id);
          } else {
            id = -1;
          }
        }
        ids[p++] = id;
      }
    });
    at[keys.length] = p;
    return { ids, at };
  }

  get size(): number {
    return this.ids.size;
  }
}

interface Packed {
  ids: Int32Array;
  at: Int32Array;
}

/** Scores spans of sentences against the current row, incrementally, on typed-array counts. */
class SpanScorer {
  readonly rowCount: Int32Array;
  private readonly spanCount: Int32Array;
  private readonly touched: number[] = [];
  private overlap = 0;
  private size = 0;
  rowSize = 0;

  constructor(vocabulary: number) {
    this.rowCount = new Int32Array(vocabulary);
    this.spanCount = new Int32Array(vocabulary);
  }

  setRow(p: Packed, k: number, sign: 1 | -1): void {
    for (let i = p.at[k]; i < p.at[k + 1]; i++) if (p.ids[i] >= 0) this.rowCount[p.ids[i]] += sign;
    this.rowSize = sign > 0 ? p.at[k + 1] - p.at[k] : 0;
  }

  reset(): void {
    for (const g of this.touched) this.spanCount[g] = 0;
    this.touched.length = 0;
    this.overlap = 0;
    this.size = 0;
  }

  /** Adds (or with sign -1 removes) sentence k's bigrams to the span. */
  add(p: Packed, k: number, sign: 1 | -1): void {
    const rc = this.rowCount;
    const sc = this.spanCount;
    const ids = p.ids;
    const to = p.at[k + 1];
    for (let i = p.at[k]; i < to; i++) {
      const g = ids[i];
      const before = sc[g];
      if (before === 0 && sign > 0) this.touched.push(g);
      const after = before + sign;
      sc[g] = after;
      const r = rc[g];
      this.overlap += (r < after ? r : after) - (r < before ? r : before);
    }
    this.size += sign * (to - p.at[k]);
  }

  score(): number {
    const total = this.rowSize + this.size;
    return total === 0 ? 0 : (2 * this.overlap) / total;
  }
}

/**
 * Inverted index in compressed form: the sentences holding bigram g are
 * ids[start[g] .. start[g] + count[g]); count is capped at MAX_POSTINGS + 1 (too common to use).
 */
interface Postings {
  start: Int32Array;
  count: Int32Array;
  ids: Int32Array;
}

function buildPostings(grams: Packed, sentences: number, vocabulary: number): Postings {
  const count = new Int32Array(vocabulary);
  const last = new Int32Array(vocabulary).fill(-1);
  const { ids, at } = grams;
  for (let i = 0; i < sentences; i++) {
    for (let k = at[i]; k < at[i + 1]; k++) {
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
  for (let i = 0; i < sentences; i++) {
    for (let k = at[i]; k < at[i + 1]; k++) {
      const g = ids[k];
      if (last[g] !== i && fill[g] < count[g]) {
        list[start[g] + fill[g]++] = i;
        last[g] = i;
      }
    }
  }
  return { start, count, ids: list };
}

interface AlignState {
  sentences: Sentence[];
  grams: Packed;
  /** Built on first use: when every row matches where expected, the index is never needed. */
  postings: Postings | null;
  vocabulary: number;
  scorer: SpanScorer;
  hits: Int32Array;
  claimed: Uint8Array;
}

export function alignAnnex(doc: ParsedDocument): Alignment {
  const rows = doc.annex ? doc.annex.rows : [];
  const sentences = doc.sentences;
  // Comparison keys are computed when first needed: most rows are verbatim copies of body
  // sentences and are matched on the raw text without any key.
  const sentenceKeys = new Keys(sentences.length, (k) => sentences[k].content);
  const rowKeys = new Keys(rows.length, (r) => rows[r].task?.text ?? '');
  const claimed = new Uint8Array(sentences.length);
  // The bigram machinery is built only when a row is not an exact copy of body text.
  let fuzzy: { state: AlignState; rowGrams: Packed } | null = null;
  const fuzzyState = (): { state: AlignState; rowGrams: Packed } => {
    if (fuzzy) return fuzzy;
    const table = new GramTable();
    const grams = table.pack(sentenceKeys.all(), true);
    const rowGrams = table.pack(rowKeys.all(), false);
    fuzzy = {
      rowGrams,
      state: {
        sentences,
        grams,
        postings: null,
        vocabulary: table.size,
        scorer: new SpanScorer(table.size),
        hits: new Int32Array(sentences.length),
        claimed,
      },
    };
    return fuzzy;
  };

  const matches: RowMatch[] = [];
  let expected = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const near = exactSpan(row, r, rowKeys, sentenceKeys, sentences, claimed, expected) ?? nearSpan(rowKeys.get(r), sentenceKeys, sentences, claimed, expected);
    let m: RowMatch;
    if (near) {
      m = { row, sentences: sentences.slice(near.a, near.b + 1), score: near.score, inOrder: true };
    } else {
      const f = fuzzyState();
      m = matchRow(row, f.rowGrams, r, f.state, expected);
    }
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
    private readonly count: number,
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
  all(): string[] {
    const out: string[] = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.get(k);
    return out;
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
  sentences: Sentence[],
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
 * starting within three sentences of where the previous row ended), scored with small local
 * maps: the document-wide bigram index is built only for rows found nowhere near.
 */
function nearSpan(
  rowKey: string,
  keys: Keys,
  sentences: Sentence[],
  claimed: Uint8Array,
  expected: number,
): { a: number; b: number; score: number } | null {
  if (rowKey.length < 2) return null;
  const rowCounts = countsOf(bigrams(rowKey));
  const rowSize = rowKey.length - 1;
  let best: { a: number; b: number; score: number } | null = null;
  for (let a = expected; a < Math.min(sentences.length, expected + 3); a++) {
    const remaining = new Map(rowCounts);
    let overlap = 0;
    let size = 0;
    let score = 0;
    for (let b = a; b < sentences.length && b - a < MAX_SPAN && sentences[b].item === sentences[a].item && !claimed[b]; b++) {
      const key = keys.get(b);
      overlap += takeBigrams(key, remaining);
      size += bigramCount(key);
      const next = (2 * overlap) / (rowSize + size);
      if (next <= score) break;
      score = next;
      if (score >= CLEAR_MATCH && (!best || score > best.score)) best = { a, b, score };
    }
  }
  // A span grown from a title sentence keeps it: drop leading sentences while that helps.
  while (best && best.a < best.b) {
    const trimmed = dice(rowCounts, rowSize, keys, best.a + 1, best.b);
    if (trimmed <= best.score) break;
    best = { a: best.a + 1, b: best.b, score: trimmed };
  }
  return best;
}

/** Dice similarity of the row's bigrams with those of sentences a..b. */
function dice(rowCounts: Counts, rowSize: number, keys: Keys, a: number, b: number): number {
  const remaining = new Map(rowCounts);
  let overlap = 0;
  let size = 0;
  for (let k = a; k <= b; k++) {
    const key = keys.get(k);
    overlap += takeBigrams(key, remaining);
    size += bigramCount(key);
  }
  return (2 * overlap) / (rowSize + size);
}

/**
 * Takes the bigrams of `key` out of `remaining` (the row's bigrams a span has not matched yet)
 * and returns how many it found there: the growth of the multiset overlap, one map lookup per
 * bigram (this runs cold, for the few rows that are not verbatim copies).
 */
function takeBigrams(key: string, remaining: Counts): number {
  let found = 0;
  const n = bigramCount(key);
  for (let i = 0; i < n; i++) {
    const g = bigramAt(key, i);
    const r = remaining.get(g);
    if (r !== undefined && r > 0) {
      found++;
      remaining.set(g, r - 1);
    }
  }
  return found;
}

function matchRow(row: AnnexRow, rowGrams: Packed, r: number, st: AlignState, expected: number): RowMatch {
  const orphan: RowMatch = { row, sentences: [], score: 0, inOrder: true };
  const { sentences, scorer } = st;
  if (rowGrams.at[r + 1] === rowGrams.at[r] || sentences.length === 0) return orphan;

  scorer.setRow(rowGrams, r, 1);
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
    for (const c of indexCandidates(rowGrams, r, st)) consider(c);
  }
  scorer.setRow(rowGrams, r, -1);
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

/** The sentences sharing the most distinctive bigrams with the row. */
function indexCandidates(rowGrams: Packed, r: number, st: AlignState): number[] {
  const hits = st.hits;
  const postings = (st.postings ??= buildPostings(st.grams, st.sentences.length, st.vocabulary));
  const hit: number[] = [];
  for (let k = rowGrams.at[r]; k < rowGrams.at[r + 1]; k++) {
    const g = rowGrams.ids[k];
    if (g < 0) continue;
    const n = postings.count[g];
    if (n > MAX_POSTINGS) continue;
    const from = postings.start[g];
    for (let j = from; j < from + n; j++) {
      const i = postings.ids[j];
      if (hits[i] === 0) hit.push(i);
      hits[i]++;
    }
  }
  const top = topByHits(hit, hits, INDEX_CANDIDATES);
  for (const i of hit) hits[i] = 0;
  return top;
}

/** The k sentences with the most hits (ties: the earlier sentence), in one pass without sorting. */
function topByHits(ids: number[], hits: Int32Array, k: number): number[] {
  const top: number[] = [];
  for (const i of ids) {
    let pos = top.length;
    while (pos > 0 && (hits[top[pos - 1]] < hits[i] || (hits[top[pos - 1]] === hits[i] && top[pos - 1] > i))) pos--;
    if (pos < k) {
      top.splice(pos, 0, i);
      if (top.length > k) top.pop();
    }
  }
  return top;
}

/**
 * Grows a span from sentence c backwards, then forwards, within c's item, while the score rises;
 * then trims it from the front while that raises the score.
 */
function bestSpanAround(c: number, st: AlignState): { a: number; b: number; score: number } {
  const { sentences, grams, scorer } = st;
  scorer.reset();
  scorer.add(grams, c, 1);
  let score = scorer.score();
  const item = sentences[c].item;
  let a = c;
  let b = c;
  while (a > 0 && sentences[a - 1].item === item && b - a + 1 < MAX_SPAN) {
    scorer.add(grams, a - 1, 1);
    const s = scorer.score();
    if (s > score) {
      score = s;
      a--;
    } else {
      scorer.add(grams, a - 1, -1);
      break;
    }
  }
  while (b + 1 < sentences.length && sentences[b + 1].item === item && b - a + 1 < MAX_SPAN) {
    scorer.add(grams, b + 1, 1);
    const s = scorer.score();
    if (s > score) {
      score = s;
      b++;
    } else {
      scorer.add(grams, b + 1, -1);
      break;
    }
  }
  // Starting from a sentence before the row's text (a title), growing forwards keeps it: drop
  // leading sentences again while that helps.
  while (a < b) {
    scorer.add(grams, a, -1);
    const s = scorer.score();
    if (s > score) {
      score = s;
      a++;
    } else {
      break;
    }
  }
  scorer.reset();
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
