// `yaodian check --format sarif|github` through the built CLI (dist/cli.js), as CI runs it.
import { strict as assert } from 'assert';
import { runCli, BAD } from '../helpers/cli';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FIXTURES, ROOT } from '../helpers/fixtures';
import { RULE_IDS } from '../../server/src/rules';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/report/github';
import type { JsonFileResult } from '../../server/src/report/format';

const run = runCli;

/** BAD with only the warning left. */
const WARN_ONLY = BAD.replace('(三)', '(二)').replace('(四)', '(三)');

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    columnKind: string;
    results: SarifResult[];
  }[];
}
interface JsonMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
// The schema is JSON Schema draft-04; its `language` pattern (`…]?$`) is only valid without the
// regular expressions' unicode flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValidSarif(log: unknown): void {
  const ok = validateSarif(log);
  assert.ok(ok, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
}

const LEVEL = ['note', 'warning', 'error'];

describe('yaodian check --format sarif', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-sarif-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('validates against the SARIF 2.1.0 schema, and the schema rejects a broken log', () => {
    fs.copyFileSync(path.join(FIXTURES, 'corpus', '000_8af76b9c2bc005bb.txt'), path.join(dir, 'real.txt'));
    fs.writeFileSync(path.join(dir, 'draft.txt'), BAD);
    const r = run(['check', '--format', 'sarif', '.'], dir);
    assert.equal(r.code, 1, r.err);
    const log = JSON.parse(r.out) as SarifLog;
    assertValidSarif(log);
    assert.ok(log.runs[0].results.length >= 3);
    // The validator is really checking: a wrong level and a missing message are refused.
    const broken = JSON.parse(r.out);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].results[1].message;
    assert.equal(validateSarif(broken), false);
    assert.ok((validateSarif.errors ?? []).length >= 2);
  });

  it('has one result per JSON message, with the same rule, level, text and 1-based region', () => {
    fs.copyFileSync(path.join(FIXTURES, 'corpus', '000_8af76b9c2bc005bb.txt'), path.join(dir, 'real.txt'));
    fs.writeFileSync(path.join(dir, 'draft.txt'), BAD);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', '.'], dir).out) as SarifLog;
    const json = JSON.parse(run(['check', '--format', 'json', '.'], dir).out) as { filePath: string; messages: JsonMessage[] }[];
    const messages = json.flatMap((f) => f.messages.map((m) => ({ ...m, uri: path.relative(dir, f.filePath) })));
    const results = sarif.runs[0].results;
    assert.equal(results.length, messages.length);
    const rules = sarif.runs[0].tool.driver.rules;
    results.forEach((res, i) => {
      const m = messages[i];
      assert.equal(res.ruleId, m.ruleId);
      assert.equal(rules[res.ruleIndex].id, m.ruleId);
      assert.equal(res.level, LEVEL[m.severity]);
      assert.equal(res.message.text, m.message);
      const loc = res.locations[0].physicalLocation;
      assert.deepEqual(loc.artifactLocation, { uri: m.uri, uriBaseId: '%SRCROOT%' });
      assert.deepEqual(loc.region, { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn });
    });
  });

  it('describes the tool: name, version from package.json, every rule with its docs URL', () => {
    fs.writeFileSync(path.join(dir, 'draft.txt'), BAD);
    const log = JSON.parse(run(['check', '--format', 'sarif', 'draft.txt'], dir).out) as SarifLog;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run0 = log.runs[0];
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'yaodian');
    assert.equal(driver.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      driver.rules.map((r) => r.id),
      [...RULE_IDS],
    );
    const seq = driver.rules.find((r) => r.id === 'outline-sequence')!;
    assert.equal(seq.helpUri, 'https://github.com/yaodian/yaodian/blob/main/docs/rules/outline-sequence.md');
    assert.match(seq.shortDescription.text, /编号/);
    assert.equal(seq.defaultConfiguration.level, 'error');
    assert.equal(driver.rules.find((r) => r.id === 'outline-marker-format')!.defaultConfiguration.level, 'warning');
  });

  it('writes URIs relative to the current directory (forward slashes, percent-encoded), else file URIs', () => {
    fs.mkdirSync(path.join(dir, 'docs', '子目录'), { recursive: true });
    const inside = path.join(dir, 'docs', '子目录', '工作 要点.txt');
    fs.writeFileSync(inside, BAD);
    const outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-outside-'));
    try {
      const outside = path.join(outsideDir, 'draft.txt');
      fs.writeFileSync(outside, BAD);
      const log = JSON.parse(run(['check', '--format', 'sarif', 'docs', outside], dir).out) as SarifLog;
      assertValidSarif(log);
      const uris = [...new Set(log.runs[0].results.map((r) => JSON.stringify(r.locations[0].physicalLocation.artifactLocation)))];
      assert.deepEqual(uris.map((u) => JSON.parse(u)), [
        { uri: 'docs/%E5%AD%90%E7%9B%AE%E5%BD%95/%E5%B7%A5%E4%BD%9C%20%E8%A6%81%E7%82%B9.txt', uriBaseId: '%SRCROOT%' },
        { uri: pathToFileURL(outside).href },
      ]);
    } finally {
      fs.rmSync(outsideDir, { recursive: true, force: true });
    }
  });

  it('keeps fingerprints when lines are inserted above, and gives different findings different ones', () => {
    const f = path.join(dir, 'draft.txt');
    fs.writeFileSync(f, BAD);
    const before = (JSON.parse(run(['check', '--format', 'sarif', f], dir).out) as SarifLog).runs[0].results;
    const lines = BAD.split('\n');
    lines.splice(1, 0, '为进一步做好政务公开工作,制定本要点。', '');
    fs.writeFileSync(f, lines.join('\n'));
    const after = (JSON.parse(run(['check', '--format', 'sarif', f], dir).out) as SarifLog).runs[0].results;
    assert.equal(after.length, before.length);
    after.forEach((res, i) => {
      assert.equal(res.locations[0].physicalLocation.region.startLine, before[i].locations[0].physicalLocation.region.startLine + 2);
      assert.deepEqual(res.partialFingerprints, before[i].partialFingerprints);
      assert.match(res.partialFingerprints['yaodianHash/v1'], /^[0-9a-f]{32}:1$/);
    });
    const all = before.map((r) => r.partialFingerprints['yaodianHash/v1']);
    assert.equal(new Set(all).size, all.length);
    // Editing the flagged text itself changes the fingerprint of that finding only.
    fs.writeFileSync(f, BAD.replace('(三)推进重大项目', '(三)推进重点项目'));
    const edited = (JSON.parse(run(['check', '--format', 'sarif', f], dir).out) as SarifLog).runs[0].results;
    assert.notDeepEqual(edited[0].partialFingerprints, before[0].partialFingerprints);
    assert.deepEqual(edited[1].partialFingerprints, before[1].partialFingerprints);
  });

  it('numbers equal findings on one line apart', () => {
    const f = path.join(dir, 'draft.txt');
    // Two half-width commas on one line: same rule, same range text, same line.
    fs.writeFileSync(f, ['2026年某区政务公开工作要点', '一、主要任务', '(一)做好公开,加强解读,推进落实。(区甲局负责落实)', ''].join('\n'));
    const log = JSON.parse(run(['check', '--format', 'sarif', '--rule', 'punctuation-width=warning', f], dir).out) as SarifLog;
    assertValidSarif(log);
    const prints = log.runs[0].results.map((r) => r.partialFingerprints['yaodianHash/v1']);
    assert.equal(prints.length, 4);
    assert.equal(new Set(prints).size, 4);
    assert.equal(prints[0].split(':')[0], prints[1].split(':')[0]);
    assert.deepEqual(prints.map((p) => p.split(':')[1]), ['1', '2', '1', '1']);
  });

  it('honours --quiet, --max-warnings and -o, and prints a valid empty run for a clean file', () => {
    const f = path.join(dir, 'draft.txt');
    fs.writeFileSync(f, BAD);
    const quiet = JSON.parse(run(['check', '--format', 'sarif', '--quiet', f], dir).out) as SarifLog;
    assert.deepEqual(quiet.runs[0].results.map((r) => [r.ruleId, r.level]), [['outline-sequence', 'error']]);
    fs.writeFileSync(f, WARN_ONLY);
    const tooMany = run(['check', '--format', 'sarif', '--max-warnings', '0', f], dir);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.err, /警告数 1 超过上限 0/);
    assert.deepEqual((JSON.parse(tooMany.out) as SarifLog).runs[0].results.map((r) => r.level), ['warning']);
    assert.equal(run(['check', '--format', 'sarif', '--max-warnings', '1', f], dir).code, 0);
    const out = path.join(dir, 'yaodian.sarif');
    const written = run(['check', '--format', 'sarif', '-o', out, f], dir);
    assert.equal(written.out, '');
    assert.equal(written.code, 0);
    assertValidSarif(JSON.parse(fs.readFileSync(out, 'utf8')));
    fs.writeFileSync(f, WARN_ONLY.replace('二.', '二、'));
    const clean = run(['check', '--format', 'sarif', f], dir);
    assert.equal(clean.code, 0);
    const log = JSON.parse(clean.out) as SarifLog;
    assertValidSarif(log);
    assert.deepEqual(log.runs[0].results, []);
  });
});

describe('yaodian check --format github', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-github-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one workflow command per message, paths relative to the current directory', () => {
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'draft.txt'), BAD);
    const r = run(['check', '--format', 'github', 'docs'], dir);
    assert.equal(r.code, 1);
    assert.equal(
      r.out,
      '::error file=docs/draft.txt,line=4,col=1,endLine=4,endColumn=4,title=outline-sequence::编号不连续:“(一)”之后应为“(二)”,此处为“(三)”\n' +
        '::warning file=docs/draft.txt,line=5,col=1,endLine=5,endColumn=3,title=outline-marker-format::编号格式不规范:应为“二、”,此处为“二.”\n',
    );
  });

  it('maps info to ::notice, honours --quiet and --max-warnings, prints nothing for a clean file', () => {
    const f = path.join(dir, 'draft.txt');
    fs.writeFileSync(f, BAD);
    const info = run(['check', '--format', 'github', '--rule', 'outline-marker-format=info', 'draft.txt'], dir);
    assert.match(info.out, /^::notice file=draft\.txt,line=5,col=1,endLine=5,endColumn=3,title=outline-marker-format::/m);
    const quiet = run(['check', '--format', 'github', '--quiet', 'draft.txt'], dir);
    assert.deepEqual(quiet.out.trim().split('\n').map((l) => l.slice(0, l.indexOf(' '))), ['::error']);
    fs.writeFileSync(f, WARN_ONLY);
    const tooMany = run(['check', '--format', 'github', '--max-warnings', '0', 'draft.txt'], dir);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.out, /^::warning file=draft\.txt,/);
    assert.equal(run(['check', '--format', 'github', '--max-warnings', '1', 'draft.txt'], dir).code, 0);
    fs.writeFileSync(f, WARN_ONLY.replace('二.', '二、'));
    const clean = run(['check', '--format', 'github', 'draft.txt'], dir);
    assert.deepEqual([clean.code, clean.out], [0, '']);
  });

  it('escapes % CR LF in messages and also , : in properties', () => {
    assert.equal(escapeData('100%完成\r\n下一行:a,b'), '100%25完成%0D%0A下一行:a,b');
    assert.equal(escapeProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
    const result: JsonFileResult = {
      filePath: path.join(dir, 'a,b:c%.txt'),
      messages: [{ ruleId: 'time-invalid', severity: 2, message: '时间节点“50%”无法识别\n第二行', line: 3, column: 2, endLine: 3, endColumn: 6 }],
      errorCount: 1,
      warningCount: 0,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    assert.equal(formatGithub([result], dir), '::error file=a%2Cb%3Ac%25.txt,line=3,col=2,endLine=3,endColumn=6,title=time-invalid::时间节点“50%25”无法识别%0A第二行\n');
    // Through the CLI: a file name with a comma and a colon.
    fs.writeFileSync(path.join(dir, 'a,b:c.txt'), BAD);
    const r = run(['check', '--format', 'github', '--quiet', 'a,b:c.txt'], dir);
    assert.match(r.out, /^::error file=a%2Cb%3Ac\.txt,line=4,/);
  });

  it('writes the commands with -o', () => {
    fs.writeFileSync(path.join(dir, 'draft.txt'), BAD);
    const r = run(['check', '--format', 'github', '-o', 'report.txt', 'draft.txt'], dir);
    assert.equal(r.out, '');
    assert.equal(r.code, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8').split('\n').filter(Boolean).length, 2);
  });
});
