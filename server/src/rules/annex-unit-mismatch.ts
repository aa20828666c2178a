// annex-unit-mismatch: the body names units inline for a task (its unit parenthetical) and the
// task's annex row names a different set. Names are compared without order, spaces or roles,
// after mapping the configured aliases (`unitAliases`) to their preferred name on both sides.
// Empty unit cells are unit-missing's business; cells carried down from a merged cell are left
// alone (a fix would change every row of the merge).

import type { Unit, UnitParenthetical } from '../document/model';
import { aliasMap } from '../config/config';
import { matchBrackets } from '../document/sentences';
import { foldWidth } from '../document/text';
import { parseUnitParenthetical } from '../document/units';
import type { Fix, Rule } from './types';
import type { RowMatch } from '../analysis/align';
import { byRole, uniqueNames, unitsText } from '../fixes/table';
import { KEY_OF_ROLE, ROLE_WORD } from '../lexicon';

const PHRASE: Record<Unit['role'], string> = { lead: `${ROLE_WORD.lead}落实`, support: `${ROLE_WORD.support}落实`, responsible: `${ROLE_WORD.responsible}落实` };
const KEY = KEY_OF_ROLE;

/**
 * The parenthetical rewritten to name `units` instead: keys (`责任单位:`) or role verbs
 * (`负责落实`) and a time key are kept.
 */
function rewriteParen(paren: UnitParenthetical, units: readonly Unit[]): string {
  const t = paren.text;
  const open = t[0];
  const close = t[t.length - 1];
  const full = open === '（';
  const [colon, semi, comma] = full ? ['：', '；', '，'] : [':', ';', ','];
  const groups = byRole(units);
  const rel = (offset: number): number => offset - paren.start;
  if (paren.keyed) {
    const fields: string[] = [];
    if (groups.length <= 1 && paren.units.length > 0) {
      // One role: keep the key the body used (`责任处室:`).
      const before = t.slice(0, rel(paren.units[0].start));
      const m = /([^;；,，(（]*?)\s*[:：]\s*$/.exec(before);
      const key = m && m[1].trim() ? m[1].trim() : KEY[groups[0]?.role ?? 'responsible'];
      fields.push(`${key}${colon}${uniqueNames(units).join('、')}`);
    } else {
      for (const g of groups) fields.push(`${KEY[g.role]}${colon}${g.names.join('、')}`);
    }
    if (paren.time) {
      const upto = t.slice(0, rel(paren.time.start));
      const sep = Math.max(upto.lastIndexOf(';'), upto.lastIndexOf('；'), upto.lastIndexOf(','), upto.lastIndexOf('，'), 0);
      fields.push(t.slice(sep + 1, rel(paren.time.end)).trim());
    }
    return open + fields.join(semi) + close;
  }
  if (groups.length > 1) return open + groups.map((g) => g.names.join('、') + ROLE_WORD[g.role]).join(comma) + close;
  // One role: the names, then the body's own verb phrase (`分别负责落实`) when it had one role
  // too, else the phrase of the row's role.
  const names = uniqueNames(units);
  const last = paren.units[paren.units.length - 1];
  let tail = '';
  if (last && byRole(paren.units).length === 1) {
    tail = t.slice(rel(last.end), t.length - 1).replace(/^[\s、,，;；]*(等(相关|有关)?(部门|单位)?)?/, '');
    if (names.length === 1) tail = tail.replace(/^(分别|共同)/, '');
  }
  if (!tail) tail = PHRASE[groups[0]?.role ?? 'responsible'];
  return open + names.join('、') + tail + close;
}

/** Whether `paren` is one balanced parenthetical whose units are exactly `units` (by name). */
function readsBackAs(paren: string, units: readonly Unit[]): boolean {
  const f = foldWidth(paren);
  if (matchBrackets(f, 0, f.length).get(0) !== f.length - 1) return false;
  const back = parseUnitParenthetical(paren, 0);
  const same = (n: string): string => n;
  return back !== null && namesWithin(back.units, units, same) && namesWithin(units, back.units, same);
}

/** Whether every name of `a` is also a name of `b` (after aliases). Lists are short. */
function namesWithin(a: readonly Unit[], b: readonly Unit[], canon: (name: string) => string): boolean {
  for (let i = 0; i < a.length; i++) {
    const name = canon(a[i].name);
    let found = false;
    for (let j = 0; j < b.length && !found; j++) found = canon(b[j].name) === name;
    if (!found) return false;
  }
  return true;
}

function listQuoted(names: string[]): string {
  return names.map((n) => `“${n}”`).join('、');
}

/** A row that continues the one above (serial and task merged down) and covers the same sentences. */
function continuesAbove(m: RowMatch, above: RowMatch): boolean {
  const serial = m.row.serialCell;
  return serial !== null && !serial.present && m.sentences.length > 0 && m.sentences[0] === above.sentences[0];
}

const rule: Rule = {
  meta: {
    id: 'annex-unit-mismatch',
    defaultSeverity: 'error',
    title: '责任单位与正文不一致',
    titleEn: 'Annex units differ from the body',
    description: '任务分解表中的责任单位与正文括注的责任单位不一致',
    descriptionEn: 'The units of an annex row differ from the units the body names inline for its task',
    fixable: 'manual',
    category: 'annex',
    docs: { fix: '否（编辑器提供两个方向的快速修复）' },
  },
  check({ doc, config, analysis, report }) {
    const annex = doc.annex;
    const alignment = analysis.alignment;
    if (!annex || !alignment) return;
    const aliases = aliasMap(config);
    const canon = aliases.size === 0 ? (name: string): string => name : (name: string): string => aliases.get(name) ?? name;
    const multiUnitColumns = annex.header.filter((c) => c.role === 'units').length > 1;

    // Plain loops, no lists built for the rows that agree (nearly all): this runs for every row.
    const matches = alignment.matches;
    for (let mi = 0; mi < matches.length; mi++) {
      const m = matches[mi];
      const row = m.row;
      const cell = row.units;
      // A task split over several rows (its serial and task merged down, one row per unit): the
      // rows' units together are compared with the body, once, at the first row.
      if (mi > 0 && continuesAbove(m, matches[mi - 1])) continue;
      let rowUnits = row.unitList;
      let split = false;
      for (let mj = mi + 1; mj < matches.length && continuesAbove(matches[mj], matches[mj - 1]); mj++) {
        rowUnits = rowUnits.concat(matches[mj].row.unitList);
        split = true;
      }
      if (m.sentences.length === 0 || !cell || !cell.present || rowUnits.length === 0) continue;
      // Every sentence of the match must be covered by a unit parenthetical naming units.
      const parens: UnitParenthetical[] = [];
      let covered = true;
      for (let k = 0; k < m.sentences.length; k++) {
        const s = m.sentences[k];
        const p = s.unitParen;
        if (!p || p.units.length === 0) {
          // A title sentence the row also covers may stand outside the parenthetical.
          if (analysis.isTask(s)) covered = false;
          continue;
        }
        if (!parens.includes(p)) parens.push(p);
      }
      if (!covered || parens.length === 0) continue;
      const bodyUnits = parens.length === 1 ? parens[0].units : parens.flatMap((p) => p.units);
      if (namesWithin(rowUnits, bodyUnits, canon) && namesWithin(bodyUnits, rowUnits, canon)) continue;
      const bodyNames = bodyUnits.map((u) => canon(u.name));
      const rowNames = rowUnits.map((u) => canon(u.name));
      const onlyRow = uniqueNames(rowUnits).filter((n) => !bodyNames.includes(canon(n)));
      const onlyBody = uniqueNames(bodyUnits).filter((n) => !rowNames.includes(canon(n)));

      const parts: string[] = [];
      const partsEn: string[] = [];
      if (onlyRow.length) {
        parts.push(`表中有而正文没有${listQuoted(onlyRow)}`);
        partsEn.push(`only in the row: ${onlyRow.join(', ')}`);
      }
      if (onlyBody.length) {
        parts.push(`正文有而表中没有${listQuoted(onlyBody)}`);
        partsEn.push(`only in the body: ${onlyBody.join(', ')}`);
      }

      // A split task's units are spread over its rows: no one cell or note to rewrite.
      const fixes: Fix[] = [];
      if (!multiUnitColumns && !split) {
        const value = unitsText(bodyUnits, analysis.parenWidth === 'full' ? '，' : ',');
        fixes.push({ title: `以正文为准:责任单位改为“${value}”`, edits: [{ start: cell.start, end: cell.end, newText: value }], auto: false, preferred: true });
      }
      // Rewriting the body is offered when one parenthetical covers this row's tasks only.
      if (parens.length === 1 && !split) {
        const p = parens[0];
        const matched = new Set(m.sentences.map((s) => s.index));
        const others = m.sentences[0].item.sentences.some((s) => s.unitParen === p && analysis.isTask(s) && !matched.has(s.index));
        const newParen = others ? null : rewriteParen(p, row.unitList);
        // Offered only when the rewritten parenthetical reads back as the row's units: a name
        // with an unbalanced bracket or a separator (`区发改委(牵头`) would break the body text.
        if (newParen !== null && readsBackAs(newParen, row.unitList)) {
          fixes.push({ title: `以此行为准:正文括注改为“${newParen}”`, edits: [{ start: p.start, end: p.end, newText: newParen }], auto: false });
        }
      }
      report({
        start: cell.start,
        end: cell.end,
        message: `责任单位与正文不一致:${parts.join(',')}`,
        related: parens.map((p) => ({ start: p.start, end: p.end, message: `正文:${p.text}` })),
        fixes,
      });
    }
  },
};

export default rule;
