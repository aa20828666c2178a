// 图表:各单位任务数(牵头、配合、负责分段堆叠)与按月份的时间节点分布,直接画成 SVG。
// Charts drawn as SVG text, no charting dependency: tasks per unit (lead, responsible and support
// stacked) and time nodes by month of the plan year. Pure functions of the review's chart data,
// shared by the HTML report and the VS Code view (which bundles this file for the browser).
// Colours come from CSS classes (`bar-lead`, …) so each host paints them in its own theme; no
// inline style attributes (the view's content security policy forbids them).

import type { MonthChart, UnitTasks } from './model';

export interface ChartStrings {
  lead: string;
  responsible: string;
  support: string;
  /** `{0}` is a month number. */
  month: string;
  wholeYear: string;
  otherYear: string;
  none: string;
  /** `{0}` is how many units are not drawn. */
  moreUnits: string;
  noUnits: string;
  /** `{0}` tasks. */
  tasks: string;
}

export const CHART_STRINGS_ZH: ChartStrings = {
  lead: '牵头',
  responsible: '负责',
  support: '配合',
  month: '{0}月',
  wholeYear: '全年/常态',
  otherYear: '其他年份',
  none: '未定',
  moreUnits: '另有 {0} 个单位未列出',
  noUnits: '没有责任单位',
  tasks: '{0} 项任务',
};

/** Units drawn at most; the others are counted below the chart. */
export const MAX_UNITS = 30;

const ROLES = ['lead', 'responsible', 'support'] as const;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;

export function escapeXml(s: string): string {
  // Most texts have nothing to escape: a test is cheaper than a replace.
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITIES[c]) : s;
}

function fill(template: string, value: string | number): string {
  return template.replace('{0}', String(value));
}

/** Roughly how wide a label is drawn at 12px: CJK characters full, others half. */
function labelWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 12 : 7;
  return w;
}

function clipLabel(s: string, max: number): string {
  if (labelWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (labelWidth(out + ch + '…') > max) break;
    out += ch;
  }
  return out + '…';
}

/** Tasks per unit: one horizontal bar per unit, lead, responsible and support segments stacked. */
export function unitChartSvg(units: readonly UnitTasks[], strings: ChartStrings = CHART_STRINGS_ZH): string {
  if (units.length === 0) return `<p class="chart-empty">${escapeXml(strings.noUnits)}</p>`;
  const shown = units.slice(0, MAX_UNITS);
  const max = Math.max(...shown.map((u) => u.total));
  const labelW = Math.min(200, Math.max(...shown.map((u) => labelWidth(u.name))) + 8);
  const barH = 16;
  const gap = 6;
  const top = 28;
  const plotW = 420;
  const width = labelW + plotW + 40;
  const height = top + shown.length * (barH + gap) + 4;
  const scale = (n: number): number => (n / max) * plotW;
  const out: string[] = [];
  out.push(
    `<svg class="chart chart-units" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(legendText(strings))}">`,
  );
  // Legend.
  let lx = labelW;
  for (const role of ROLES) {
    out.push(`<rect class="bar-${role}" x="${lx}" y="6" width="12" height="12" rx="2"/>`);
    out.push(`<text class="chart-label" x="${lx + 16}" y="16">${escapeXml(strings[role])}</text>`);
    lx += 16 + labelWidth(strings[role]) + 18;
  }
  shown.forEach((u, i) => {
    const y = top + i * (barH + gap);
    const tip = `${u.name}:${ROLES.filter((r) => u[r] > 0)
      .map((r) => `${strings[r]} ${u[r]}`)
      .join(',')}`;
    out.push(`<g class="chart-row"><title>${escapeXml(tip)}</title>`);
    out.push(`<text class="chart-label" x="${labelW - 6}" y="${y + barH - 4}" text-anchor="end">${escapeXml(clipLabel(u.name, labelW - 8))}</text>`);
    let x = labelW;
    for (const role of ROLES) {
      if (u[role] === 0) continue;
      const w = scale(u[role]);
      out.push(`<rect class="bar-${role}" x="${x.toFixed(1)}" y="${y}" width="${Math.max(w, 1).toFixed(1)}" height="${barH}"/>`);
      x += w;
    }
    out.push(`<text class="chart-value" x="${(x + 4).toFixed(1)}" y="${y + barH - 4}">${u.total}</text></g>`);
  });
  out.push('</svg>');
  if (units.length > shown.length) out.push(`<p class="chart-note">${escapeXml(fill(strings.moreUnits, units.length - shown.length))}</p>`);
  return out.join('');
}

function legendText(strings: ChartStrings): string {
  return ROLES.map((r) => strings[r]).join(' / ');
}

/**
 * Time nodes by month of the plan year: twelve columns, then recurring/whole-year, other-year and
 * undated tasks apart, after a gap.
 */
export function monthChartSvg(chart: MonthChart, strings: ChartStrings = CHART_STRINGS_ZH): string {
  const columns: { label: string; value: number; cls: string }[] = chart.months.map((v, i) => ({ label: fill(strings.month, i + 1), value: v, cls: 'bar-month' }));
  const extra = [
    { label: strings.wholeYear, value: chart.wholeYear, cls: 'bar-whole' },
    { label: strings.otherYear, value: chart.otherYear, cls: 'bar-other' },
    { label: strings.none, value: chart.none, cls: 'bar-none' },
  ];
  const colW = 34;
  const extraW = 64;
  const gapW = 20;
  const plotH = 120;
  const top = 18;
  const width = columns.length * colW + gapW + extra.length * extraW + 8;
  const height = top + plotH + 24;
  const max = Math.max(1, ...columns.map((c) => c.value), ...extra.map((c) => c.value));
  const out: string[] = [];
  const title = chart.planYear !== null ? `${chart.planYear}` : '';
  out.push(
    `<svg class="chart chart-months" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}">`,
  );
  out.push(`<line class="chart-axis" x1="0" y1="${top + plotH}" x2="${width}" y2="${top + plotH}"/>`);
  const bar = (x: number, w: number, c: { label: string; value: number; cls: string }): void => {
    const h = (c.value / max) * plotH;
    const y = top + plotH - h;
    out.push(`<g class="chart-col"><title>${escapeXml(`${c.label}:${fill(strings.tasks, c.value)}`)}</title>`);
    if (c.value > 0) out.push(`<rect class="${c.cls}" x="${x + 4}" y="${y.toFixed(1)}" width="${w - 8}" height="${Math.max(h, 1).toFixed(1)}" rx="2"/>`);
    out.push(`<text class="chart-value" x="${x + w / 2}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${c.value}</text>`);
    out.push(`<text class="chart-label" x="${x + w / 2}" y="${top + plotH + 16}" text-anchor="middle">${escapeXml(c.label)}</text></g>`);
  };
  columns.forEach((c, i) => bar(i * colW, colW, c));
  const x0 = columns.length * colW + gapW;
  out.push(`<line class="chart-sep" x1="${x0 - gapW / 2}" y1="${top}" x2="${x0 - gapW / 2}" y2="${top + plotH}"/>`);
  extra.forEach((c, i) => bar(x0 + i * extraW, extraW, c));
  out.push('</svg>');
  return out.join('');
}
