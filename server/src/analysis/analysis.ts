// Document-wide facts that several rules need, computed once per check and only when asked.

import type { AnnexRow, Item, ParsedDocument, RowMatch, Sentence } from '../document/model';
import type { ResolvedConfig } from '../config/config';
import { analyseNumbering, type Numbering } from './numbering';

export class DocumentAnalysis {
  private numberingCache: Numbering | undefined;
  private parenWidthCache: 'full' | 'half' | undefined;

  constructor(
    readonly doc: ParsedDocument,
    readonly config: ResolvedConfig,
  ) {}

  /** The plan year: the config's, else the document's (title, then preamble date). */
  get planYear(): number | null {
    return this.config.planYear ?? this.doc.planYear;
  }

  /** The annex rows matched to a body sentence (empty when there is no annex or no row). */
  rowsOf(sentence: Sentence): AnnexRow[] {
    return this.doc.alignment?.rowsOfSentence.get(sentence.index) ?? [];
  }

  /** The alignment result of a row. */
  matchOf(row: AnnexRow): RowMatch | undefined {
    return this.doc.alignment?.matches[row.index];
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
    return (this.numberingCache ??= analyseNumbering(this.doc));
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
   * Whether the document assigns responsibility: its title names a 工作要点, 任务分解, 任务清单
   * or 分工, or it names a unit somewhere (inline or in an annex unit column).
   */
  get assignsUnits(): boolean {
    if (this.config.requireUnit === 'always') return true;
    if (this.config.requireUnit === 'never') return false;
    const title = this.doc.title?.text ?? '';
    if (/工作要点|任务分解|任务清单|分工/.test(title)) return true;
    if (this.doc.unitParens.some((p) => p.units.length > 0)) return true;
    const annex = this.doc.annex;
    return annex !== null && annex.rows.some((r) => r.unitList.length > 0);
  }
}
