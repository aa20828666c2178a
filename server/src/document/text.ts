// Text utilities shared by the parser: line splitting, width folding and offset ↔ position.
// Every offset in the engine is a UTF-16 code unit index into the document text, as in LSP.

export interface Line {
  /** 0-based line index. */
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, excluding the line break. */
  end: number;
  /** The line's text without its line break. */
  text: string;
  /** `text` with full-width ASCII folded to half-width (same length, so offsets stay valid). */
  folded: string;
}

/** Splits text into lines at \r\n, \n or \r. A trailing line break gives no extra empty line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      pushLine(lines, text, start, i);
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < n || lines.length === 0) pushLine(lines, text, start, n);
  return lines;
}

function pushLine(lines: Line[], text: string, start: number, end: number): void {
  const t = text.slice(start, end);
  lines.push({ index: lines.length, start, end, text: t, folded: foldWidth(t) });
}

/**
 * Folds full-width forms to their half-width equivalents, one code unit for one code unit,
 * so that offsets in the folded string are offsets in the original.
 * Full-width ASCII (U+FF01–U+FF5E) becomes ASCII, the ideographic space and the BOM become
 * spaces, and the dashes Word and web pages use become '-'.
 */
export function foldWidth(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d = c;
    if (c >= 0xff01 && c <= 0xff5e) d = c - 0xfee0;
    else if (c === 0x3000 || c === 0xfeff || c === 0xa0) d = 0x20;
    else if (c === 0x2014 || c === 0x2013 || c === 0x2012 || c === 0x2015 || c === 0x2212 || c === 0xfe63) d = 0x2d;
    if (d !== c) changed = true;
    out += String.fromCharCode(d);
  }
  return changed ? out : s;
}

const SPACE_RE = /[\s\u3000\ufeff\u00a0]/;

export function isSpace(ch: string): boolean {
  return SPACE_RE.test(ch);
}

/** Index of the first non-space character at or after `from` (or `to` when there is none). */
export function skipSpaces(s: string, from = 0, to = s.length): number {
  let i = from;
  while (i < to && isSpace(s[i])) i++;
  return i;
}

/** Index just past the last non-space character before `to` (or `from` when there is none). */
export function trimEndIndex(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(s[i - 1])) i--;
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
  return foldWidth(s).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Maps offsets to 0-based line/character positions by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[];
  constructor(lines: readonly Line[]) {
    this.starts = lines.map((l) => l.start);
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
    return { line, character: offset - this.starts[line] };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.starts[this.starts.length - 1] + character;
    return this.starts[line] + character;
  }
}
