// The parser on whole documents: spec examples, real published documents and our own styles.
// Each fixture's full expected structure (outline, plan year, annex layout, every row and its
// bodyLine) is in `<name>.expected.json`.
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { parseDocument } from '../../server/src/document/parse';
import { outlineJson, type OutlineNodeJson } from '../../server/src/report/outline';
import { CLI, outlineFixtures, readFixture } from '../helpers/fixtures';
import { documentFacts } from '../../server/src/engine/facts';

function countLevels(nodes: OutlineNodeJson[], counts: Record<number, number> = {}): Record<number, number> {
  for (const n of nodes) {
    counts[n.level] = (counts[n.level] ?? 0) + 1;
    countLevels(n.children, counts);
  }
  return counts;
}

describe('outline of whole documents', () => {
  const fixtures = outlineFixtures();
  it('has fixtures for every spec example, corpus document and custom style', () => {
    const names = fixtures.map((f) => f.name);
    for (const n of ['examples/annex-cells-merged.txt', 'examples/annex-pipes.txt', 'examples/annex-tabs.txt', 'examples/inline-units.txt']) {
      assert.ok(names.includes(n), n);
    }
    assert.equal(names.filter((n) => n.startsWith('corpus/')).length, 3);
    assert.ok(names.filter((n) => n.startsWith('custom/')).length >= 3);
  });

  for (const f of fixtures) {
    it(`parses ${f.name} to its expected structure`, () => {
      const expected = JSON.parse(fs.readFileSync(f.expected, 'utf8'));
      const actual = outlineJson(documentFacts(readFixture(f.name)));
      // Summary first, so a failure says what kind of difference it is.
      assert.equal(actual.title, expected.title, 'title');
      assert.equal(actual.planYear, expected.planYear, 'planYear');
      assert.deepEqual(countLevels(actual.outline), countLevels(expected.outline), 'items per level');
      assert.equal(actual.annex?.layout, expected.annex?.layout, 'annex layout');
      assert.equal(actual.annex?.rows.length, expected.annex?.rows.length, 'annex rows');
      assert.deepEqual(
        actual.annex?.rows.map((r) => r.bodyLine),
        expected.annex?.rows.map((r: { bodyLine: number | null }) => r.bodyLine),
        'bodyLine of every row',
      );
      assert.deepEqual(actual, expected);
    });
  }
});

describe('corpus documents: facts checked by hand', () => {
  it('000 (Putuo 2023): 9 chapters, (一)…(三十二) continuous, 118-row cell annex', () => {
    const { doc, analysis } = documentFacts(readFixture('corpus/000_8af76b9c2bc005bb.txt'));
    assert.equal(doc.planYear, 2023);
    assert.equal(doc.outline.length, 9);
    const level2 = doc.items.filter((i) => i.level === 2).map((i) => i.marker.number);
    assert.deepEqual(level2, Array.from({ length: 32 }, (_, i) => i + 1));
    assert.equal(doc.annex?.layout, 'cells');
    assert.equal(doc.annex?.rows.length, 118);
    assert.deepEqual(doc.annex?.header.map((c) => c.role), ['serial', 'task', 'units', 'time']);
    // 总体要求 holds no tasks.
    assert.equal(analysis.meaning.holdsTasks(doc.outline[0]), false);
    // The one body task the published annex has no row for.
    const uncovered = analysis.tasks.filter((s) => !analysis.alignment?.rowsOfSentence.has(s.index));
    assert.deepEqual(uncovered.map((s) => doc.lineIndex.lineAt(s.start) + 1), [25]);
    assert.match(uncovered[0].content, /^根据法律法规立改废释/);
  });

  it('001: the web timestamp line is noise, the closing date is free text', () => {
    const doc = parseDocument(readFixture('corpus/001_aa1df6472a57eff3.txt'));
    assert.equal(doc.planYear, 2024);
    assert.equal(doc.annex, null);
    assert.deepEqual(doc.paragraphs.filter((p) => p.kind === 'noise').map((p) => p.line + 1), [2]);
    assert.deepEqual(doc.paragraphs.filter((p) => p.kind === 'free').map((p) => p.text), ['2024年5月9日']);
    // (八) carries two unit parentheticals: the second covers the sentences after the first.
    const item8 = doc.items.find((i) => i.level === 2 && i.marker.number === 8);
    assert.ok(item8);
    assert.deepEqual(item8.unitParens.map((p) => p.units.map((u) => u.name)), [['综合秘书处', '各处室'], ['企业服务处']]);
    const last = item8.sentences[item8.sentences.length - 1];
    assert.deepEqual(last.unitParen?.units.map((u) => u.name), ['企业服务处']);
    assert.match(last.content, /^落实“政府\+”/);
  });

  it('003 (Beijing 2017): (一) restarts under each chapter, every task has an inline unit', () => {
    const { doc, analysis } = documentFacts(readFixture('corpus/003_b70125ba7a548c2f.txt'));
    assert.equal(doc.planYear, 2017);
    assert.equal(doc.outline.length, 10);
    for (const ch of doc.outline) assert.equal(ch.children[0].marker.number, 1);
    const withoutUnit = analysis.tasks.filter((s) => !s.unitParen);
    assert.ok(withoutUnit.length < analysis.tasks.length / 10, `${withoutUnit.length} tasks without a unit`);
    // (PPP) and (2016-2020年) are ordinary text, not unit parentheticals.
    assert.ok(doc.unitParens.every((p) => p.units.length > 0));
  });
});

describe('yaodian outline (CLI)', () => {
  it('prints the same JSON as the engine', () => {
    const f = outlineFixtures().find((x) => x.name === 'examples/annex-cells-merged.txt');
    assert.ok(f);
    const out = execFileSync(process.execPath, [CLI, 'outline', '--format', 'json', f.file], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), JSON.parse(fs.readFileSync(f.expected, 'utf8')));
  });

  it('prints a readable tree by default', () => {
    const f = outlineFixtures().find((x) => x.name === 'examples/inline-units.txt');
    assert.ok(f);
    const out = execFileSync(process.execPath, [CLI, 'outline', f.file], { encoding: 'utf8' });
    assert.match(out, /^标题: 某市2026年政务公开工作要点$/m);
    assert.match(out, /^ {2}（二）推进重大项目信息公开 {2}\(第 15 行\) {2}\[2 项任务\]$/m);
  });

  it('exits 2 with one clear line for a missing file', () => {
    try {
      execFileSync(process.execPath, [CLI, 'outline', '/nonexistent/x.txt'], { encoding: 'utf8', stdio: 'pipe' });
      assert.fail('should exit non-zero');
    } catch (e) {
      const err = e as { status: number; stderr: string };
      assert.equal(err.status, 2);
      assert.match(err.stderr, /无法读取 \/nonexistent\/x\.txt: ENOENT/);
      assert.doesNotMatch(err.stderr, /at .*\.js/);
    }
  });
});
