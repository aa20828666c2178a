// The alignment's similarity (server/src/analysis/similarity.ts): the fast implementation against
// the reference one, on random keys and random sequences of span edits, and whole alignments
// computed with each on random documents whose rows copy, drift from or ignore the body.
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { BigramIndex, MAX_POSTINGS, NearScorer, ReferenceSimilarity, fastSimilarity, referenceSimilarity, type KeySource, type SpanScorer, type SpanSimilarity } from '../../server/src/analysis/similarity';
import { alignAnnex, type Alignment } from '../../server/src/analysis/align';
import { parseDocument } from '../../server/src/document/parse';
import { textKey } from '../../server/src/document/text';

/** Keys from a few characters, so that bigrams repeat within and across keys (a letter and a digit too). */
const key = fc.array(fc.constantFrom('甲', '乙', '丙', '丁', '戊', 'a', '1'), { maxLength: 10 }).map((cs) => cs.join(''));

const fewKey = fc.array(fc.constantFrom('甲', '乙'), { maxLength: 6 }).map((cs) => cs.join(''));

function source(sentences: string[], rows: string[]): KeySource {
  return { sentenceCount: sentences.length, sentenceKey: (k) => sentences[k], rowKey: (r) => rows[r] };
}

type Op =
  | { op: 'row'; r: number }
  | { op: 'clear' }
  | { op: 'add'; k: number }
  | { op: 'remove'; k: number }
  | { op: 'candidates'; r: number; count: number };

const op = fc.oneof(
  fc.record({ op: fc.constant('row' as const), r: fc.nat(20) }),
  fc.record({ op: fc.constant('clear' as const) }),
  fc.record({ op: fc.constant('add' as const), k: fc.nat(200) }),
  { arbitrary: fc.record({ op: fc.constant('remove' as const), k: fc.nat(200) }), weight: 2 },
  fc.record({ op: fc.constant('candidates' as const), r: fc.nat(20), count: fc.integer({ min: 1, max: 6 }) }),
);

/** Runs the edits and returns what the scorer said at every step (candidates: only a SpanSimilarity's). */
function replay(sim: SpanScorer | SpanSimilarity, sentences: number, rows: number, ops: Op[]): unknown[] {
  const said: unknown[] = [];
  const span: number[] = [];
  sim.setRow(0);
  for (const o of ops) {
    switch (o.op) {
      case 'row':
        // A new row empties the span.
        sim.setRow(o.r % rows);
        span.length = 0;
        said.push(['rowSize', sim.rowSize(o.r % rows)]);
        break;
      case 'clear':
        sim.clear();
        span.length = 0;
        break;
      case 'add':
        sim.add(o.k % sentences, 1);
        span.push(o.k % sentences);
        break;
      case 'remove':
        // Only what is in the span can be taken out.
        if (span.length === 0) continue;
        sim.add(span.splice(o.k % span.length, 1)[0], -1);
        break;
      case 'candidates':
        if ('candidates' in sim) said.push(['candidates', sim.candidates(o.r % rows, o.count)]);
        break;
    }
    said.push(['score', sim.score()]);
  }
  return said;
}

describe('similarity: the fast implementation against the reference', () => {
  it('scores every span as the reference does, through any sequence of edits and rows (BigramIndex, candidates too)', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 30 }), fc.array(key, { minLength: 1, maxLength: 8 }), fc.array(op, { maxLength: 60 }), (sentences, rows, ops) => {
        const keys = source(sentences, rows);
        assert.deepEqual(replay(new BigramIndex(keys), sentences.length, rows.length, ops), replay(new ReferenceSimilarity(keys), sentences.length, rows.length, ops));
      }),
      { numRuns: 1000 },
    );
  });

  it('scores every span as the reference does, through any sequence of edits and rows (NearScorer)', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 30 }), fc.array(key, { minLength: 1, maxLength: 8 }), fc.array(op, { maxLength: 60 }), (sentences, rows, ops) => {
        const keys = source(sentences, rows);
        const reference = new ReferenceSimilarity(keys);
        const noCandidates = ops.filter((o) => o.op !== 'candidates');
        assert.deepEqual(replay(new NearScorer(keys), sentences.length, rows.length, noCandidates), replay(reference, sentences.length, rows.length, noCandidates));
      }),
      { numRuns: 1000 },
    );
  });

  it('proposes the reference’s candidates when common bigrams pass MAX_POSTINGS', () => {
    fc.assert(
      fc.property(
        // Two characters: each bigram is held by about as many sentences as MAX_POSTINGS, some by more.
        fc.array(fewKey, { minLength: MAX_POSTINGS - 10, maxLength: MAX_POSTINGS + 40 }),
        fc.array(fewKey, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (sentences, rows, count) => {
          const keys = source(sentences, rows);
          const fast = new BigramIndex(keys);
          const reference = new ReferenceSimilarity(keys);
          for (let r = 0; r < rows.length; r++) assert.deepEqual(fast.candidates(r, count), reference.candidates(r, count));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('proposes a bigram’s holders up to MAX_POSTINGS of them, not past', () => {
    for (const make of [fastSimilarity, referenceSimilarity]) {
      const held = (n: number): number[] => make.index(source([...Array<string>(n).fill('甲乙'), '丙丁'], ['甲乙'])).candidates(0, 2);
      assert.deepEqual(held(MAX_POSTINGS), [0, 1]);
      assert.deepEqual(held(MAX_POSTINGS + 1), []);
    }
  });

  it('scores as the definition says on a worked example', () => {
    // Row 甲乙丙 (甲乙, 乙丙) against sentences 甲乙 and 乙丙丁 (甲乙 | 乙丙, 丙丁): 2·2 / (2 + 3).
    for (const sim of [fastSimilarity, referenceSimilarity].flatMap((f) => [f.near, f.index]).map((make) => make(source(['甲乙', '乙丙丁', '甲'], ['甲乙丙', '甲'])))) {
      sim.setRow(0);
      sim.add(0, 1);
      sim.add(1, 1);
      assert.equal(sim.score(), 4 / 5);
      sim.add(0, -1);
      assert.equal(sim.score(), 2 / 4);
      // A one-character key is its own single bigram.
      sim.setRow(1);
      sim.clear();
      sim.add(2, 1);
      assert.equal(sim.score(), 1);
      assert.equal(sim.rowSize(1), 1);
    }
  });
});

describe('textKey', () => {
  it('keys a joined text as the join of the keys (exact spans rely on it)', () => {
    const text = fc.array(fc.constantFrom('甲', '乙', 'Ａ', 'a', '1', '１', ',', '，', '。', ' ', '\u3000', '\n', '\ud840', '\udc00', 'é'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, text, (a, b) => textKey(a + b) === textKey(a) + textKey(b)));
  });
});

describe('alignAnnex with the fast similarity and with the reference', () => {
  const PHRASES = ['做好信息公开', '加强政策解读', '推进决策公开', '细化到项级科目', '提升答复质量', '优化栏目设置', '深化基层公开', '规范办理流程'];
  const sentence = fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 3 }).map((ps) => `${ps.join(',')}。`);

  /** A row made from a sentence: copied, with a phrase dropped or changed, or unrelated. */
  const rowOf = (sentences: string[]) =>
    fc.tuple(fc.nat(sentences.length - 1), fc.constantFrom('copy', 'drop', 'change', 'other'), fc.constantFrom(...PHRASES)).map(([k, how, phrase]) => {
      const s = sentences[k];
      if (how === 'copy') return s;
      if (how === 'drop') return s.replace(/^[^,。]*,/, '');
      if (how === 'change') return s.replace(/[^,。]+。$/, `${phrase}。`);
      return `组织开展${phrase}专项检查。`;
    });

  const documentOf = fc.array(sentence, { minLength: 2, maxLength: 16 }).chain((sentences) =>
    fc.tuple(fc.constant(sentences), fc.array(rowOf(sentences), { minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 3 })),
  );

  const summary = (a: Alignment | null): unknown =>
    a?.matches.map((m) => ({ row: m.row.index, sentences: m.sentences.map((s) => s.index), score: m.score, inOrder: m.inOrder }));

  it('gives the same alignment', () => {
    fc.assert(
      fc.property(documentOf, ([sentences, rows, perItem]) => {
        const lines = ['2023年某区政务公开工作要点', '一、重点任务'];
        for (let i = 0; i < sentences.length; i += perItem) lines.push(`(${i + 1})${sentences.slice(i, i + perItem).join('')}`);
        lines.push('附件', '序号 | 任务 | 责任单位 | 时间节点');
        rows.forEach((r, k) => lines.push(`${k + 1} | ${r} | 区甲局 | 全年`));
        const doc = parseDocument(`${lines.join('\n')}\n`);
        if (!doc.annex) return;
        assert.deepEqual(summary(alignAnnex(doc, fastSimilarity)), summary(alignAnnex(doc, referenceSimilarity)));
      }),
      { numRuns: 300 },
    );
  });
});
