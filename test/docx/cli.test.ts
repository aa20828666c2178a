// Word documents through the built CLI: every command reads .docx, reports name the paragraph,
// `--format docx` writes the commented copy, bad files get one line and exit 2.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BAD, runCli } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';

const DOCX = path.join(FIXTURES, 'docx');
const NUMBERED = path.join(DOCX, 'numbered.docx');

interface Message { ruleId: string; severity: number; line: number; column: number; message: string; location?: string }
const json = (args: string[]): Message[] => (JSON.parse(runCli(['check', '--format', 'json', ...args]).out) as { messages: Message[] }[])[0].messages;

describe('yaodian and Word documents (CLI)', function () {
  // Several CLI runs per test: on a busy machine these take more than the default 20 s.
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-docx-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports a .docx with the paragraph named, in stylish, json, sarif and github', () => {
    const stylish = runCli(['check', NUMBERED]);
    assert.equal(stylish.code, 1);
    assert.match(stylish.out, /^ {2}10:33 {2}error {4}时间节点无法识别:“13月底前”.*（第10段） {2}time-invalid$/m);
    const messages = json([NUMBERED]);
    assert.deepEqual(messages.filter((m) => m.ruleId === 'time-invalid').map((m) => [m.line, m.column, m.location]), [[10, 33, '第10段']]);
    // The annex (a Word table) has two rows for six body tasks: the other four are missing rows.
    assert.deepEqual(messages.filter((m) => m.ruleId === 'annex-missing-row').map((m) => m.location), ['第9段', '第10段', '第11段', '第13段', '第14段']);
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', NUMBERED]).out) as { runs: { results: { message: { text: string } }[] }[] };
    assert.ok(sarif.runs[0].results.some((r) => /^时间节点无法识别.*（第10段）$/.test(r.message.text)));
    assert.match(runCli(['check', '--format', 'github', NUMBERED]).out, /^::error file=.*numbered\.docx,line=10,.*（第10段）$/m);
  });

  it('names the table, row and column of a finding inside a Word table', () => {
    const messages = json([path.join(DOCX, 'corpus-000_8af76b9c2bc005bb.docx')]);
    assert.deepEqual(
      messages.filter((m) => m.ruleId === 'annex-text-mismatch').map((m) => m.location),
      ['第217段，表1 第43行第2列'],
    );
    assert.ok(messages.every((m) => /^第\d+段/.test(m.location ?? '')));
  });

  it('says once that a real Word document which is not a plan is not one, and reads no plan rule into it', () => {
    // The three WPS files: a standard's 编制说明, a standard draft, a project application.
    const expected: [string, string, string][] = [
      ['001_nb_psr1_bianzhishuoming_mixed_auto_typed.docx', '编制说明', '第4段，表1 第3行第1列'],
      ['003_nb_psr1_standard_draft_style_numbering.docx', '行业标准', '第5段'],
      ['006_cssc_project_application_tracked_changes.docx', '申请书', '第1段'],
    ];
    for (const [name, kind, location] of expected) {
      const messages = json([path.join(DOCX, name)]);
      assert.deepEqual(
        messages.map((m) => [m.ruleId, m.severity, m.location]),
        [['document-unrecognised', 0, location]],
        name,
      );
      assert.match(messages[0].message, new RegExp(`^这是一份“${kind}”`), name);
    }
  });

  it('prints the text read from a .docx (`yaodian text`), and outline and tasks read it too', () => {
    const r = runCli(['text', NUMBERED]);
    assert.equal(r.code, 0);
    assert.equal(r.out, fs.readFileSync(path.join(DOCX, 'numbered.txt'), 'utf8'));
    const outline = JSON.parse(runCli(['outline', '--format', 'json', NUMBERED]).out) as { title: string; outline: { marker: string }[] };
    assert.equal(outline.title, '2026年某区数据局政务公开工作要点');
    assert.deepEqual(outline.outline.map((o) => o.marker), ['一、', '二、', '三、']);
    assert.equal(runCli(['tasks', NUMBERED]).code, 0);
  });

  it('gives the same findings for the same document as .txt and as .docx', () => {
    let total = 0;
    for (const name of ['numbered', 'corpus-000_8af76b9c2bc005bb', 'corpus-001_aa1df6472a57eff3']) {
      const key = (m: Message): string => `${m.ruleId} ${m.line}:${m.column} ${m.message}`;
      const fromDocx = json([path.join(DOCX, `${name}.docx`)]).map(key);
      const fromTxt = json([path.join(DOCX, `${name}.txt`)]).map(key);
      assert.deepEqual(fromDocx, fromTxt, name);
      total += fromTxt.length;
    }
    assert.ok(total >= 4, String(total));
  });

  it('refuses --fix on a .docx, naming --format docx, and still fixes the text files of the run', () => {
    const txt = path.join(dir, 'a.txt');
    fs.writeFileSync(txt, BAD);
    const doc = path.join(dir, 'b.docx');
    fs.copyFileSync(NUMBERED, doc);
    const r = runCli(['check', '--fix', txt, doc]);
    assert.equal(r.code, 2);
    assert.match(r.err, /b\.docx: --fix 不修改 Word 文档；请用 --format docx -o <输出\.docx>/);
    assert.notEqual(fs.readFileSync(txt, 'utf8'), BAD);
    assert.deepEqual(fs.readFileSync(doc), fs.readFileSync(NUMBERED));
  });

  it('gives one line and exit 2 for each unreadable Word file, and checks the others', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    fs.writeFileSync(path.join(dir, 'old.doc'), ole);
    fs.writeFileSync(path.join(dir, 'old.wps'), ole);
    fs.writeFileSync(path.join(dir, 'locked.docx'), Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]));
    const good = fs.readFileSync(NUMBERED);
    fs.writeFileSync(path.join(dir, 'cut.docx'), good.subarray(0, good.length >> 1));
    fs.writeFileSync(path.join(dir, 'a.txt'), BAD);
    const files = ['old.doc', 'old.wps', 'locked.docx', 'cut.docx', 'a.txt'].map((f) => path.join(dir, f));
    const r = runCli(['check', ...files]);
    assert.equal(r.code, 2);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 4, r.err);
    assert.match(lines[0], /old\.doc: 这是旧版 Word 二进制格式（\.doc）/);
    assert.match(lines[1], /old\.wps: 这是旧版 WPS 文字格式/);
    assert.match(lines[2], /locked\.docx: 文档已加密/);
    assert.match(lines[3], /cut\.docx: 文件已损坏或不完整/);
    assert.doesNotMatch(r.err, /\n\s+at /);
    assert.match(r.out, /a\.txt/);
  });

  it('searches folders for .docx beside .txt, any case of the extension, skipping Word lock files', () => {
    fs.copyFileSync(NUMBERED, path.join(dir, 'PLAN.DOCX'));
    fs.writeFileSync(path.join(dir, '~$PLAN.DOCX'), 'lock');
    fs.writeFileSync(path.join(dir, 'b.txt'), BAD);
    const r = runCli(['check', '--format', 'json', dir]);
    const files = (JSON.parse(r.out) as { filePath: string }[]).map((f) => path.basename(f.filePath));
    assert.deepEqual(files.sort(), ['PLAN.DOCX', 'b.txt']);
  });

  it('writes the commented copy with --format docx -o, never touching the original', () => {
    const input = path.join(dir, 'in.docx');
    fs.copyFileSync(NUMBERED, input);
    const out = path.join(dir, 'out.docx');
    const r = runCli(['check', '--format', 'docx', '-o', out, input]);
    assert.equal(r.code, 1);
    assert.match(r.out, /已写入带批注的文档 .*out\.docx（6 条批注）/);
    assert.deepEqual(fs.readFileSync(input), fs.readFileSync(NUMBERED));
    assert.equal(runCli(['text', out]).out, runCli(['text', input]).out);
    assert.match(runCli(['check', '--format', 'docx', input]).err, /--format docx 需要 -o/);
    assert.match(runCli(['check', '--format', 'docx', '-o', input, input]).err, /原文件不会被修改/);
    assert.deepEqual(fs.readFileSync(input), fs.readFileSync(NUMBERED));
  });
});
