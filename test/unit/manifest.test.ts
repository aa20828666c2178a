// 扩展清单(package.json 的 contributes)与本地化文件的一致性:每个 %键% 都有中英文,
// yaodian.rules 与配置文件 Schema、规则表一致,运行时字符串都有中文翻译,语法文件的引用都存在。
// The extension manifest and its localization files agree with each other, the schema and the rules.

import { strict as assert } from 'assert';
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { RULES } from '../../server/src/rules';

const ROOT = join(__dirname, '..', '..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const json = (p: string): any => JSON.parse(read(p)); // eslint-disable-line @typescript-eslint/no-explicit-any

const pkg = json('package.json');
const nlsEn: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');

/** Every `%key%` string in a JSON value. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, out));
  return out;
}

function placeholders(s: string): string[] {
  return (s.match(/\{\d+\}/g) ?? []).sort();
}

describe('extension manifest', () => {
  it('has an English and a Chinese string for every %key%, and no unused ones', () => {
    const used = [...nlsKeys(pkg)].sort();
    assert.deepEqual(Object.keys(nlsEn).sort(), used);
    assert.deepEqual(Object.keys(nlsZh).sort(), used);
    for (const k of used) assert.ok(nlsZh[k].trim() && nlsEn[k].trim(), k);
  });

  it('keeps the fixed names (package, language, files, commands, settings)', () => {
    assert.equal(pkg.name, 'yaodian');
    assert.equal(pkg.displayName, '工作要点助手');
    assert.equal(pkg.publisher, 'yaodian');
    assert.equal(pkg.main, './dist/extension.js');
    assert.match(pkg.engines.vscode, /^\^1\.(\d+)\.\d+$/);
    assert.ok(Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]) <= 139, 'engines.vscode must stay at or below 1.139');
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'yaodian');
    assert.deepEqual(lang.extensions, ['.yaodian.txt']);
    assert.deepEqual(lang.filenamePatterns, ['*工作要点*.txt', '*任务分解*.txt']);
    const commands = pkg.contributes.commands.map((c: { command: string }) => c.command);
    for (const c of ['yaodian.generateAnnex', 'yaodian.renumber', 'yaodian.tasksByUnit', 'yaodian.exportCsv']) assert.ok(commands.includes(c), c);
    const settings = Object.keys(pkg.contributes.configuration.properties).sort();
    assert.deepEqual(settings, ['yaodian.autoDetect', 'yaodian.rules', 'yaodian.trace.server']);
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.yaodianrc.json', url: './schemas/yaodianrc.schema.json' }]);
  });

  it('gives the commands their Chinese titles', () => {
    const title = (id: string): string => {
      const c = pkg.contributes.commands.find((x: { command: string }) => x.command === id);
      return nlsZh[/^%(.+)%$/.exec(c.title)![1]];
    };
    assert.equal(title('yaodian.generateAnnex'), '生成任务分解表');
    assert.equal(title('yaodian.renumber'), '重新编号');
    assert.equal(title('yaodian.tasksByUnit'), '按责任单位查看任务');
    assert.equal(title('yaodian.exportCsv'), '导出任务分解表');
  });

  it('offers the same rules and severities in yaodian.rules as the config file schema and the rule table', () => {
    const schema = json('schemas/yaodianrc.schema.json');
    const setting = pkg.contributes.configuration.properties['yaodian.rules'];
    const ids = RULES.map((r) => r.meta.id).sort();
    assert.deepEqual(Object.keys(setting.properties).sort(), ids);
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), ids);
    for (const id of ids) assert.deepEqual(setting.properties[id].enum, schema.definitions.severity.enum, id);
    assert.equal(setting.additionalProperties, false);
  });

  it('points at files that exist', () => {
    const files = [
      pkg.icon,
      ...pkg.contributes.languages.filter((l: { configuration?: string }) => l.configuration).map((l: { configuration: string }) => l.configuration),
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      ...pkg.contributes.jsonValidation.map((v: { url: string }) => v.url),
      `${pkg.l10n}/bundle.l10n.zh-cn.json`,
    ];
    for (const f of files) assert.ok(existsSync(join(ROOT, f)), f);
  });

  it('has a grammar whose includes all resolve', () => {
    const grammar = json('syntaxes/yaodian.tmLanguage.json');
    assert.equal(grammar.scopeName, 'text.yaodian');
    assert.equal(pkg.contributes.grammars[0].scopeName, 'text.yaodian');
    const includes = JSON.stringify(grammar).match(/"include":"#[^"]+"/g) ?? [];
    assert.ok(includes.length > 0);
    for (const inc of includes) {
      const key = inc.slice('"include":"#'.length, -1);
      assert.ok(grammar.repository[key], key);
    }
  });
});

describe('extension runtime strings', () => {
  const bundle: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');
  const sources = readdirSync(join(ROOT, 'client', 'src'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => read(join('client', 'src', f)));
  const strings = new Set<string>();
  for (const src of sources) {
    for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(m[1]);
  }

  it('are all translated to Chinese, with the same placeholders', () => {
    assert.ok(strings.size > 10);
    for (const s of strings) {
      assert.ok(s in bundle, `missing in l10n/bundle.l10n.zh-cn.json: ${s}`);
      assert.deepEqual(placeholders(bundle[s]), placeholders(s), s);
    }
  });

  it('leave no unused translation behind', () => {
    for (const key of Object.keys(bundle)) assert.ok(strings.has(key), `unused translation: ${key}`);
  });
});
