// The semantic layer of one check: what the parsed document means, computed once per check and
// only when asked (an outline of the body never aligns the table). The parsed document is never
// changed: everything here is read from it and kept here, so it goes when the check ends.

import type { AnnexRow, Item, ParsedDocument, Sentence, Span, UnitParenthetical } from '../document/model';
import type { ResolvedConfig } from '../config/config';
import { analyseNumbering, type Numbering } from './numbering';
import { otherDocumentKind, readMeaning, type DocumentKind, type Meaning } from './meaning';
import { alignAnnex, type Alignment, type RowMatch } from './align';

export class DocumentAnalysis {
  private numberingCache: Numbering | undefined;
  private parenWidthCache: 'full' | 'half' | undefined;
  private meaningCache: Meaning | undefined;
  private alignmentCache: Alignment | null | undefined;
  private otherKindCache: ReturnType<typeof otherDocumentKind> | undefined;

  constructor(
    readonly doc: ParsedDocument,
    readonly config: ResolvedConfig,
  ) {}

  /** Which sentences are tasks and headings, the blanket notes, the document's kind (meaning.ts). */
  get meaning(): Meaning {
    return (this.meaningCache ??= readMeaning(this.doc, this.config.nonTaskSections));
  }

  /** The task sentences in document order. */
  get tasks(): readonly Sentence[] {
    return this.meaning.tasks;
  }

  /**
   * Set when the document says it is not a plan (`编制说明`, a standard, `项目立项申请书` on a line
   * above its outline): the plan rules then do not run on it (engine/lint.ts).
   */
  get otherKind(): { kind: string; line: Span } | null {
    if (this.otherKindCache === undefined) this.otherKindCache = otherDocumentKind(this.doc);
    return this.otherKindCache;
  }

  get kind(): DocumentKind {
    return this.meaning.kind;
  }

  isTask(s: Sentence): boolean {
    return this.meaning.isTask(s);
  }

  /** The blanket note that gives a task its units when it names none (`以下各项任务均由甲部牵头`). */
  blanketNoteOf(s: Sentence): UnitParenthetical | null {
    return this.meaning.blanketNoteOf(s);
  }

  /**
   * The body↔table alignment (align.ts), null when nothing is compared: no table, a standalone
   * table, or a table read without bars (read with less confidence: its rows are checked, but not
   * compared with the body; annex-structure says so).
   */
  get alignment(): Alignment | null {
    if (this.alignmentCache !== undefined) return this.alignmentCache;
    const annex = this.doc.annex;
    const compared = annex !== null && annex.layout !== 'lines' && this.kind === 'plan-with-annex';
    return (this.alignmentCache = compared ? alignAnnex(this.doc) : null);
  }

  /** The plan year: the config's, else the document's (title, then preamble date). */
  get planYear(): number | null {
    return this.config.planYear ?? this.doc.planYear;
  }

  /** The annex rows matched to a body sentence (empty when there is no annex or no row). */
  rowsOf(sentence: Sentence): AnnexRow[] {
    return this.alignment?.rowsOfSentence.get(sentence.index) ?? [];
  }

  /** The alignment result of a row. */
  matchOf(row: AnnexRow): RowMatch | undefined {
    return this.alignment?.matches[row.index];
  }

  /** The top-level item (chapter) that holds an item. */
  chapterOf(item: Item): Item {
    let c = item;
    while (c.parent) c = c.parent;
    return c;
  }

  /** The width of parentheses the document mostly uses in its text: for inserted text. */
  get parenWidth(): 'full' | 'half' {
    if (this.parenWidthCache) return this.parenWidthCache;
    // Native splits count the two kinds of opening parenthesis (a char loop is slow when cold).
    const t = this.doc.text;
    const full = t.split('\uff08').length - 1;
    const half = t.split('(').length - 1;
    return (this.parenWidthCache = half > full ? 'half' : 'full');
  }

  get numbering(): Numbering {
    return (this.numberingCache ??= analyseNumbering(this.doc, this.kind));
  }

  /**
   * Whether the document uses time nodes: an annex with a time column, or inline time keys.
   * Documents without them must not be asked for one (time-missing).
   */
  get usesTimeNodes(): boolean {
    if (this.config.requireTimeNode === 'always') return true;
    if (this.config.requireTimeNode === 'never') return false;
    const annex = this.doc.annex;
    if (annex && annex.header.some((c) => c.role === 'time')) return true;
    return this.doc.unitParens.some((p) => p.time !== null);
  }

  /**
   * Whether each task must name its units: the config says `requireUnit: "always"`, or (auto) the
   * document assigns units to most of its tasks, inline, on labelled lines or in annex rows.
   * Many single-office plans assign none by design: then tasks without units are not errors
   * (unit-missing says so once for the document).
   */
  get assignsUnits(): boolean {
    if (this.config.requireUnit === 'always') return true;
    if (this.config.requireUnit === 'never') return false;
    const { tasks, covered } = this.unitCoverage;
    return tasks > 0 && covered * 2 >= tasks;
  }

  /** How many tasks there are and how many have units (inline, labelled, or in a row with units). */
  get unitCoverage(): { tasks: number; covered: number } {
    if (this.coverageCache) return this.coverageCache;
    const tasks = this.tasks;
    let covered = 0;
    for (let i = 0; i < tasks.length; i++) {
      const s = tasks[i];
      if ((s.unitParen && s.unitParen.units.length > 0) || s.unitParen?.emptyValues.length || this.blanketNoteOf(s) !== null || this.rowsOf(s).some((r) => r.unitList.length > 0)) covered++;
    }
    const annex = this.doc.annex;
    let total = tasks.length;
    // A table without a body (or with more rows than tasks): its rows are the tasks.
    if (annex && annex.header.some((c) => c.role === 'units') && annex.rows.length > total) {
      total = annex.rows.length;
      covered = annex.rows.filter((r) => r.unitList.length > 0 || (r.units !== null && r.units.text.trim() !== '')).length;
    }
    return (this.coverageCache = { tasks: total, covered });
  }
  private coverageCache: { tasks: number; covered: number } | undefined;

  /** The category column's outline level (analysis/categories.ts), worked out once per check. */
  categoryLevelMemo: { level: number | null } | undefined;
}
