// Injection tests: take each clean document, inject one defect of each kind programmatically,
// and assert that exactly the intended rule fires at the intended line and little else changes;
// for the numbering, marker and serial defects, --fix gives the original back byte for byte.
import { strict as assert } from 'assert';
import { lintText, fixText, type Diagnostic } from '../../server/src/engine/lint';
import type { AnnexRow, Cell, ParsedDocument } from '../../server/src/document/model';
import type { DocumentAnalysis } from '../../server/src/analysis/analysis';
import { toChineseNumeral } from '../../server/src/document/numerals';
import { readFixture } from '../helpers/fixtures';

const DOCUMENTS = [
  'examples/annex-cells-merged.txt',
  'examples/annex-pipes.txt',
  'examples/annex-tabs.txt',
  'examples/inline-units.txt',
  'custom/restart-level3.txt',
  'custom/tabs-other-headers.txt',
  'custom/pipes-multi-sentence.txt',
  'custom/web-export.txt',
  'custom/pdf-wrapped-circled.txt',
  'corpus/000_8af76b9c2bc005bb.txt',
  'corpus/001_aa1df6472a57eff3.txt',
  'corpus/003_b70125ba7a548c2f.txt',
];

interface Injection {
  text: string;
  /** The rule that must fire, and the 1-based line where its finding must start. */
  rule: string;
  line: number;
  /** Other rules the defect may also cause (a deleted row leaves a serial gap). */
  allowed?: string[];
  /** The fix must give the original back. */
  restores?: boolean;
}

function replace(text: string, start: number, end: number, s: string): string {
  return text.slice(0, start) + s + text.slice(end);
}
function lineOf(doc: ParsedDocument, offset: number): number {
  return doc.lineIndex.lineAt(offset) + 1;
}
/** The lines a row occupies, with their line breaks: what deleting or duplicating it takes. */
function rowLines(doc: ParsedDocument, row: AnnexRow): [number, number] {
  const start = doc.lines[row.line].start;
  const next = doc.lines[row.endLine + 1];
  return [start, next ? next.start : doc.text.length];
}
function middle<T>(xs: readonly T[]): T | undefined {
  return xs[Math.floor(xs.length / 2)];
}
function present(c: Cell | null): c is Cell {
  return c !== null && c.present;
}

/** Each injector returns null when the document has nothing to inject that defect into. */
const INJECTORS: Record<string, (doc: ParsedDocument, analysis: DocumentAnalysis) => Injection | null> = {
  'skipped chapter number': (doc) => {
    const chapters = doc.outline.filter((i) => i.marker.numeral === 'chinese' && !i.marker.partStyle);
    if (chapters.length < 3) return null;
    // 一 二 三 四 → 一 二 四 五: every chapter from the second on is shifted by one.
    let text = doc.text;
    for (let k = chapters.length - 1; k >= 1; k--) {
      const r = chapters[k].marker.numeralRange;
      text = replace(text, r.start, r.end, toChineseNumeral(chapters[k].marker.number + 1));
    }
    return { text, rule: 'outline-sequence', line: chapters[1].line + 1, restores: true };
  },
  'repeated item number': (doc) => {
    const item = doc.items.find((i) => i.marker.number >= 2 && i.level >= 2 && i.marker.numeral !== 'circled');
    if (!item) return null;
    const r = item.marker.numeralRange;
    const n = item.marker.number - 1;
    const s = item.marker.numeral === 'chinese' ? toChineseNumeral(n) : String(n);
    return { text: replace(doc.text, r.start, r.end, s), rule: 'outline-sequence', line: item.line + 1, restores: true };
  },
  'marker 1、': (doc) => {
    const item = doc.items.find((i) => i.level === 3 && i.marker.canonical);
    if (item) return { text: replace(doc.text, item.marker.end - 1, item.marker.end, '、'), rule: 'outline-marker-format', line: item.line + 1, restores: true };
    const l2 = doc.items.find((i) => i.level === 2 && i.marker.canonical);
    if (!l2) return null;
    return { text: replace(doc.text, l2.marker.end, l2.marker.end, '、'), rule: 'outline-marker-format', line: l2.line + 1, restores: true };
  },
  'emptied unit cell': (doc) => {
    const row = middle(doc.annex?.rows.filter((r) => present(r.units) && r.units.text.length > 0 && r.unitList.length > 0) ?? []);
    if (!row || !row.units) return null;
    return { text: replace(doc.text, row.units.start, row.units.end, ''), rule: 'unit-missing', line: lineOf(doc, row.units.start), allowed: ['annex-unit-mismatch'] };
  },
  'emptied time cell': (doc) => {
    const row = middle(doc.annex?.rows.filter((r) => present(r.time) && r.timeNode) ?? []);
    if (!row || !row.time) return null;
    return { text: replace(doc.text, row.time.start, row.time.end, ''), rule: 'time-missing', line: lineOf(doc, row.time.start) };
  },
  '尽快 as time node': (doc) => {
    const row = middle(doc.annex?.rows.filter((r) => present(r.time) && r.timeNode) ?? []);
    if (row?.time) return { text: replace(doc.text, row.time.start, row.time.end, '尽快'), rule: 'time-invalid', line: lineOf(doc, row.time.start) };
    const p = doc.unitParens.find((u) => u.time?.node);
    if (!p?.time) return null;
    return { text: replace(doc.text, p.time.start, p.time.end, '尽快'), rule: 'time-invalid', line: lineOf(doc, p.time.start) };
  },
  'time node two years early': (doc) => {
    if (doc.planYear === null) return null;
    const t = `${doc.planYear - 2}年6月底前`;
    const row = middle(doc.annex?.rows.filter((r) => present(r.time) && r.timeNode) ?? []);
    if (row?.time) return { text: replace(doc.text, row.time.start, row.time.end, t), rule: 'time-out-of-year', line: lineOf(doc, row.time.start) };
    const p = doc.unitParens.find((u) => u.time?.node);
    if (!p?.time) return null;
    return { text: replace(doc.text, p.time.start, p.time.end, t), rule: 'time-out-of-year', line: lineOf(doc, p.time.start) };
  },
  'deleted row': (doc, analysis) => {
    const rows = doc.annex?.rows ?? [];
    // A row that heads no merged category cell: deleting one that does changes the rows below.
    const heads = (r: AnnexRow): boolean => r.categories.some((c) => c.present) && rows[r.index + 1]?.categories.some((c) => !c.present) === true;
    const m = middle(analysis.alignment?.matches.filter((x) => x.sentences.length === 1 && analysis.isTask(x.sentences[0]) && !heads(x.row) && (analysis.alignment?.rowsOfSentence.get(x.sentences[0].index)?.length ?? 0) === 1) ?? []);
    if (!m || rows.length < 3) return null;
    const [a, b] = rowLines(doc, m.row);
    return { text: replace(doc.text, a, b, ''), rule: 'annex-missing-row', line: lineOf(doc, m.sentences[0].start), allowed: ['annex-serial'] };
  },
  'inserted unrelated row': (doc) => {
    const annex = doc.annex;
    if (!annex || annex.rows.length < 2 || annex.layout === 'cells') return null;
    const row = middle(annex.rows) as AnnexRow;
    const [a] = rowLines(doc, row);
    const cells = annex.header.map((c) => (c.role === 'serial' ? String(row.serial ?? '') : c.role === 'task' ? '组织开展全区河道水质季度监测并向社会发布监测报告。' : c.role === 'units' ? '区水务局' : c.role === 'time' ? '全年' : c.role === 'category' ? (row.categories[0]?.text ?? '') : ''));
    const sep = annex.layout === 'tabs' ? '\t' : ' | ';
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    const line = annex.layout === 'pipes' ? `| ${cells.join(sep)} |${eol}` : `${cells.join(sep)}${eol}`;
    return { text: replace(doc.text, a, a, line), rule: 'annex-orphan-row', line: row.line + 1, allowed: ['annex-serial'] };
  },
  'changed words in a row': (doc, analysis) => {
    const m = middle(analysis.alignment?.matches.filter((x) => x.sentences.length > 0 && x.row.task && x.row.task.text.length > 12) ?? []);
    if (!m?.row.task) return null;
    const t = m.row.task;
    // Replace four characters in the middle with other words.
    const mid = t.start + Math.floor(t.text.length / 2);
    return { text: replace(doc.text, mid, mid + 4, '进一步完善'), rule: 'annex-text-mismatch', line: lineOf(doc, t.start) };
  },
  'repeated serial': (doc) => {
    const rows = doc.annex?.rows.filter((r) => r.serialCell && r.serial !== null) ?? [];
    if (rows.length < 3) return null;
    const row = rows[Math.floor(rows.length / 2)];
    const c = row.serialCell as Cell;
    return { text: replace(doc.text, c.start, c.end, String((row.serial as number) - 1)), rule: 'annex-serial', line: lineOf(doc, c.start), restores: true };
  },
  'swapped rows': (doc) => {
    const annex = doc.annex;
    if (!annex || annex.rows.length < 4 || annex.layout === 'cells') return null;
    const k = Math.floor(annex.rows.length / 2);
    const [r1, r2] = [annex.rows[k], annex.rows[k + 1]];
    if (!r1.task || !r2.task || !r1.serialCell || !r2.serialCell) return null;
    // Swap the task, unit and time cells, keep the serials: the row at position k now holds the later task.
    const [a1, b1] = rowLines(doc, r1);
    const [a2, b2] = rowLines(doc, r2);
    const l1 = doc.text.slice(a1, b1);
    const l2 = doc.text.slice(a2, b2);
    const s1 = r1.serialCell.text;
    const s2 = r2.serialCell.text;
    const swapped = l2.replace(s2, s1) + l1.replace(s1, s2);
    return { text: doc.text.slice(0, a1) + swapped + doc.text.slice(b2), rule: 'annex-order', line: r1.line + 1, allowed: ['annex-order'] };
  },
  'replaced row units': (doc, analysis) => {
    const m = middle(analysis.alignment?.matches.filter((x) => x.sentences.length > 0 && x.sentences.every((s) => s.unitParen) && present(x.row.units) && x.row.unitList.length > 0) ?? []);
    if (!m?.row.units) return null;
    return { text: replace(doc.text, m.row.units.start, m.row.units.end, '区档案局'), rule: 'annex-unit-mismatch', line: lineOf(doc, m.row.units.start) };
  },
  'wrong category': (doc) => {
    const row = middle(doc.annex?.rows.filter((r) => r.categories.length > 0 && r.categories[0].present) ?? []);
    if (!row) return null;
    const c = row.categories[0];
    return { text: replace(doc.text, c.start, c.end, '其他工作'), rule: 'annex-category-mismatch', line: lineOf(doc, c.start) };
  },
  'body month outside the time node': (doc, analysis) => {
    // A task whose sentence names a month, and the node of its row: change the node to a quarter without that month.
    for (const s of analysis.tasks) {
      const mention = s.times.find((t) => t.node.parts.every((p) => p.year === null));
      if (!mention) continue;
      const rows = analysis.alignment?.rowsOfSentence.get(s.index) ?? [];
      const cell = rows.length === 1 && present(rows[0].time) ? rows[0].time : s.inlineTime;
      if (!cell || cell.text.length === 0) continue;
      const months = mention.node.parts.reduce((m, p) => m | p.months, 0);
      // The latest such quarter: an early one could also precede the issue date (time-before-issue).
      const quarter = [0x7, 0x38, 0x1c0, 0xe00].map((q) => (q & months) === 0).lastIndexOf(true);
      return { text: replace(doc.text, cell.start, cell.end, `${'一二三四'[quarter]}季度`), rule: 'time-conflict', line: lineOf(doc, cell.start) };
    }
    return null;
  },
};

function key(doc: ParsedDocument, d: Diagnostic): string {
  return `${d.ruleId}|${doc.text.slice(d.start, d.end)}|${d.message}`;
}

/** Findings of `after` that `before` does not have (as a multiset, by rule, text and message). */
function newFindings(before: ReturnType<typeof lintText>, after: ReturnType<typeof lintText>): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const d of before.diagnostics) counts.set(key(before.doc, d), (counts.get(key(before.doc, d)) ?? 0) + 1);
  return after.diagnostics.filter((d) => {
    const k = key(after.doc, d);
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      counts.set(k, n - 1);
      return false;
    }
    return true;
  });
}

describe('injected defects', () => {
  const applied = new Map<string, number>();
  after(() => {
    // Every kind of defect was injected into at least one document.
    for (const kind of Object.keys(INJECTORS)) assert.ok((applied.get(kind) ?? 0) > 0, `no document to inject "${kind}" into`);
  });

  for (const name of DOCUMENTS) {
    describe(name, () => {
      const original = readFixture(name);
      const before = lintText(original);
      const { doc, analysis } = before;
      for (const [kind, inject] of Object.entries(INJECTORS)) {
        const inj = inject(doc, analysis);
        if (!inj) continue;
        it(`${kind} → ${inj.rule} at line ${inj.line}`, () => {
          applied.set(kind, (applied.get(kind) ?? 0) + 1);
          const result = lintText(inj.text);
          const fresh = newFindings(before, result);
          const where = fresh.map((d) => `${d.ruleId}@${result.doc.lineIndex.lineAt(d.start) + 1}`);
          assert.ok(where.includes(`${inj.rule}@${inj.line}`), `expected ${inj.rule}@${inj.line}, got [${where.join(', ')}]`);
          const others = fresh.filter((d) => d.ruleId !== inj.rule && !(inj.allowed ?? []).includes(d.ruleId));
          assert.deepEqual(others.map((d) => `${d.ruleId}@${result.doc.lineIndex.lineAt(d.start) + 1}: ${d.message}`), [], 'other rules fired');
          assert.ok(fresh.length <= 3, `too many new findings: ${where.join(', ')}`);
          if (inj.restores) {
            const fixed = fixText(inj.text);
            assert.equal(fixed.output, fixText(original).output, 'fix gives the original back');
            assert.equal(fixText(fixed.output).output, fixed.output, 'a second fix changes nothing');
          }
        });
      }
    });
  }
});
