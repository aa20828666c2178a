// The same real document as it reaches a reviewer in other clothes: saved with CRLF line breaks,
// with Word's U+3000 paragraph indentation, with trailing spaces, with its punctuation all
// half-width (a web page) or all full-width (Word), or copied from a PDF line by line (its body
// broken at the page's margin, after a 。 or inside a unit note too). What it says has not changed,
// so neither may the findings (rule and line, or rule and text where lines move; the width rules
// excepted where the width itself changed).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../server/src/engine/lint';
import { foldWidth } from '../../server/src/document/text';
import { parseDocument } from '../../server/src/document/parse';
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
  const { doc, diagnostics } = lintText(text);
  return diagnostics
    .filter((d) => d.severity !== 'info' && !skip.has(d.ruleId))
    .map((d) => `${doc.lineIndex.lineAt(d.start) + 1} ${d.ruleId}`)
    .sort();
}

/** Findings by rule and the words they point at: for variants that move the lines. */
function findingsByText(text: string): string[] {
  return lintText(text)
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => `${d.ruleId} ${text.slice(d.start, d.start + 24).replace(/\s+/g, '').slice(0, 8)}`)
    .sort();
}

const eachLine = (text: string, f: (line: string) => string): string => text.split('\n').map(f).join('\n');

/** Display columns of a character in a PDF: Chinese characters, full-width marks and Chinese quotes two, the rest one. */
const columns = (c: number): number => (c >= 0x2e80 || (c >= 0x2014 && c <= 0x201f) || c === 0x2026 ? 2 : 1);

/** Each line of the body (above the task table) changed by `f`; the table as it was. */
function inBody(text: string, f: (line: string, index: number) => string): string {
  const annex = parseDocument(text).annex;
  const lines = text.split('\n');
  const bodyEnd = annex ? annex.line : lines.length;
  return lines.map((l, i) => (i < bodyEnd ? f(l, i) : l)).join('\n');
}

/** Variants that move lines, compared by rule and text. */
const BODY_VARIANTS: { name: string; make: (text: string) => string }[] = [
  // A web page copied with a blank line after every paragraph.
  { name: 'blank lines between paragraphs', make: (t) => inBody(t, (l) => (l.trim() ? `${l}\n` : l)) },
  // A web page whose table cells were paragraphs: a blank line after every line, in the table too.
  { name: 'blank lines after every line', make: (t) => eachLine(t, (l) => (l.trim() ? `${l}\n` : l)) },
  // A PDF's page markers between lines, every 15 lines, inside paragraphs too.
  { name: 'page markers', make: (t) => inBody(t, (l, i) => (i > 0 && i % 15 === 0 ? `- ${i / 15} -\n${l}` : l)) },
  { name: 'indented with spaces', make: (t) => inBody(t, (l) => (l.trim() ? `    ${l}` : l)) },
  // A4 at 3号 (28 characters a line) and at 小四 (38): the margins real PDFs are copied at.
  { name: 'copied from a PDF wrapped at 56 columns', make: (t) => pdfWrapped(t, 56) },
  { name: 'copied from a PDF wrapped at 76 columns', make: (t) => pdfWrapped(t, 76) },
];

/** The body (above the task table) broken at `width` columns, as a PDF copied line by line. */
function pdfWrapped(text: string, width: number): string {
  return inBody(text, (l) => wrapLine(l, width));
}

/** One line broken at `width` display columns. */
function wrapLine(l: string, width: number): string {
  const out: string[] = [];
  let cur = '';
  let w = 0;
  for (const ch of l) {
    const cw = columns(ch.charCodeAt(0));
    if (w + cw > width) {
      out.push(cur);
      cur = '';
      w = 0;
    }
    cur += ch;
    w += cw;
  }
  out.push(cur);
  return out.join('\n');
}

/** A cell-per-line table (layout A) whose long cells are broken at `width` columns; the body as it was. */
function tableCellsWrapped(text: string, width: number): string {
  const annex = parseDocument(text).annex;
  if (!annex || annex.layout !== 'cells') return text;
  const lines = text.split('\n');
  return lines.map((l, i) => (i > annex.line ? wrapLine(l, width) : l)).join('\n');
}

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

  for (const v of BODY_VARIANTS) {
    describe(v.name, () => {
      let changed = 0;
      for (const name of REAL) {
        const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
        // A ledger that is all table has no body to change.
        if (v.make(text) === text) continue;
        changed++;
        it(name, () => {
          assert.deepEqual(findingsByText(v.make(text)), findingsByText(text));
        });
      }
      it('changes the body of most real documents', () => {
        assert.ok(changed >= REAL.length - 2, `${changed} of ${REAL.length}`);
      });
    });
  }

  describe('a cell-per-line table copied from a PDF, long cells broken at 56 columns', () => {
    let changed = 0;
    for (const name of REAL) {
      const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      if (tableCellsWrapped(text, 56) === text) continue;
      changed++;
      it(name, () => {
        assert.deepEqual(findingsByText(tableCellsWrapped(text, 56)), findingsByText(text));
      });
    }
    it('has such a table among the real documents', () => {
      assert.ok(changed >= 1, String(changed));
    });
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
