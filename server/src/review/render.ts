// 对照表单元格的 HTML:差异标记、责任单位对照、问题标签。报告和 VS Code 视图共用。
// HTML of the comparison table's cells (the diff, units row vs inline, time, finding badges),
// shared by the HTML report and the VS Code view (bundled for the browser: no Node imports).
// Every text is escaped; no inline styles or handlers (the view's content security policy).

import { escapeXml } from './charts';
import type { DiffPart, ReviewFinding, ReviewLine, ReviewUnit } from './model';

export interface CellStrings {
  lead: string;
  support: string;
  responsible: string;
  identical: string;
  noRow: string;
  noTask: string;
  onlyRow: string;
  onlyBody: string;
  invalidTime: string;
}

export const CELL_STRINGS_ZH: CellStrings = {
  lead: '牵头',
  support: '配合',
  responsible: '负责',
  identical: '与正文一致',
  noRow: '任务分解表中无此任务',
  noTask: '正文中无此任务',
  onlyRow: '仅表中',
  onlyBody: '仅正文',
  invalidTime: '无法识别的时间节点',
};

export const esc = escapeXml;

/** The diff as one run of text: `<del>` is in the body only, `<ins>` in the row only. */
export function diffHtml(parts: readonly DiffPart[]): string {
  return parts
    .map((p) => (p.kind === 'same' ? esc(p.text) : p.kind === 'added' ? `<ins>${esc(p.text)}</ins>` : `<del>${esc(p.text)}</del>`))
    .join('');
}

/** The task cell of a line: the diff of a pair, or the one text a line has, with a badge saying what it lacks. */
export function taskCellHtml(line: ReviewLine, strings: CellStrings, compared: boolean): string {
  if (line.kind === 'pair') {
    if (line.identical) return `<span class="text">${esc(line.rowText ?? '')}</span> <span class="badge ok" title="${esc(strings.identical)}">✓</span>`;
    return `<span class="text diff">${diffHtml(line.diff ?? [])}</span>`;
  }
  if (line.kind === 'task') {
    const badge = compared ? ` <span class="badge missing">${esc(strings.noRow)}</span>` : '';
    return `<span class="text">${esc(line.bodyText ?? '')}</span>${badge}`;
  }
  const badge = compared ? ` <span class="badge missing">${esc(strings.noTask)}</span>` : '';
  return `<span class="text">${esc(line.rowText ?? '')}</span>${badge}`;
}

function unitList(units: readonly ReviewUnit[], strings: CellStrings, marked: ReadonlySet<string>, cls: string): string {
  return units
    .map((u) => {
      const name = esc(u.name);
      const role = u.role === 'responsible' ? '' : `<span class="role role-${u.role}">${esc(strings[u.role])}</span>`;
      return `<span class="unit${marked.has(u.name) ? ` ${cls}` : ''}">${name}${role}</span>`;
    })
    .join('');
}

/** The units of a line: the row's (names the body lacks marked), then the body's extra names. */
export function unitsCellHtml(line: ReviewLine, strings: CellStrings): string {
  const { row, body, onlyRow, onlyBody } = line.units;
  const out: string[] = [];
  const mainUnits = row ?? body ?? [];
  out.push(unitList(mainUnits, strings, new Set(onlyRow), 'only-row'));
  if (onlyBody.length > 0 && body) {
    const extra = body.filter((u) => onlyBody.includes(u.name));
    out.push(`<div class="units-body" title="${esc(strings.onlyBody)}"><span class="units-tag">${esc(strings.onlyBody)}</span>${unitList(extra, strings, new Set(onlyBody), 'only-body')}</div>`);
  }
  return out.join('');
}

export function timeCellHtml(line: ReviewLine, strings: CellStrings): string {
  if (!line.time) return '';
  return line.timeInvalid ? `<span class="time invalid" title="${esc(strings.invalidTime)}">${esc(line.time)}</span>` : `<span class="time">${esc(line.time)}</span>`;
}

export function severityClass(f: ReviewFinding): string {
  return `sev-${f.severity}`;
}

/** Finding badges of a line: the rule id, coloured by severity, the message as tooltip. */
export function findingBadgesHtml(line: ReviewLine, findings: readonly ReviewFinding[]): string {
  return line.findings
    .map((i) => {
      const f = findings[i];
      return `<span class="finding ${severityClass(f)}" title="${esc(f.message)}">${esc(f.ruleId)}</span>`;
    })
    .join('');
}

/** A line worth a look: it has findings, lacks its counterpart (when rows and tasks were compared), or its units differ. */
export function lineHasProblem(line: ReviewLine, compared: boolean): boolean {
  return line.findings.length > 0 || (line.kind !== 'pair' && compared) || line.units.onlyRow.length > 0 || line.units.onlyBody.length > 0;
}
