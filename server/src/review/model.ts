// 审阅数据:任务分解表与正文逐行对照、图表数字、按规则统计的问题。VS Code 的对照视图和
// HTML 报告都只读这里的数据(可序列化为 JSON),不再碰解析结果。
// The review of one document, built from the engine's result: one line per annex row (its
// serial, category, task text, the body text it matches with a character diff, units row vs
// inline, time node, findings), body tasks with no row and rows with no task placed where they
// belong, and the chart numbers. Plain data (JSON): the language server sends it to the
// comparison view as is, and the HTML report renders it.

import type { AnnexRow, Diagnostic, DocumentKind, LintResult, Sentence, TimeNode, Unit, UnitRole } from '../engine';
import { lazy } from '../core';

export type { DocumentKind };

/** What kind of document this is (INTERFACES.md: `plan`, `plan-with-annex`, `table`): the engine's. */
export function documentKind(result: LintResult): DocumentKind {
  return result.analysis.kind;
}

export type Severity = Diagnostic['severity'];

export interface ReviewFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the document text. */
  start: number;
  end: number;
  /** 0-based positions (VS Code's). */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /** Titles of the quick fixes the finding offers (the editor applies them). */
  fixes: string[];
  /** The finding's line around it: `before` + `text` (the range, clipped to the line) + `after`. */
  context: { before: string; text: string; after: string };
}

export type DiffKind = 'same' | 'added' | 'removed';

/** One piece of the body → row diff: `added` is in the row only, `removed` in the body only. */
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export interface ReviewUnit {
  name: string;
  role: UnitRole;
}

export interface UnitComparison {
  /** Units of the row's unit cell (null without a row). */
  row: ReviewUnit[] | null;
  /** Units the body names inline for the task (null when it names none). */
  body: ReviewUnit[] | null;
  /** Names on one side only (compared when both sides name units). */
  onlyRow: string[];
  onlyBody: string[];
}

/**
 * `pair`: a row and the body text it matches. `row`: a row with no task (an orphan row, or every
 * row of a standalone table). `task`: a body task with no row (or every task of a plan without
 * an annex).
 */
export type ReviewLineKind = 'pair' | 'row' | 'task';

export interface ReviewLine {
  kind: ReviewLineKind;
  /** The serial cell as written, or null. */
  serial: string | null;
  /** The row's category cells joined, else the chapter title of the body task. */
  category: string | null;
  rowText: string | null;
  bodyText: string | null;
  /** Body → row character diff (pairs only). */
  diff: DiffPart[] | null;
  /** Pairs whose texts are exactly equal. */
  identical: boolean;
  /** Similarity of row and body, 0..1 (pairs only). */
  score: number | null;
  units: UnitComparison;
  /** The row's time cell, else the body's inline time key. */
  time: string | null;
  /** The time node was written but cannot be read. */
  timeInvalid: boolean;
  /** 0-based lines of the row and of the body text, and their ranges. */
  rowLine: number | null;
  bodyLine: number | null;
  rowRange: { start: number; end: number } | null;
  bodyRange: { start: number; end: number } | null;
  /** Indexes into `DocumentReview.findings` of the findings on the row or on the body text. */
  findings: number[];
}

export interface UnitTasks {
  name: string;
  lead: number;
  support: number;
  responsible: number;
  total: number;
}

export interface MonthChart {
  planYear: number | null;
  /** Tasks due in each month of the plan year (index 0 = January); a task due in several months counts in each. */
  months: number[];
  /** Recurring and whole-year tasks (`全年`, `每季度`, `长期`). */
  wholeYear: number;
  /** Tasks due only in another year. */
  otherYear: number;
  /** Tasks with no time node, or one that cannot be read. */
  none: number;
}

export interface RuleCount {
  ruleId: string;
  error: number;
  warning: number;
  info: number;
}

export interface DocumentReview {
  kind: DocumentKind;
  /**
   * Whether the engine matched the table's rows with the body's tasks. When not (no table, a
   * standalone table, or a table it cannot read row by row), no line lacks a counterpart.
   */
  compared: boolean;
  title: string | null;
  planYear: number | null;
  /** Body tasks and annex rows. */
  tasks: number;
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings by rule, in rule order of first appearance. */
  byRule: RuleCount[];
  findings: ReviewFinding[];
  lines: ReviewLine[];
  charts: { units: UnitTasks[]; months: MonthChart };
}

/** Longer texts than this are compared only when few edits separate them (diff's bound). */
const MAX_DIFF_EDITS = 400;
const CONTEXT_CHARS = 30;

export function buildReview(result: LintResult): DocumentReview {
  const { doc, analysis, diagnostics } = result;
  const kind = documentKind(result);
  const findings = diagnostics.map((d) => toFinding(result, d));
  const lines: ReviewLine[] = [];
  /** The line of each covered body sentence (by sentence index): where its uncovered neighbours go. */
  const lineOfSentence = new Map<number, number>();

  for (const row of doc.annex?.rows ?? []) {
    const match = analysis.matchOf(row);
    const sentences = match?.sentences ?? [];
    const line = sentences.length > 0 ? pairLine(row, sentences, match?.score ?? 0, chapterTitle(result, sentences[0])) : rowLine(row);
    for (const s of sentences) lineOfSentence.set(s.index, lines.length);
    lines.push(line);
  }

  // Body tasks with no row go after the line of the nearest preceding covered task (before the
  // first line when none precedes them), in body order.
  const inserts = new Map<number, ReviewLine[]>();
  let anchor = -1;
  for (const s of analysis.tasks) {
    const at = lineOfSentence.get(s.index);
    if (at !== undefined) {
      anchor = Math.max(anchor, at);
      continue;
    }
    const list = inserts.get(anchor) ?? [];
    list.push(taskLine(s, chapterTitle(result, s)));
    inserts.set(anchor, list);
  }
  const ordered: ReviewLine[] = [...(inserts.get(-1) ?? [])];
  lines.forEach((l, i) => ordered.push(l, ...(inserts.get(i) ?? [])));

  attachFindings(ordered, findings);
  const counts = countFindings(findings);
  const compared = analysis.alignment !== null;
  // A table the engine could not match with the body lists the same work as the body's tasks:
  // the charts count its rows (where the units and time nodes are), not the tasks a second time.
  const charted = !compared && doc.annex !== null && doc.annex.rows.length > 0 ? ordered.filter((l) => l.kind === 'row') : ordered;
  return {
    kind,
    compared,
    title: doc.title?.text.trim() ?? null,
    planYear: analysis.planYear,
    tasks: analysis.tasks.length,
    rows: doc.annex?.rows.length ?? 0,
    ...counts,
    findings,
    lines: ordered,
    charts: { units: unitChart(charted), months: monthChart(charted, result, analysis.planYear) },
  };

  function position(offset: number): { line: number; character: number } {
    return doc.lineIndex.position(offset);
  }

  function pairLine(row: AnnexRow, sentences: Sentence[], score: number, chapter: string | null): ReviewLine {
    const rowText = row.task?.text ?? '';
    const bodyText = sentences.length === 1 ? sentences[0].content : sentences.map((s) => s.content).join('');
    const body = bodyUnits(sentences);
    const rowUnits = row.unitList.map(reviewUnit);
    const both = body !== null && rowUnits.length > 0;
    const last = sentences[sentences.length - 1];
    return {
      kind: 'pair',
      serial: row.serialCell?.text.trim() || null,
      category: rowCategory(row) ?? chapter,
      rowText,
      bodyText,
      diff: textDiff(bodyText, rowText),
      identical: bodyText === rowText,
      score: Math.round(score * 1000) / 1000,
      units: {
        row: rowUnits,
        body,
        onlyRow: both ? namesMissing(rowUnits, body) : [],
        onlyBody: both ? namesMissing(body, rowUnits) : [],
      },
      ...rowTime(row, sentences),
      rowLine: row.line,
      bodyLine: position(sentences[0].start).line,
      rowRange: { start: row.range.start, end: row.range.end },
      bodyRange: { start: sentences[0].start, end: textEnd(last) },
      findings: [],
    };
  }

  /** The end of a sentence, with the unit parenthetical that follows it before the next sentence. */
  function textEnd(s: Sentence): number {
    const paren = s.unitParen;
    if (!paren || paren.end <= s.end) return s.end;
    const next = doc.sentences[s.index + 1];
    return next && next.start < paren.start ? s.end : paren.end;
  }

  function rowLine(row: AnnexRow): ReviewLine {
    return {
      kind: 'row',
      serial: row.serialCell?.text.trim() || null,
      category: rowCategory(row),
      rowText: row.task?.text ?? '',
      bodyText: null,
      diff: null,
      identical: false,
      score: null,
      units: { row: row.unitList.map(reviewUnit), body: null, onlyRow: [], onlyBody: [] },
      ...rowTime(row, []),
      rowLine: row.line,
      bodyLine: null,
      rowRange: { start: row.range.start, end: row.range.end },
      bodyRange: null,
      findings: [],
    };
  }

  function taskLine(s: Sentence, chapter: string | null): ReviewLine {
    const time = s.inlineTime && s.inlineTime.text.trim() ? s.inlineTime : null;
    return {
      kind: 'task',
      serial: null,
      category: chapter,
      rowText: null,
      bodyText: s.content,
      diff: null,
      identical: false,
      score: null,
      units: { row: null, body: bodyUnits([s]), onlyRow: [], onlyBody: [] },
      time: time ? time.text.trim() : null,
      timeInvalid: time !== null && time.node === null,
      rowLine: null,
      bodyLine: position(s.start).line,
      rowRange: null,
      bodyRange: { start: s.start, end: textEnd(s) },
      findings: [],
    };
  }
}

function reviewUnit(u: Unit): ReviewUnit {
  return { name: u.name, role: u.role };
}

/** The units the body names inline for these sentences, once each; null when it names none. */
function bodyUnits(sentences: readonly Sentence[]): ReviewUnit[] | null {
  const seen = new Set<string>();
  const out: ReviewUnit[] = [];
  for (const s of sentences) {
    for (const u of s.unitParen?.units ?? []) {
      if (seen.has(u.name)) continue;
      seen.add(u.name);
      out.push(reviewUnit(u));
    }
  }
  return out.length > 0 ? out : null;
}

function namesMissing(from: readonly ReviewUnit[], other: readonly ReviewUnit[]): string[] {
  const names = new Set(other.map((u) => u.name));
  return [...new Set(from.map((u) => u.name))].filter((n) => !names.has(n));
}

function rowCategory(row: AnnexRow): string | null {
  const text = row.categories.map((c) => c.text.trim()).filter((t) => t.length > 0);
  return text.length > 0 ? text.join(' / ') : null;
}

function chapterTitle(result: LintResult, s: Sentence): string | null {
  const title = result.analysis.chapterOf(s.item).title.trim();
  return title || null;
}

/** The row's time cell, else the inline time key of its body text. */
function rowTime(row: AnnexRow, sentences: readonly Sentence[]): { time: string | null; timeInvalid: boolean } {
  const cell = row.time?.text.trim();
  if (cell) return { time: cell, timeInvalid: row.timeNode === null };
  const inline = sentences.find((s) => s.inlineTime && s.inlineTime.text.trim())?.inlineTime;
  if (inline) return { time: inline.text.trim(), timeInvalid: inline.node === null };
  return { time: null, timeInvalid: false };
}

/** The body → row character diff; texts too far apart to diff cheaply show as replaced whole. */
export function textDiff(body: string, row: string): DiffPart[] {
  if (body === row) return body ? [{ kind: 'same', text: body }] : [];
  const changes = diffLib().diffChars(body, row, { maxEditLength: MAX_DIFF_EDITS });
  if (!changes) {
    const parts: DiffPart[] = [];
    if (body) parts.push({ kind: 'removed', text: body });
    if (row) parts.push({ kind: 'added', text: row });
    return parts;
  }
  return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

function toFinding(result: LintResult, d: Diagnostic): ReviewFinding {
  const { doc } = result;
  const s = doc.lineIndex.position(d.start);
  const e = doc.lineIndex.position(d.end);
  const line = doc.lines[s.line];
  let context = { before: '', text: '', after: '' };
  if (line) {
    const text = line.text;
    const from = s.character;
    const to = e.line === s.line ? e.character : text.length;
    context = {
      before: clipStart(text.slice(0, from)),
      text: text.slice(from, Math.max(from, to)),
      after: clipEnd(text.slice(Math.max(from, to))),
    };
  }
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    start: d.start,
    end: d.end,
    line: s.line,
    character: s.character,
    endLine: e.line,
    endCharacter: e.character,
    fixes: d.fixes.map((f) => f.title),
    context,
  };
}

function clipStart(s: string): string {
  return s.length > CONTEXT_CHARS ? '…' + s.slice(s.length - CONTEXT_CHARS) : s;
}

function clipEnd(s: string): string {
  return s.length > CONTEXT_CHARS ? s.slice(0, CONTEXT_CHARS) + '…' : s;
}

/**
 * Gives each line the findings that start on its row or in its body text. Ranges are visited in
 * order with the findings (both sorted by start), so the cost is linear.
 */
function attachFindings(lines: ReviewLine[], findings: ReviewFinding[]): void {
  const ranges: { start: number; end: number; line: ReviewLine }[] = [];
  for (const l of lines) {
    if (l.rowRange) ranges.push({ ...l.rowRange, line: l });
    if (l.bodyRange) ranges.push({ ...l.bodyRange, line: l });
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const order = findings.map((_, i) => i).sort((a, b) => findings[a].start - findings[b].start);
  // Ranges that start at or before the finding and may still contain it.
  let open: typeof ranges = [];
  let next = 0;
  for (const i of order) {
    const at = findings[i].start;
    // Ranges are half-open; an empty finding just past a range (a place to insert) is the range's.
    const empty = findings[i].end === at;
    while (next < ranges.length && ranges[next].start <= at) open.push(ranges[next++]);
    open = open.filter((r) => r.end >= at);
    for (const r of open) {
      if (r.end === at && !empty) continue;
      if (r.line.findings[r.line.findings.length - 1] !== i) r.line.findings.push(i);
    }
  }
}

function countFindings(findings: readonly ReviewFinding[]): Pick<DocumentReview, 'errors' | 'warnings' | 'infos' | 'byRule'> {
  const byRule = new Map<string, RuleCount>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    let c = byRule.get(f.ruleId);
    if (!c) byRule.set(f.ruleId, (c = { ruleId: f.ruleId, error: 0, warning: 0, info: 0 }));
    c[f.severity]++;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, byRule: [...byRule.values()] };
}

const ROLE_RANK: Record<UnitRole, number> = { lead: 0, responsible: 1, support: 2 };

/**
 * Tasks per unit, by role: each line counts once per unit, in the unit's strongest role on that
 * line (row and inline units together). Most tasks first, then by name.
 */
function unitChart(lines: readonly ReviewLine[]): UnitTasks[] {
  const byName = new Map<string, UnitTasks>();
  for (const l of lines) {
    const roles = new Map<string, UnitRole>();
    for (const u of [...(l.units.row ?? []), ...(l.units.body ?? [])]) {
      const prev = roles.get(u.name);
      if (prev === undefined || ROLE_RANK[u.role] < ROLE_RANK[prev]) roles.set(u.name, u.role);
    }
    for (const [name, role] of roles) {
      let t = byName.get(name);
      if (!t) byName.set(name, (t = { name, lead: 0, support: 0, responsible: 0, total: 0 }));
      t[role]++;
      t.total++;
    }
  }
  return [...byName.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * Tasks by the month they are due in the plan year: a part of a time node is due in its last
 * month (`6月底前` and `上半年` in June, `三季度` in September); a node of several parts
 * (`3月、9月`) counts in each of its months once. Recurring and whole-year nodes stand apart.
 */
function monthChart(lines: readonly ReviewLine[], result: LintResult, planYear: number | null): MonthChart {
  const chart: MonthChart = { planYear, months: new Array<number>(12).fill(0), wholeYear: 0, otherYear: 0, none: 0 };
  const { doc, analysis } = result;
  const rowsByLine = new Map<number, AnnexRow>();
  for (const r of doc.annex?.rows ?? []) rowsByLine.set(r.line, r);
  const sentenceAt = new Map<number, Sentence>();
  for (const s of analysis.tasks) sentenceAt.set(s.start, s);
  for (const l of lines) {
    const node = timeNodeOf(l);
    if (!node) {
      chart.none++;
      continue;
    }
    if (node.wholeYear) {
      chart.wholeYear++;
      continue;
    }
    let due = 0;
    for (const p of node.parts) {
      if (p.months === 0 || (p.year !== null && p.year !== planYear)) continue;
      due |= 1 << (31 - Math.clz32(p.months));
    }
    if (due === 0) {
      chart.otherYear++;
      continue;
    }
    for (let m = 0; m < 12; m++) if (due & (1 << m)) chart.months[m]++;
  }
  return chart;

  function timeNodeOf(l: ReviewLine): TimeNode | null {
    const row = l.rowLine !== null ? rowsByLine.get(l.rowLine) : undefined;
    if (row?.time?.text.trim()) return row.timeNode;
    if (l.bodyRange) {
      // The inline time key of the line's body text (the first sentence that has one).
      let s = sentenceAt.get(l.bodyRange.start);
      while (s && s.start < l.bodyRange.end) {
        if (s.inlineTime && s.inlineTime.text.trim()) return s.inlineTime.node;
        s = doc.sentences[s.index + 1];
      }
    }
    return null;
  }
}

/** The diff library, loaded when a review is built (a check needs none). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const diffLib = lazy(() => require('diff') as typeof import('diff'));
