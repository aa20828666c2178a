// The files that repeat the rule list are generated from the rules' meta (scripts/generate.ts):
// this test fails when someone edits a rule's meta, adds a rule, or hand-edits a generated part
// without running `npm run generate`.
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { DOCS_HEADER_END, ROOT, docsPage, generate, staleFiles } from '../../scripts/generate';
import { RULES } from '../../server/src/rules';

describe('generated rule metadata', () => {
  it('is up to date (run `npm run generate` after changing a rule’s meta)', () => {
    assert.deepEqual(staleFiles(), []);
  });

  it('covers the manifest, both nls files, the schema, the README and one docs page per rule', () => {
    const files = generate().map((g) => g.file);
    assert.deepEqual(files, [
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'schemas/yaodianrc.schema.json',
      'README.md',
      ...RULES.map((r) => `docs/rules/${r.meta.id}.md`),
    ]);
  });

  it('writes each rule’s Chinese and English description with its default level', () => {
    const zh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    const en = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    assert.equal(zh['config.rules.unit-missing'], '任务缺少责任单位：正文没有责任单位括注，任务分解表中也没有；或责任单位为空、为占位符（默认：错误）。');
    assert.equal(en['config.rules.punctuation-width'], 'Half-width punctuation between Chinese characters should be full-width (default: off).');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const r of RULES) assert.ok(readme.includes(`| [${r.meta.id}](docs/rules/${r.meta.id}.md) | ${r.meta.title} | ${r.meta.defaultSeverity} |`), r.meta.id);
  });

  it('lists every rule with its default level in the rule reference (docs/rules.md, written by hand)', () => {
    const reference = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
    for (const r of RULES) assert.ok(reference.includes(`| [\`${r.meta.id}\`](rules/${r.meta.id}.md) | ${r.meta.defaultSeverity} |`), r.meta.id);
  });

  it('keeps the hand-written part of a docs page and replaces only its header', () => {
    const rule = RULES.find((r) => r.meta.id === 'annex-serial')!;
    const old = '# annex-serial 旧标题\n\n旧说明。\n\n## 检查什么\n\n手写的内容。\n';
    const page = docsPage(rule, old);
    assert.ok(page.startsWith('# annex-serial 任务分解表序号\n\n任务分解表序号应按行序从1连续编号'), page);
    assert.ok(page.endsWith(`${DOCS_HEADER_END}\n\n## 检查什么\n\n手写的内容。\n`), page);
    assert.equal(docsPage(rule, page), page);
    assert.match(docsPage(rule, null), /## 检查什么\n/);
  });
});
