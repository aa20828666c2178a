// `yaodian check` / `yaodian fix` through the built CLI (dist/cli.js), as CI runs it.
import { strict as assert } from 'assert';
import { runCli, BAD } from '../helpers/cli';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';

const run = runCli;

const GOOD = BAD.replace('(三)', '(二)').replace('二.', '二、').replace('(四)', '(三)');

describe('yaodian check (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints ESLint-shaped JSON with 1-based UTF-16 columns and exits 1 on errors', () => {
    const f = path.join(dir, 'draft.txt');
    fs.writeFileSync(f, BAD);
    const r = run(['check', '--format', 'json', f]);
    assert.equal(r.code, 1);
    const [res] = JSON.parse(r.out);
    assert.equal(res.filePath, f);
    assert.deepEqual(
      res.messages.map((m: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; severity: number }) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn]),
      [
        ['outline-sequence', 2, 4, 1, 4, 4],
        ['outline-marker-format', 1, 5, 1, 5, 3],
      ],
    );
    assert.equal(res.errorCount, 1);
    assert.equal(res.warningCount, 1);
    assert.equal(res.infoCount, 0);
  });

  it('prints stylish text grouped by file with a summary, exit 0 for a clean file', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), BAD);
    fs.writeFileSync(path.join(dir, 'b.txt'), GOOD);
    const r = run(['check', dir]);
    assert.equal(r.code, 1);
    assert.match(r.out, /a\.txt\n {2}4:1 {2}error {4}编号不连续:“\(一\)”之后应为“\(二\)”,此处为“\(三\)” {2}outline-sequence\n/);
    assert.doesNotMatch(r.out, /b\.txt/);
    assert.match(r.out, /✖ 2 个问题 \(1 个错误, 1 个警告, 0 个提示\)/);
    assert.equal(run(['check', path.join(dir, 'b.txt')]).code, 0);
  });

  it('checks the other files and exits 2 when one cannot be read', () => {
    fs.writeFileSync(path.join(dir, 'b.txt'), GOOD);
    const r = run(['check', '--format', 'json', path.join(dir, 'missing.txt'), path.join(dir, 'b.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing\.txt: 文件不存在/);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.equal(JSON.parse(r.out).length, 1);
  });

  it('expands globs', () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'x工作要点.txt'), GOOD);
    fs.writeFileSync(path.join(dir, 'sub', 'y.md'), GOOD);
    const r = run(['check', '--format', 'json', 'sub/*.txt'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).map((x: { filePath: string }) => path.basename(x.filePath)), ['x工作要点.txt']);
  });

  it('--rule overrides a severity, --quiet hides warnings, --max-warnings fails on too many', () => {
    const f = path.join(dir, 'draft.txt');
    fs.writeFileSync(f, BAD);
    const off = run(['check', '--format', 'json', '--rule', 'outline-sequence=off', f]);
    assert.equal(off.code, 0);
    assert.deepEqual(JSON.parse(off.out)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['outline-marker-format']);
    const quiet = run(['check', '--format', 'json', '--quiet', f]);
    assert.deepEqual(JSON.parse(quiet.out)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['outline-sequence']);
    assert.equal(run(['check', '--rule', 'outline-sequence=off', '--max-warnings', '0', f]).code, 1);
    assert.equal(run(['check', '--rule', 'outline-sequence=off', '--max-warnings', '1', f]).code, 0);
    assert.equal(run(['check', '--rule', 'no-such-rule=off', f]).code, 2);
  });

  it('finds the nearest .yaodianrc.json (with comments) upward, and --config replaces it', () => {
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    const f = path.join(dir, 'a', 'b', 'draft.txt');
    fs.writeFileSync(f, BAD);
    fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '{ "rules": { "outline-marker-format": "off" } }');
    fs.writeFileSync(path.join(dir, 'a', '.yaodianrc.json'), '{\n  // nearest wins\n  "rules": { "outline-sequence": "warning", },\n}');
    const r = run(['check', '--format', 'json', f]);
    assert.deepEqual(JSON.parse(r.out)[0].messages.map((m: { ruleId: string; severity: number }) => [m.ruleId, m.severity]), [
      ['outline-sequence', 1],
      ['outline-marker-format', 1],
    ]);
    const explicit = run(['check', '--format', 'json', '--config', path.join(dir, '.yaodianrc.json'), f]);
    assert.deepEqual(JSON.parse(explicit.out)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['outline-sequence']);
    fs.writeFileSync(path.join(dir, 'a', '.yaodianrc.json'), '{ "rules": { "outline-sequence": "loud" } }');
    const bad = run(['check', f]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /规则 "outline-sequence" 的级别应为 error、warning、info 或 off/);
  });

  it('fix rewrites the file in place, keeping CRLF and the BOM, and a second fix changes nothing', () => {
    const f = path.join(dir, 'draft.txt');
    const crlf = '\ufeff' + BAD.replace(/\n/g, '\r\n');
    fs.writeFileSync(f, crlf);
    const r = run(['fix', f]);
    assert.equal(r.code, 0, r.out + r.err);
    const after = fs.readFileSync(f, 'utf8');
    assert.equal(after, '\ufeff' + GOOD.replace(/\n/g, '\r\n'));
    run(['fix', f]);
    assert.equal(fs.readFileSync(f, 'utf8'), after);
  });

  it('reads GB18030 and writes fixes back in GB18030', () => {
    const f = path.join(dir, 'draft.txt');
    fs.writeFileSync(f, iconv.encode(BAD, 'gb18030'));
    const report = run(['check', '--format', 'json', f]);
    assert.deepEqual(JSON.parse(report.out)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['outline-sequence', 'outline-marker-format']);
    assert.equal(run(['check', '--fix', '--format', 'json', f]).code, 0);
    assert.equal(iconv.decode(fs.readFileSync(f), 'gb18030'), GOOD);
  });

  it('writes the report with -o and refuses an unknown format', () => {
    const f = path.join(dir, 'draft.txt');
    fs.writeFileSync(f, BAD);
    const out = path.join(dir, 'report.json');
    const r = run(['check', '--format', 'json', '-o', out, f]);
    assert.equal(r.out, '');
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8'))[0].errorCount, 1);
    assert.equal(run(['check', '--format', 'xml', f]).code, 2);
    assert.equal(run(['check']).code, 2);
  });
});
