// What the written document means. document/parse.ts reads what is written (lines, items,
// sentences, unit notes, the table) and leaves it as written; this reads what it is, without
// changing the tree: which items hold tasks (not goals or principles), which sentences are
// headings and which are tasks, the blanket notes and what they cover, and whether the document is
// a plan or a standalone task table (docs/format.md). Built once per check, when first asked
// (DocumentAnalysis.meaning).

import type { Item, ParsedDocument, Sentence, Span, UnitParenthetical } from '../document/model';
import { textKey, trimEndIndex } from '../document/text';
import { HEADING_MAX } from '../document/parse';
import { otherKindOfLine } from '../document/classify';
import { coverTasks, findBlanketNotes, holdsNote } from './blanket';
import { CLOSING_CHAPTER_VERBS, CLOSING_CHAPTERS, NON_TASK_SECTIONS } from '../lexicon';

/** Longest first sentence that still counts as an item's title sentence. */
const TITLE_SENTENCE_MAX = 40;

/**
 * plan: an outline without a task table; plan-with-annex: the body's tasks and a task table
 * that breaks them down (compared row by row); table: a standalone task table, maybe behind a
 * cover notice: its rows are the tasks and nothing is compared with a body.
 */
export type DocumentKind = 'plan' | 'plan-with-annex' | 'table';

// Bits per sentence (by Sentence.index) and per body item (by Item.index).
const TITLE = 1;
const TASK = 2;
const HOLDS_TASKS = 1;
const CARRIES_NOTES = 2;

/** What the document's written parts are. */
export class Meaning {
  constructor(
    readonly kind: DocumentKind,
    /** The task sentences in document order (none in a standalone table: its rows are the tasks). */
    readonly tasks: readonly Sentence[],
    /** Blanket notes (`以下各项任务均由甲部牵头,不再一一列出`), each covering the tasks after it. */
    readonly blanketNotes: readonly UnitParenthetical[],
    /** TITLE and TASK bits per sentence index. */
    private readonly flags: Uint8Array,
    /** HOLDS_TASKS per body item: inside chapters that hold tasks (not 总体要求, 指导思想…). */
    private readonly itemFlags: Uint8Array,
    private readonly items: readonly Item[],
    /** The blanket note that covers each task naming no units of its own, by sentence index. */
    private readonly notes: ReadonlyMap<number, UnitParenthetical>,
  ) {}

  /** A task: not a heading, not an introduction, inside a chapter that holds tasks. */
  isTask(s: Sentence): boolean {
    return (this.flags[s.index] & TASK) !== 0;
  }

  /** A heading sentence: the short first sentence of an item followed by others, or above its sub-items. */
  isTitle(s: Sentence): boolean {
    return (this.flags[s.index] & TITLE) !== 0;
  }

  /** False for items inside chapters like 总体要求 / 指导思想, and for the table's own items. */
  holdsTasks(item: Item): boolean {
    // The table's own items are numbered in their own list: only the body's hold tasks.
    return this.items[item.index] === item && (this.itemFlags[item.index] & HOLDS_TASKS) !== 0;
  }

  /** The blanket note above that covers a task (`以下各项任务均由甲部牵头`): its units stand when the task names none. */
  blanketNoteOf(s: Sentence): UnitParenthetical | null {
    return this.notes.get(s.index) ?? null;
  }
}

/** Reads what the parsed document means. `nonTask`: the chapter names that hold no tasks (the config's). */
export function readMeaning(doc: ParsedDocument, nonTask: readonly string[] = NON_TASK_SECTIONS): Meaning {
  const { items, sentences, annex, title } = doc;
  const configured = nonTaskMatcher(nonTask);
  const defaults = nonTask.length === NON_TASK_SECTIONS.length && nonTask.every((n, i) => n === NON_TASK_SECTIONS[i]);
  const builtIn = defaults ? configured : nonTaskMatcher(NON_TASK_SECTIONS);
  // Closing chapters are read with the built-in names only (a configured list replaces them), and
  // only in a plan without a task table: where there is one, it says whether they hold tasks.
  const closing = defaults && !annex ? nonTaskMatcher([...NON_TASK_SECTIONS, ...CLOSING_CHAPTERS], CLOSING_CHAPTER_VERBS) : (): boolean => false;
  // Goals, principles, requirements… hold no tasks, unless they carry unit notes (they or their sub-items).
  const itemFlags = new Uint8Array(items.length);
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k];
    if (item.unitParens.length === 0) continue;
    itemFlags[k] |= CARRIES_NOTES;
    for (let p = item.parent; p && (itemFlags[p.index] & CARRIES_NOTES) === 0; p = p.parent) itemFlags[p.index] |= CARRIES_NOTES;
  }
  const flags = new Uint8Array(sentences.length);
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const carries = (itemFlags[k] & CARRIES_NOTES) !== 0;
    // The built-in names give way to unit notes; names a user configured hold absolutely.
    const nonTaskTitle = (configured(item.title) && !(carries && builtIn(item.title))) || (item.parent === null && !carries && closing(item.title));
    if (!nonTaskTitle && (item.parent === null || (itemFlags[item.parent.index] & HOLDS_TASKS) !== 0)) itemFlags[k] |= HOLDS_TASKS;
    const own = item.sentences;
    if (own.length === 0) continue;
    // A short first sentence followed by others is the item's title, unless a unit parenthetical
    // of its own assigns it (`做好甲项工作。(甲局负责落实)做好乙项工作。…`): then it is a task.
    // A labelled line after the item covers all its sentences: it leaves the first a title.
    const first = own[0].unitParen;
    const ownUnit = own.length > 1 && first !== null && first.start < own[1].start && own[1].unitParen !== first;
    if (!item.headingOnly && own.length > 1 && charLength(own[0].content) <= TITLE_SENTENCE_MAX && !ownUnit) flags[own[0].index] |= TITLE;
    // One short sentence above numbered sub-items is the heading of their group, not a task
    // (`(一)统筹两个市场,打造加工制造中心。` then `1.…`).
    if (item.children.length > 0 && own.length === 1 && !own[0].unitParen && !own[0].inlineTime && own[0].content.length <= HEADING_MAX) {
      flags[own[0].index] |= TITLE;
    }
  }
  const blanket = findBlanketNotes(doc.text, doc.folded, items, doc.paragraphs);
  const tasks: Sentence[] = [];
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    // A sentence ending in a colon introduces what follows, a blanket note says who does what
    // follows: neither is a task itself.
    if ((flags[k] & TITLE) === 0 && (itemFlags[s.item.index] & HOLDS_TASKS) !== 0 && !endsWithColon(s.content) && (blanket.length === 0 || !holdsNote(s, blanket))) tasks.push(s);
  }

  // A table behind a cover notice (no plan title, the heading is a 通知), or a table with no body
  // tasks, is a standalone task table: its rows are the tasks, the notice's paragraphs are not.
  const kind: DocumentKind = !annex ? 'plan' : tasks.length === 0 || (!title && isCoverNotice(doc, items)) ? 'table' : 'plan-with-annex';
  if (kind === 'table') tasks.length = 0;
  for (let k = 0; k < tasks.length; k++) flags[tasks[k].index] |= TASK;
  const notes = blanket.length > 0 ? coverTasks(tasks, blanket) : new Map<number, UnitParenthetical>();
  return new Meaning(kind, tasks, blanket.map((b) => b.note), flags, itemFlags, items, notes);
}

function charLength(s: string): number {
  return s.replace(/[。!?;！？；]+$/, '').length;
}

/** The document opens with a notice's heading (`…关于推广…的通知`) before its first item. */
function isCoverNotice(doc: ParsedDocument, items: readonly Item[]): boolean {
  const end = items.length > 0 ? items[0].line : doc.lines.length;
  let seen = 0;
  for (let i = 0; i < end && seen < 6; i++) {
    const t = doc.lines[i].folded.trim();
    if (t.length === 0) continue;
    seen++;
    if (t.length <= 60 && /(?:通知|通报|函)$/.test(t) && !/[。;]/.test(t)) return true;
  }
  return false;
}

function endsWithColon(s: string): boolean {
  const e = trimEndIndex(s, 0, s.length);
  return e > 0 && (s.charCodeAt(e - 1) === 0x3a || s.charCodeAt(e - 1) === 0xff1a);
}

/**
 * A chapter that holds no tasks: its title is made only of the configured names and joiners
 * (`总体要求`, `指导思想和工作目标`), so `围绕其他重点工作目标强化信息公开` stays a task chapter.
 */
export function isNonTaskTitle(title: string, names: readonly string[]): boolean {
  return nonTaskMatcher(names)(title);
}

/** `^(?:加强|…)?(?:(?:总体要求|指导思想|…)[和与及、]?)+$` over a title's text, built once per check. */
function nonTaskMatcher(names: readonly string[], verbs: readonly string[] = []): (title: string) => boolean {
  const alt = [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  if (alt.length === 0) return () => false;
  const verb = verbs.length > 0 ? `(?:${verbs.join('|')})?` : '';
  const pattern = new RegExp(`^${verb}(?:(?:${alt})[和与及、]?)+$`);
  return (title) => {
    const rest = textKey(title);
    return rest.length > 0 && pattern.test(rest);
  };
}

/** How many non-empty lines above the outline may name the document's kind. */
const KIND_LINES = 20;

/**
 * The kind of a document that is not a plan, named on a line above its outline (`编制说明`,
 * `中华人民共和国能源行业标准`, `项目立项申请书`), with that line; null for a plan. A plan's
 * title (`…工作要点`, `…实施方案`) or a task table makes the document a plan, whatever else it says.
 */
export function otherDocumentKind(doc: ParsedDocument): { kind: string; line: Span } | null {
  if (doc.title !== null || doc.annex !== null) return null;
  const end = doc.items.length > 0 ? doc.items[0].line : doc.lines.length;
  let seen = 0;
  for (let i = 0; i < end && seen < KIND_LINES; i++) {
    const line = doc.lines[i];
    const t = line.folded.trim();
    if (t.length === 0) continue;
    seen++;
    const kind = otherKindOfLine(t);
    if (kind !== null) return { kind, line: { start: line.start, end: line.end, text: line.text } };
  }
  return null;
}
