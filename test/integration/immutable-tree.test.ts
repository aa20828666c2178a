// The parsed document is what is written, and nothing after the parser changes it: the meaning,
// the alignment, every rule, the commands' facts, the outline and the review only read it. Each
// fixture is parsed, its whole tree frozen, and checked: a write to any node throws (tests run
// in strict mode), and the findings are those of an ordinary check.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from '../../server/src/document/parse';
import { DocumentAnalysis } from '../../server/src/analysis/analysis';
import { lintFacts, lintText } from '../../server/src/engine/lint';
import { annexTable, renumberEdits, tasksOf, unitsOf, type DocumentFacts } from '../../server/src/engine/facts';
import { defaultConfig } from '../../server/src/config/config';
import { outlineJson } from '../../server/src/report/outline';
import { buildReview } from '../../server/src/review/model';
import { FIXTURES } from '../helpers/fixtures';

/** Freezes an object graph: every object, array and map reachable from `root`. */
function deepFreeze(root: unknown): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    for (const key of Object.getOwnPropertyNames(v)) stack.push((v as Record<string, unknown>)[key]);
    Object.freeze(v);
  }
}

function textFixtures(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return textFixtures(full);
    return e.name.endsWith('.txt') ? [full] : [];
  });
}

const summary = (r: ReturnType<typeof lintText>): string[] => r.diagnostics.map((d) => `${d.start}-${d.end} ${d.severity} ${d.ruleId} ${d.message}`);

describe('the parsed tree is never changed after parsing', () => {
  const files = textFixtures(FIXTURES);

  it('has the fixtures to try', () => {
    assert.ok(files.length >= 100, `${files.length} fixtures`);
  });

  it('throws on a write to a frozen node (the check below can fail)', () => {
    const doc = parseDocument('2026年某区工作要点\n一、重点任务\n(一)做好甲工作。(区甲局负责)\n');
    deepFreeze(doc);
    assert.throws(() => {
      (doc.sentences[0] as { unitParen: unknown }).unitParen = null;
    }, TypeError);
  });

  for (const file of files) {
    it(path.relative(FIXTURES, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const config = defaultConfig();
      const doc = parseDocument(text);
      deepFreeze(doc);
      const facts: DocumentFacts = { doc, analysis: new DocumentAnalysis(doc, config) };
      const result = lintFacts(facts);
      assert.ok(!result.diagnostics.some((d) => d.message.includes('内部错误')), summary(result).join('\n'));
      assert.deepEqual(summary(result), summary(lintText(text, config)));
      // What the commands, the outline and the review read of it.
      tasksOf(facts);
      unitsOf(facts);
      annexTable(facts);
      renumberEdits(facts);
      outlineJson(facts);
      buildReview(result);
    });
  }
});
