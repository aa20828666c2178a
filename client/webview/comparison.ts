// 任务分解表对照视图的页面脚本(在 webview 中运行)。
// The page of the comparison view (runs in the webview, bundled by esbuild for the browser). It
// renders the review the extension sends: the table of rows vs body text with the differences
// marked, and the charts. Clicks and keys select a line and ask the extension to reveal it;
// fix buttons ask it to apply a quick fix. Filters: all, problems only, one unit.
// No inline scripts, styles or handlers: the page's policy allows only this nonce'd script.

import { monthChartSvg, unitChartSvg } from '../../server/src/review/charts';
import type { DocumentReview, ReviewLine } from '../../server/src/review/model';
import { esc, findingBadgesHtml, lineHasProblem, taskCellHtml, timeCellHtml, unitsCellHtml } from '../../server/src/review/render';
import type { FromView, ToView, ViewStrings } from '../src/comparisonMessages';

interface VsCodeApi {
  postMessage(message: FromView): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Filter = 'all' | 'problems' | 'unit';

interface PageState {
  tab: 'table' | 'charts';
  filter: Filter;
  unit: string;
  /** The selected line (index into review.lines). */
  selected: number;
}

const vscode = acquireVsCodeApi();
const state: PageState = { tab: 'table', filter: 'all', unit: '', selected: -1, ...((vscode.getState() as Partial<PageState> | undefined) ?? {}) };
let data: { uri: string; fileName: string; version: number; review: DocumentReview; strings: ViewStrings } | undefined;

const root = document.getElementById('root') as HTMLElement;

function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(values[Number(i)]));
}

function save(): void {
  vscode.setState(state);
}

function visible(line: ReviewLine, r: DocumentReview): boolean {
  if (state.filter === 'problems') return lineHasProblem(line, r.compared);
  if (state.filter === 'unit') return [...(line.units.row ?? []), ...(line.units.body ?? [])].some((u) => u.name === state.unit);
  return true;
}

function kindName(r: DocumentReview, s: ViewStrings): string {
  return r.kind === 'plan' ? s.kindPlan : r.kind === 'table' ? s.kindTable : s.kindPlanWithAnnex;
}

/** Draws the page; `keepScroll` for a new version of the same lines, not for a new filter or tab. */
function render(keepScroll = true): void {
  if (!data) return;
  const { review: r, strings: s } = data;
  const shownLines = r.lines.map((l, i) => [l, i] as const).filter(([l]) => visible(l, r));
  const units = r.charts.units.map((u) => u.name);
  if (state.filter === 'unit' && !units.includes(state.unit)) state.filter = 'all';

  const header =
    `<header class="head"><div class="title">${esc(r.title ?? data.fileName)}</div>` +
    `<div class="meta">${esc(kindName(r, s))} · ${esc(fill(s.summary, shownLines.length, r.lines.length, r.errors, r.warnings))}</div></header>`;
  const tabs =
    '<div class="tabs" role="tablist">' +
    `<button role="tab" id="tab-table" aria-controls="panel-table" aria-selected="${state.tab === 'table'}" tabindex="${state.tab === 'table' ? 0 : -1}">${esc(s.tabTable)}</button>` +
    `<button role="tab" id="tab-charts" aria-controls="panel-charts" aria-selected="${state.tab === 'charts'}" tabindex="${state.tab === 'charts' ? 0 : -1}">${esc(s.tabCharts)}</button></div>`;
  const filters =
    '<div class="filters" role="toolbar">' +
    `<button class="filter" data-filter="all" aria-pressed="${state.filter === 'all'}">${esc(s.filterAll)}</button>` +
    `<button class="filter" data-filter="problems" aria-pressed="${state.filter === 'problems'}">${esc(s.filterProblems)}</button>` +
    `<select class="unit-filter" aria-label="${esc(s.filterUnit)}"><option value="">${esc(s.filterUnit)}</option>${units
      .map((u) => `<option value="${esc(u)}"${state.filter === 'unit' && state.unit === u ? ' selected' : ''}>${esc(u)}</option>`)
      .join('')}</select>` +
    (r.compared ? `<span class="legend"><del>${esc(s.legendRemoved)}</del> <ins>${esc(s.legendAdded)}</ins></span>` : '') +
    '</div>';

  const rows: string[] = [];
  let category: string | null = null;
  const selectable = shownLines.some(([, i]) => i === state.selected) ? state.selected : (shownLines[0]?.[1] ?? -1);
  for (const [l, i] of shownLines) {
    if (l.category !== null && l.category !== category) rows.push(`<tr class="group"><td colspan="5">${esc(l.category)}</td></tr>`);
    category = l.category ?? category;
    const goto = [
      l.rowLine !== null ? `<button class="goto" data-target="row" tabindex="-1">${esc(fill(s.gotoRow, l.rowLine + 1))}</button>` : '',
      l.bodyLine !== null ? `<button class="goto" data-target="body" tabindex="-1">${esc(fill(s.gotoBody, l.bodyLine + 1))}</button>` : '',
    ].join('');
    const fixes = l.findings
      .flatMap((f) => r.findings[f].fixes.map((title, k) => `<button class="fix" data-finding="${f}" data-fix="${k}" tabindex="-1" title="${esc(title)}">${esc(fill(s.applyFix, title))}</button>`))
      .join('');
    const problem = lineHasProblem(l, r.compared);
    rows.push(
      `<tr class="line kind-${l.kind}${problem ? ' problem' : ''}${i === state.selected ? ' selected' : ''}" data-index="${i}" tabindex="${i === selectable ? 0 : -1}" aria-selected="${i === state.selected}">` +
        `<td class="serial">${esc(l.serial ?? '')}</td>` +
        `<td class="task">${taskCellHtml(l, s.cells, r.compared)}<div class="where">${goto}</div></td>` +
        `<td class="units">${unitsCellHtml(l, s.cells)}</td><td class="time-cell">${timeCellHtml(l, s.cells)}</td>` +
        `<td class="line-findings">${findingBadgesHtml(l, r.findings)}${fixes ? `<div class="fixes">${fixes}</div>` : ''}</td></tr>`,
    );
  }
  const table =
    shownLines.length === 0
      ? `<p class="empty">${esc(s.noLines)}</p>`
      : '<table class="comparison" role="grid">' +
        `<thead><tr><th>${esc(s.headSerial)}</th><th>${esc(s.headTask)}</th><th>${esc(s.headUnits)}</th><th>${esc(s.headTime)}</th><th>${esc(s.headFindings)}</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table>`;
  const charts =
    `<figure><figcaption>${esc(s.unitsChart)}</figcaption>${unitChartSvg(r.charts.units, s.charts)}</figure>` +
    `<figure><figcaption>${esc(s.monthsChart)}${r.charts.months.planYear !== null ? ` (${r.charts.months.planYear})` : ''}</figcaption>${monthChartSvg(r.charts.months, s.charts)}</figure>`;

  const scroll = keepScroll ? (document.scrollingElement?.scrollTop ?? 0) : 0;
  root.innerHTML =
    header +
    tabs +
    `<section id="panel-table" role="tabpanel" aria-labelledby="tab-table"${state.tab === 'table' ? '' : ' hidden'}>${filters}${table}</section>` +
    `<section id="panel-charts" class="charts" role="tabpanel" aria-labelledby="tab-charts"${state.tab === 'charts' ? '' : ' hidden'}>${charts}</section>`;
  if (document.scrollingElement) document.scrollingElement.scrollTop = scroll;
  const problems = r.lines.filter((l) => lineHasProblem(l, r.compared)).length;
  vscode.postMessage({ type: 'rendered', uri: data.uri, version: data.version, shown: shownLines.length, total: r.lines.length, problems });
}

function lineRows(): HTMLTableRowElement[] {
  return [...root.querySelectorAll<HTMLTableRowElement>('tr.line')];
}

/** Selects a line, moves the keyboard focus to it, and (when asked) reveals it in the editor. */
function select(row: HTMLTableRowElement, reveal: boolean, target?: 'row' | 'body'): void {
  if (!data) return;
  const index = Number(row.dataset.index);
  state.selected = index;
  save();
  for (const r of lineRows()) {
    const on = r === row;
    r.classList.toggle('selected', on);
    r.setAttribute('aria-selected', String(on));
    r.tabIndex = on ? 0 : -1;
  }
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'nearest' });
  if (!reveal) return;
  const line = data.review.lines[index];
  const range = (target === 'body' ? line.bodyRange : target === 'row' ? line.rowRange : null) ?? line.rowRange ?? line.bodyRange;
  if (range) vscode.postMessage({ type: 'reveal', version: data.version, start: range.start, end: range.end });
}

root.addEventListener('click', (e) => {
  const el = e.target as HTMLElement;
  const tab = el.closest<HTMLElement>('[role="tab"]');
  if (tab) {
    state.tab = tab.id === 'tab-charts' ? 'charts' : 'table';
    save();
    render(false);
    root.querySelector<HTMLElement>(`#${tab.id}`)?.focus();
    return;
  }
  const filter = el.closest<HTMLElement>('button.filter');
  if (filter) {
    state.filter = filter.dataset.filter as Filter;
    save();
    render(false);
    return;
  }
  const fix = el.closest<HTMLElement>('button.fix');
  if (fix && data) {
    vscode.postMessage({ type: 'fix', version: data.version, finding: Number(fix.dataset.finding), fix: Number(fix.dataset.fix) });
    return;
  }
  const row = el.closest<HTMLTableRowElement>('tr.line');
  if (row) select(row, true, el.closest<HTMLElement>('button.goto')?.dataset.target as 'row' | 'body' | undefined);
});

root.addEventListener('change', (e) => {
  const el = e.target as HTMLSelectElement;
  if (!el.classList.contains('unit-filter')) return;
  state.filter = el.value ? 'unit' : 'all';
  state.unit = el.value;
  save();
  render(false);
});

root.addEventListener('keydown', (e) => {
  const el = e.target as HTMLElement;
  if (el.getAttribute('role') === 'tab' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
    state.tab = state.tab === 'table' ? 'charts' : 'table';
    save();
    render(false);
    root.querySelector<HTMLElement>(`#tab-${state.tab}`)?.focus();
    e.preventDefault();
    return;
  }
  const row = el.closest<HTMLTableRowElement>('tr.line');
  if (!row || el.tagName === 'BUTTON') return;
  const rows = lineRows();
  const at = rows.indexOf(row);
  const page = Math.max(1, Math.floor(window.innerHeight / Math.max(row.offsetHeight, 1)) - 1);
  const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1, PageDown: at + page, PageUp: at - page };
  if (e.key in moves) {
    const next = rows[Math.max(0, Math.min(rows.length - 1, moves[e.key]))];
    if (next) select(next, false);
    e.preventDefault();
  } else if (e.key === 'Enter' || e.key === ' ') {
    select(row, true);
    e.preventDefault();
  }
});

window.addEventListener('message', (e: MessageEvent<ToView>) => {
  const m = e.data;
  if (m.type === 'update') {
    data = { uri: m.uri, fileName: m.fileName, version: m.version, review: m.review, strings: m.strings };
    document.documentElement.lang = m.lang;
    render();
  } else if (m.type === 'click') {
    root.querySelector<HTMLElement>(m.selector)?.click();
  }
});

vscode.postMessage({ type: 'ready' });
