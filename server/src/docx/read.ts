// Reading a .docx: the body's paragraphs in order as lines of text, the way the document looks
// with its tracked changes accepted, with Word's automatic numbering drawn into the markers. Each
// Word table becomes one line per row, cells separated by ` | ` (layout B of FORMAT.md), which
// the text parser reads as a table; a cell merged down from the row above is left off the rows it
// continues into, so the parser carries its value down (a merged cell printed once). Headers,
// footers, footnotes, comments, field codes, hidden text and deleted text are left out; a text
// box is read once (DrawingML, not its VML copy).
//
// Besides the text, the reader keeps where everything came from: each line's paragraph number
// (第N段) and table cell, and each piece of text's range in word/document.xml, so a finding can
// be named in Word's terms and the comments writer can anchor a comment on its text.

import { DocxError } from './errors';
import { Numbering, type NumberingRef } from './numbering';
import { parseXml, partText } from './xml';
import { unzipDocx } from './zip';

/** A run (`w:r`) in document.xml: its range, and its properties to repeat when it is split. */
export interface RunRef {
  start: number;
  end: number;
  props?: [number, number];
  /** For text inside a text box: the run that holds the drawing (comments anchor there). */
  host?: RunRef;
}

/** Text of one `w:t`: where it is in the extracted text and in document.xml. */
export interface TextPiece {
  start: number;
  end: number;
  /** The `<w:t …>` open tag, then the text between it and `</w:t>` (entities encoded). */
  tagStart: number;
  tagEnd: number;
  srcStart: number;
  srcEnd: number;
  preserve: boolean;
  run: RunRef;
}

export interface TableCell {
  /** Top-level tables counted from 1 in document order; rows and columns from 1. */
  table: number;
  row: number;
  column: number;
}

/** One Word paragraph as it appears in the extracted text. */
export interface ParagraphSpan {
  start: number;
  end: number;
  /** 第N段: paragraphs of the body counted from 1, table cells included, text boxes not. */
  paragraph: number;
  cell?: TableCell;
  /** In document.xml: where the paragraph's content begins and ends (after `w:pPr`, before `</w:p>`). */
  contentStart: number;
  contentEnd: number;
  inTextBox: boolean;
}

/** A cell of a table row as laid out on its line, with Word's merges. */
export interface CellSpan {
  /** The cell's text on the row's line (a merged-down continuation is not on the line: empty, where it would be). */
  start: number;
  end: number;
  /** First grid column (from 1) and how many it covers (`w:gridSpan`). */
  gridColumn: number;
  columnSpan: number;
  /** Rows the cell covers (`w:vMerge`): 1, or more on its first row; 0 on the rows it continues into. */
  rowSpan: number;
}

/** A table laid out as one line per row (rows of one cell, read as text, are not listed). */
export interface TableSpan {
  table: number;
  rows: { row: number; start: number; end: number; cells: CellSpan[] }[];
}

export interface DocxText {
  text: string;
  paragraphs: ParagraphSpan[];
  pieces: TextPiece[];
  /** Each Word table's rows and cells with their spans: what a table model can take directly. */
  tables: TableSpan[];
}

export interface DocxPackage extends DocxText {
  parts: Map<string, Uint8Array>;
  documentXml: string;
}

interface ParaBuild {
  text: string;
  pieces: TextPiece[];
  style?: string;
  num: NumberingRef;
  marker: string;
  paragraph: number;
  contentStart: number;
  contentEnd: number;
  markDeleted: boolean;
  boxes: ParaBuild[];
  inTextBox: boolean;
}

interface CellBuild {
  blocks: Block[];
  continued: boolean;
  /** `w:gridSpan`: grid columns the cell covers. */
  span: number;
}

interface RowBuild {
  cells: CellBuild[];
  deleted: boolean;
}

type Block = { kind: 'p'; para: ParaBuild } | { kind: 'table'; rows: RowBuild[] };

/** Elements whose whole content is not part of the document as it reads. */
const SKIPPED = new Set([
  'w:del', 'w:moveFrom', 'mc:Fallback', 'w:delText', 'w:instrText', 'w:delInstrText',
  'w:rPrChange', 'w:pPrChange', 'w:sectPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange',
  'w:tblGridChange', 'w:numberingChange', 'w:sdtPr', 'w:sdtEndPr', 'w:fldData', 'w:sectPr', 'm:oMath', 'm:oMathPara',
]);

const DOCUMENT = 'word/document.xml';

function isOn(a: Record<string, string>): boolean {
  const v = a['w:val'];
  return v === undefined || (v !== '0' && v !== 'false' && v !== 'off');
}

/** Reads the body of word/document.xml into blocks (paragraphs and tables). */
function readBody(xml: string, numbering: Numbering): Block[] {
  const blocks: Block[] = [];
  const paras: ParaBuild[] = [];
  const runs: RunRef[] = [];
  const tables: { rows: RowBuild[] }[] = [];
  const stack: string[] = [];
  let inBody = false;
  let skipDepth = 0;
  let boxDepth = 0;
  let boxHost: ParaBuild | undefined;
  let boxRun: RunRef | undefined;
  let paragraphCount = 0;
  let hidden = false;
  /** Open field instructions (fldChar begin … separate): their text is code, not content. */
  const fields: boolean[] = [];
  let pendingText: { tagStart: number; tagEnd: number; preserve: boolean } | undefined;
  /** The innermost table's current cell. */
  const inCell = (): CellBuild | undefined => {
    const rows = tables[tables.length - 1]?.rows;
    const row = rows?.[rows.length - 1];
    return row?.cells[row.cells.length - 1];
  };
  const add = (s: string): void => {
    const p = paras[paras.length - 1];
    if (p && !hidden && fields.every((inResult) => inResult)) p.text += s;
  };

  parseXml(xml, DOCUMENT, {
    open(name, a, start, end) {
      // Every element is closed by close(), self-closing ones too.
      const parent = stack[stack.length - 1];
      const grandparent = stack[stack.length - 2];
      stack.push(name);
      if (skipDepth > 0) {
        skipDepth++;
        return;
      }
      if (!inBody) {
        if (name === 'w:body') inBody = true;
        return;
      }
      if (SKIPPED.has(name)) {
        // A deleted paragraph mark joins the paragraph to the next; a deleted row is gone.
        if (name === 'w:del' && parent === 'w:rPr' && grandparent === 'w:pPr') {
          const p = paras[paras.length - 1];
          if (p) p.markDeleted = true;
        } else if (name === 'w:del' && parent === 'w:trPr' && tables.length > 0) {
          const rows = tables[tables.length - 1].rows;
          const row = rows[rows.length - 1];
          if (row) row.deleted = true;
        }
        skipDepth = 1;
        return;
      }
      const p = paras[paras.length - 1];
      switch (name) {
        case 'w:p': {
          const inBox = boxDepth > 0;
          if (!inBox) paragraphCount++;
          const para: ParaBuild = {
            text: '', pieces: [], num: {}, marker: '', paragraph: inBox && boxHost ? boxHost.paragraph : paragraphCount,
            contentStart: end, contentEnd: end, markDeleted: false, boxes: [], inTextBox: inBox,
          };
          paras.push(para);
          break;
        }
        case 'w:pStyle':
          if (parent === 'w:pPr' && p) p.style = a['w:val'];
          break;
        case 'w:numId':
          if (parent === 'w:numPr' && p) p.num.numId = a['w:val'];
          break;
        case 'w:ilvl':
          if (parent === 'w:numPr' && p) p.num.ilvl = Number(a['w:val']) || 0;
          break;
        case 'w:r':
          runs.push({ start, end, host: boxDepth > 0 ? boxRun : undefined });
          hidden = false;
          break;
        case 'w:rPr':
          if (parent === 'w:r') {
            const r = runs[runs.length - 1];
            if (r) r.props = [start, end];
          }
          break;
        case 'w:vanish':
          if (grandparent === 'w:r' && isOn(a)) hidden = true;
          break;
        case 'w:t':
          if (parent === 'w:r') pendingText = { tagStart: start, tagEnd: end, preserve: a['xml:space'] === 'preserve' };
          break;
        case 'w:tab':
          if (parent === 'w:r') add('\t');
          break;
        case 'w:br':
          if (parent === 'w:r' && (a['w:type'] === undefined || a['w:type'] === 'textWrapping')) add('\n');
          break;
        case 'w:cr':
          if (parent === 'w:r') add('\n');
          break;
        case 'w:noBreakHyphen':
          if (parent === 'w:r') add('-');
          break;
        case 'w:fldChar': {
          const type = a['w:fldCharType'];
          if (type === 'begin') fields.push(false);
          else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = true;
          else if (type === 'end') fields.pop();
          break;
        }
        case 'w:txbxContent':
          if (boxDepth++ === 0) {
            boxHost = paras.find((x) => !x.inTextBox);
            boxRun = runs.find((r) => r.host === undefined);
          }
          break;
        case 'w:tbl': {
          if (boxDepth > 0) break;
          const table: Block = { kind: 'table', rows: [] };
          (inCell()?.blocks ?? blocks).push(table);
          tables.push(table);
          break;
        }
        case 'w:tr':
          if (boxDepth === 0 && tables.length > 0) tables[tables.length - 1].rows.push({ cells: [], deleted: false });
          break;
        case 'w:tc':
          if (boxDepth === 0 && tables.length > 0) {
            const rows = tables[tables.length - 1].rows;
            rows[rows.length - 1]?.cells.push({ blocks: [], continued: false, span: 1 });
          }
          break;
        case 'w:gridSpan':
          if (parent === 'w:tcPr' && boxDepth === 0) {
            const cell = inCell();
            if (cell) cell.span = Math.max(1, Number(a['w:val']) || 1);
          }
          break;
        case 'w:vMerge':
          if (parent === 'w:tcPr' && boxDepth === 0 && a['w:val'] !== 'restart') {
            const cell = inCell();
            if (cell) cell.continued = true;
          }
          break;
      }
    },
    close(name, start, end) {
      stack.pop();
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (!inBody) return;
      switch (name) {
        case 'w:rPr': {
          const r = runs[runs.length - 1];
          if (stack[stack.length - 1] === 'w:r' && r?.props) r.props[1] = end;
          break;
        }
        case 'w:body':
          inBody = false;
          break;
        case 'w:pPr': {
          const p = paras[paras.length - 1];
          if (p) p.contentStart = end;
          break;
        }
        case 'w:p': {
          const p = paras[paras.length - 1];
          if (p) p.contentEnd = start;
          closePara();
          break;
        }
        case 'w:r': {
          const r = runs.pop();
          if (r) r.end = end;
          hidden = false;
          break;
        }
        case 'w:t':
          pendingText = undefined;
          break;
        case 'w:txbxContent':
          if (--boxDepth === 0) {
            boxHost = undefined;
            boxRun = undefined;
          }
          break;
        case 'w:tbl':
          if (boxDepth === 0) tables.pop();
          break;
      }
    },
    text(t, start, end) {
      if (skipDepth > 0 || !pendingText) return;
      const p = paras[paras.length - 1];
      const run = runs[runs.length - 1];
      if (!p || !run || hidden || !fields.every((inResult) => inResult)) return;
      p.pieces.push({ start: p.text.length, end: p.text.length + t.length, srcStart: start, srcEnd: end, ...pendingText, run });
      p.text += t;
    },
  });

  function closePara(): void {
    const para = paras.pop();
    if (!para) return;
    para.marker = numbering.next(para.style, para.num);
    if (para.inTextBox) {
      boxHost?.boxes.push(para);
      return;
    }
    (inCell()?.blocks ?? blocks).push({ kind: 'p', para });
  }
  return blocks;
}

/** Lays the blocks out as text: a paragraph per line, a table row per line. */
function layout(blocks: Block[]): DocxText {
  let text = '';
  const paragraphs: ParagraphSpan[] = [];
  const pieces: TextPiece[] = [];
  const tables: TableSpan[] = [];
  let tableCount = 0;
  const put = (para: ParaBuild, s: string, cell?: TableCell): void => {
    const start = text.length;
    text += s;
    paragraphs.push({
      start, end: text.length, paragraph: para.paragraph, cell, contentStart: para.contentStart, contentEnd: para.contentEnd,
      inTextBox: para.inTextBox,
    });
    const base = start + para.marker.length;
    // Pieces belong to their paragraph only: moved to text offsets in place.
    for (const piece of para.pieces) {
      piece.start += base;
      piece.end += base;
      pieces.push(piece);
    }
  };
  /** A text box's paragraphs, each on a line of its own after the paragraph that holds the box. */
  const boxes = (para: ParaBuild): void => {
    for (const b of para.boxes) {
      put(b, b.marker + b.text);
      text += '\n';
    }
  };
  const lay = (list: Block[], cell?: TableCell): void => {
    for (let i = 0; i < list.length; i++) {
      const block = list[i];
      if (block.kind === 'p') {
        put(block.para, block.para.marker + block.para.text, cell);
        // Accepting a deleted paragraph mark joins this paragraph to the next one.
        const joined = block.para.markDeleted && block.para.boxes.length === 0 && list[i + 1]?.kind === 'p';
        if (!joined) text += '\n';
        boxes(block.para);
      } else {
        table(block.rows);
      }
    }
  };
  const table = (all: RowBuild[]): void => {
    const n = ++tableCount;
    const rows = all.filter((r) => !r.deleted);
    const spans: TableSpan = { table: n, rows: [] };
    tables.push(spans);
    /** Grid column of each cell of each row, to find the rows a merged-down cell continues into. */
    const grid = rows.map((r) => {
      let g = 1;
      return r.cells.map((c) => {
        const at = g;
        g += c.span;
        return at;
      });
    });
    const rowSpanOf = (r: number, g: number): number => {
      let k = r + 1;
      while (k < rows.length && rows[k].cells.some((c, i) => c.continued && grid[k][i] === g)) k++;
      return k - r;
    };
    let rowNumber = 0;
    for (const [r, row] of rows.entries()) {
      rowNumber++;
      // A row of one cell is a frame around text (a whole outline is often laid out so):
      // its paragraphs stay lines of their own, its tables stay tables.
      if (row.cells.length === 1) {
        lay(row.cells[0].blocks, { table: n, row: rowNumber, column: 1 });
        continue;
      }
      const withBoxes: ParaBuild[] = [];
      const line = { row: rowNumber, start: text.length, end: text.length, cells: [] as CellSpan[] };
      spans.rows.push(line);
      let written = 0;
      row.cells.forEach((cell, c) => {
        // A cell merged down from the row above is not on this row's line: the row has fewer
        // cells, which the text parser reads as a merged cell printed once and carries its value
        // down (FORMAT.md, "Merged cells"), as it does for the same table copied as text.
        if (cell.continued) {
          line.cells.push({ start: text.length, end: text.length, gridColumn: grid[r][c], columnSpan: cell.span, rowSpan: 0 });
          return;
        }
        if (written++ > 0) text += ' | ';
        const span: CellSpan = { start: text.length, end: text.length, gridColumn: grid[r][c], columnSpan: cell.span, rowSpan: rowSpanOf(r, grid[r][c]) };
        line.cells.push(span);
        let first = true;
        // Paragraphs of the cell, nested tables flattened into it, on the row's one line.
        const flat = (list: Block[]): void => {
          for (const block of list) {
            if (block.kind === 'table') {
              for (const r of block.rows) if (!r.deleted) for (const nested of r.cells) if (!nested.continued) flat(nested.blocks);
              continue;
            }
            const para = block.para;
            const s = cellText(para.marker + para.text);
            if (s.trim() === '' && para.pieces.length === 0) continue;
            if (!first) text += ' ';
            first = false;
            put(para, s, { table: n, row: rowNumber, column: c + 1 });
            if (para.boxes.length > 0) withBoxes.push(para);
          }
        };
        flat(cell.blocks);
        span.end = text.length;
      });
      line.end = text.length;
      text += '\n';
      withBoxes.forEach(boxes);
    }
  };
  lay(blocks);
  return { text, paragraphs, pieces, tables };
}

/** A cell's paragraph on the row's line: no line breaks, tabs or bars of its own (same length). */
function cellText(s: string): string {
  let out = '';
  for (const ch of s) out += ch === '\n' || ch === '\t' || ch === '\r' ? ' ' : ch === '|' ? '｜' : ch;
  return out;
}

/** Reads a .docx (its bytes): the text and where each part of it came from. */
export function readDocx(bytes: Uint8Array, ext = '.docx'): DocxPackage {
  const parts = unzipDocx(bytes, ext);
  const doc = parts.get(DOCUMENT);
  if (!doc) {
    throw new DocxError('不是 Word 文档：压缩包中没有正文（word/document.xml）');
  }
  const part = (name: string): string | undefined => {
    const b = parts.get(name);
    return b ? partText(b) : undefined;
  };
  const documentXml = partText(doc);
  const numbering = new Numbering(part('word/numbering.xml'), part('word/styles.xml'));
  const laid = layout(readBody(documentXml, numbering));
  if (laid.text.trim() === '') throw new DocxError('文档正文为空，没有可检查的文字');
  return { ...laid, parts, documentXml };
}

/** Index of the paragraph span holding `offset` (binary search; spans are in text order). */
export function paragraphAt(paragraphs: ParagraphSpan[], offset: number): ParagraphSpan | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found: ParagraphSpan | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].start <= offset) {
      found = paragraphs[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Where a text offset is in Word's terms: `第12段`, or `第40段（表1 第3行第2列）`. */
export function docxLocation(paragraphs: ParagraphSpan[], offset: number): string {
  const p = paragraphAt(paragraphs, offset);
  if (!p) return '';
  const where = `第${p.paragraph}段`;
  return p.cell ? `${where}，表${p.cell.table} 第${p.cell.row}行第${p.cell.column}列` : p.inTextBox ? `${where}，文本框` : where;
}
