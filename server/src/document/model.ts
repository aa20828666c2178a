// The parsed document: what is written, with the exact range of every node (the syntax layer).
// What it means (which sentences are tasks, the document's kind, the body↔table alignment) is
// analysis/'s, read from this tree without changing it. Ranges are [start, end) UTF-16 offsets
// into the text that was parsed.

import type { Line, LineIndex } from './text';

/**
 * A node while the parser builds it: the same fields, writable, arrays included. Only document/
 * uses it; what parseDocument returns is read-only, and nothing after the parser changes it.
 */
export type Draft<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** A table while it is read: rows, sections and bad lines added, its range extended. */
export type AnnexDraft = Omit<Draft<Annex>, 'range'> & { range: Draft<Range> };

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A piece of the document text with its range. */
export interface Span extends Range {
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------
// Time nodes

/** One part of a time node: a set of months, in the plan year unless `year` is given. */
export interface TimePart {
  /** An explicit year written in the text (`2024年6月底前`), else null (the plan year). */
  readonly year: number | null;
  /** Bit m-1 set for each month m (1..12) the part covers. */
  readonly months: number;
}

export interface TimeNode {
  /** The text as written, trimmed. */
  readonly text: string;
  readonly parts: readonly TimePart[];
  /** Recurring or whole-year forms (`全年`, `每季度`, `长期`): they never conflict. */
  readonly wholeYear: boolean;
}

/** A time phrase inside a body sentence (`在8月`, `10月前`, `上半年`). */
export interface TimeMention extends Span {
  readonly node: TimeNode;
}

// ---------------------------------------------------------------------------------------------
// Responsibility

export type UnitRole = 'lead' | 'support' | 'responsible';

export interface Unit extends Span {
  /** The name with every space removed. */
  readonly name: string;
  readonly role: UnitRole;
}

/** A parenthetical that names units: `(责任单位:区甲局;完成时限:6月底前)`, `(区甲局牵头落实)`. */
export interface UnitParenthetical extends Span {
  readonly units: readonly Unit[];
  /** Whether the parenthetical used keys (`责任单位:`) or a role verb (`负责落实`). */
  readonly keyed: boolean;
  /** Keys that had no content (`(责任单位:)`): their value ranges. */
  readonly emptyValues: readonly Range[];
  /** A time key in the same parenthetical (`完成时限:6月底前`). */
  readonly time: TimeCell | null;
}

/** A time value as written: the node is null when the text is not a valid time node. */
export interface TimeCell extends Span {
  readonly node: TimeNode | null;
}

// ---------------------------------------------------------------------------------------------
// Outline

export type ParenWidth = 'full' | 'half' | 'mixed' | 'none';

export interface Marker extends Span {
  readonly level: 1 | 2 | 3 | 4;
  /** The numeric value (一 → 1, 十二 → 12, ③ → 3). */
  readonly number: number;
  /** Range of the numeral alone (`七` in `(七)`), for renumbering without touching the rest. */
  readonly numeralRange: Range;
  /** How the number is written: 'chinese', 'arabic', 'circled'. */
  readonly numeral: 'chinese' | 'arabic' | 'circled';
  /** Width of the parentheses around the number (levels 2 and 4). */
  readonly parens: ParenWidth;
  /** True when the marker is written exactly in a canonical form (`一、` `(一)` `1.` `(1)`). */
  readonly canonical: boolean;
  /** `第一部分` style level-1 headings. */
  readonly partStyle: boolean;
}

export interface Sentence extends Span {
  /** The sentence text without unit parentheticals, trimmed; what tasks and rows are compared on. */
  readonly content: string;
  /** Index of the sentence in `ParsedDocument.sentences`. */
  readonly index: number;
  /** The item the sentence belongs to. */
  readonly item: Item;
  /** The unit parenthetical that covers this sentence, if any. */
  readonly unitParen: UnitParenthetical | null;
  /** The time key of the parenthetical that covers this sentence (`完成时限:6月底前`), if any. */
  readonly inlineTime: TimeCell | null;
  /** Time phrases found in the sentence. */
  readonly times: readonly TimeMention[];
}

export interface Item {
  /** Position in the list that holds it: `ParsedDocument.items`, or `Annex.items` for the table's own outline. */
  readonly index: number;
  readonly level: 1 | 2 | 3 | 4;
  readonly marker: Marker;
  /** From the marker to the end of the item's last paragraph. */
  readonly range: Range;
  /** 0-based line of the marker. */
  readonly line: number;
  /** 0-based last line of the item's own text (its body paragraphs included, children excluded). */
  readonly endLine: number;
  /** The heading text (title-only line), the title sentence, or the first sentence. */
  readonly title: string;
  /** True when the marker line has no sentence text: the paragraphs after it are its body. */
  readonly headingOnly: boolean;
  /** The text after the marker on the marker line, trimmed. */
  readonly text: Span;
  readonly parent: Item | null;
  readonly children: readonly Item[];
  readonly sentences: readonly Sentence[];
  readonly unitParens: readonly UnitParenthetical[];
}

// ---------------------------------------------------------------------------------------------
// Annex

/**
 * cells: a cell per line with bars (A); pipes (B); tabs (C); lines: a cell per line without bars,
 * as a browser copies a Word table; spaces: columns aligned with runs of spaces.
 */
export type AnnexLayout = 'cells' | 'pipes' | 'tabs' | 'lines' | 'spaces';
export type ColumnRole = 'serial' | 'task' | 'category' | 'units' | 'time' | 'other';

export interface Column {
  readonly role: ColumnRole;
  /** Header text as written. */
  readonly name: string;
  readonly range: Range;
}

export interface Cell extends Span {
  /** False when the cell was not in the row and its value was carried down from a merged cell above. */
  readonly present: boolean;
}

export interface AnnexRow {
  /** 0-based index among the rows. */
  readonly index: number;
  /** The serial as a number, null when the cell is not a number. */
  readonly serial: number | null;
  readonly serialCell: Cell | null;
  readonly task: Cell | null;
  readonly units: Cell | null;
  /** The units parsed from the unit cell. */
  readonly unitList: readonly Unit[];
  readonly time: Cell | null;
  readonly timeNode: TimeNode | null;
  readonly categories: readonly Cell[];
  /** 0-based first and last line of the row. */
  readonly line: number;
  readonly endLine: number;
  readonly range: Range;
  /** Cells that could not be placed in a column. */
  readonly extraCells: readonly Cell[];
}

export interface Annex {
  readonly layout: AnnexLayout;
  /** The `附件` line (or the header line when there is none), 0-based. */
  readonly line: number;
  /** Everything from the `附件` line to the end of the table. */
  readonly range: Range;
  /** A title line before the header (`…任务分解表`). */
  readonly title: Span | null;
  readonly header: readonly Column[];
  readonly headerRange: Range;
  readonly rows: readonly AnnexRow[];
  /** Lines inside the table that could not be read as a row. */
  readonly badLines: readonly Span[];
  /** Section rows between rows (`一、知识产权保护方面(共5项)`): headings of the table's own. */
  readonly sections: readonly Span[];
  /**
   * The table's own outline, in document order: its section rows, and the markers that open
   * task cells (`1.政府工作要做到公开透明`) in a table without a serial column. Linked by
   * parent and children like the body's items; they hold no sentences.
   */
  readonly items: readonly Item[];
}

// ---------------------------------------------------------------------------------------------
// The whole document

export type ParagraphKind = 'preamble' | 'introduction' | 'free' | 'noise';

export interface Paragraph extends Span {
  readonly kind: ParagraphKind;
  readonly line: number;
}

export interface ParsedDocument {
  readonly text: string;
  /** The text with full-width letters, digits and punctuation folded to half width (same length). */
  readonly folded: string;
  readonly lines: readonly Line[];
  readonly lineIndex: LineIndex;
  readonly title: Span | null;
  /** The plan year from the title, else from the preamble date, else null. */
  readonly planYear: number | null;
  /** The date line of the preamble or closing (`2023年4月12日`), if any. */
  readonly dates: readonly Span[];
  /** The issue date: the preamble's date line, or a `发文日期` metadata line; null when neither. */
  readonly issueDate: { year: number; month: number; day: number } | null;
  /** Top-level items (chapters, or whatever level the document starts with). */
  readonly outline: readonly Item[];
  /** All items in document order. */
  readonly items: readonly Item[];
  /** All item sentences in document order (headings and tasks alike: analysis/meaning.ts tells them apart). */
  readonly sentences: readonly Sentence[];
  /** Paragraphs outside items: preamble, introduction, closing text and noise. */
  readonly paragraphs: readonly Paragraph[];
  /** Every unit parenthetical of the body. */
  readonly unitParens: readonly UnitParenthetical[];
  readonly annex: Annex | null;
}
