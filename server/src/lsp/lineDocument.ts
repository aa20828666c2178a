// An open document's text, kept so that an edit costs what it touches.
//
// vscode-languageserver-textdocument keeps one flat string and rebuilds it on every incremental
// change: each keystroke copies the whole document (on a 500 KB document, 200 edits of a burst cost
// seconds), although the server reads the text only when it checks, once per burst. Here the text
// is kept in one of two forms:
// - flat: the text as last read and the offsets of its lines' starts. The one edit a drafter makes
//   between two checks (typing within a line) costs one copy of the text when it is next read
//   (which a new version costs anyway), and no string per line at all.
// - lines: one string per line; an edit replaces the lines it spans. A second edit before the
//   text is read again (a burst), or one that adds or removes line breaks, cuts the flat text into
//   lines; reading the text joins the lines and goes back to the flat form (dropping the lines, and
//   with them the pieces of older versions they hold).
// Line breaks are those of LSP (\n, \r\n, \r), and positions and offsets are clamped exactly as
// TextDocument clamps them: test/lsp/lineDocument.test.ts compares the two over random edits.

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

/** The offsets at which the lines of a text start, as splitLines cuts them. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The length of a line without its line break. */
function contentLength(line: string): number {
  let n = line.length;
  if (n > 0 && line.charCodeAt(n - 1) === 10) n--;
  if (n > 0 && line.charCodeAt(n - 1) === 13) n--;
  return n;
}

export class LineDocument implements TextDocument {
  /** The lines: defined in the lines form only. */
  private lines: string[] | undefined;
  /** The text: defined in the flat form only, once the pending edit (if any) is applied. */
  private text: string | undefined;
  /** Offsets of the lines' starts: always kept in the flat form; counted when needed in the lines form. */
  private starts: number[] | undefined;
  /** Flat form: an edit came since the text was last read (the next one goes to the lines form). */
  private edited = false;
  /**
   * Flat form: that edit, not applied yet: the text it applies to, the edited line (with its
   * break) and where that line was in it. A burst cuts the lines from `base` without ever applying it.
   */
  private pending: { base: string; line: number; lineText: string; start: number; end: number } | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.setText(content);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    // Not from the starts: in the lines form they are counted only when needed.
    return this.lines ? this.lines.length : (this.starts as number[]).length;
  }

  getText(range?: Range): string {
    if (this.lines) {
      this.starts = this.lineStarts();
      this.text = this.lines.join('');
      this.lines = undefined;
    }
    this.edited = false;
    const text = this.flat();
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const last = starts.length - 1;
    const at = Math.max(0, Math.min(offset, starts[last] + this.lineLength(last)));
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: Math.min(at - starts[line], this.contentLength(line)) };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    const last = starts.length - 1;
    if (position.line > last) return starts[last] + this.lineLength(last);
    if (position.line < 0) return 0;
    return starts[position.line] + Math.max(0, Math.min(position.character, this.contentLength(position.line)));
  }

  getLineRange(line: number): Range {
    const last = this.lineCount - 1;
    if (line > last) return { start: { line: last, character: 0 }, end: { line: last, character: this.lineLength(last) } };
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: { line, character: 0 }, end: { line, character: this.contentLength(line) } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const text = this.lines ? this.lines[line] : this.flat();
    const start = this.lines ? 0 : this.lineStarts()[line];
    return text.slice(start + this.contentLength(line), start + this.lineLength(line));
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) this.setText(change.text);
      // The flat form takes the first edit after a read when it stays within a line; the lines form the rest.
      else if (this.lines || this.edited || !this.editFlat(change.range, change.text)) {
        this.replace(this.toLines(), change.range, change.text);
        this.starts = undefined;
      }
    }
    this.currentVersion = version;
  }

  /** A whole new text: the flat form, its lines' starts found by one scan. */
  private setText(content: string): void {
    this.text = content;
    this.starts = lineStartsOf(content);
    this.lines = undefined;
    this.edited = false;
    this.pending = undefined;
  }

  /** Flat form: the text, the pending edit applied (joined: one new flat string, not prefix + line + suffix). */
  private flat(): string {
    const p = this.pending;
    if (p) {
      this.text = [p.base.slice(0, p.start), p.lineText, p.base.slice(p.end)].join('');
      this.pending = undefined;
    }
    return this.text as string;
  }

  /** The flat form cut into lines at the starts it has (no scan for line breaks). */
  private toLines(): string[] {
    if (!this.lines) {
      const starts = this.starts as number[];
      const p = this.pending;
      // Cut from the text before the pending edit, walking it with the lines' lengths.
      const text = p ? p.base : (this.text as string);
      const lines = new Array<string>(starts.length);
      let offset = 0;
      for (let i = 0; i < starts.length; i++) {
        if (p && i === p.line) {
          lines[i] = p.lineText;
          offset = p.end;
        } else {
          const end = i + 1 < starts.length ? offset + starts[i + 1] - starts[i] : text.length;
          lines[i] = text.slice(offset, end);
          offset = end;
        }
      }
      this.lines = lines;
      this.text = undefined;
      this.pending = undefined;
    }
    return this.lines;
  }

  /**
   * Flat form: an edit within one line that adds no line break, kept pending (applied when the
   * text is next read); false (nothing done) for any other edit, which the lines form takes.
   */
  private editFlat(range: Range, text: string): boolean {
    const [line, a] = this.clamp(range.start);
    const [endLine, b] = this.clamp(range.end);
    if (endLine !== line || text.includes('\n') || text.includes('\r')) return false;
    const startChar = Math.min(a, b);
    const endChar = Math.max(a, b);
    const old = this.text as string;
    const starts = this.starts as number[];
    const start = starts[line];
    const content = this.contentLength(line);
    // A line emptied down to its \n after a line ending in a lone \r: the two breaks would become one \r\n.
    if (content - (endChar - startChar) + text.length === 0 && line > 0 && old.charCodeAt(start - 1) === 13 && old.charCodeAt(start + content) === 10) {
      return false;
    }
    const end = start + this.lineLength(line);
    this.pending = { base: old, line, lineText: old.slice(start, start + startChar) + text + old.slice(start + endChar, end), start, end };
    this.text = undefined;
    const delta = text.length - (endChar - startChar);
    if (delta !== 0) for (let i = line + 1; i < starts.length; i++) starts[i] += delta;
    this.edited = true;
    return true;
  }

  /** The length of a line with its line break. */
  private lineLength(line: number): number {
    if (this.lines) return this.lines[line].length;
    const starts = this.starts as number[];
    return (line + 1 < starts.length ? starts[line + 1] : this.flat().length) - starts[line];
  }

  /** The length of a line without its line break (read in the flat text: no string made). */
  private contentLength(line: number): number {
    if (this.lines) return contentLength(this.lines[line]);
    const text = this.flat();
    const start = (this.starts as number[])[line];
    let n = this.lineLength(line);
    if (n > 0 && text.charCodeAt(start + n - 1) === 10) n--;
    if (n > 0 && text.charCodeAt(start + n - 1) === 13) n--;
    return n;
  }

  /** Where a position falls, clamped as offsetAt clamps it: [line, character]. */
  private clamp(p: Position): [number, number] {
    const last = this.lineCount - 1;
    if (p.line > last) return [last, this.lineLength(last)];
    if (p.line < 0) return [0, 0];
    return [p.line, Math.max(0, Math.min(p.character, this.contentLength(p.line)))];
  }

  private replace(lines: string[], range: Range, text: string): void {
    let [startLine, startChar] = this.clamp(range.start);
    let [endLine, endChar] = this.clamp(range.end);
    if (endLine < startLine || (endLine === startLine && endChar < startChar)) {
      [startLine, startChar, endLine, endChar] = [endLine, endChar, startLine, startChar];
    }
    let piece = lines[startLine].slice(0, startChar) + text + lines[endLine].slice(endChar);
    // A line ending in a lone \r followed by a \n now forms one \r\n line break.
    if (startLine > 0 && piece.charCodeAt(0) === 10 && lines[startLine - 1].endsWith('\r')) {
      startLine--;
      piece = lines[startLine] + piece;
    }
    const replacement = splitLines(piece);
    // The piece ends with the last replaced line's break, so its remainder is empty unless that was the last line.
    if (endLine < lines.length - 1) replacement.pop();
    if (replacement.length < 10000) lines.splice(startLine, endLine - startLine + 1, ...replacement);
    else this.lines = lines.slice(0, startLine).concat(replacement, lines.slice(endLine + 1));
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const lines = this.lines as string[];
      const starts = new Array<number>(lines.length);
      let offset = 0;
      for (let i = 0; i < lines.length; i++) {
        starts[i] = offset;
        offset += lines[i].length;
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
