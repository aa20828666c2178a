// The same real document as it reaches a reviewer in other clothes: saved with CRLF line breaks,
// with Word's U+3000 paragraph indentation, with trailing spaces, with its punctuation all
// half-width (a web page) or all full-width (Word). What it says has not changed, so neither may
// the findings (rule and line; the width rules excepted where the width itself changed).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../server/src/engine/lint';
import { foldWidth, LineIndex, splitLines } from '../../server/src/document/text';
import { FIXTURES } from '../helpers/fixtures';

const REAL = ['corpus', 'wild'].flatMap((dir) =>
  fs
    .readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `${dir}/${f}`),
);

/** Rules whose findings are about the width of punctuation: they change when the width does. */
const WIDTH_RULES = new Set(['punctuation-width', 'outline-marker-format']);

function findings(text: string, skip: ReadonlySet<string> = new Set()): string[] {
  const index = new LineIndex(splitLines(text));
  return lintText(text)
    .diagnostics.filter((d) => d.severity !== 'info' && !skip.has(d.ruleId))
    .map((d) => `${index.lineAt(d.start) + 1} ${d.ruleId}`)
    .sort();
}

const eachLine = (text: string, f: (line: string) => string): string => text.split('\n').map(f).join('\n');

const VARIANTS: { name: string; make: (text: string) => string; skip?: ReadonlySet<string> }[] = [
  { name: 'CRLF line breaks', make: (t) => t.replace(/\r?\n/g, '\r\n') },
  // Word indents paragraphs with two ideographic spaces; table lines (bars, tabs) and short cells are left as they are.
  { name: 'U+3000 indentation', make: (t) => eachLine(t, (l) => (l.trim().length > 20 && !/[|\t]/.test(l) ? `\u3000\u3000${l}` : l)) },
  { name: 'trailing spaces', make: (t) => eachLine(t, (l) => (l.trim() ? `${l}  ` : l)) },
  { name: 'half-width punctuation', make: (t) => foldWidth(t), skip: WIDTH_RULES },
  {
    name: 'full-width punctuation',
    make: (t) => t.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：').replace(/;/g, '；').replace(/,/g, '，'),
    skip: WIDTH_RULES,
  },
];

describe('real documents in other clothes keep their findings', () => {
  it('has real documents to dress', () => {
    assert.ok(REAL.length >= 10, REAL.join(', '));
  });

  const dressed = new Map<string, number>();
  for (const name of REAL) {
    describe(name, () => {
      const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      for (const v of VARIANTS) {
        // A document already written that way (all full-width, say) has no such variant.
        if (v.make(text) === text) continue;
        dressed.set(v.name, (dressed.get(v.name) ?? 0) + 1);
        it(v.name, () => {
          assert.deepEqual(findings(v.make(text), v.skip), findings(text, v.skip));
        });
      }
    });
  }

  it('dresses several documents in each variant', () => {
    for (const v of VARIANTS) assert.ok((dressed.get(v.name) ?? 0) >= 3, `${v.name}: ${dressed.get(v.name) ?? 0}`);
  });
});
