// Precision on whole documents: every finding of every rule on the spec examples, our own
// documents and the real published documents. Reviewers stop using a checker that cries wolf,
// so this list is exact: a new finding here must be a real defect of the document.
import { strict as assert } from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { readFixture } from '../helpers/fixtures';

const EXPECTED: Record<string, string[]> = {
  'examples/annex-cells-merged.txt': [],
  'examples/annex-pipes.txt': [],
  'examples/annex-tabs.txt': [],
  'examples/inline-units.txt': [],
  'custom/restart-level3.txt': [],
  'custom/tabs-other-headers.txt': [],
  'custom/pipes-multi-sentence.txt': [],
  'custom/web-export.txt': [],
  // ① ② are level-4 markers docs/format.md says to recognise and flag.
  'custom/pdf-wrapped-circled.txt': ['18:1 warning outline-marker-format', '19:1 warning outline-marker-format'],
  // The real defects of the Putuo 2023 document: a body task without a row, a row whose
  // punctuation drifted (、 → ,), and 区融媒体 written short once for 区融媒体中心.
  'corpus/000_8af76b9c2bc005bb.txt': ['25:128 error annex-missing-row', '216:1 warning annex-text-mismatch', '309:5 warning unit-inconsistent-name'],
  'corpus/001_aa1df6472a57eff3.txt': [],
  'corpus/003_b70125ba7a548c2f.txt': [],
};

describe('findings on whole documents (precision)', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.length ? expected.length + ' real findings' : 'nothing'}`, () => {
      const { doc, diagnostics } = lintText(readFixture(name));
      const actual = diagnostics.map((d) => {
        const p = doc.lineIndex.position(d.start);
        return `${p.line + 1}:${p.character + 1} ${d.severity} ${d.ruleId}`;
      });
      assert.deepEqual(actual, expected);
    });
  }
});
