// `yaodian tasks`: the document's tasks with their units and time nodes, or each unit's tasks
// (`--by unit`), as readable Chinese text or JSON. The CSV forms are in csv.ts. Units and time
// nodes are those the editor's hover and tasks-by-unit view show (analysis/tasks.ts): the inline
// parenthetical and the annex rows of a task, its inline time key else its row's time node; in a
// standalone table, its rows.

import { joinLines, tasksOf, unitsOf, type DocumentAnalysis, type ParsedDocument, type TaskUnit, type UnitRole } from '../engine';
import { ROLE_WORD } from '../lexicon';

export interface TaskRow {
  /** 1-based position among the tasks. */
  serial: number;
  text: string;
  units: { name: string; role: UnitRole; roleName: string }[];
  time: string | null;
  /** 1-based line of the task sentence. */
  line: number;
}

export interface UnitTaskRow {
  serial: number;
  role: UnitRole;
  roleName: string;
  time: string | null;
  line: number;
  text: string;
}

export interface UnitTasks {
  name: string;
  tasks: UnitTaskRow[];
}

export interface TasksByUnit {
  units: UnitTasks[];
  /** Tasks that name no unit at all. */
  withoutUnit: TaskRow[];
}

/** Units as one label: names joined with `、`; when roles differ, `甲局牵头，乙局配合`. */
export function unitsLabel(units: readonly Pick<TaskUnit, 'name' | 'role'>[], comma = '，'): string {
  const groups: { role: UnitRole; names: string[] }[] = [];
  for (const u of units) {
    let g = groups.find((x) => x.role === u.role);
    if (!g) groups.push((g = { role: u.role, names: [] }));
    if (!g.names.includes(u.name)) g.names.push(u.name);
  }
  if (groups.length <= 1) return groups.flatMap((g) => g.names).join('、');
  return groups.map((g) => g.names.join('、') + ROLE_WORD[g.role]).join(comma);
}

export function taskRows(doc: ParsedDocument, analysis: DocumentAnalysis): TaskRow[] {
  return tasksOf({ doc, analysis }).map((t) => ({
    serial: t.serial,
    text: joinLines(t.text),
    units: t.units.map((u) => ({ name: u.name, role: u.role, roleName: ROLE_WORD[u.role] })),
    time: t.time,
    line: t.line,
  }));
}

export function tasksByUnit(doc: ParsedDocument, analysis: DocumentAnalysis): TasksByUnit {
  const rows = taskRows(doc, analysis);
  const units: UnitTasks[] = [];
  for (const e of unitsOf({ doc, analysis }).values()) {
    if (e.tasks.length === 0) continue;
    units.push({
      name: e.name,
      tasks: e.tasks.map(({ task, role }) => ({
        serial: task.serial,
        role,
        roleName: ROLE_WORD[role],
        time: task.time,
        line: task.line,
        text: joinLines(task.text),
      })),
    });
  }
  return { units, withoutUnit: rows.filter((r) => r.units.length === 0) };
}

function heading(doc: ParsedDocument, what: string): string {
  const title = doc.title ?? doc.annex?.title;
  return title ? `${title.text}：${what}` : what;
}

export function tasksText(doc: ParsedDocument, analysis: DocumentAnalysis): string {
  const rows = taskRows(doc, analysis);
  const out = [heading(doc, `共 ${rows.length} 项任务`), ''];
  for (const r of rows) {
    out.push(`${r.serial}. ${r.text}`);
    out.push(`   责任单位：${unitsLabel(r.units) || '无'}  时间节点：${r.time ?? '无'}  第 ${r.line} 行`);
  }
  return out.join('\n') + '\n';
}

export function tasksByUnitText(doc: ParsedDocument, analysis: DocumentAnalysis): string {
  const { units, withoutUnit } = tasksByUnit(doc, analysis);
  const out = [heading(doc, `共 ${units.length} 个责任单位`)];
  for (const u of units) {
    out.push('', `${u.name}（${u.tasks.length} 项任务）`);
    for (const t of u.tasks) out.push(`  ${t.roleName}  第 ${t.line} 行  时间节点：${t.time ?? '无'}  ${t.text}`);
  }
  if (withoutUnit.length > 0) {
    out.push('', `无责任单位（${withoutUnit.length} 项任务）`);
    for (const t of withoutUnit) out.push(`  第 ${t.line} 行  时间节点：${t.time ?? '无'}  ${t.text}`);
  }
  return out.join('\n') + '\n';
}

export function tasksJson(doc: ParsedDocument, analysis: DocumentAnalysis, byUnit: boolean): string {
  const head = { title: (doc.title ?? doc.annex?.title)?.text ?? null, planYear: analysis.planYear };
  const body = byUnit ? { ...head, ...tasksByUnit(doc, analysis) } : { ...head, tasks: taskRows(doc, analysis) };
  return JSON.stringify(body, null, 2) + '\n';
}
