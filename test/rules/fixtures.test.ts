// Every rule has fixtures that show it firing and not firing, and its test file runs them
// through the rule tester (helpers/ruleTester.ts), which compares all findings of each fixture
// with its inline markers and the auto-fixed document with its .fixed.txt.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/rules';
import { readMarkers } from '../helpers/markers';
import { RULE_FIXTURES, ruleFixtureFiles } from '../helpers/ruleTester';

/** The rule ids whose fixtures a test file runs: `const t = ruleTester('id')` (or a constant) and `t.fixtures()`. */
function fixturesRunBy(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(\w+) = ruleTester\((?:'([a-z-]+)'|(\w+))\)/g)) {
    const id = m[2] ?? new RegExp(`const ${m[3]} = '([a-z-]+)'`).exec(src)?.[1];
    if (id && src.includes(`${m[1]}.fixtures()`)) out.push(id);
  }
  return out;
}

const run = new Set(
  fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.ts'))
    .flatMap((f) => fixturesRunBy(fs.readFileSync(path.join(__dirname, f), 'utf8'))),
);

describe('rule fixtures (inline markers)', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    it(`${id} has fixtures where it fires and where it does not, run by its test`, () => {
      const own = ruleFixtureFiles(id);
      assert.ok(own.length >= 2, `test/fixtures/rules/${id}/ needs at least two fixtures`);
      const marked = own.map((f) => readMarkers(fs.readFileSync(path.join(RULE_FIXTURES, f), 'utf8')).expected);
      assert.ok(marked.some((m) => m.some((e) => e.ruleId === id)), `no fixture of ${id} expects it to fire`);
      assert.ok(marked.some((m) => !m.some((e) => e.ruleId === id)), `no fixture of ${id} expects it to stay silent`);
      assert.ok(run.has(id), `a test in test/rules/ must call ruleTester('${id}').fixtures()`);
    });
  }

  it('has a fixture folder only for rules that exist, and a .fixed.txt only beside a fixture', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const dir of fs.readdirSync(RULE_FIXTURES)) {
      assert.ok(ids.has(dir), `test/fixtures/rules/${dir}/ names no rule`);
      for (const f of fs.readdirSync(path.join(RULE_FIXTURES, dir))) {
        if (f.endsWith('.fixed.txt')) assert.ok(fs.existsSync(path.join(RULE_FIXTURES, dir, f.replace(/\.fixed\.txt$/, '.txt'))), f);
      }
    }
  });
});
