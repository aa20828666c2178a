// LineDocument against the reference it replaces (vscode-languageserver-textdocument's
// TextDocument): the same text, line count, positions and offsets after any sequence of edits,
// with every kind of line break, ranges beyond the text and reversed ranges.
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/lsp/lineDocument';

const piece = fc.constantFrom('', 'a', '甲', '\n', '\r', '\r\n', '一、', 'x\ny', '\r\r\n\n', '（区甲局）');
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

/**
 * The text must be the reference's; lines, positions and offsets those of a TextDocument made from
 * that text. `readFirst`: the text is read before the rest is compared (the document is kept in
 * another form once read; see lineDocument.ts), else after.
 */
function same(doc: LineDocument, edited: TextDocument, context: string, readFirst = true): void {
  if (readFirst) assert.equal(doc.getText(), edited.getText(), context);
  const ref = TextDocument.create(edited.uri, edited.languageId, edited.version, edited.getText());
  assert.equal(doc.lineCount, ref.lineCount, context);
  for (let offset = -1; offset <= ref.getText().length + 1; offset++) assert.deepEqual(doc.positionAt(offset), ref.positionAt(offset), `${context}: positionAt(${offset})`);
  for (let line = -1; line <= ref.lineCount; line++) {
    assert.deepEqual(doc.getLineRange(line), ref.getLineRange(line), `${context}: getLineRange(${line})`);
    assert.equal(doc.getEOLCharacters(line), ref.getEOLCharacters(line), `${context}: getEOLCharacters(${line})`);
    for (let character = -1; character <= 6; character++) {
      assert.equal(doc.offsetAt({ line, character }), ref.offsetAt({ line, character }), `${context}: offsetAt(${line}:${character})`);
    }
  }
  if (!readFirst) assert.equal(doc.getText(), edited.getText(), context);
}

describe('LineDocument (the server’s open-document text)', () => {
  it('agrees with TextDocument after any sequence of edits', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), fc.boolean(), fc.boolean(), (initial, batches, readBetween, readFirst) => {
        const doc = new LineDocument('file:///x.txt', 'yaodian', 1, initial);
        let ref = TextDocument.create('file:///x.txt', 'yaodian', 1, initial);
        batches.forEach((changes, i) => {
          doc.update(changes, i + 2);
          // One change at a time, each on a fresh TextDocument: its line table goes wrong after a range beyond the last line.
          for (const c of changes) ref = TextDocument.update(TextDocument.create(ref.uri, ref.languageId, i + 2, ref.getText()), [c], i + 2);
          // Reading the text in between or not must not matter.
          if (readBetween) same(doc, ref, JSON.stringify({ initial, batches: batches.slice(0, i + 1) }), readFirst);
        });
        same(doc, ref, JSON.stringify({ initial, batches }), readFirst);
        assert.equal(doc.version, batches.length + 1);
      }),
      { numRuns: 400, seed: 20261129 },
    );
  });

  it('joins a lone \\r and a \\n that deleting a line’s text brings together, read or not', () => {
    for (const read of [false, true]) {
      const doc = new LineDocument('file:///x.txt', 'yaodian', 1, 'a\rb\nc');
      if (read) doc.getText();
      doc.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }], 2);
      assert.equal(doc.lineCount, 2);
      assert.deepEqual(doc.positionAt(3), { line: 1, character: 0 });
      assert.equal(doc.getText(), 'a\r\nc');
    }
  });

  it('reads a range of the text', () => {
    const doc = new LineDocument('file:///x.txt', 'yaodian', 1, '一、甲\r\n（一）乙\n');
    assert.equal(doc.getText({ start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }), '（一）');
    doc.update([{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: '做好' }], 2);
    assert.equal(doc.getText({ start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }), '（一）做好乙\n');
  });
});
