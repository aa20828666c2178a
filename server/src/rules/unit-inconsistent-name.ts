// unit-inconsistent-name: one unit named two ways in the same document: a truncated form
// (`区融媒体` / `区融媒体中心`) or an abbreviation (`区发改委` / `区发展改革委`). The less
// frequent form is reported at each occurrence, with the more frequent one as the fix. A
// configured alias table (`unitAliases`) overrides the guess for the names it lists.
//
// Names are grouped by their first character before they are paired: a document has at most a
// few hundred distinct names, so pairing within a group stays cheap.

import type { ParsedDocument, UnitParenthetical } from '../document/model';
import type { Finding, Rule } from './types';
import { foldWidth } from '../document/text';
import { readingsOf } from './pinyin';

interface Occurrence {
  name: string;
  start: number;
  end: number;
}

/** Names that end like this are complete unit names: a longer name starting with them is another unit. */
const UNIT_SUFFIX = /(局|委|办|室|处|科|部|厅|院|会|中心|政府|街道|镇|乡|单位|部门|公司|集团|队|所|站|馆|团|社|组|署|司|行|校|园|村|区|县|市|省|基地)$/;
/** Collective or descriptive names (`各街镇`, `区政府各部门`, `相关单位`): never paired. */
const COLLECTIVE = /各|相关|有关|其他|其它|所属|涉及/;
/** Shortest name that may be a truncation or an abbreviation of another. */
const MIN_SHORT = 3;

/** Every unit name occurrence: inline parentheticals and annex unit cells (merged cells once). */
function occurrences(doc: ParsedDocument, blanketNotes: readonly UnitParenthetical[]): Occurrence[] {
  // The units themselves are the occurrences (they have name, start and end): nothing is copied.
  const all: Occurrence[] = [];
  for (let i = 0; i < doc.unitParens.length; i++) pushAll(all, doc.unitParens[i].units);
  for (let i = 0; i < blanketNotes.length; i++) pushAll(all, blanketNotes[i].units);
  const rows = doc.annex ? doc.annex.rows : [];
  for (let i = 0; i < rows.length; i++) pushAll(all, rows[i].unitList);
  // Body parentheticals, then the annex below them: already in text order unless a table
  // stands before the body text. Sorting thousands of sorted items is skipped.
  for (let i = 1; i < all.length; i++) {
    if (all[i].start < all[i - 1].start) {
      all.sort((x, y) => x.start - y.start); // stable: the first written of one place stays first
      break;
    }
  }
  // A merged cell carried down names its units again at the same place: each place once. (No
  // set of offsets: on a large table it is a fresh allocation and a hash per unit on every check.)
  const out: Occurrence[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i].start !== all[i - 1].start) out.push(all[i]);
  return out;
}

function pushAll(out: Occurrence[], units: readonly Occurrence[]): void {
  for (let i = 0; i < units.length; i++) out.push(units[i]);
}

/** Whether every character of `a` appears in `b` in order. */
function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j++) if (a[i] === b[j]) i++;
  return i === a.length;
}

/** Whether the shorter name `a` is a truncated form or an abbreviation of the longer name `b`. */
export function sameUnit(a: string, b: string): boolean {
  if (a.length < MIN_SHORT || b.length <= a.length) return false;
  if (COLLECTIVE.test(a) || COLLECTIVE.test(b)) return false;
  if (b.startsWith(a)) return !UNIT_SUFFIX.test(a);
  return a[0] === b[0] && a[a.length - 1] === b[b.length - 1] && isSubsequence(a, b);
}

/**
 * Whether two names of one length differ in one character that sounds the same or nearly so:
 * an input-method slip (`区财经局` / `区财金局`: jing / jin). Nearly: the fuzzy-pinyin pairs an
 * input method allows at the end of a syllable (an/ang, en/eng, in/ing). `区教育局` / `区体育局`
 * (jiao / ti) are two units. Only the first and last characters must agree, so the unit's kind
 * (局, 委, 中心) is the same.
 */
export function soundsAlike(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < MIN_SHORT || a === b) return false;
  if (a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  if (at < 0 || !/[\u4e00-\u9fff]/.test(a[at]) || !/[\u4e00-\u9fff]/.test(b[at])) return false;
  const ra = readings(a[at]);
  const rb = new Set(readings(b[at]));
  return ra.some((r) => rb.has(r));
}

/** The toneless readings of one character, with the fuzzy final -ng read as -n. */
function readings(ch: string): string[] {
  return readingsOf(ch).map((r) => r.replace(/ng$/, 'n'));
}

/**
 * A name that can be written where another one stands, in a parenthetical or a table cell, and
 * read back as that one name: no brackets (a `)` would close the parenthetical), no list
 * separators or key colons, no cell separators, tabs or line breaks.
 */
function writable(name: string): boolean {
  return !/[()[\]{}<>【】〔〕《》、,;:|\t\r\n]/.test(foldWidth(name));
}

function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

function message(found: string, other: string, preferred: string): string {
  const why = found.length === other.length ? '(读音相同或相近,疑为输入错误)' : '';
  return `同一单位名称写法不一致:“${found}”与“${other}”${why},建议统一为“${preferred}”`;
}

const rule: Rule = {
  meta: {
    id: 'unit-inconsistent-name',
    defaultSeverity: 'warning',
    title: '单位名称写法不一致',
    titleEn: 'Unit named two ways',
    description: '同一单位名称写法不一致（简称与全称、截短的名称，如“区发改委”与“区发展改革委”），应全文统一',
    descriptionEn: 'One unit is named two ways (an abbreviation or a truncated name); use one name throughout',
    fixable: 'auto',
    category: 'unit',
  },
  check({ doc, config, analysis, report }) {
    const occs = occurrences(doc, analysis.meaning.blanketNotes);
    if (occs.length === 0) return;
    const byName = new Map<string, Occurrence[]>();
    for (const o of occs) {
      const list = byName.get(o.name);
      if (list) list.push(o);
      else byName.set(o.name, [o]);
    }

    const emit = (o: Occurrence, other: string, preferred: string, fromConfig = false): void => {
      const first = byName.get(other)?.[0];
      const f: Finding = {
        start: o.start,
        end: o.end,
        message: fromConfig
          ? `同一单位名称写法不一致:“${o.name}”应统一为“${preferred}”(配置 unitAliases)`
          : message(o.name, other, preferred),
        // A name that only sounds like the other may still be another unit: offered, never applied by --fix.
        fixes: writable(preferred)
          ? [{ title: `统一为“${preferred}”`, edits: [{ start: o.start, end: o.end, newText: preferred }], auto: !soundsAlike(o.name, other), preferred: true }]
          : [],
      };
      if (first) f.related = [{ start: first.start, end: first.end, message: `另一种写法“${other}”` }];
      report(f);
    };

    // The configured aliases first: they override the guess for every name they mention.
    const configured = new Set<string>();
    for (const [preferredRaw, aliases] of Object.entries(config.unitAliases)) {
      const preferred = compact(preferredRaw);
      configured.add(preferred);
      for (const aliasRaw of aliases) {
        const alias = compact(aliasRaw);
        if (alias === '' || alias === preferred) continue;
        configured.add(alias);
        for (const o of byName.get(alias) ?? []) emit(o, preferred, preferred, true);
      }
    }

    // The guess: pairs within each first-character group.
    const groups = new Map<string, string[]>();
    for (const name of byName.keys()) {
      if (configured.has(name) || COLLECTIVE.test(name)) continue;
      const g = groups.get(name[0]);
      if (g) g.push(name);
      else groups.set(name[0], [name]);
    }
    const count = (n: string): number => byName.get(n)?.length ?? 0;
    /** Higher ranks are kept: more occurrences, then the longer (fuller) name, then the first in the text. */
    const outranks = (a: string, b: string): boolean =>
      count(a) !== count(b) ? count(a) > count(b) : a.length !== b.length ? a.length > b.length : byName.get(a)![0].start < byName.get(b)![0].start;
    const best = new Map<string, string>();
    for (const names of groups.values()) {
      if (names.length < 2) continue;
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          const [a, b] = names[i].length <= names[j].length ? [names[i], names[j]] : [names[j], names[i]];
          if (!sameUnit(a, b) && !soundsAlike(a, b)) continue;
          const [keep, drop] = outranks(a, b) ? [a, b] : [b, a];
          const cur = best.get(drop);
          if (cur === undefined || outranks(keep, cur)) best.set(drop, keep);
        }
      }
    }
    for (const [drop, keep] of best) {
      // A chain (A → B, B → C) ends at the name that is kept: outranks is a strict order, so it ends.
      let target = keep;
      for (let next = best.get(target); next !== undefined; next = best.get(target)) target = next;
      for (const o of byName.get(drop)!) emit(o, keep, target);
    }
  },
};

export default rule;
