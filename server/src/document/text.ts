// Text utilities shared by the parser: line splitting, width folding and offset ↔ position.
// Every offset in the engine is a UTF-16 code unit index into the document text, as in LSP.

export interface Line {
  /** 0-based line index. */
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, excluding the line break. */
  readonly end: number;
  /** The line's text without its line break (sliced when read: keep it in a local if used often). */
  readonly text: string;
  /** `text` with full-width ASCII folded to half-width (same length, so offsets stay valid). */
  readonly folded: string;
}

/**
 * A line keeps its offsets only and slices its text from the document when asked: a large
 * document has tens of thousands of lines, and two strings kept for each made up a sixth of the
 * memory a parsed document holds (and of what the garbage collector copies while parsing).
 */
class DocumentLine implements Line {
  constructor(
    readonly index: number,
    readonly start: number,
    readonly end: number,
    private readonly source: { readonly text: string; readonly folded: string },
  ) {}
  get text(): string {
    return this.source.text.slice(this.start, this.end);
  }
  get folded(): string {
    return this.source.folded.slice(this.start, this.end);
  }
}

/** Splits text into lines at \r\n, \n or \r. A trailing line break gives no extra empty line. */
export function splitLines(text: string, folded: string = foldWidth(text)): Line[] {
  const lines: Line[] = [];
  const source = { text, folded };
  let start = 0;
  const n = text.length;
  if (!hasLoneCarriageReturn(text)) {
    // \n and \r\n only (nearly every document): jump from break to break with indexOf.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      pushLine(lines, source, start, i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
      start = i + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        pushLine(lines, source, start, i);
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  if (start < n || lines.length === 0) pushLine(lines, source, start, n);
  return lines;
}

/** True when some \r is not followed by \n (an old Mac line break). */
function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

function pushLine(lines: Line[], source: { text: string; folded: string }, start: number, end: number): void {
  lines.push(new DocumentLine(lines.length, start, end, source));
}

/**
 * Each line's folded text, trimmed as String.prototype.trim trims: one slice of the folded
 * document per line, without first slicing the whole line (this runs on every line).
 */
export function trimmedLines(lines: readonly Line[], folded: string): string[] {
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    let s = lines[i].start;
    let e = lines[i].end;
    while (s < e && isTrimSpace(folded.charCodeAt(s))) s++;
    while (e > s && isTrimSpace(folded.charCodeAt(e - 1))) e--;
    out[i] = folded.slice(s, e);
  }
  return out;
}

/** The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Folds full-width forms to their half-width equivalents, one code unit for one code unit,
 * so that offsets in the folded string are offsets in the original.
 * Full-width ASCII (U+FF01–U+FF5E) becomes ASCII, the ideographic space and the BOM become
 * spaces, and the dashes Word and web pages use become '-'.
 */
export function foldWidth(s: string): string {
  return FOLDABLE.test(s) ? s.replace(FOLDABLE_G, foldChar) : s;
}

const FOLDABLE = /[\uff01-\uff5e\u3000\ufeff\u00a0\u2012-\u2015\u2212\ufe63]/;
const FOLDABLE_G = new RegExp(FOLDABLE.source, 'g');

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000 || c === 0xfeff || c === 0xa0) return ' ';
  return '-';
}

/**
 * White space of any kind: ASCII, the ideographic space Word indents with, the BOM, no-break and
 * typographic spaces. A char-code test: it runs on every character of the document.
 */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xfeff || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x1680;
}

export function isSpace(ch: string): boolean {
  return isSpaceCode(ch.charCodeAt(0));
}

/** Index of the first non-space character at or after `from` (or `to` when there is none). */
export function skipSpaces(s: string, from = 0, to = s.length): number {
  let i = from;
  while (i < to && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last non-space character before `to` (or `from` when there is none). */
export function trimEndIndex(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpaceCode(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Removes every kind of space, including the ones line wrapping leaves inside names. */
export function removeSpaces(s: string): string {
  return s.replace(/[\s\u3000\ufeff\u00a0]+/g, '');
}

/**
 * The comparison key of a text: width folded, spaces and punctuation removed.
 * Two texts that differ only in punctuation width or spacing get the same key.
 */
export function textKey(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Ideographs are most of the text: decide them here, without a call.
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (!isKeyChar(c, s, i)) {
      if (i > from) out += s.slice(from, i);
      from = i + 1;
    }
  }
  out += s.slice(from);
  return FOLDABLE.test(out) ? foldWidth(out) : out;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Letters, digits and CJK ideographs are compared; punctuation, symbols and spaces are not. */
function isKeyChar(c: number, s: string, i: number): boolean {
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xff10 && c <= 0xff19) return true; // full-width digits
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return true; // full-width letters
  if (c >= 0xff00 && c <= 0xffef) return false;
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation
  return LETTER_OR_NUMBER.test(s[i]);
}

/** Maps offsets to 0-based line/character positions by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[];
  private readonly lastEnd: number;
  constructor(lines: readonly Line[]) {
    this.starts = lines.map((l) => l.start);
    this.lastEnd = lines.length ? lines[lines.length - 1].end : 0;
  }
  lineAt(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  position(offset: number): { line: number; character: number } {
    const line = this.lineAt(offset);
    // Past the last line's break (the end of a text that ends with one): the empty line editors
    // show there, not a column past the end of the last line.
    if (line === this.starts.length - 1 && offset > this.lastEnd) return { line: line + 1, character: 0 };
    return { line, character: offset - this.starts[line] };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.starts[this.starts.length - 1] + character;
    return this.starts[line] + character;
  }
}

/** Text on one line: line breaks removed, a space kept where they stood between Latin letters or digits. */
export function joinLines(s: string): string {
  return s
    .replace(/[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g, (m: string, at: number, all: string) => {
      const before = all[at - 1] ?? '';
      const after = all[at + m.length] ?? '';
      return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
    })
    .trim();
}
