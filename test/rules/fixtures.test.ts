// Every rule has fixtures that show it firing and not firing. Each fixture's lines carry the
// ids of the rules that must report there ({rule-id} at the end of the line); the harness
// compares ALL findings of the file with the markers, so a fixture also proves that no other
// rule fires on it.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig, type ConfigFile } from '../../server/src/config/config';
import { RULES } from '../../server/src/rules';
import { readMarkers, expectationKeys, type Expectation } from '../helpers/markers';
import { FIXTURES } from '../helpers/fixtures';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');

function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const dir of fs.readdirSync(RULE_FIXTURES).sort()) {
    const full = path.join(RULE_FIXTURES, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const f of fs.readdirSync(full).sort()) if (f.endsWith('.txt')) out.push(path.join(dir, f));
  }
  return out;
}

function configFor(file: string): ConfigFile | undefined {
  const cfg = path.join(RULE_FIXTURES, file.replace(/\.txt$/, '.config.json'));
  return fs.existsSync(cfg) ? (JSON.parse(fs.readFileSync(cfg, 'utf8')) as ConfigFile) : undefined;
}

export function checkFixture(file: string): { expected: Expectation[]; actual: string[]; wanted: string[] } {
  const raw = fs.readFileSync(path.join(RULE_FIXTURES, file), 'utf8').replace(/^\ufeff/, '');
  const { text, expected } = readMarkers(raw);
  const result = lintText(text, mergeConfig(defaultConfig(), configFor(file)));
  const withColumns = new Set(expected.filter((e) => e.column !== undefined).map((e) => `${e.line}:${e.ruleId}`));
  const actual = result.diagnostics.map((d) => {
    const pos = result.doc.lineIndex.position(d.start);
    const key = `${pos.line + 1}:${d.ruleId}`;
    return withColumns.has(key) ? `${pos.line + 1}:${pos.character + 1}:${d.ruleId}` : key;
  });
  return { expected, actual: actual.sort(), wanted: expectationKeys(expected, withColumns) };
}

describe('rule fixtures (inline markers)', () => {
  const files = fixtureFiles();

  for (const rule of RULES) {
    const id = rule.meta.id;
    it(`${id} has fixtures where it fires and where it does not`, () => {
      const own = files.filter((f) => f.startsWith(`${id}${path.sep}`));
      assert.ok(own.length >= 2, `test/fixtures/rules/${id}/ needs at least two fixtures`);
      const marked = own.map((f) => readMarkers(fs.readFileSync(path.join(RULE_FIXTURES, f), 'utf8')).expected);
      assert.ok(marked.some((m) => m.some((e) => e.ruleId === id)), `no fixture of ${id} expects it to fire`);
      assert.ok(marked.some((m) => !m.some((e) => e.ruleId === id)), `no fixture of ${id} expects it to stay silent`);
    });
  }

  for (const file of files) {
    it(`${file}: findings equal the markers`, () => {
      const { actual, wanted } = checkFixture(file);
      assert.deepEqual(actual, wanted);
    });
  }
});
