// Completion reads the note keys from the lexicon: every unit and time key the parser knows opens
// completion, and the key's role (lexicon NOTE_KEYS) orders the unit names.
import { strict as assert } from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { completions, TIME_NODES } from '../../server/src/lsp/completion';
import { NOTE_KEYS } from '../../server/src/lexicon';

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
