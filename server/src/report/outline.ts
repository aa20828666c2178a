// `yaodian outline`: the parsed document as JSON (README, 命令行) and as a readable tree.

import type { AnnexRow, DocumentFacts, DocumentKind, Item } from '../engine';

export interface OutlineNodeJson {
  level: number;
  marker: string;
  number: number;
  title: string;
  line: number;
  tasks: number;
  children: OutlineNodeJson[];
}

export interface AnnexRowJson {
  serial: number | null;
  line: number;
  endLine: number;
  task: string;
  units: string[];
  time: string | null;
  category: string | null;
  bodyLine: number | null;
}

export interface OutlineJson {
  /** plan, plan-with-annex, or table (a standalone task table: `annex` holds it, rows' bodyLine null). */
  kind: DocumentKind;
  title: string | null;
  planYear: number | null;
  outline: OutlineNodeJson[];
  annex: {
    layout: string;
    line: number;
    header: string[];
    rows: AnnexRowJson[];
  } | null;
}

/** How many tasks an item holds itself (its sub-items' not counted). */
function taskCount(item: Item, facts: DocumentFacts): number {
  let n = 0;
  for (const s of item.sentences) if (facts.analysis.isTask(s)) n++;
  return n;
}

function nodeJson(item: Item, facts: DocumentFacts): OutlineNodeJson {
  return {
    level: item.level,
    marker: item.marker.text.trim(),
    number: item.marker.number,
    title: item.title,
    line: item.line + 1,
    tasks: taskCount(item, facts),
    children: item.children.map((c) => nodeJson(c, facts)),
  };
}

export function outlineJson(facts: DocumentFacts): OutlineJson {
  const { doc, analysis } = facts;
  const bodyLineOf = new Map<AnnexRow, number | null>();
  for (const m of analysis.alignment?.matches ?? []) {
    bodyLineOf.set(m.row, m.sentences.length ? doc.lineIndex.lineAt(m.sentences[0].start) + 1 : null);
  }
  const annex = doc.annex;
  return {
    kind: analysis.kind,
    // A title broken over two lines is one title.
    title: doc.title ? doc.title.text.replace(/[\r\n]+[\s\u3000]*/g, '') : null,
    planYear: doc.planYear,
    outline: doc.outline.map((item) => nodeJson(item, facts)),
    annex: annex
      ? {
          layout: annex.layout,
          line: annex.line + 1,
          header: annex.header.map((c) => c.name),
          rows: annex.rows.map((r) => ({
            serial: r.serial,
            line: r.line + 1,
            endLine: r.endLine + 1,
            task: r.task ? r.task.text : '',
            units: r.unitList.map((u) => u.name),
            time: r.time && r.time.text.length > 0 ? r.time.text : null,
            category: r.categories.length ? r.categories[0].text : null,
            bodyLine: bodyLineOf.get(r) ?? null,
          })),
        }
      : null,
  };
}

/** A readable indented tree for a person. */
export function outlineText(facts: DocumentFacts): string {
  const { doc, analysis } = facts;
  const out: string[] = [];
  out.push(`标题: ${doc.title ? doc.title.text : '(未识别)'}`);
  out.push(`年度: ${doc.planYear ?? '(未知)'}`);
  out.push(`任务: ${analysis.tasks.length} 条`);
  out.push('');
  const walk = (item: Item, depth: number): void => {
    const tasks = taskCount(item, facts);
    const note = tasks > 0 ? `  [${tasks} 项任务]` : analysis.meaning.holdsTasks(item) ? '' : '  [非任务章节]';
    out.push(`${'  '.repeat(depth)}${item.marker.text.trim()}${item.title}  (第 ${item.line + 1} 行)${note}`);
    for (const c of item.children) walk(c, depth + 1);
  };
  for (const item of doc.outline) walk(item, 0);
  const annex = doc.annex;
  if (annex) {
    out.push('');
    const layoutName = { cells: '逐格换行', pipes: '竖线分隔', tabs: '制表符分隔', lines: '逐格换行(无竖线)', spaces: '空格对齐' }[annex.layout];
    out.push(`附件任务分解表 (第 ${annex.line + 1} 行, ${layoutName}, ${annex.rows.length} 行): ${annex.header.map((c) => c.name).join(' | ')}`);
    const json = outlineJson(facts).annex;
    for (const r of json ? json.rows : []) {
      const task = r.task.length > 30 ? `${r.task.slice(0, 30)}…` : r.task;
      const body = r.bodyLine !== null ? `→ 正文第 ${r.bodyLine} 行` : '→ 正文中未找到';
      out.push(`  ${r.serial ?? '?'}. ${task}  [${r.units.join('、') || '无责任单位'}; ${r.time ?? '无时间节点'}]  ${body}`);
    }
  } else {
    out.push('');
    out.push('附件任务分解表: 无');
  }
  return out.join('\n') + '\n';
}
