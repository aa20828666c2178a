// 审阅报告:一个自包含的 HTML 文件(内联 CSS 与 SVG,无脚本、无网络),可直接从磁盘打开。
// The review report: one self-contained HTML file (inline CSS and SVG, no script, nothing
// fetched), opened from disk. A summary table of the documents, then per document its findings
// with the text around them, the body↔annex comparison table and the charts. "Problems only"
// is a checkbox the CSS reads (`:has()`), so the page needs no script.

import { RULE_METAS } from '../engine';
import { CHART_STRINGS_ZH, monthChartSvg, unitChartSvg } from './charts';
import type { DocumentKind, DocumentReview, ReviewFinding } from './model';
import { CELL_STRINGS_ZH, esc, findingBadgesHtml, lineHasProblem, severityClass, taskCellHtml, timeCellHtml, unitsCellHtml } from './render';

export interface ReportDocument {
  /** The path shown (relative to where the command ran). */
  file: string;
  review: DocumentReview;
}

export interface ReportOptions {
  /** When the report was made (shown in the header). */
  generated?: Date;
  /** The tool version shown in the footer. */
  version?: string;
}

const KIND_NAMES: Record<DocumentKind, string> = {
  plan: '工作要点(无附件)',
  'plan-with-annex': '工作要点 + 任务分解表',
  table: '任务分解表',
};

const SEVERITY_NAMES: Record<ReviewFinding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

const RULE_DESCRIPTIONS = new Map(RULE_METAS.map((meta) => [meta.id, meta.description]));

export function renderReport(docs: readonly ReportDocument[], options: ReportOptions = {}): string {
  const out: string[] = [];
  const totals = docs.reduce((t, d) => ({ errors: t.errors + d.review.errors, warnings: t.warnings + d.review.warnings, infos: t.infos + d.review.infos }), { errors: 0, warnings: 0, infos: 0 });
  out.push('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  // Nothing may be fetched: the page is read from disk, often with no network at all.
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  out.push('<title>工作要点审阅报告 (review report)</title>');
  out.push(`<style>${REPORT_CSS}</style>\n</head>\n<body>`);
  out.push('<header class="page-header"><h1>工作要点审阅报告 <small>Review report</small></h1>');
  const when = options.generated ? ` · 生成于 ${esc(formatDate(options.generated))}` : '';
  out.push(
    `<p class="meta">${docs.length} 份文档 (documents) · ${totals.errors} 个错误 · ${totals.warnings} 个警告 · ${totals.infos} 个提示${when}</p>`,
  );
  out.push('<label class="filter"><input type="checkbox" id="only-problems"> 只看有问题的行 (problems only)</label></header>');
  out.push('<main>');
  out.push(summaryTable(docs));
  docs.forEach((d, i) => out.push(documentSection(d, i)));
  out.push('</main>');
  out.push(`<footer>yaodian 工作要点助手${options.version ? ` ${esc(options.version)}` : ''}</footer>`);
  out.push('</body>\n</html>\n');
  return out.join('\n');
}

function formatDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function ruleChips(review: DocumentReview): string {
  return review.byRule
    .map((r) => {
      const sev = r.error > 0 ? 'error' : r.warning > 0 ? 'warning' : 'info';
      const n = r.error + r.warning + r.info;
      return `<span class="finding sev-${sev}" title="${esc(RULE_DESCRIPTIONS.get(r.ruleId) ?? r.ruleId)}">${esc(r.ruleId)} ${n}</span>`;
    })
    .join(' ');
}

function summaryTable(docs: readonly ReportDocument[]): string {
  const rows = docs.map((d, i) => {
    const r = d.review;
    const cls = r.errors > 0 ? 'has-errors' : r.warnings > 0 ? 'has-warnings' : 'clean';
    return (
      `<tr class="${cls}"><td><a href="#doc-${i}">${esc(d.file)}</a>${r.title ? `<div class="doc-title">${esc(r.title)}</div>` : ''}</td>` +
      `<td>${esc(KIND_NAMES[r.kind])}</td><td class="num">${r.tasks}</td><td class="num">${r.rows}</td>` +
      `<td class="num${r.errors > 0 ? ' sev-error-text' : ''}">${r.errors}</td><td class="num${r.warnings > 0 ? ' sev-warning-text' : ''}">${r.warnings}</td>` +
      `<td class="rules">${ruleChips(r)}</td></tr>`
    );
  });
  return (
    '<section class="summary"><h2>汇总 <small>Summary</small></h2><table class="summary-table">' +
    '<thead><tr><th>文档 (document)</th><th>类型 (kind)</th><th>任务 (tasks)</th><th>表行 (rows)</th><th>错误 (errors)</th><th>警告 (warnings)</th><th>按规则 (by rule)</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

function documentSection(d: ReportDocument, index: number): string {
  const r = d.review;
  const out: string[] = [];
  out.push(`<section class="document" id="doc-${index}">`);
  out.push(`<h2>${esc(d.file)}</h2>`);
  out.push(
    `<p class="meta">${r.title ? `${esc(r.title)} · ` : ''}${esc(KIND_NAMES[r.kind])}${r.planYear !== null ? ` · ${r.planYear} 年` : ''} · 任务 ${r.tasks} · 表行 ${r.rows} · 错误 ${r.errors} · 警告 ${r.warnings} · 提示 ${r.infos}</p>`,
  );
  out.push(findingsList(r));
  if (r.lines.length > 0) out.push(comparisonTable(r));
  out.push('<div class="charts">');
  out.push(`<figure><figcaption>各单位任务数 <small>Tasks per unit</small></figcaption>${unitChartSvg(r.charts.units, CHART_STRINGS_ZH)}</figure>`);
  out.push(`<figure><figcaption>时间节点分布${r.charts.months.planYear !== null ? `(${r.charts.months.planYear} 年)` : ''} <small>Time nodes by month</small></figcaption>${monthChartSvg(r.charts.months, CHART_STRINGS_ZH)}</figure>`);
  out.push('</div></section>');
  return out.join('\n');
}

function findingsList(r: DocumentReview): string {
  if (r.findings.length === 0) return '<p class="no-findings">✓ 未发现问题 (no findings)</p>';
  const items = r.findings.map((f) => {
    const ctx = `<span class="ctx">${esc(f.context.before)}<mark>${esc(f.context.text) || '&#8203;'}</mark>${esc(f.context.after)}</span>`;
    const fixes = f.fixes.length > 0 ? `<span class="fixes" title="${esc(f.fixes.join('\n'))}">可修复 (fixable)</span>` : '';
    return (
      `<tr class="${severityClass(f)}"><td class="pos">${f.line + 1}:${f.character + 1}</td>` +
      `<td><span class="sev ${severityClass(f)}">${SEVERITY_NAMES[f.severity]}</span></td>` +
      `<td class="msg">${esc(f.message)}${fixes}<div class="rule" title="${esc(RULE_DESCRIPTIONS.get(f.ruleId) ?? '')}">${esc(f.ruleId)}</div></td><td class="context">${ctx}</td></tr>`
    );
  });
  return (
    `<details class="findings" open><summary>问题 <small>Findings</small> (${r.findings.length})</summary>` +
    '<table class="findings-table"><thead><tr><th>位置</th><th>级别</th><th>说明</th><th>原文</th></tr></thead>' +
    `<tbody>${items.join('')}</tbody></table></details>`
  );
}

function comparisonTable(r: DocumentReview): string {
  const rows: string[] = [];
  let category: string | null = null;
  for (const l of r.lines) {
    // The category is shown once above its rows, as a merged cell would.
    if (l.category !== null && l.category !== category) rows.push(`<tr class="group"><td colspan="5">${esc(l.category)}</td></tr>`);
    category = l.category ?? category;
    const where = [l.rowLine !== null ? `表 ${l.rowLine + 1}` : '', l.bodyLine !== null ? `正文 ${l.bodyLine + 1}` : ''].filter(Boolean).join(' · ');
    rows.push(
      `<tr class="line kind-${l.kind} ${lineHasProblem(l, r.compared) ? 'problem' : 'ok'}"><td class="serial">${esc(l.serial ?? '')}</td>` +
        `<td class="task">${taskCellHtml(l, CELL_STRINGS_ZH, r.compared)}<div class="where">${where}</div></td>` +
        `<td class="units">${unitsCellHtml(l, CELL_STRINGS_ZH)}</td><td class="time-cell">${timeCellHtml(l, CELL_STRINGS_ZH)}</td>` +
        `<td class="line-findings">${findingBadgesHtml(l, r.findings)}</td></tr>`,
    );
  }
  const legend = r.compared ? '<p class="legend"><del>正文有、表中无</del> <ins>表中有、正文无</ins> (body only / row only)</p>' : '';
  return (
    `<details class="comparison" open><summary>${r.compared ? '任务分解表对照' : r.kind === 'plan-with-annex' ? '任务与任务分解表(未逐行对照)' : '任务'} <small>${r.compared ? 'Table vs body' : 'Tasks'}</small> (${r.lines.length})</summary>${legend}` +
    '<table class="comparison-table"><thead><tr><th>序号</th><th>任务</th><th>责任单位</th><th>时间节点</th><th>问题</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></details>`
  );
}

/** The report's stylesheet: light and dark (the reader's system setting), printable. */
const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --bg: #ffffff; --panel: #f6f8fa; --border: #d0d7de;
  --error: #cf222e; --warning: #9a6700; --info: #0969da; --ins: #dafbe1; --ins-fg: #116329; --del: #ffebe9; --del-fg: #a40e26;
  --lead: #b3261e; --responsible: #e8743b; --support: #6e9bd1; --month: #0969da; --whole: #8250df; --other: #9a6700; --none: #8c959f; --ok: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --panel: #161b22; --border: #30363d;
  --error: #ff7b72; --warning: #d29922; --info: #58a6ff; --ins: #12361f; --ins-fg: #7ee787; --del: #4a1a1d; --del-fg: #ffa198;
  --lead: #f0776d; --responsible: #f0a36b; --support: #79a8e0; --month: #58a6ff; --whole: #a371f7; --other: #d29922; --none: #6e7681; --ok: #3fb950; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: var(--fg); background: var(--bg); }
.page-header { padding: 16px 24px; border-bottom: 1px solid var(--border); background: var(--panel); }
h1 { margin: 0; font-size: 20px; } h2 { font-size: 17px; margin: 24px 0 4px; word-break: break-all; }
small { color: var(--muted); font-weight: normal; font-size: 12px; }
main { padding: 0 24px 24px; }
.meta { color: var(--muted); margin: 2px 0 8px; }
.filter { display: inline-block; margin-top: 6px; cursor: pointer; user-select: none; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--border); padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: var(--panel); font-weight: 600; white-space: nowrap; }
.summary-table td:first-child { word-break: break-all; min-width: 220px; }
.summary-table td:nth-child(2) { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.doc-title { color: var(--muted); font-size: 12px; }
.sev-error-text { color: var(--error); font-weight: 600; } .sev-warning-text { color: var(--warning); font-weight: 600; }
.finding { display: inline-block; border-radius: 10px; padding: 0 7px; margin: 1px 2px; font-size: 12px; border: 1px solid currentColor; white-space: nowrap; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.findings-table td.msg, .findings-table td.context { color: var(--fg); }
.sev { font-weight: 600; white-space: nowrap; }
.rule { color: var(--muted); font-size: 12px; }
.fixes { margin-left: 6px; font-size: 12px; color: var(--ok); }
.pos { white-space: nowrap; font-variant-numeric: tabular-nums; color: var(--muted); }
.ctx mark { background: var(--del); color: var(--del-fg); border-bottom: 2px solid var(--error); }
tr.sev-warning .ctx mark { border-bottom-color: var(--warning); } tr.sev-info .ctx mark { border-bottom-color: var(--info); }
details > summary { cursor: pointer; font-weight: 600; margin: 12px 0 6px; }
.comparison-table td.serial { text-align: right; white-space: nowrap; color: var(--muted); }
.comparison-table tr.group td { background: var(--panel); font-weight: 600; }
.comparison-table td.task { min-width: 320px; }
.comparison-table td.units { min-width: 140px; }
.comparison-table td.time-cell { white-space: nowrap; }
.where { color: var(--muted); font-size: 11px; }
ins { background: var(--ins); color: var(--ins-fg); text-decoration: none; border-bottom: 1px solid var(--ins-fg); }
del { background: var(--del); color: var(--del-fg); }
.badge { display: inline-block; font-size: 12px; border-radius: 3px; padding: 0 5px; }
.badge.ok { color: var(--ok); } .badge.missing { background: var(--del); color: var(--del-fg); }
tr.kind-task td, tr.kind-row td { background: color-mix(in srgb, var(--del) 35%, transparent); }
.unit { display: inline-block; margin: 0 6px 2px 0; white-space: nowrap; }
.unit.only-row { background: var(--ins); color: var(--ins-fg); } .unit.only-body { background: var(--del); color: var(--del-fg); }
.role { font-size: 11px; margin-left: 2px; padding: 0 3px; border-radius: 3px; color: var(--bg); }
.role-lead { background: var(--lead); } .role-support { background: var(--support); }
.units-tag { font-size: 11px; color: var(--muted); margin-right: 4px; }
.time.invalid { color: var(--error); text-decoration: underline wavy; }
.no-findings { color: var(--ok); }
body:has(#only-problems:checked) tr.line.ok { display: none; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; margin-top: 12px; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 6px; }
.chart { max-width: 100%; height: auto; font-size: 12px; }
.chart text { fill: var(--fg); } .chart .chart-value { fill: var(--muted); font-size: 11px; }
.chart-axis, .chart-sep { stroke: var(--border); }
.bar-lead { fill: var(--lead); } .bar-responsible { fill: var(--responsible); } .bar-support { fill: var(--support); }
.bar-month { fill: var(--month); } .bar-whole { fill: var(--whole); } .bar-other { fill: var(--other); } .bar-none { fill: var(--none); }
.chart-note, .chart-empty { color: var(--muted); font-size: 12px; }
footer { color: var(--muted); font-size: 12px; padding: 12px 24px; border-top: 1px solid var(--border); }
@media print { .filter { display: none; } details { display: block; } }
`;
