// annex-text-mismatch: a row's task text differs from the body text it matches. Texts equal
// after folding width and removing spaces differ only in punctuation width or spacing: reported
// as info. Otherwise the message says what differs: a phrase the row lacks or adds
// (`缺少“根据上级要求,”`), or what the row writes in place of the body's words.

import type { Sentence } from '../document/model';
import type { DocumentAnalysis } from '../analysis/analysis';
import type { Fix, Rule, TextEdit } from './types';
import { foldWidth, removeSpaces } from '../document/text';
import { bodyText, fitsInCell } from '../fixes/table';

function quote(s: string, max = 16): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

type Op = { kind: 'del' | 'ins' | 'rep'; a: number; b: number; ra: number; rb: number };

/**
 * A character diff of body → row (longest common subsequence), as changes over body[a, b) and
 * row[ra, rb). Changes separated by one or two equal characters are merged into one. Null when
 * the texts are too long to compare this way.
 */
function diff(body: string, row: string): Op[] | null {
  // Common prefix and suffix first: most drifts are a phrase at one end or one word.
  let p = 0;
  while (p < body.length && p < row.length && body[p] === row[p]) p++;
  let q = 0;
  while (q < body.length - p && q < row.length - p && body[body.length - 1 - q] === row[row.length - 1 - q]) q++;
  const A = body.slice(p, body.length - q);
  const B = row.slice(p, row.length - q);
  const n = A.length;
  const m = B.length;
  if (n * m > 400_000) return null;
  const w = m + 1;
  const L = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i * w + j] = A[i] === B[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  let cur: Op | null = null;
  const flush = (): void => {
    if (cur) ops.push(cur);
    cur = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || L[i * w + j + 1] >= L[(i + 1) * w + j])) {
      cur ??= { kind: 'ins', a: i, b: i, ra: j, rb: j };
      cur.rb = ++j;
    } else {
      cur ??= { kind: 'del', a: i, b: i, ra: j, rb: j };
      cur.b = ++i;
    }
  }
  flush();
  // Merge changes close to each other, then classify.
  const merged: Op[] = [];
  for (const op of ops) {
    const last = merged[merged.length - 1];
    if (last && op.a - last.b <= 2 && op.ra - last.rb <= 2) {
      last.b = op.b;
      last.rb = op.rb;
    } else {
      merged.push({ ...op });
    }
  }
  for (const op of merged) {
    op.kind = op.a === op.b ? 'ins' : op.ra === op.rb ? 'del' : 'rep';
    op.a += p;
    op.b += p;
    op.ra += p;
    op.rb += p;
  }
  return merged;
}

/** What differs, in words: `缺少“根据上级要求,”`, `多出“…”`, `正文“结果、工作”此处为“结果,工作”`. */
export function describeDifference(body: string, row: string): { text: string } {
  const ops = diff(body, row);
  if (!ops || ops.length === 0 || ops.length > 3) {
    return { text: `多处不同,正文为“${quote(body, 24)}”` };
  }
  const parts = ops.map((op) => {
    const b = body.slice(op.a, op.b);
    const r = row.slice(op.ra, op.rb);
    // A change of one or two characters reads better with its neighbours.
    const short = Math.max(b.length, r.length) <= 2;
    const before = short ? body.slice(Math.max(0, op.a - 4), op.a) : '';
    const after = short ? body.slice(op.b, op.b + 4) : '';
    if (op.kind === 'del') return short ? `“${before}${after}”处缺少“${b}”` : `缺少“${quote(b)}”`;
    if (op.kind === 'ins') return short ? `“${before}${after}”处多出“${r}”` : `多出“${quote(r)}”`;
    return `正文“${before}${quote(b)}${after}”此处为“${before}${quote(r)}${after}”`;
  });
  return { text: parts.join(';') };
}

/** The body range a row's text can replace, or null when a unit parenthetical sits inside it. */
function bodyEdit(text: string, sentences: readonly Sentence[], rowText: string): TextEdit | null {
  const start = sentences[0].start;
  const end = sentences[sentences.length - 1].end;
  // The sentences of a match belong to one item: only its parentheticals can sit between them.
  const inside = sentences[0].item.unitParens.filter((p) => p.start >= start && p.end <= end);
  if (inside.length === 0) return { start, end, newText: rowText };
  // One parenthetical at the very end, before the terminator: keep it and the terminator.
  if (inside.length === 1 && /^[\s。;；!！?？]*$/.test(text.slice(inside[0].end, end))) {
    return { start, end: inside[0].start, newText: rowText.replace(/[\s。;；!！?？]+$/, '') };
  }
  return null;
}

function sharedWithOtherRows(analysis: DocumentAnalysis, sentences: readonly Sentence[]): boolean {
  return sentences.some((s) => analysis.rowsOf(s).length > 1);
}

const rule: Rule = {
  meta: {
    id: 'annex-text-mismatch',
    defaultSeverity: 'warning',
    title: '任务文字与正文不一致',
    titleEn: 'Annex task text differs from the body',
    description: '任务分解表中的任务文字与正文不一致（仅标点全半角或空格不同时为提示）',
    descriptionEn: 'An annex row’s task text differs from the body text it matches',
    fixable: 'auto',
    category: 'annex',
    docs: { severity: '（仅标点全半角或空格不同时为 **info**）', fix: '是（以正文为准修改此行；另有手动修复“以此行为准修改正文”）' },
  },
  check({ doc, analysis, report }) {
    const alignment = analysis.alignment;
    if (!doc.annex || !alignment) return;
    for (const m of alignment.matches) {
      const cell = m.row.task;
      if (m.sentences.length === 0 || !cell) continue;
      const rowText = cell.text.trim();
      const body = bodyText(m.sentences);
      if (rowText === '' || rowText === body) continue;
      const widthOnly = foldWidth(removeSpaces(rowText)) === foldWidth(removeSpaces(body));
      let message: string;
      if (widthOnly) {
        message = '任务分解表文字与正文仅标点全角/半角或空格不同';
      } else {
        const d = describeDifference(body, rowText);
        message = `任务分解表文字与正文不一致:${d.text}`;
      }
      const first = m.sentences[0];
      const last = m.sentences[m.sentences.length - 1];
      const fixes: Fix[] = [];
      // Body text with a `|`, a tab or a line break would split the cell it is written into.
      if (fitsInCell(body, doc.annex.layout)) {
        fixes.push({
          title: '以正文为准修改此行',
          edits: [{ start: cell.start, end: cell.end, newText: body }],
          // A body sentence split over several rows: copying it into each would duplicate it.
          auto: !sharedWithOtherRows(analysis, m.sentences),
          preferred: true,
        });
      }
      const edit = bodyEdit(doc.text, m.sentences, rowText);
      if (edit && doc.text.slice(edit.start, edit.end) !== edit.newText) fixes.push({ title: '以此行为准修改正文', edits: [edit], auto: false });
      report({
        start: cell.start,
        end: cell.end,
        message,
        demote: widthOnly,
        related: [{ start: first.start, end: last.end, message: `正文:${body}` }],
        fixes,
      });
    }
  },
};

export default rule;
