// Tasks with their units and time nodes, and units with their tasks: what hover, rename,
// completion, `yaodian tasks`, its CSV and the tasks-by-unit view show. One precedence, here only
// (docs/format.md, "一项任务的责任单位与时间节点"):
// - in a plan a task is a body sentence. Its units are those of its own note (the parenthetical or
//   labelled line that covers it) and of its annex rows, merged by name, a name written twice
//   keeping its strongest role (lead, responsible, support); only when neither names any, those
//   of a blanket note above it. Its time node is its own note's time key, else its first row's;
// - in a standalone table a task is a row: units and time from its cells.
// Each unit and the time say where they were read (`source`). Rules that compare the sources
// (annex-unit-mismatch, time-conflict) read each source themselves; nothing else decides this.

import type { AnnexRow, ParsedDocument, Range, Sentence, Unit, UnitRole } from '../document/model';
import type { DocumentAnalysis } from './analysis';

/** Where a task's unit or time node was read: its own note, an annex row, a blanket note above. */
export type FactSource = 'inline' | 'row' | 'blanket';

export interface TaskUnit {
  name: string;
  role: UnitRole;
  /** Where the name was first read, in precedence order. */
  source: FactSource;
}

export interface TaskInfo {
  /** 1-based position among the document's tasks. */
  serial: number;
  /** The body sentence, or null for a row of a standalone table. */
  sentence: Sentence | null;
  /** The row of a standalone table, or null for a body sentence. */
  row: AnnexRow | null;
  /** The task as written (the sentence without its unit note, or the row's task cell). */
  text: string;
  /** Where the task is written: the sentence, or the row's task cell. */
  range: Range;
  /** 1-based line of the sentence or row. */
  line: number;
  units: TaskUnit[];
  /** The time node text (`全年`, `6月底前`), or null. */
  time: string | null;
  /** Where the time node was read, null without one. */
  timeSource: Exclude<FactSource, 'blanket'> | null;
}

export interface UnitEntry {
  name: string;
  /** Every place the name is written (inline parentheticals and annex unit cells). */
  occurrences: Unit[];
  tasks: { task: TaskInfo; role: UnitRole }[];
}

const ROLE_ORDER: Record<UnitRole, number> = { lead: 0, responsible: 1, support: 2 };

/** A task's units by name: a name written twice keeps its strongest role (lead, then responsible) and where it was first read. */
function addUnit(byName: Map<string, TaskUnit>, u: Unit, source: FactSource): void {
  const prev = byName.get(u.name);
  if (prev === undefined) byName.set(u.name, { name: u.name, role: u.role, source });
  else if (ROLE_ORDER[u.role] < ROLE_ORDER[prev.role]) prev.role = u.role;
}

export function taskInfos(doc: ParsedDocument, analysis: DocumentAnalysis): TaskInfo[] {
  if (analysis.kind === 'table' && doc.annex) return rowTasks(doc.annex.rows);
  return analysis.tasks.map((s, i) => {
    const byName = new Map<string, TaskUnit>();
    for (const u of s.unitParen?.units ?? []) addUnit(byName, u, 'inline');
    const rows = analysis.rowsOf(s);
    for (const r of rows) for (const u of r.unitList) addUnit(byName, u, 'row');
    // A blanket note above (`以下各项任务均由甲部牵头`) stands when the task names no unit itself.
    if (byName.size === 0) for (const u of analysis.blanketNoteOf(s)?.units ?? []) addUnit(byName, u, 'blanket');
    const rowTime = rows.find((r) => r.time && r.time.text.length > 0)?.time;
    // The body's own time key first (as the generated task table does), else the annex row's.
    const inline = s.inlineTime && s.inlineTime.text.trim().length > 0 ? s.inlineTime.text.trim() : null;
    const timeText = inline ?? (rowTime ? rowTime.text : null);
    return {
      serial: i + 1,
      sentence: s,
      row: null,
      text: s.content,
      range: s,
      line: doc.lineIndex.lineAt(s.start) + 1,
      units: [...byName.values()],
      time: timeText,
      timeSource: inline !== null ? 'inline' : timeText !== null ? 'row' : null,
    };
  });
}

const CELL_NUMBER = /^\s*\d{1,4}\s*[.、．](?!\d)\s*/;

/** A standalone table's rows as its tasks: those with a task cell. */
function rowTasks(rows: readonly AnnexRow[]): TaskInfo[] {
  const out: TaskInfo[] = [];
  for (const r of rows) {
    if (!r.task || r.task.text.trim().length === 0) continue;
    const byName = new Map<string, TaskUnit>();
    for (const u of r.unitList) addUnit(byName, u, 'row');
    const time = r.time && r.time.text.trim().length > 0 ? r.time.text.trim() : null;
    out.push({
      serial: out.length + 1,
      sentence: null,
      row: r,
      // The number opening the cell (`1.政府工作…`) is the table's outline, not the task's words.
      text: r.task.text.replace(/\s*\n\s*/g, '').replace(CELL_NUMBER, ''),
      range: r.task.present ? r.task : r.range,
      line: r.line + 1,
      units: [...byName.values()],
      time,
      timeSource: time !== null ? 'row' : null,
    });
  }
  return out;
}

/** Units by name, in order of first appearance, with every occurrence and task. */
export function unitIndex(doc: ParsedDocument, analysis: DocumentAnalysis): Map<string, UnitEntry> {
  const index = new Map<string, UnitEntry>();
  const entry = (name: string): UnitEntry => {
    let e = index.get(name);
    if (!e) {
      e = { name, occurrences: [], tasks: [] };
      index.set(name, e);
    }
    return e;
  };
  const all: Unit[] = [];
  for (const p of doc.unitParens) all.push(...p.units);
  for (const p of analysis.meaning.blanketNotes) all.push(...p.units);
  for (const r of doc.annex?.rows ?? []) all.push(...r.unitList);
  all.sort((a, b) => a.start - b.start);
  for (const u of all) entry(u.name).occurrences.push(u);
  for (const t of taskInfos(doc, analysis)) {
    for (const u of t.units) entry(u.name).tasks.push({ task: t, role: u.role });
  }
  return index;
}

/** The unit whose name is written at `offset`, if any. */
export function unitAt(doc: ParsedDocument, analysis: DocumentAnalysis, offset: number): Unit | null {
  for (const p of [...doc.unitParens, ...analysis.meaning.blanketNotes]) {
    if (offset < p.start || offset > p.end) continue;
    for (const u of p.units) if (offset >= u.start && offset <= u.end) return u;
  }
  for (const r of doc.annex?.rows ?? []) {
    if (offset < r.range.start || offset > r.range.end) continue;
    for (const u of r.unitList) if (offset >= u.start && offset <= u.end) return u;
  }
  return null;
}

/**
 * The tasks that `pick` selects, grouped in runs of consecutive sentences of one item: each run
 * is reported once, from its first sentence to its last.
 */
export function taskRuns(tasks: readonly Sentence[], pick: (s: Sentence) => boolean): Sentence[][] {
  const runs: Sentence[][] = [];
  let run: Sentence[] = [];
  for (const s of tasks) {
    const take = pick(s);
    const prev = run[run.length - 1];
    if (!take || (prev && (prev.item !== s.item || prev.index + 1 !== s.index))) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (take) run.push(s);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
