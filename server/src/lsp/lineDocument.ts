// An open document's text, kept as lines so that an edit costs what it touches.
//
// vscode-languageserver-textdocument keeps one flat string and rebuilds it on every incremental
// change: each keystroke copies the whole document (on a 500 KB document, 200 edits of a burst cost
// seconds), although the server reads the text only when it checks, once per burst. Here an edit
// replaces the lines it spans; the flat text is joined when it is read. Line breaks are those of
// LSP (\n, \r\n, \r), and positions and offsets are clamped exactly as TextDocument clamps them:
// test/lsp/lineDocument.test.ts compares the two over random edits.

import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Splits text into lines, each with its line break; the last (possibly empty) has none. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

/** The length of a line without its line break. */
function contentLength(line: string): number {
  let n = line.length;
  if (n > 0 && line.charCodeAt(n - 1) === 10) n--;
  if (n > 0 && line.charCodeAt(n - 1) === 13) n--;
  return n;
}

export class LineDocument implements TextDocument {
  private lines: string[];
  /** The flat text, while no edit came since it was joined. */
  private text: string | undefined;
  /** Offsets of the lines' starts, while no edit came since they were counted. */
  private starts: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.text = content;
    this.lines = splitLines(content);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(range?: Range): string {
    if (this.text === undefined) {
      const text = this.lines.join('');
      this.text = text;
      // The lines become slices of the new text: edited lines no longer hold pieces of older
      // versions. They are cut where they already end (no scan for line breaks), and their starts
      // are counted on the way.
      const lines = this.lines;
      const starts = new Array<number>(lines.length);
      let offset = 0;
      for (let i = 0; i < lines.length; i++) {
        const n = lines[i].length;
        starts[i] = offset;
        lines[i] = text.slice(offset, offset + n);
        offset += n;
      }
      this.starts = starts;
    }
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const length = starts[starts.length - 1] + this.lines[this.lines.length - 1].length;
    const at = Math.max(0, Math.min(offset, length));
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: Math.min(at - starts[line], contentLength(this.lines[line])) };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= this.lines.length) return starts[starts.length - 1] + this.lines[this.lines.length - 1].length;
    if (position.line < 0) return 0;
    return starts[position.line] + Math.max(0, Math.min(position.character, contentLength(this.lines[position.line])));
  }

  getLineRange(line: number): Range {
    const last = this.lines.length - 1;
    if (line > last) return { start: { line: last, character: 0 }, end: { line: last, character: this.lines[last].length } };
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: { line, character: 0 }, end: { line, character: contentLength(this.lines[line]) } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines.length) return '';
    return this.lines[line].slice(contentLength(this.lines[line]));
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) this.replace(change.range, change.text);
      else this.lines = splitLines(change.text);
      this.text = undefined;
      this.starts = undefined;
    }
    this.currentVersion = version;
  }

  /** Where a position falls, clamped as offsetAt clamps it: [line, character]. */
  private clamp(p: Position): [number, number] {
    const last = this.lines.length - 1;
    if (p.line > last) return [last, this.lines[last].length];
    if (p.line < 0) return [0, 0];
    return [p.line, Math.max(0, Math.min(p.character, contentLength(this.lines[p.line])))];
  }

  private replace(range: Range, text: string): void {
    let [startLine, startChar] = this.clamp(range.start);
    let [endLine, endChar] = this.clamp(range.end);
    if (endLine < startLine || (endLine === startLine && endChar < startChar)) {
      [startLine, startChar, endLine, endChar] = [endLine, endChar, startLine, startChar];
    }
    let piece = this.lines[startLine].slice(0, startChar) + text + this.lines[endLine].slice(endChar);
    // A line ending in a lone \r followed by a \n now forms one \r\n line break.
    if (startLine > 0 && piece.charCodeAt(0) === 10 && this.lines[startLine - 1].endsWith('\r')) {
      startLine--;
      piece = this.lines[startLine] + piece;
    }
    const replacement = splitLines(piece);
    // The piece ends with the last replaced line's break, so its remainder is empty unless that was the last line.
    if (endLine < this.lines.length - 1) replacement.pop();
    if (replacement.length < 10000) this.lines.splice(startLine, endLine - startLine + 1, ...replacement);
    else this.lines = this.lines.slice(0, startLine).concat(replacement, this.lines.slice(endLine + 1));
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = new Array<number>(this.lines.length);
      let offset = 0;
      for (let i = 0; i < this.lines.length; i++) {
        starts[i] = offset;
        offset += this.lines[i].length;
      }
      this.starts = starts;
    }
    return this.starts;
  }
}

/** The TextDocuments configuration for LineDocument. */
export const lineDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): LineDocument => new LineDocument(uri, languageId, version, content),
  update: (document: LineDocument, changes: TextDocumentContentChangeEvent[], version: number): LineDocument => {
    document.update(changes, version);
    return document;
  },
};
