// What CI teams use, through the built CLI (dist/cli.js): GitLab Code Quality, JUnit and
// checkstyle reports checked against GitLab's format and XML parsers, ESLint formatter modules,
// the suppressions baseline, standard input, colours, help, --print-config, init and
// --concurrency.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { parseStringPromise } from 'xml2js';
import { BAD } from '../helpers/cli';
import { CLI, FIXTURES } from '../helpers/fixtures';
import { toEslintResults, formatterCandidates, INFO_PREFIX } from '../../server/src/report/eslintFormatter';
import type { JsonFileResult } from '../../server/src/report/format';

interface Run {
  code: number;
  out: string;
  err: string;
}

function yaodian(args: string[], cwd: string, options: { input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input: options.input, env });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** BAD with the outline-marker-format finding at info (a finding of each severity but warning). */
const INFO_RULE = ['--rule', 'outline-marker-format=info'];

let dir: string;
const write = (rel: string, text: string | Buffer): string => {
  const f = path.join(dir, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-ci-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('yaodian check --format gitlab', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'schemas', 'gitlab-codequality.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it("follows GitLab's Code Quality format: severities, relative paths, lines", () => {
    write('docs/a.txt', BAD);
    const r = yaodian(['check', '--format', 'gitlab', ...INFO_RULE, 'docs'], dir);
    assert.equal(r.code, 1, r.err);
    const issues = JSON.parse(r.out) as { check_name: string; severity: string; location: unknown }[];
    assert.ok(validate(issues), JSON.stringify(validate.errors));
    assert.deepEqual(
      issues.map((i) => [i.check_name, i.severity, i.location]),
      [
        ['outline-sequence', 'major', { path: 'docs/a.txt', lines: { begin: 4, end: 4 } }],
        ['outline-marker-format', 'info', { path: 'docs/a.txt', lines: { begin: 5, end: 5 } }],
      ],
    );
  });

  it('keeps fingerprints when lines are inserted above, differs across files, never repeats', () => {
    write('a.txt', BAD);
    write('b.txt', BAD);
    const before = JSON.parse(yaodian(['check', '-f', 'gitlab', 'a.txt', 'b.txt'], dir).out) as { fingerprint: string }[];
    write('a.txt', BAD.replace('工作要点\n', '工作要点\n\n印发说明。\n\n'));
    const after = JSON.parse(yaodian(['check', '-f', 'gitlab', 'a.txt', 'b.txt'], dir).out) as { fingerprint: string; location: { lines: { begin: number } } }[];
    assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
    assert.equal(after[0].location.lines.begin, 7);
    assert.equal(new Set(after.map((i) => i.fingerprint)).size, 4);
  });
});

describe('yaodian check --format junit', () => {
  it('parses as JUnit XML: a suite per file, errors and warnings fail, infos do not, clean files pass', async () => {
    write('a.txt', BAD.replace('二.', '二 .'));
    write('b.txt', BAD.replace('(三)', '(二)').replace('(四)', '(三)').replace('二.', '二、'));
    write('c&<d>.txt', BAD);
    const r = yaodian(['check', '--format', 'junit', ...INFO_RULE, '.'], dir);
    assert.equal(r.code, 1);
    const xml = await parseStringPromise(r.out);
    const suites = xml.testsuites;
    assert.deepEqual(suites.$, { name: 'yaodian', tests: '5', failures: '2', errors: '0', time: '0' });
    const byName = Object.fromEntries(suites.testsuite.map((s: { $: { name: string } }) => [s.$.name, s]));
    assert.deepEqual(Object.keys(byName), ['a.txt', 'b.txt', 'c&<d>.txt']);
    const a = byName['a.txt'];
    assert.deepEqual(a.$, { name: 'a.txt', tests: '2', failures: '1', errors: '0', skipped: '0', time: '0' });
    assert.equal(a.testcase[0].$.name, 'outline-sequence 4:1');
    assert.equal(a.testcase[0].failure[0].$.type, 'error');
    assert.match(a.testcase[0].failure[0].$.message, /^编号不连续/);
    assert.equal(a.testcase[1].failure, undefined);
    assert.match(a.testcase[1]['system-out'][0], /^a\.txt:5:1 info /);
    assert.equal(byName['b.txt'].testcase.length, 1);
    assert.equal(byName['b.txt'].testcase[0].failure, undefined);
  });
});

describe('yaodian check --format checkstyle', () => {
  it('parses as checkstyle XML and says what ESLint’s own checkstyle formatter says for errors and warnings', async () => {
    const file = write('a.txt', BAD);
    const repo = path.resolve(__dirname, '..', '..');
    const ours = await parseStringPromise(yaodian(['check', '--format', 'checkstyle', file], repo).out);
    const eslints = await parseStringPromise(yaodian(['check', '--format', 'eslint-formatter-checkstyle', file], repo).out);
    const shape = (x: { checkstyle: { file: { $: { name: string }; error: { $: Record<string, string> }[] }[] } }) =>
      x.checkstyle.file.map((f) => [f.$.name, f.error.map((e) => [e.$.line, e.$.column, e.$.severity, e.$.message])]);
    assert.deepEqual(shape(ours), [
      [
        file,
        [
          ['4', '1', 'error', '编号不连续:“(一)”之后应为“(二)”,此处为“(三)” (outline-sequence)'],
          ['5', '1', 'warning', '编号格式不规范:应为“二、”,此处为“二.” (outline-marker-format)'],
        ],
      ],
    ]);
    assert.deepEqual(shape(eslints), shape(ours));
    assert.equal(ours.checkstyle.file[0].error[0].$.source, 'yaodian.outline-sequence');
  });
});

describe('yaodian check --format <ESLint formatter module>', () => {
  const repo = path.resolve(__dirname, '..', '..');

  it('loads eslint-formatter-<name> from the current folder and renders the results', async () => {
    const file = write('a.txt', BAD);
    const r = yaodian(['check', '--format', 'eslint-formatter-junit', ...INFO_RULE, file], repo);
    assert.equal(r.code, 1, r.err);
    const xml = await parseStringPromise(r.out);
    const cases = xml.testsuites.testsuite[0].testcase;
    assert.deepEqual(
      cases.map((c: { $: { name: string } }) => c.$.name),
      ['org.eslint.outline-sequence', 'org.eslint.outline-marker-format'],
    );
    // Info is not "off": ESLint formatters get it as a warning marked 提示(info).
    const text = (cases[1].failure[0]._ as string).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    assert.match(text, /Warning - 提示\(info\):编号格式不规范/);
    const short = yaodian(['check', '--format', 'checkstyle', file], repo);
    assert.match(short.out, /source="yaodian\.outline-sequence"/, 'a built-in name stays built in');
  });

  it('an unknown module is a usage error that names what was tried', () => {
    write('a.txt', BAD);
    const r = yaodian(['check', '--format', 'no-such-format', 'a.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /未知格式 "no-such-format".*eslint-formatter-no-such-format 或 no-such-format/);
    assert.equal(r.out, '');
  });

  it('module names follow ESLint: prefix, scopes, paths', () => {
    assert.deepEqual(formatterCandidates('pretty'), ['eslint-formatter-pretty', 'pretty']);
    assert.deepEqual(formatterCandidates('eslint-formatter-pretty'), ['eslint-formatter-pretty']);
    assert.deepEqual(formatterCandidates('@microsoft/sarif'), ['@microsoft/eslint-formatter-sarif', '@microsoft/sarif']);
    assert.deepEqual(formatterCandidates('@team'), ['@team/eslint-formatter']);
    assert.deepEqual(formatterCandidates('./f.js'), ['./f.js']);
  });

  it('hands ESLint formatters info as a marked warning, counted among the warnings', () => {
    const r: JsonFileResult = {
      filePath: '/a.txt',
      messages: [{ ruleId: 'x', severity: 0, message: '说明', line: 1, column: 1, endLine: 1, endColumn: 2 }],
      errorCount: 0,
      warningCount: 0,
      infoCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    const [e] = toEslintResults([r]) as { messages: { severity: number; message: string }[]; warningCount: number }[];
    assert.deepEqual([e.messages[0].severity, e.messages[0].message, e.warningCount], [1, `${INFO_PREFIX}说明`, 1]);
  });
});

describe('suppressions baseline (yaodian-suppressions.json)', () => {
  it('--suppress-all records, later runs report only new findings, --prune-suppressions cleans up', () => {
    write('.yaodianrc.json', '{}');
    write('docs/a.txt', BAD);
    // Run from a sub-folder: the baseline goes beside the nearest config.
    const first = yaodian(['check', '--suppress-all', '.'], path.join(dir, 'docs'));
    assert.equal(first.code, 0, first.err);
    assert.equal(first.out, '');
    const base = JSON.parse(fs.readFileSync(path.join(dir, 'yaodian-suppressions.json'), 'utf8'));
    assert.equal(base.version, 1);
    assert.deepEqual(Object.keys(base.files), ['docs/a.txt']);
    assert.deepEqual(Object.values(base.files['docs/a.txt']).map((e) => (e as { rule: string }).rule), ['outline-sequence', 'outline-marker-format']);

    // Lines inserted above: still suppressed.
    write('docs/a.txt', BAD.replace('工作要点\n', '工作要点\n\n'));
    assert.deepEqual(yaodian(['check', 'docs'], dir), { code: 0, out: '', err: '' });

    // A new problem is reported, the old ones are not.
    write('docs/a.txt', BAD + '(六)新增任务。(区丙局负责落实)\n');
    const newer = yaodian(['check', '-f', 'json', 'docs'], dir);
    assert.equal(newer.code, 1);
    assert.deepEqual(JSON.parse(newer.out)[0].messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`), ['outline-sequence@7']);

    // A fixed problem leaves an unused entry: noted, then pruned.
    write('docs/a.txt', BAD.replace('二.', '二、'));
    const fixed = yaodian(['check', 'docs'], dir);
    assert.equal(fixed.code, 0);
    assert.match(fixed.err, /有 1 条记录已不再出现,可用 --prune-suppressions 清理/);
    const pruned = yaodian(['check', '--prune-suppressions', 'docs'], dir);
    assert.equal(pruned.code, 0);
    assert.match(pruned.err, /删除 1 条/);
    const after = JSON.parse(fs.readFileSync(path.join(dir, 'yaodian-suppressions.json'), 'utf8'));
    assert.deepEqual(Object.values(after.files['docs/a.txt']).map((e) => (e as { rule: string }).rule), ['outline-sequence']);
    assert.equal(yaodian(['check', 'docs'], dir).err, '');
  });

  it('without a config the baseline is in the current folder; a broken one is a usage error', () => {
    write('a.txt', BAD);
    assert.equal(yaodian(['check', '--suppress-all', 'a.txt'], dir).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'yaodian-suppressions.json')));
    write('yaodian-suppressions.json', '{"files": 1}');
    const r = yaodian(['check', 'a.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /不是 yaodian 的基线文件/);
  });
});

describe('everyday CLI habits', () => {
  it('reads standard input with - or --stdin; --stdin-filename finds the config and names the file', () => {
    write('2025/.yaodianrc.json', '{"rules": {"outline-marker-format": "off"}}');
    const r = yaodian(['check', '-f', 'json', '--stdin', '--stdin-filename', '2025/a.txt'], dir, { input: BAD });
    assert.equal(r.code, 1, r.err);
    const [res] = JSON.parse(r.out);
    assert.equal(res.filePath, path.join(dir, '2025', 'a.txt'));
    assert.deepEqual(res.messages.map((m: { ruleId: string }) => m.ruleId), ['outline-sequence']);
    const dash = yaodian(['check', '-'], dir, { input: BAD });
    assert.equal(dash.code, 1);
    assert.match(dash.out, /<stdin>/);
    const fix = yaodian(['fix', '--stdin'], dir, { input: BAD });
    assert.equal(fix.out, BAD.replace('(三)', '(二)').replace('(四)', '(三)').replace('二.', '二、'));
    assert.equal(fix.code, 0);
    assert.equal(yaodian(['check', '--stdin', 'a.txt'], dir, { input: BAD }).code, 2);
  });

  it('colours: --color/--no-color win, then NO_COLOR, then FORCE_COLOR; none when piped', () => {
    write('a.txt', BAD);
    const esc = (r: Run): boolean => r.out.includes('\u001b[');
    assert.equal(esc(yaodian(['check', 'a.txt'], dir)), false);
    assert.equal(esc(yaodian(['check', 'a.txt'], dir, { env: { FORCE_COLOR: '1' } })), true);
    assert.equal(esc(yaodian(['check', 'a.txt'], dir, { env: { FORCE_COLOR: '0' } })), false);
    assert.equal(esc(yaodian(['check', 'a.txt'], dir, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })), false);
    assert.equal(esc(yaodian(['check', '--color', 'a.txt'], dir, { env: { NO_COLOR: '1' } })), true);
    assert.equal(esc(yaodian(['check', '--no-color', 'a.txt'], dir, { env: { FORCE_COLOR: '1' } })), false);
  });

  it('the pre-commit hooks run as pre-commit runs them: entry, then the staged files that match', () => {
    // .pre-commit-hooks.yaml is a flat list of maps: read it line by line.
    const hooks: Record<string, string>[] = [];
    for (const line of fs.readFileSync(path.join(__dirname, '..', '..', '.pre-commit-hooks.yaml'), 'utf8').split('\n')) {
      const m = /^(- | {2})([a-z_]+): (.*)$/.exec(line);
      if (!m) continue;
      if (m[1] === '- ') hooks.push({});
      hooks[hooks.length - 1][m[2]] = m[3];
    }
    assert.deepEqual(hooks.map((h) => [h.id, h.entry, h.language]), [
      ['yaodian', 'yaodian check', 'node'],
      ['yaodian-fix', 'yaodian fix', 'node'],
    ]);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.equal(pkg.bin.yaodian, 'dist/cli.js');
    const matches = (hook: Record<string, string>, f: string): boolean => new RegExp(hook.files).test(f);
    assert.deepEqual(['docs/2026年工作要点.txt', 'docs/2026年工作要点.docx', 'README.md'].map((f) => matches(hooks[0], f)), [true, true, false]);
    // fix does not rewrite Word documents (exit 2): its hook leaves them to the check hook.
    assert.deepEqual(['docs/2026年工作要点.txt', 'docs/2026年工作要点.docx'].map((f) => matches(hooks[1], f)), [true, false]);
    const staged = write('docs/2026年工作要点.txt', BAD);
    fs.copyFileSync(path.join(FIXTURES, 'docx', 'numbered.docx'), path.join(dir, 'docs', 'b.docx'));
    const files = ['docs/2026年工作要点.txt', 'docs/b.docx'];
    const check = yaodian([...hooks[0].entry.split(' ').slice(1), ...files.filter((f) => matches(hooks[0], f))], dir);
    assert.equal(check.code, 1, check.err);
    assert.match(check.out, /4:1 {2}error/);
    const fix = yaodian([...hooks[1].entry.split(' ').slice(1), ...files.filter((f) => matches(hooks[1], f))], dir);
    assert.equal(fix.code, 0, fix.err);
    assert.match(fix.err, /已修复 2 处/);
    assert.notEqual(fs.readFileSync(staged, 'utf8'), BAD);
  });

  it('--version, and help per command', () => {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
    assert.deepEqual(yaodian(['--version'], dir), { code: 0, out: `${version}\n`, err: '' });
    assert.equal(yaodian(['check', '--version'], dir).out, `${version}\n`);
    for (const args of [['check', '--help'], ['fix', '-h'], ['help', 'check']]) {
      const r = yaodian(args, dir);
      assert.equal(r.code, 0);
      assert.match(r.out, /^用法 \(usage\): yaodian check/);
      for (const o of ['--stdin-filename', '--suppress-all', '--prune-suppressions', '--print-config', '--concurrency', '--no-color']) assert.ok(r.out.includes(o), o);
    }
    // Every command has its own help, exit 0, on standard output.
    for (const command of ['outline', 'annex', 'tasks', 'report', 'text', 'init']) {
      for (const flag of ['--help', '-h']) {
        const r = yaodian([command, flag], dir);
        assert.deepEqual([r.code, r.err], [0, ''], `${command} ${flag}`);
        assert.match(r.out, new RegExp(`^用法 \\(usage\\): yaodian ${command} `), `${command} ${flag}`);
      }
    }
    assert.match(yaodian(['report', '--help'], dir).out, /-o <out\.html>/);
    assert.match(yaodian(['text', '--help'], dir).out, /\.docx/);
    assert.match(yaodian(['init', '--help'], dir).out, /--force/);
    assert.match(yaodian(['check', '--help'], dir).out, /\*\.docx[\s\S]*--format docx -o <out\.docx>/);
    const unknown = yaodian(['check', '--frobnicate', 'a.txt'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /yaodian check --help/);
  });

  it('--print-config shows the resolved config of a file, overrides applied', () => {
    write('.yaodianrc.json', '{"planYear": 2026, "overrides": [{"files": ["2025/**"], "planYear": 2025}]}');
    const r = yaodian(['check', '--print-config', '2025/a.txt', '--rule', 'annex-order=off'], dir);
    assert.equal(r.code, 0, r.err);
    const c = JSON.parse(r.out);
    assert.equal(c.planYear, 2025);
    assert.deepEqual(c.rules, { 'annex-order': 'off' });
    assert.deepEqual(Object.keys(c).sort(), ['ignoreFindings', 'nonTaskSections', 'planYear', 'requireTimeNode', 'requireUnit', 'rules', 'unitAliases']);
  });

  it('yaodian init writes a commented .yaodianrc.json once', () => {
    const r = yaodian(['init'], dir);
    assert.equal(r.code, 0, r.err);
    const text = fs.readFileSync(path.join(dir, '.yaodianrc.json'), 'utf8');
    assert.match(text, /^\/\/ 工作要点助手/);
    assert.match(text, /"outline-sequence": "error"/);
    write('a.txt', BAD);
    assert.equal(yaodian(['check', 'a.txt'], dir).code, 1);
    const again = yaodian(['init'], dir);
    assert.equal(again.code, 2);
    assert.match(again.err, /已存在/);
    assert.equal(yaodian(['init', '--force'], dir).code, 0);
  });

  it('a config with extends and overrides drives check', () => {
    write('base.json', '{"rules": {"outline-marker-format": "off"}}');
    write('.yaodianrc.json', '{"extends": "base.json", "overrides": [{"files": ["old/**"], "rules": {"outline-sequence": "warning"}}]}');
    write('a.txt', BAD);
    write('old/a.txt', BAD);
    const r = yaodian(['check', '-f', 'json', '.'], dir);
    const res = JSON.parse(r.out) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
    assert.deepEqual(
      res.map((x) => [path.relative(dir, x.filePath).split(path.sep).join('/'), x.messages.map((m) => `${m.ruleId}:${m.severity}`)]),
      [
        ['a.txt', ['outline-sequence:2']],
        ['old/a.txt', ['outline-sequence:1']],
      ],
    );
    write('.yaodianrc.json', '{"extends": "none.json"}');
    const broken = yaodian(['check', 'a.txt'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /无法读取配置文件 .*none\.json/);
  });
});

describe('yaodian check --concurrency', function () {
  // Three runs over 60 documents, each starting worker threads.
  this.timeout(120_000);
  it('gives the same report, in the same order, with workers as without', () => {
    const corpus = fs.readdirSync(path.join(FIXTURES, 'corpus')).filter((f) => f.endsWith('.txt'));
    for (let i = 0; i < 60; i++) {
      const src = corpus[i % corpus.length];
      write(`d${i % 3}/${String(i).padStart(3, '0')}-${src}`, fs.readFileSync(path.join(FIXTURES, 'corpus', src)));
    }
    const off = yaodian(['check', '-f', 'json', '--concurrency', 'off', '.'], dir);
    const two = yaodian(['check', '-f', 'json', '--concurrency', '2', '.'], dir);
    const auto = yaodian(['check', '-f', 'sarif', '--concurrency', 'auto', '.'], dir);
    assert.equal(two.code, off.code);
    assert.equal(two.out, off.out);
    assert.equal(JSON.parse(off.out).length, 60);
    assert.equal(JSON.parse(auto.out).runs[0].results.length, JSON.parse(off.out).reduce((n: number, r: { messages: unknown[] }) => n + r.messages.length, 0));
    const bad = yaodian(['check', '--concurrency', 'lots', '.'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--concurrency 应为正整数、auto 或 off/);
  });

  it('fixes files in workers too', () => {
    for (let i = 0; i < 4; i++) write(`f${i}.txt`, BAD);
    const r = yaodian(['fix', '--concurrency', '2', '.'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    for (let i = 0; i < 4; i++) assert.equal(fs.readFileSync(path.join(dir, `f${i}.txt`), 'utf8'), BAD.replace('(三)', '(二)').replace('(四)', '(三)').replace('二.', '二、'));
  });
});
