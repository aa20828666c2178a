// Writes everything that repeats the rule list from the rules themselves (server/src/rules/index.ts
// and each rule's `meta`), so a rule is described in one place:
//   package.json              contributes.configuration: one yaodian.rules setting per rule
//   package.nls*.json         the settings' descriptions, English and Chinese
//   schemas/yaodianrc.schema.json   the config file's `rules` properties
//   README.md                 the rule table (between the `rules:start` / `rules:end` comments)
//   docs/rules/<id>.md        the page header (heading, description, default level, fix)
// Only those parts change: the rest of each file stays byte for byte as it is, so hand edits
// elsewhere in these files merge cleanly.
//
//   npm run generate              write the files
//   npm run generate -- --check   list the stale files and exit 1 (test/unit/generated.test.ts does the same)

import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, modify, parse, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { RULES } from '../server/src/rules';
import type { Rule, Severity } from '../server/src/rules/types';

export const ROOT = path.join(__dirname, '..');

export interface GeneratedFile {
  /** Relative to the repository root, with `/`. */
  file: string;
  content: string;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'off'];
const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', off: '关闭' };
const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The nls key of a rule's setting description. */
const nlsKey = (id: string): string => `config.rules.${id}`;

/** Sets the value at a JSON path, leaving the rest of the text as it is. */
function setJson(text: string, at: JSONPath, value: unknown, insertAfterLastOf?: (key: string) => boolean): string {
  return applyEdits(
    text,
    modify(text, at, value, {
      formattingOptions: FORMAT,
      getInsertionIndex: insertAfterLastOf
        ? (keys) => {
            let i = keys.length;
            while (i > 0 && !insertAfterLastOf(keys[i - 1])) i--;
            return i === 0 ? keys.length : i;
          }
        : undefined,
    }),
  );
}

function manifest(text: string): string {
  const properties = Object.fromEntries(
    RULES.map((r) => [
      r.meta.id,
      {
        type: 'string',
        enum: SEVERITIES,
        enumDescriptions: SEVERITIES.map((s) => `%config.severity.${s}%`),
        description: `%${nlsKey(r.meta.id)}%`,
      },
    ]),
  );
  return setJson(text, ['contributes', 'configuration', 'properties', 'yaodian.rules', 'properties'], properties);
}

function nls(text: string, describe: (r: Rule) => string): string {
  let out = text;
  const wanted = new Set(RULES.map((r) => nlsKey(r.meta.id)));
  const present = Object.keys(parse(out) as Record<string, string>);
  for (const key of present) if (key.startsWith('config.rules.') && !wanted.has(key)) out = setJson(out, [key], undefined);
  for (const r of RULES) out = setJson(out, [nlsKey(r.meta.id)], describe(r), (k) => k.startsWith('config.rules.'));
  return out;
}

const nlsEn = (r: Rule): string => `${r.meta.descriptionEn} (default: ${r.meta.defaultSeverity}).`;
const nlsZh = (r: Rule): string => `${r.meta.description}（默认：${SEVERITY_ZH[r.meta.defaultSeverity]}）。`;

function schema(text: string): string {
  const properties = Object.fromEntries(
    RULES.map((r) => [
      r.meta.id,
      { $ref: '#/definitions/severity', description: `${r.meta.description}（默认：${r.meta.defaultSeverity}）。${r.meta.descriptionEn}.` },
    ]),
  );
  // The rule names `ignoreFindings` accepts are the same list.
  const withRules = setJson(text, ['properties', 'rules', 'properties'], properties);
  return setJson(withRules, ['properties', 'ignoreFindings', 'items', 'properties', 'rule', 'enum'], RULES.map((r) => r.meta.id));
}

const TABLE_START = '<!-- rules:start: npm run generate 按各规则的 meta 生成，请勿手改 -->';
const TABLE_END = '<!-- rules:end -->';

/** A Markdown table cell: a `|` inside would end the cell. */
const cell = (s: string): string => s.replace(/\|/g, '\\|');

function readme(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: the rule table must stand between ${TABLE_START} and ${TABLE_END}`);
  const rows = RULES.map((r) => {
    const m = r.meta;
    return `| [${m.id}](docs/rules/${m.id}.md) | ${cell(m.title)} | ${m.defaultSeverity} | ${m.fixable === 'auto' ? '✔' : ''} | ${cell(m.description)} |`;
  });
  const table = ['| 规则 | 名称 | 默认级别 | 自动修复 | 检查什么 |', '|---|---|---|---|---|', ...rows].join('\n');
  return `${text.slice(0, start)}${TABLE_START}\n${table}\n${text.slice(end)}`;
}

const FIX_ZH: Record<Rule['meta']['fixable'], string> = {
  auto: '是（`yaodian fix`、`check --fix`、编辑器“全部修复”）',
  manual: '否（编辑器提供快速修复）',
  none: '否',
};

/** The line that ends a docs page's generated header; what follows is written by hand. */
export const DOCS_HEADER_END = '<!-- 以上由 npm run generate 按规则文件的 meta 生成；以下手写 -->';

function docsHeader(r: Rule): string {
  const m = r.meta;
  const severityNote = m.docs?.severity ?? (m.defaultSeverity === 'off' ? '（需要在配置中打开）' : '');
  return [
    `# ${m.id} ${m.title}`,
    '',
    `${m.description}。`,
    '',
    `*${m.titleEn} — ${m.descriptionEn}.*`,
    '',
    `- 默认级别：**${m.defaultSeverity}**${severityNote}`,
    `- 自动修复：${m.docs?.fix ?? FIX_ZH[m.fixable]}`,
    '',
    DOCS_HEADER_END,
    '',
  ].join('\n');
}

const DOCS_STUB = '\n## 检查什么\n\n## 为什么\n\n## 错误示例\n\n## 正确示例\n';

/** A docs page with its header regenerated: the hand-written part is kept (before the first marker, it starts at the first `##`). */
export function docsPage(r: Rule, old: string | null): string {
  let body = DOCS_STUB;
  if (old !== null) {
    const marker = old.indexOf(DOCS_HEADER_END);
    if (marker >= 0) body = old.slice(marker + DOCS_HEADER_END.length).replace(/^\n/, '');
    else {
      const section = old.search(/^## /m);
      body = section >= 0 ? `\n${old.slice(section)}` : DOCS_STUB;
    }
  }
  return docsHeader(r) + body;
}

function readOrNull(file: string): string | null {
  const full = path.join(ROOT, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
}

function read(file: string): string {
  const text = readOrNull(file);
  if (text === null) throw new Error(`${file} is missing`);
  return text;
}

/** Every generated file with the content it should have. */
export function generate(): GeneratedFile[] {
  return [
    { file: 'package.json', content: manifest(read('package.json')) },
    { file: 'package.nls.json', content: nls(read('package.nls.json'), nlsEn) },
    { file: 'package.nls.zh-cn.json', content: nls(read('package.nls.zh-cn.json'), nlsZh) },
    { file: 'schemas/yaodianrc.schema.json', content: schema(read('schemas/yaodianrc.schema.json')) },
    { file: 'README.md', content: readme(read('README.md')) },
    ...RULES.map((r) => {
      const file = `docs/rules/${r.meta.id}.md`;
      return { file, content: docsPage(r, readOrNull(file)) };
    }),
  ];
}

/** The generated files whose content on disk differs from what they should hold. */
export function staleFiles(): string[] {
  return generate()
    .filter((g) => readOrNull(g.file) !== g.content)
    .map((g) => g.file);
}

function main(): void {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(`生成的文件已过期,请运行 npm run generate / stale generated files, run npm run generate:\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    return;
  }
  for (const g of generate()) {
    if (readOrNull(g.file) === g.content) continue;
    fs.writeFileSync(path.join(ROOT, g.file), g.content);
    console.log(`已更新 ${g.file}`);
  }
}

if (require.main === module) main();
