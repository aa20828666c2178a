// Blanket notes: one sentence that gives the units of the tasks after it
// (`以下各项任务均由甲部牵头，不再一一列出`). Written in a heading, an item's text or the
// introduction; it covers the tasks that follow it inside that item (or the whole document).

import type { Item, Paragraph, Range, Sentence, UnitParenthetical } from '../document/model';
import { parseUnitList } from '../document/units';
import { BLANKET_NOTE } from '../lexicon';

/** How far before its 由 a note may start (`以下各项重点任务均`), and after it end (names, role). */
const NOTE_BEFORE = 20;
const NOTE_AFTER = 90;

export interface BlanketNote {
  note: UnitParenthetical;
  /** The item whose tasks it covers (with its sub-items), or null: every task after it. */
  scope: Item | null;
}

/** Finds the blanket notes in items' own text and in the introduction. `folded`: the folded text. */
export function findBlanketNotes(text: string, folded: string, items: readonly Item[], paragraphs: readonly Paragraph[]): BlanketNote[] {
  const out: BlanketNote[] = [];
  // Every 由 of the text, found in one pass: a note is looked for only around them, and no range
  // is copied (items cover the whole body, and this runs on every check).
  const marks: number[] = [];
  for (let k = folded.indexOf('由'); k >= 0; k = folded.indexOf('由', k + 1)) marks.push(k);
  if (marks.length === 0) return [];
  const scan = (range: Range, scope: Item | null): void => {
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid] < range.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < marks.length && marks[i] < range.end; i++) {
      const k = marks[i];
      const from = Math.max(range.start, k - NOTE_BEFORE);
      const m = BLANKET_NOTE.exec(folded.slice(from, Math.min(range.end, k + NOTE_AFTER)));
      if (!m) continue;
      const namesStart = from + m.index + m[0].length - m[2].length - m[1].length;
      const units = parseUnitList(text.slice(namesStart, namesStart + m[1].length), namesStart, m[2] === '牵头' ? 'lead' : 'responsible');
      if (units.length === 0) continue;
      const start = from + m.index;
      const end = start + m[0].length;
      out.push({ note: { start, end, text: text.slice(start, end), units, keyed: false, emptyValues: [], time: null }, scope });
      return;
    }
  };
  for (const item of items) scan({ start: item.marker.end, end: item.range.end }, item);
  for (const p of paragraphs) if (p.kind === 'introduction' || p.kind === 'preamble') scan(p, null);
  return out.sort((a, b) => a.note.start - b.note.start);
}

/** Whether a sentence holds a blanket note: it says who does what follows, it is no task itself. */
export function holdsNote(s: Sentence, notes: readonly BlanketNote[]): boolean {
  return notes.some((n) => n.note.start >= s.start && n.note.start < s.end);
}

/** The note that covers each task, by sentence index: the last note before it whose item holds it. */
export function coverTasks(tasks: readonly Sentence[], notes: readonly BlanketNote[]): Map<number, UnitParenthetical> {
  const covered = new Map<number, UnitParenthetical>();
  for (const { note, scope } of notes) {
    for (const s of tasks) {
      if (s.start < note.end || (scope && !within(s.item, scope))) continue;
      covered.set(s.index, note);
    }
  }
  return covered;
}

function within(item: Item, scope: Item): boolean {
  for (let p: Item | null = item; p; p = p.parent) if (p === scope) return true;
  return false;
}
