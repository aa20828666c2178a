// The document's numbering scheme, read from the document itself (docs/format.md): per level and
// parent level, whether numbers restart under each parent or run on across parents.
// The outline rules and the renumber command both work from the chains built here.

import type { Item, Marker, ParsedDocument } from '../document/model';
import type { DocumentKind } from './meaning';
import type { TextEdit } from '../core';
import { toChineseNumeral } from '../document/numerals';

/** Items that are numbered as one sequence 1..n. */
export type Chain = Item[];

export interface NumberingProblem {
  item: Item;
  chain: Chain;
  /** Position of the item in its chain. */
  position: number;
  /** The number that follows the previous sibling (1 for the first). */
  expected: number;
  /** The item before it in the chain, if any. */
  previous: Item | null;
  /** A continuous document restarting here, or a restarting one continuing here. */
  kind: 'gap' | 'repeat' | 'backward' | 'restart' | 'continuation' | 'start';
}

export interface Numbering {
  /** Per key (`level/parentLevel`): true when numbering runs on across parents. */
  continuous: Map<string, boolean>;
  chains: Chain[];
  problems: NumberingProblem[];
}

/**
 * Items are numbered per level and parent level. An item missing the parent its level needs
 * (outline-hierarchy reports it) is numbered with the items that have one, so a (一) before the
 * first chapter does not also break the numbering of the (二) after it.
 */
function keyOfItem(item: Item, levels: Set<number>): string {
  let parentLevel = item.parent ? item.parent.level : 0;
  if (!item.parent && item.level > 1) {
    for (let l = 1; l < item.level; l++) {
      if (levels.has(l)) {
        parentLevel = l;
        break;
      }
    }
  }
  return `${item.level}/${parentLevel}`;
}

/**
 * The body's numbering; in a standalone table, also the table's own outline (its section rows and
 * the numbers opening its task cells), numbered apart from the cover notice's.
 */
export function analyseNumbering(doc: ParsedDocument, kind: DocumentKind): Numbering {
  const body = numberItems(doc.items);
  if (kind !== 'table' || !doc.annex || doc.annex.items.length === 0) return body;
  const table = numberItems(doc.annex.items);
  return {
    continuous: new Map([...body.continuous, ...[...table.continuous].map(([k, v]) => [`table:${k}`, v] as const)]),
    chains: [...body.chains, ...table.chains],
    problems: [...body.problems, ...table.problems].sort((a, b) => a.item.marker.start - b.item.marker.start),
  };
}

function numberItems(items: readonly Item[]): Numbering {
  const levels = new Set<number>(items.map((i) => i.level));
  const keyOf = (item: Item): string => keyOfItem(item, levels);
  // Sibling groups: consecutive items of one parent at one level, per key, in document order.
  const groups = new Map<string, Item[][]>();
  const lastGroup = new Map<string, { parent: Item | null; items: Item[] }>();
  for (const item of items) {
    const key = keyOf(item);
    const last = lastGroup.get(key);
    if (last && last.parent === item.parent) {
      last.items.push(item);
    } else {
      const g = { parent: item.parent, items: [item] };
      lastGroup.set(key, g);
      const list = groups.get(key);
      if (list) list.push(g.items);
      else groups.set(key, [g.items]);
    }
  }

  const continuous = new Map<string, boolean>();
  const chains: Chain[] = [];
  // A level numbered on through the whole document, whatever its items' parents (`1.`…`27.`
  // under chapters with and without level 2): one chain for the level.
  const keysOfLevel = new Map<number, string[]>();
  for (const key of groups.keys()) {
    const level = Number(key.split('/')[0]);
    keysOfLevel.set(level, [...(keysOfLevel.get(level) ?? []), key]);
  }
  const wholeLevel = new Set<string>();
  for (const keys of keysOfLevel.values()) {
    if (keys.length < 2) continue;
    const gs = keys.flatMap((k) => groups.get(k)!).sort((a, b) => a[0].marker.start - b[0].marker.start);
    if (!runsOn(gs)) continue;
    for (const k of keys) {
      continuous.set(k, true);
      wholeLevel.add(k);
    }
    chains.push(gs.flat());
  }
  for (const [key, gs] of groups) {
    if (wholeLevel.has(key)) continue;
    const cont = runsOn(gs);
    continuous.set(key, cont);
    if (cont) chains.push(gs.flat());
    else chains.push(...gs);
  }

  const problems: NumberingProblem[] = [];
  for (const chain of chains) {
    const cont = continuous.get(keyOf(chain[0])) === true;
    chain.forEach((item, p) => {
      const previous = p > 0 ? chain[p - 1] : null;
      const expected = previous ? previous.marker.number + 1 : 1;
      const n = item.marker.number;
      // Flag only a number that follows neither its previous sibling nor its position, so one
      // wrong marker gives one finding and a skipped number is reported once, where it happens.
      if (n === expected || n === p + 1) return;
      let kind: NumberingProblem['kind'];
      const newGroup = previous !== null && previous.parent !== item.parent;
      if (!previous) kind = 'start';
      else if (newGroup && cont && n === 1) kind = 'restart';
      else if (newGroup && !cont) kind = 'continuation';
      else if (n === previous.marker.number) kind = 'repeat';
      else if (n < expected) kind = 'backward';
      else kind = 'gap';
      problems.push({ item, chain, position: p, expected: kind === 'continuation' ? 1 : expected, previous, kind });
    });
  }
  // A restarting scheme: each group is its own chain, so a group that continues is a 'start' problem.
  for (const pr of problems) {
    if (pr.kind === 'start' && pr.item.parent !== null && pr.chain[0] === pr.item) {
      const key = keyOf(pr.item);
      if (continuous.get(key) === false && (groups.get(key)?.length ?? 0) > 1) pr.kind = 'continuation';
    }
  }
  problems.sort((a, b) => a.item.marker.start - b.item.marker.start);
  return { continuous, chains, problems };
}

/**
 * Whether sibling groups number on across their parents: each group after the first votes for
 * restarting at 1, or for continuing from the previous group (its last number + 1, or the
 * position the group has in the whole sequence).
 */
function runsOn(gs: Item[][]): boolean {
  let restartVotes = 0;
  let continueVotes = 0;
  let before = gs[0].length;
  for (let i = 1; i < gs.length; i++) {
    const first = gs[i][0].marker.number;
    const prevLast = gs[i - 1][gs[i - 1].length - 1].marker.number;
    if (first === 1) restartVotes++;
    else if (first === prevLast + 1 || first === before + 1) continueVotes++;
    before += gs[i].length;
  }
  return continueVotes > restartVotes;
}

/** The numeral for n in the marker's own style (Chinese, Arabic or circled). */
export function numeralFor(marker: Marker, n: number): string {
  if (marker.numeral === 'chinese') return toChineseNumeral(n);
  if (marker.numeral === 'circled' && n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
  return String(n);
}

/** The marker text as it would read with number n (`(七)` → `(六)`). */
export function markerWithNumber(marker: Marker, n: number): string {
  const a = marker.numeralRange.start - marker.start;
  const b = marker.numeralRange.end - marker.start;
  return marker.text.slice(0, a) + numeralFor(marker, n) + marker.text.slice(b);
}

/** Edits that renumber chain[from..] sequentially starting at `first`; markers already right are left alone. */
export function renumberChain(chain: Chain, from: number, first: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let q = from; q < chain.length; q++) {
    const m = chain[q].marker;
    const n = first + (q - from);
    if (m.number !== n) edits.push({ start: m.numeralRange.start, end: m.numeralRange.end, newText: numeralFor(m, n) });
  }
  return edits;
}

/** Edits that renumber the whole outline: every chain 1..n. */
export function renumberOutline(numbering: Numbering): TextEdit[] {
  return numbering.chains.flatMap((c) => renumberChain(c, 0, 1)).sort((a, b) => a.start - b.start);
}
