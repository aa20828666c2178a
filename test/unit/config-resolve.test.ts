// The config file's schema, its validator and the README agree; resolution (extends, overrides),
// ignoreFindings, and the ignore files of folder searches.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser';
import { ConfigError, parseConfig, validateConfig } from '../../server/src/config/load';
import { resolveConfig } from '../../server/src/engine/config';
import { configTemplate } from '../../server/src/config/template';
import { IgnoreFiles } from '../../server/src/config/ignoreFiles';
import { lintText } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig } from '../../server/src/config/config';
import { expandInputs } from '../../server/src/cli/inputs';
import { RULE_IDS } from '../../server/src/rules';
import { ROOT } from '../helpers/fixtures';
import { BAD } from '../helpers/cli';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'yaodianrc.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function validatorAccepts(value: unknown): boolean {
  try {
    validateConfig(value, 'x');
    return true;
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e));
    return false;
  }
}

const GOOD: unknown[] = [
  {},
  { $schema: './node_modules/yaodian/schemas/yaodianrc.schema.json' },
  { rules: { 'annex-order': 'off', 'punctuation-width': 'warning' }, planYear: 2026 },
  { nonTaskSections: ['总体要求'], requireTimeNode: 'always', requireUnit: 'never', unitAliases: { 区发展改革委: ['区发改委'] } },
  { ignoreFindings: [{ rule: 'time-missing', text: '长期坚持' }, { text: '另行通知' }] },
  { extends: '../.yaodianrc.json' },
  { extends: ['../a.json', './b.json'] },
  { overrides: [{ files: ['2025/**'], planYear: 2025 }, { files: ['*草稿*.txt'], rules: { 'punctuation-width': 'off' }, ignoreFindings: [{ text: '待定' }] }] },
];

const BAD_CONFIGS: unknown[] = [
  [],
  { colour: true },
  { rules: { nope: 'off' } },
  { rules: { 'annex-order': 'loud' } },
  { planYear: '2026' },
  { planYear: 1800 },
  { nonTaskSections: '总体要求' },
  { requireUnit: 'sometimes' },
  { unitAliases: { 甲: '乙' } },
  { ignoreFindings: { text: 'x' } },
  { ignoreFindings: [{ rule: 'time-missing' }] },
  { ignoreFindings: [{ text: '  ' }] },
  { ignoreFindings: [{ rule: 'nope', text: 'x' }] },
  { ignoreFindings: [{ text: 'x', line: 3 }] },
  { extends: '' },
  { extends: [] },
  { extends: 3 },
  { overrides: {} },
  { overrides: [{ planYear: 2025 }] },
  { overrides: [{ files: [], planYear: 2025 }] },
  { overrides: [{ files: ['a/**'], extends: 'x.json' }] },
  { overrides: [{ files: ['a/**'], overrides: [] }] },
  { overrides: [{ files: ['a/**'], $schema: 'x' }] },
  { files: ['a/**'] },
];

describe('config schema, validator and docs agree', () => {
  for (const c of GOOD) {
    it(`both accept ${JSON.stringify(c)}`, () => {
      assert.ok(validate(c), JSON.stringify(validate.errors));
      assert.ok(validatorAccepts(c));
    });
  }
  for (const c of BAD_CONFIGS) {
    it(`both reject ${JSON.stringify(c)}`, () => {
      assert.equal(validate(c), false);
      assert.equal(validatorAccepts(c), false);
    });
  }

  it('names every rule in the schema, in rules and in ignoreFindings', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS].sort());
    assert.deepEqual([...schema.properties.ignoreFindings.items.properties.rule.enum].sort(), [...RULE_IDS].sort());
  });

  it('the README documents every key of the schema', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const key of Object.keys(schema.properties).filter((k) => k !== '$schema')) assert.ok(readme.includes(`"${key}"`), key);
  });

  it('yaodian init writes a commented file that both accept and that changes nothing', () => {
    for (const text of [configTemplate(), configTemplate('./node_modules/yaodian/schemas/yaodianrc.schema.json')]) {
      assert.match(text, /^\/\/ /m);
      const value = parseJsonc(text);
      assert.ok(validate(value), JSON.stringify(validate.errors));
      const cfg = parseConfig(text, 'init');
      assert.deepEqual(mergeConfig(defaultConfig(), cfg).rules, Object.fromEntries(Object.entries(cfg.rules!)));
      assert.deepEqual(lintText(BAD, mergeConfig(defaultConfig(), cfg)).diagnostics.map((d) => d.ruleId), lintText(BAD).diagnostics.map((d) => d.ruleId));
    }
  });
});

describe('config resolution', () => {
  let dir: string;
  const write = (rel: string, text: string): string => {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    return f;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-resolve-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('extends: bases first, this file wins; ignore entries add up; paths relative to each file', () => {
    write('shared/base.json', '{"rules": {"annex-order": "off", "annex-serial": "info"}, "planYear": 2024, "ignoreFindings": [{"text": "甲"}]}');
    write('office/.yaodianrc.json', '// 本办公室\n{"extends": "../shared/base.json", "rules": {"annex-serial": "error"}, "ignoreFindings": [{"text": "乙"}]}');
    const c = resolveConfig(path.join(dir, 'office', 'a.txt'));
    assert.deepEqual(c.rules, { 'annex-order': 'off', 'annex-serial': 'error' });
    assert.equal(c.planYear, 2024);
    assert.deepEqual(c.ignoreFindings, [{ text: '甲' }, { text: '乙' }]);
  });

  it('overrides by glob relative to the config folder; later entries win; --rule last', () => {
    write(
      '.yaodianrc.json',
      JSON.stringify({
        planYear: 2026,
        overrides: [
          { files: ['2025/**'], planYear: 2025, rules: { 'annex-order': 'off' } },
          { files: ['*草稿*.txt'], rules: { 'annex-order': 'info' } },
        ],
      }),
    );
    assert.equal(resolveConfig(path.join(dir, 'a.txt')).planYear, 2026);
    assert.equal(resolveConfig(path.join(dir, '2025', 'b', 'a.txt')).planYear, 2025);
    assert.deepEqual(resolveConfig(path.join(dir, '2025', 'a.txt')).rules, { 'annex-order': 'off' });
    assert.deepEqual(resolveConfig(path.join(dir, '2025', '要点草稿.txt')).rules, { 'annex-order': 'info' });
    assert.deepEqual(resolveConfig(path.join(dir, '2025', '要点草稿.txt'), { rules: { 'annex-order': 'error' } }).rules, { 'annex-order': 'error' });
    // A path outside the config's folder (--config elsewhere) matches no override.
    assert.equal(resolveConfig(path.join(os.tmpdir(), '2025', 'x.txt'), { configFile: path.join(dir, '.yaodianrc.json') }).planYear, 2026);
  });

  it('reports a cycle of extends and a missing base as config errors', () => {
    write('a.json', '{"extends": "b.json"}');
    write('b.json', '{"extends": "a.json"}');
    assert.throws(() => resolveConfig(path.join(dir, 'x.txt'), { configFile: path.join(dir, 'a.json') }), (e: Error) => e instanceof ConfigError && /循环 \(a\.json → b\.json → a\.json\)/.test(e.message));
    write('c.json', '{"extends": "none.json"}');
    assert.throws(() => resolveConfig(path.join(dir, 'x.txt'), { configFile: path.join(dir, 'c.json') }), /无法读取配置文件 .*none\.json/);
  });

  it('ignoreFindings drops findings by rule and text on the line, whatever the spacing and width', () => {
    const all = lintText(BAD).diagnostics.map((d) => d.ruleId);
    assert.deepEqual(all, ['outline-sequence', 'outline-marker-format']);
    const by = (entries: { rule?: string; text: string }[]): string[] => lintText(BAD, mergeConfig(defaultConfig(), { ignoreFindings: entries })).diagnostics.map((d) => d.ruleId);
    assert.deepEqual(by([{ rule: 'outline-sequence', text: '推进重大 项目' }]), ['outline-marker-format']);
    assert.deepEqual(by([{ rule: 'outline-marker-format', text: '推进重大项目' }]), all);
    assert.deepEqual(by([{ text: '围绕惠民生' }]), ['outline-sequence']);
    assert.deepEqual(by([{ text: '(区发展改革委' }]), ['outline-marker-format']);
  });

  it('folder searches skip .yaodianignore and .gitignore entries; named files are still checked', () => {
    fs.mkdirSync(path.join(dir, '.git'));
    write('.gitignore', '草稿/\n');
    write('docs/.yaodianignore', '旧/\n*备份*.txt\n!重要备份.txt\n');
    for (const f of ['docs/a.txt', 'docs/旧/b.txt', 'docs/c备份.txt', 'docs/重要备份.txt', '草稿/d.txt', 'e.txt']) write(f, BAD);
    const rel = (files: string[]): string[] => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
    assert.deepEqual(rel(expandInputs(['.'], dir).files), ['docs/a.txt', 'docs/重要备份.txt', 'e.txt']);
    assert.deepEqual(rel(expandInputs(['**/*.txt'], dir).files), ['docs/a.txt', 'docs/重要备份.txt', 'e.txt']);
    assert.deepEqual(rel(expandInputs(['docs/旧/b.txt', '草稿/d.txt'], dir).files), ['docs/旧/b.txt', '草稿/d.txt']);
    // Above the git work tree a .gitignore does not count; a .yaodianignore does.
    const ignores = new IgnoreFiles();
    assert.equal(ignores.ignores(path.join(dir, 'docs', 'x备份.txt')), true);
    assert.equal(ignores.ignores(path.join(dir, 'docs', 'a.txt')), false);
  });
});
