import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { foldWidth, LineIndex, removeSpaces, skipSpaces, splitLines, textKey, trimEndIndex, trimmedLines } from '../../server/src/document/text';

/** [start, end, text] of every line. */
function lineTriples(text: string): [number, number, string][] {
  return splitLines(text).map((l) => [l.start, l.end, l.text]);
}

describe('text', () => {
  describe('splitLines', () => {
    it('splits at \\n', () => {
      assert.deepEqual(lineTriples('甲\n乙乙\n丙'), [
        [0, 1, '甲'],
        [2, 4, '乙乙'],
        [5, 6, '丙'],
      ]);
    });

    it('splits at \\r\\n, keeping the \\r out of the line', () => {
      assert.deepEqual(lineTriples('甲\r\n乙乙\r\n丙'), [
        [0, 1, '甲'],
        [3, 5, '乙乙'],
        [7, 8, '丙'],
      ]);
    });

    it('splits at a lone \\r', () => {
      assert.deepEqual(lineTriples('甲\r乙\r丙'), [
        [0, 1, '甲'],
        [2, 3, '乙'],
        [4, 5, '丙'],
      ]);
    });

    it('agrees with a plain reference on any mix of \\n, \\r\\n and \\r (both of its paths)', () => {
      const reference = (text: string): [number, number, string][] => {
        const out: [number, number, string][] = [];
        const re = /\r\n|\r|\n/g;
        let start = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          out.push([start, m.index, text.slice(start, m.index)]);
          start = m.index + m[0].length;
        }
        if (start < text.length || out.length === 0) out.push([start, text.length, text.slice(start)]);
        return out;
      };
      fc.assert(
        fc.property(fc.array(fc.constantFrom('甲', 'a', ' ', '\n', '\r', '\r\n'), { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          assert.deepEqual(lineTriples(text), reference(text));
        }),
        { numRuns: 2000 },
      );
    });

    it('handles mixed line breaks', () => {
      assert.deepEqual(lineTriples('a\r\nb\nc\rd'), [
        [0, 1, 'a'],
        [3, 4, 'b'],
        [5, 6, 'c'],
        [7, 8, 'd'],
      ]);
    });

    it('gives no extra line for a trailing line break', () => {
      assert.deepEqual(lineTriples('甲\n乙\n'), [
        [0, 1, '甲'],
        [2, 3, '乙'],
      ]);
      assert.deepEqual(lineTriples('甲\r\n'), [[0, 1, '甲']]);
      assert.deepEqual(lineTriples('甲\r'), [[0, 1, '甲']]);
    });

    it('keeps empty lines between breaks', () => {
      assert.deepEqual(lineTriples('甲\n\n乙'), [
        [0, 1, '甲'],
        [2, 2, ''],
        [3, 4, '乙'],
      ]);
      assert.deepEqual(lineTriples('\r\n\r\n'), [
        [0, 0, ''],
        [2, 2, ''],
      ]);
    });

    it('gives one empty line for the empty text', () => {
      assert.deepEqual(lineTriples(''), [[0, 0, '']]);
    });

    it('numbers lines from 0 and folds each line', () => {
      const lines = splitLines('（一）\r\n１．甲');
      assert.deepEqual(
        lines.map((l) => [l.index, l.text, l.folded]),
        [
          [0, '（一）', '(一)'],
          [1, '１．甲', '1.甲'],
        ],
      );
    });

    it('uses the folded text passed in', () => {
      const text = '（一）\n甲';
      const lines = splitLines(text, foldWidth(text));
      assert.equal(lines[0].folded, '(一)');
      assert.equal(lines[0].text, '（一）');
    });
  });

  describe('trimmedLines', () => {
    it('trims each folded line as String.prototype.trim does', () => {
      // Every character JS trims, and near misses it keeps (U+200B, U+180E, U+0085).
      const chars = ['甲', 'a', '|', ' ', '\t', '\v', '\f', '\n', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u0085', '，'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          const folded = foldWidth(text);
          const lines = splitLines(text, folded);
          assert.deepEqual(trimmedLines(lines, folded), lines.map((l) => l.folded.trim()));
        }),
        { numRuns: 3000 },
      );
    });

    it('gives the trimmed folded text of each line', () => {
      const text = '\u3000\u3000（一）甲 \r\n  乙\t\n';
      const folded = foldWidth(text);
      assert.deepEqual(trimmedLines(splitLines(text, folded), folded), ['(一)甲', '乙']);
    });
  });

  describe('foldWidth', () => {
    it('folds full-width ASCII to half-width', () => {
      assert.equal(foldWidth('（一）：，；！？１２３ＡＢｃ'), '(一):,;!?123ABc');
    });

    it('keeps the length, so offsets stay valid', () => {
      for (const s of ['（责任单位：区甲局）', '　　一、总体', '\ufeff甲', '— 2 —', 'a\u00a0b', '－１－']) {
        assert.equal(foldWidth(s).length, s.length, s);
      }
    });

    it('turns U+3000, the BOM and NBSP into spaces', () => {
      assert.equal(foldWidth('　　一、'), '  一、');
      assert.equal(foldWidth('\ufeff甲'), ' 甲');
      assert.equal(foldWidth('a\u00a0b'), 'a b');
    });

    it('turns dashes into -', () => {
      assert.equal(foldWidth('— 2 —'), '- 2 -');
      assert.equal(foldWidth('‒–—―−﹣'), '------');
    });

    it('leaves CJK text and CJK punctuation alone', () => {
      assert.equal(foldWidth('做好公开。、《》“”【】'), '做好公开。、《》“”【】');
      const plain = 'abc 123';
      assert.equal(foldWidth(plain), plain);
    });
  });

  describe('textKey', () => {
    it('drops punctuation of both widths and spaces', () => {
      assert.equal(textKey('做好公开，细化到项。'), '做好公开细化到项');
      assert.equal(textKey('做好公开,细化到项.'), '做好公开细化到项');
      assert.equal(textKey(' 做好 公开 '), '做好公开');
      assert.equal(textKey('　做好、“公开”（试行）【甲】《乙》'), '做好公开试行甲乙');
    });

    it('gives the same key to texts that differ only in width or spacing', () => {
      assert.equal(textKey('（２０２３年）ＡＢ'), textKey('(2023年) AB'));
      assert.equal(textKey('(2023年) AB'), '2023年AB');
    });

    it('keeps letters and digits, case included', () => {
      assert.equal(textKey('PPP模式，12345热线'), 'PPP模式12345热线');
      assert.notEqual(textKey('AB'), textKey('ab'));
    });

    it('is empty for punctuation only', () => {
      assert.equal(textKey('。，；：！？ 、'), '');
      assert.equal(textKey(''), '');
    });
  });

  describe('space helpers', () => {
    it('skipSpaces and trimEndIndex find the non-space bounds', () => {
      const s = '\u3000 \ufeff甲乙 \u3000';
      assert.equal(skipSpaces(s), 3);
      assert.equal(trimEndIndex(s, 0, s.length), 5);
      assert.equal(skipSpaces('   ', 0), 3);
      assert.equal(trimEndIndex('   ', 1, 3), 1);
    });

    it('removeSpaces removes every kind of space', () => {
      assert.equal(removeSpaces('各有关单位、 各街镇\u3000区\u00a0甲局\n'), '各有关单位、各街镇区甲局');
    });
  });

  describe('LineIndex', () => {
    const text = '甲乙\r\n丙\n\n丁戊己';
    const lines = splitLines(text);
    const index = new LineIndex(lines);

    it('maps offsets to positions', () => {
      assert.deepEqual(index.position(0), { line: 0, character: 0 });
      assert.deepEqual(index.position(1), { line: 0, character: 1 });
      assert.deepEqual(index.position(4), { line: 1, character: 0 });
      assert.deepEqual(index.position(6), { line: 2, character: 0 });
      assert.deepEqual(index.position(7), { line: 3, character: 0 });
      assert.deepEqual(index.position(9), { line: 3, character: 2 });
      assert.deepEqual(index.position(text.length), { line: 3, character: 3 });
    });

    it('puts the line break characters on the line they end', () => {
      assert.deepEqual(index.position(2), { line: 0, character: 2 });
      assert.deepEqual(index.position(3), { line: 0, character: 3 });
      assert.equal(index.lineAt(5), 1);
    });

    it('round-trips every offset', () => {
      for (let off = 0; off <= text.length; off++) {
        const p = index.position(off);
        assert.equal(index.offset(p.line, p.character), off, `offset ${off}`);
      }
    });

    it('round-trips every position inside a line', () => {
      for (const l of lines) {
        for (let ch = 0; ch <= l.text.length; ch++) {
          assert.deepEqual(index.position(index.offset(l.index, ch)), { line: l.index, character: ch });
        }
      }
    });

    it('clamps lines outside the document', () => {
      assert.equal(index.offset(-1, 5), 0);
      assert.equal(index.offset(10, 2), lines[3].start + 2);
    });

    it('works on the empty text', () => {
      const empty = new LineIndex(splitLines(''));
      assert.deepEqual(empty.position(0), { line: 0, character: 0 });
      assert.equal(empty.offset(0, 0), 0);
    });

    it('counts UTF-16 code units (a surrogate pair is two)', () => {
      const t = '𠀀甲\n乙';
      const li = new LineIndex(splitLines(t));
      assert.deepEqual(li.position(3), { line: 0, character: 3 });
      assert.deepEqual(li.position(4), { line: 1, character: 0 });
    });
  });
});
