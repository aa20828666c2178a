// Completion reads the note keys from the lexicon: every unit and time key the parser knows opens
// completion, and the key's role (lexicon NOTE_KEYS) orders the unit names.
import { strict as assert } from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { completions, TIME_NODES } from '../../server/src/lsp/completion';
import { NOTE_KEYS } from '../../server/src/lexicon';
import { STANDALONE_TABLE } from '../helpers/documents';

const BODY = [
  '2026年某区政务公开工作要点',
  '一、加强组织领导',
  '（一）健全工作机制。（牵头单位：区政府办公室；配合单位：区发展改革委）',
  '（二）做好信息发布。（区财政局负责）',
  '',
].join('\n');

/** Completion at the end of `BODY + line`. */
const complete = (line: string): string[] => {
  const text = BODY + line;
  return completions(lintText(text), text.length).map((c) => c.label);
};

describe('completion keys from the lexicon', () => {
  it('offers unit names after keys only the lexicon lists, ordered by the role the key gives', () => {
    // 主责单位 (responsible), 牵头处室 (lead) and 协办单位 (support) are lexicon keys the old pattern missed.
    assert.deepEqual(complete('（三）加强监督。（主责单位：'), ['区财政局', '区政府办公室', '区发展改革委']);
    assert.deepEqual(complete('（三）加强监督。（牵头处室：'), ['区政府办公室', '区发展改革委', '区财政局']);
    assert.deepEqual(complete('（三）加强监督。（牵头处室：区财政局；协办单位：'), ['区发展改革委', '区政府办公室', '区财政局']);
    // The keys it had before still work.
    assert.deepEqual(complete('（三）加强监督。（牵头单位：'), ['区政府办公室', '区发展改革委', '区财政局']);
  });

  it('offers time nodes after every time key of the lexicon', () => {
    const timeKeys = NOTE_KEYS.filter(([, kind]) => kind === 'time').map(([key]) => key);
    assert.ok(timeKeys.includes('完成期限') && timeKeys.includes('时限要求'));
    for (const key of timeKeys) assert.deepEqual(complete(`（三）加强监督。（区财政局负责；${key}：`), TIME_NODES, key);
  });

  it('offers unit names after every unit key of the lexicon', () => {
    for (const [key, kind] of NOTE_KEYS) {
      if (kind === 'time') continue;
      assert.equal(complete(`（三）加强监督。（${key}：`).length, 3, key);
    }
  });
});

describe('completion in a standalone table copied without bars', () => {
  it('offers the table’s unit names on a unit cell’s line, in either unit column', () => {
    const text = STANDALONE_TABLE;
    const result = lintText(text);
    const at = (line: string, nth = 0): number => {
      let from = 0;
      for (let i = 0; i <= nth; i++) from = text.indexOf(`\n${line}\n`, from) + 1;
      return from + line.length;
    };
    const labels = (offset: number): string[] => completions(result, offset).map((c) => c.label);
    // 区行政审批局 is the 牵头单位 cell of row 2, the line after it its 责任单位 cell.
    assert.deepEqual(labels(at('区行政审批局')).sort(), ['区直有关单位', '各乡镇人民政府', '区行政审批局', '区财政局'].sort());
    assert.deepEqual(labels(at('区直有关单位')).sort(), ['区直有关单位', '各乡镇人民政府', '区行政审批局', '区财政局'].sort());
    // A task cell's line is no unit cell.
    assert.deepEqual(labels(at('3.深入推进预决算公开')), []);
  });
});
