// The one rule tester every rule test uses (as markdownlint's and ESLint's rule testers):
//  - `tester.check(text, config)`: the rule's findings on a document, to assert exact ranges,
//    messages and fixes;
//  - `tester.fixtures()`: one test per fixture in test/fixtures/rules/<rule-id>/. A fixture's lines
//    end with the ids of the rules that must report there, `{rule-id}` or `{rule-id:column}`
//    (helpers/markers.ts); ALL findings of the file are compared with the markers, so a fixture
//    also proves that no other rule fires on it. `<name>.config.json` beside it is merged into the
//    default config. Where the auto fixes change the document, `<name>.fixed.txt` holds the
//    document they produce (without markers); where there is no such file, they must change
//    nothing. `UPDATE_FIXED=1 npx mocha …` writes the .fixed.txt files after a deliberate change.

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixText, lintText, type Diagnostic, type LintResult } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig, type ConfigFile, type ResolvedConfig } from '../../server/src/config/config';
import { applyEdits, compatibleEdits } from '../../server/src/core';
import { readMarkers, expectationKeys } from './markers';
import { FIXTURES } from './fixtures';

export const RULE_FIXTURES = path.join(FIXTURES, 'rules');

/** The default config with `config` merged in. */
export function configOf(config?: ConfigFile): ResolvedConfig {
  return mergeConfig(defaultConfig(), config);
}

/** Every finding of every rule. */
export function lint(text: string, config?: ConfigFile): LintResult {
  return lintText(text, configOf(config));
}

/** The document after all auto fixes (what `yaodian fix` writes). */
export function fixed(text: string, config?: ConfigFile): string {
  return fixText(text, configOf(config)).output;
}

/** The text each finding's range covers. */
export function slices(text: string, ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => text.slice(d.start, d.end));
}

/** The fixture documents (`*.txt`, not `*.fixed.txt`) of one rule, as paths relative to test/fixtures/rules/. */
export function ruleFixtureFiles(ruleId: string): string[] {
  const dir = path.join(RULE_FIXTURES, ruleId);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt'))
    .sort()
    .map((f) => path.join(ruleId, f));
}

function readConfig(file: string): ConfigFile | undefined {
  const cfg = path.join(RULE_FIXTURES, file.replace(/\.txt$/, '.config.json'));
  return fs.existsSync(cfg) ? (JSON.parse(fs.readFileSync(cfg, 'utf8')) as ConfigFile) : undefined;
}

export interface FixtureResult {
  /** `line:rule` (or `line:column:rule` where the marker gives a column) of every finding, sorted. */
  actual: string[];
  /** The same, as the markers state. */
  wanted: string[];
  /** The fixture without its markers. */
  text: string;
  /** The document after the auto fixes. */
  output: string;
}

/** Checks one fixture (a path relative to test/fixtures/rules/). */
export function checkFixture(file: string): FixtureResult {
  const raw = fs.readFileSync(path.join(RULE_FIXTURES, file), 'utf8').replace(/^\ufeff/, '');
  const { text, expected } = readMarkers(raw);
  const config = readConfig(file);
  const result = lint(text, config);
  const withColumns = new Set(expected.filter((e) => e.column !== undefined).map((e) => `${e.line}:${e.ruleId}`));
  const actual = result.diagnostics.map((d) => {
    const pos = result.doc.lineIndex.position(d.start);
    const key = `${pos.line + 1}:${d.ruleId}`;
    return withColumns.has(key) ? `${pos.line + 1}:${pos.character + 1}:${d.ruleId}` : key;
  });
  return { actual: actual.sort(), wanted: expectationKeys(expected, withColumns), text, output: fixed(text, config) };
}

/** Compares the fixed document with `<name>.fixed.txt` (or with the document itself where there is none). */
export function assertFixedOutput(file: string, text: string, output: string): void {
  const fixedFile = path.join(RULE_FIXTURES, file.replace(/\.txt$/, '.fixed.txt'));
  if (process.env.UPDATE_FIXED) {
    if (output !== text) fs.writeFileSync(fixedFile, output);
    else if (fs.existsSync(fixedFile)) fs.unlinkSync(fixedFile);
  }
  if (!fs.existsSync(fixedFile)) {
    assert.equal(output, text, `the auto fixes change ${file}: write what they produce to ${path.basename(fixedFile)}`);
    return;
  }
  const want = fs.readFileSync(fixedFile, 'utf8');
  assert.notEqual(want, text, `${path.basename(fixedFile)} equals the fixture: delete it`);
  assert.equal(output, want);
}

export interface RuleTester {
  readonly ruleId: string;
  /** This rule's findings on a document (default config with `config` merged in). */
  check(text: string, config?: ConfigFile): Diagnostic[];
  /** The text of each of this rule's findings. */
  slices(text: string, config?: ConfigFile): string[];
  /** Registers one test per fixture of this rule: findings equal the markers, auto fixes give the .fixed.txt. */
  fixtures(): void;
}

export function ruleTester(ruleId: string): RuleTester {
  const check = (text: string, config?: ConfigFile): Diagnostic[] => lint(text, config).diagnostics.filter((d) => d.ruleId === ruleId);
  return {
    ruleId,
    check,
    slices: (text, config) => slices(text, check(text, config)),
    fixtures() {
      describe('fixtures (inline markers)', () => {
        for (const file of ruleFixtureFiles(ruleId)) {
          it(`${file}: findings equal the markers, auto fixes give the fixed file`, () => {
            const { actual, wanted, text, output } = checkFixture(file);
            assert.deepEqual(actual, wanted);
            assertFixedOutput(file, text, output);
          });
        }
      });
    },
  };
}

/** `rule-id: message` of every finding of the rules whose id starts with `prefix` (`annex-`). */
export function findingsOf(text: string, prefix: string): string[] {
  return lint(text)
    .diagnostics.filter((d) => d.ruleId.startsWith(prefix))
    .map((d) => `${d.ruleId}: ${d.message}`);
}

/** Applies the only fix of a finding, a manual one, checking that its edits can be applied together. */
export function applyOnlyFix(text: string, d: Diagnostic): string {
  assert.equal(d.fixes.length, 1);
  const fix = d.fixes[0];
  assert.equal(fix.auto, false);
  assert.equal(compatibleEdits([fix]).taken, 1, 'the edits of the fix do not overlap');
  return applyEdits(text, fix.edits);
}
