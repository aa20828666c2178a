// What the written document means. parse.ts reads what is written (lines, items, sentences, unit
// notes, the table); this phase decides what it is: which items hold tasks (not goals or
// principles), which sentences are headings and which are tasks, the blanket notes and what they
// cover, and whether the document is a plan or a standalone task table (docs/format.md).

import type { Annex, DocumentKind, Item, Paragraph, Sentence, Span, UnitParenthetical } from './model';
import { textKey, trimEndIndex } from './text';
import { coverTasks, findBlanketNotes, holdsNote } from './blanket';
import { CLOSING_CHAPTER_VERBS, CLOSING_CHAPTERS, NON_TASK_SECTIONS } from '../lexicon';

/** Longest marker-line text that can be a heading, and longest heading sentence above sub-items. */
export const HEADING_MAX = 60;

export interface MeaningInput {
  text: string;
  folded: string;
  /** Each line trimmed (folded). */
  trimmed: readonly string[];
  title: Span | null;
  items: readonly Item[];
  sentences: readonly Sentence[];
  paragraphs: readonly Paragraph[];
  annex: Annex | null;
  /** Names of chapters that hold no tasks (the config's, else the lexicon's). */
  nonTask: readonly string[];
}

export interface Meaning {
  tasks: Sentence[];
  blanketNotes: UnitParenthetical[];
  kind: DocumentKind;
}

/** Decides tasks, headings and the kind; sets `taskChapter`, `isTitle`, `isTask` and `blanketNote`. */
export function decideMeaning(input: MeaningInput): Meaning {
  const { items, sentences, annex, title } = input;
  const configured = nonTaskMatcher(input.nonTask);
  const defaults = input.nonTask.length === NON_TASK_SECTIONS.length && input.nonTask.every((n, i) => n === NON_TASK_SECTIONS[i]);
  const builtIn = defaults ? configured : nonTaskMatcher(NON_TASK_SECTIONS);
  // Closing chapters are read with the built-in names only (a configured list replaces them), and
  // only in a plan without a task table: where there is one, it says whether they hold tasks.
  const closing = defaults && !annex ? nonTaskMatcher([...NON_TASK_SECTIONS, ...CLOSING_CHAPTERS], CLOSING_CHAPTER_VERBS) : (): boolean => false;
  // Goals, principles, requirements… hold no tasks, unless they carry unit notes.
  const carriesNotes = new Set<Item>();
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k];
    if (item.unitParens.length > 0 || carriesNotes.has(item)) {
      for (let p: Item | null = item; p && !carriesNotes.has(p); p = p.parent) carriesNotes.add(p);
      carriesNotes.add(item);
    }
  }
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    // The built-in names give way to unit notes; names a user configured hold absolutely.
    const nonTaskTitle =
      (configured(item.title) && !(carriesNotes.has(item) && builtIn(item.title))) || (item.parent === null && !carriesNotes.has(item) && closing(item.title));
    item.taskChapter = !nonTaskTitle && (item.parent === null || item.parent.taskChapter);
    // One short sentence above numbered sub-items is the heading of their group, not a task
    // (`(一)统筹两个市场,打造加工制造中心。` then `1.…`).
    const own = item.sentences;
    if (item.children.length > 0 && own.length === 1 && !own[0].unitParen && !own[0].inlineTime && own[0].content.length <= HEADING_MAX) {
      own[0].isTitle = true;
    }
  }
  const blanket = findBlanketNotes(input.text, input.folded, items, input.paragraphs);
  const tasks: Sentence[] = [];
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    // A sentence ending in a colon introduces what follows, a blanket note says who does what
    // follows: neither is a task itself.
    s.isTask = !s.isTitle && s.item.taskChapter && !endsWithColon(s.content) && (blanket.length === 0 || !holdsNote(s, blanket));
    if (s.isTask) tasks.push(s);
  }
  if (blanket.length > 0) coverTasks(tasks, blanket);

  // A table behind a cover notice (no plan title, the heading is a 通知), or a table with no body
  // tasks, is a standalone task table: its rows are the tasks, the notice's paragraphs are not.
  const kind: DocumentKind = !annex ? 'plan' : tasks.length === 0 || (!title && isCoverNotice(input.trimmed, items)) ? 'table' : 'plan-with-annex';
  if (kind === 'table') {
    for (const t of tasks) t.isTask = false;
    tasks.length = 0;
  }
  return { tasks, blanketNotes: blanket.map((b) => b.note), kind };
}

/** The document opens with a notice's heading (`…关于推广…的通知`) before its first item. */
function isCoverNotice(trimmed: readonly string[], items: readonly Item[]): boolean {
  const end = items.length > 0 ? items[0].line : trimmed.length;
  let seen = 0;
  for (let i = 0; i < end && seen < 6; i++) {
    const t = trimmed[i];
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
