// The README's install path, as a user takes it: `npm pack`, install the tarball in a scratch
// project, run `npx yaodian check` there (a file, a folder, a GB18030 file), `require('yaodian')`
// and `import` it, and type-check a TypeScript file against the shipped dist/api.d.ts.
// Uses the dist/ that `npm test` has just built (npm pack --ignore-scripts does not rebuild).
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { ROOT } from '../helpers/fixtures';
import { BAD } from '../helpers/cli';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Every script in dist/vendor (subfolders too, no source maps): the CLI loads them lazily, so both packages must ship the whole folder. */
function vendorScripts(): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (!r.endsWith('.map')) out.push(r);
    }
  };
  walk('dist/vendor');
  return out.sort();
}

/**
 * A project that makes the CLI load each library it keeps apart: a folder searched (globbing) with a
 * .gitignore (ignore rules), a commented config (JSONC) with an override by glob (glob matching),
 * a GB18030 document (code tables), a Word document (zip, XML), and an HTML report whose annex
 * row differs from the body (character diff).
 */
function writeVendorProject(dir: string): void {
  fs.mkdirSync(path.join(dir, 'docs', '2025'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'docs', 'drafts'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.gitignore'), 'drafts/\n');
  fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '// 注释\n{\n  "overrides": [{ "files": ["docs/2025/**"], "rules": { "outline-marker-format": "off" } }],\n}\n');
  fs.writeFileSync(path.join(dir, 'docs', 'a.txt'), BAD);
  fs.writeFileSync(path.join(dir, 'docs', 'drafts', 'ignored.txt'), BAD);
  fs.writeFileSync(path.join(dir, 'docs', '2025', 'gb.txt'), iconv.encode(BAD.replace('2026', '2025'), 'gb18030'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'docx', 'corpus-000_8af76b9c2bc005bb.docx'), path.join(dir, 'docs', 'word.docx'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', '000_8af76b9c2bc005bb.txt'), path.join(dir, 'putuo.txt'));
}

/** What the CLI says on that project: the findings of the folder, and the report's diff. */
function exerciseVendors(cli: string[], dir: string): { findings: string[][]; diff: boolean } {
  const run = (args: string[]) => spawnSync(cli[0], [...cli.slice(1), ...args], { cwd: dir, encoding: 'utf8' });
  const check = run(['check', '--format', 'json', 'docs']);
  assert.equal(check.status, 1, check.stderr);
  const results = JSON.parse(check.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  const report = run(['report', 'putuo.txt', '-o', 'report.html']);
  assert.equal(report.status, 0, report.stderr);
  const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
  return {
    findings: results.map((r) => [path.relative(dir, r.filePath).split(path.sep).join('/'), ...r.messages.map((m) => `${m.ruleId}@${m.line}`)]),
    diff: /<del>[^<]+<\/del><ins>[^<]+<\/ins>/.test(html),
  };
}

describe('the packed package, installed in a scratch project', function () {
  this.timeout(180_000);
  let scratch: string;
  let packed: { files: { path: string }[] };

  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-pack-'));
    const out = execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' });
    packed = JSON.parse(out)[0];
    const tarball = path.join(scratch, (packed as unknown as { filename: string }).filename);
    const project = path.join(scratch, 'project');
    fs.mkdirSync(path.join(project, 'docs', '2025'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }));
    // No dependencies to fetch: everything is bundled, so this works offline.
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: project, encoding: 'utf8' });
    fs.writeFileSync(path.join(project, 'docs', '2026年工作要点.txt'), BAD);
    fs.writeFileSync(path.join(project, 'docs', '2025', '2025年工作要点.txt'), iconv.encode(BAD.replace('2026', '2025'), 'gb18030'));
    scratch = project;
  });

  after(() => fs.rmSync(path.dirname(scratch), { recursive: true, force: true }));

  it('ships what runs and nothing else (no sources, tests or source maps)', () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const f of ['dist/cli.js', 'dist/cli-main.js', ...vendorScripts(), 'dist/api.js', 'dist/api.d.ts', 'dist/server.js', 'schemas/yaodianrc.schema.json', 'docs/rules/outline-sequence.md', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(f), `${f} is packed`);
    }
    assert.deepEqual(files.filter((f) => /^(test|server\/src|client|bench)\/|\.map$|\.ts$/.test(f) && !f.endsWith('.d.ts')), []);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.dependencies, undefined, 'every library is bundled: nothing for npm install to fetch');
  });

  it('npx yaodian check: a file, a folder with a GB18030 document, exit codes', () => {
    const one = spawnSync(NPX, ['--no-install', 'yaodian', 'check', 'docs/2026年工作要点.txt'], { cwd: scratch, encoding: 'utf8' });
    assert.equal(one.status, 1, one.stderr);
    assert.match(one.stdout, /4:1 {2}error {4}编号不连续/);
    const folder = spawnSync(NPX, ['--no-install', 'yaodian', 'check', '--format', 'json', 'docs'], { cwd: scratch, encoding: 'utf8' });
    assert.equal(folder.status, 1, folder.stderr);
    const results = JSON.parse(folder.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    assert.deepEqual(
      results.map((r) => [path.relative(scratch, r.filePath).split(path.sep).join('/'), r.messages.map((m) => `${m.ruleId}@${m.line}`)]),
      [
        ['docs/2025/2025年工作要点.txt', ['outline-sequence@4', 'outline-marker-format@5']],
        ['docs/2026年工作要点.txt', ['outline-sequence@4', 'outline-marker-format@5']],
      ],
    );
    const version = spawnSync(NPX, ['--no-install', 'yaodian', '--version'], { cwd: scratch, encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('npx yaodian loads every library it keeps apart: folders, .gitignore, JSONC config with overrides, GB18030, .docx, the report', () => {
    const project = path.join(scratch, 'vendors');
    writeVendorProject(project);
    const npx = exerciseVendors([NPX, '--no-install', 'yaodian'], project);
    assert.deepEqual(npx, exerciseVendors([process.execPath, path.join(ROOT, 'dist', 'cli.js')], project));
    assert.deepEqual(npx.findings.map((f) => f[0]), ['docs/2025/gb.txt', 'docs/a.txt', 'docs/word.docx']);
    assert.deepEqual(npx.findings[0], ['docs/2025/gb.txt', 'outline-sequence@4']);
    assert.ok(npx.diff);
  });

  it('require("yaodian") and import from "yaodian" give lintText, fixText, loadConfig', () => {
    const script = `
      const { lintText, fixText, loadConfig, version } = require('yaodian');
      const r = lintText(${JSON.stringify(BAD)}, { filePath: 'docs/a.txt' });
      const f = fixText(${JSON.stringify(BAD)});
      console.log(JSON.stringify({ rules: r.messages.map((m) => m.ruleId), errors: r.errorCount, fixed: f.fixed, left: f.messages.length, planYear: loadConfig('docs').planYear, version: typeof version }));`;
    const cjs = execFileSync(process.execPath, ['-e', script], { cwd: scratch, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(cjs), { rules: ['outline-sequence', 'outline-marker-format'], errors: 1, fixed: 2, left: 0, planYear: null, version: 'string' });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `import { lintText } from 'yaodian'; import api from 'yaodian'; console.log(lintText(${JSON.stringify(BAD)}).errorCount, typeof api.fixText);`], { cwd: scratch, encoding: 'utf8' });
    assert.equal(esm.trim(), '1 function');
  });

  it('the types: a TypeScript project compiles against dist/api.d.ts, and a misuse does not', () => {
    fs.writeFileSync(
      path.join(scratch, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, types: [], lib: ['es2022'], skipLibCheck: true }, files: ['use.ts'] }),
    );
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    fs.writeFileSync(
      path.join(scratch, 'use.ts'),
      `import { lintText, fixText, loadConfig, type LintResult, type Config } from 'yaodian';
const r: LintResult = lintText('文本', { config: { rules: { 'annex-order': 'off' } } });
const c: Config = loadConfig('.');
const out: string = fixText('文本', { config: c }).output;
const sev: 0 | 1 | 2 | undefined = r.messages[0]?.severity;
export { out, sev };
`,
    );
    const good = spawnSync(process.execPath, [tsc, '-p', scratch], { encoding: 'utf8' });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    fs.writeFileSync(path.join(scratch, 'use.ts'), `import { lintText } from 'yaodian';\nconst n: number = lintText('x', { config: { rules: { 'annex-order': 'loud' } } }).messages;\nexport { n };\n`);
    const bad = spawnSync(process.execPath, [tsc, '-p', scratch], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /use\.ts\(2,7\): error TS2322/);
    assert.match(bad.stdout, /"loud"/);
  });

  it('the .vsix ships the CLI with the whole dist/vendor folder it loads, and the rule docs; the shipped CLI runs', () => {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split(/\r?\n/).filter(Boolean);
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/cli-main.js', ...vendorScripts(), 'schemas/yaodianrc.schema.json']) assert.ok(listed.includes(f), f);
    const docs = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => `docs/rules/${f}`);
    assert.deepEqual(listed.filter((f) => f.startsWith('docs/rules/')).sort(), docs.sort());
    assert.deepEqual(listed.filter((f) => /^(test|server|client|node_modules)\/|\.map$/.test(f)), []);
    // The extension's files alone, as the .vsix installs them: its CLI checks what the repository's does.
    const extension = path.join(path.dirname(scratch), 'extension');
    for (const f of listed) {
      fs.mkdirSync(path.dirname(path.join(extension, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(extension, f));
    }
    const project = path.join(path.dirname(scratch), 'vsix-project');
    writeVendorProject(project);
    const shipped = exerciseVendors([process.execPath, path.join(extension, 'dist', 'cli.js')], project);
    assert.deepEqual(shipped, exerciseVendors([process.execPath, path.join(ROOT, 'dist', 'cli.js')], project));
    assert.deepEqual(shipped.findings.map((f) => f[0]), ['docs/2025/gb.txt', 'docs/a.txt', 'docs/word.docx']);
    assert.ok(shipped.diff);
  });
});
