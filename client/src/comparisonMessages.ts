// 对照视图(webview)与扩展之间的消息。
// Messages between the comparison view's page (client/webview/comparison.ts) and the extension
// (comparisonView.ts). Types only: both sides import them.

import type { DocumentReview } from '../../server/src/review/model';
import type { ChartStrings } from '../../server/src/review/charts';
import type { CellStrings } from '../../server/src/review/render';

/** Every text the page shows, in the editor's display language. */
export interface ViewStrings {
  cells: CellStrings;
  charts: ChartStrings;
  tabTable: string;
  tabCharts: string;
  filterAll: string;
  filterProblems: string;
  /** The first option of the unit list. */
  filterUnit: string;
  headSerial: string;
  headTask: string;
  headUnits: string;
  headTime: string;
  headFindings: string;
  /** `{0}` lines shown of `{1}`; `{2}` errors, `{3}` warnings. */
  summary: string;
  legendRemoved: string;
  legendAdded: string;
  gotoRow: string;
  gotoBody: string;
  /** `{0}` is the fix title. */
  applyFix: string;
  noLines: string;
  unitsChart: string;
  monthsChart: string;
  kindPlan: string;
  kindPlanWithAnnex: string;
  kindTable: string;
}

/** Extension → page. */
export type ToView =
  | { type: 'update'; uri: string; fileName: string; version: number; review: DocumentReview; strings: ViewStrings; lang: string }
  /** A test hook: click the element `selector` names as a user would (through the page's handlers). */
  | { type: 'click'; selector: string };

/** Page → extension. */
export type FromView =
  | { type: 'ready' }
  /** Show this range of the document (UTF-16 offsets of the version the page shows). */
  | { type: 'reveal'; version: number; start: number; end: number }
  | { type: 'fix'; version: number; finding: number; fix: number }
  /** What the page shows now: lines in view (after the filter), all lines, lines with a problem. */
  | { type: 'rendered'; uri: string; version: number; shown: number; total: number; problems: number };
