// Never lose a byte (issue 12): encodings weighed over the whole file, damage reported where it
// is, nothing written back that was not decoded losslessly, binary files refused, fix says what
// it did, symbolic-link loops, and documents far larger than real ones.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { BAD } from '../helpers/cli';
import { CLI, FIXTURES } from '../helpers/fixtures';
import { run as runInProcess } from '../../server/src/cli/main';
import { decode, detectEncoding, encode, isLossless, MAX_DOCUMENT_BYTES } from '../../server/src/io/text';

interface Message {
  ruleId: string;
  line: number;
  column: number;
}

function cli(args: string[], options: { timeout?: number; nodeArgs?: string[] } = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `line:column:rule` of every finding of a one-file JSON report. */
function findings(out: string): string[] {
  const [res] = JSON.parse(out) as { messages: Message[] }[];
  return res.messages.map((m) => `${m.line}:${m.column}:${m.ruleId}`);
}

const CORPUS = path.join(FIXTURES, 'corpus', '000_8af76b9c2bc005bb.txt');
const GOOD = BAD.replace('(三)', '(二)').replace('二.', '二、').replace('(四)', '(三)');

describe('never lose a byte (issue 12)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-safety-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  describe('1. encodings weighed over the whole file', () => {
    it('a stray byte in a UTF-8 file is UTF-8 with damage, reported where it is; fix refuses and leaves the file alone', () => {
      const original = findings(cli(['check', '--format', 'json', CORPUS]).out);
      const damaged = Buffer.concat([fs.readFileSync(CORPUS), Buffer.from([0xb7, 0x0a])]);
      const f = file('x.txt', damaged);
      const r = cli(['check', '--format', 'json', f]);
      assert.equal(r.code, 1, r.err);
      const now = findings(r.out);
      // The real findings are all still there, and the damage at its own position.
      for (const k of original) assert.ok(now.includes(k), `${k} lost: ${now.join(', ')}`);
      const lastLine = fs.readFileSync(CORPUS, 'utf8').split('\n');
      assert.ok(now.includes(`${lastLine.length}:${lastLine[lastLine.length - 1].length + 1}:text-encoding`), now.join(', '));
      assert.ok(now.length <= original.length + 2, `mojibake findings: ${now.join(', ')}`);
      const fix = cli(['fix', f]);
      assert.equal(fix.code, 2);
      assert.match(fix.err, /x\.txt: 文件不能按 UTF-8 无损读取\(含无法解码的字节\),写回会改变原有内容,未修复/);
      assert.deepEqual(fs.readFileSync(f), damaged);
    });

    it('a trailing \\xa0 (Latin-1 no-break space) keeps the document and its findings', () => {
      const original = findings(cli(['check', '--format', 'json', CORPUS]).out);
      const f = file('a0.txt', Buffer.concat([fs.readFileSync(CORPUS), Buffer.from([0xa0])]));
      const now = findings(cli(['check', '--format', 'json', f]).out);
      for (const k of original) assert.ok(now.includes(k), `${k} lost: ${now.join(', ')}`);
      assert.ok(now.some((k) => k.endsWith(':text-encoding')));
    });

    it('reads GB18030 only when it reads clearly better; damaged GB18030 is still GB18030', () => {
      const text = fs.readFileSync(CORPUS, 'utf8');
      const gb = iconv.encode(text, 'gb18030');
      assert.equal(detectEncoding(Buffer.from(text, 'utf8')), 'utf8');
      assert.equal(detectEncoding(gb), 'gb18030');
      assert.equal(detectEncoding(Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xb7])])), 'utf8');
      assert.equal(detectEncoding(Buffer.concat([gb, Buffer.from([0xff])])), 'gb18030');
      // One GBK word in ASCII text reads as GB18030.
      assert.equal(detectEncoding(Buffer.concat([Buffer.from('abc '), iconv.encode('政务公开', 'gb18030')])), 'gb18030');
    });

    it('decodes GB18030 with the built-in decoder losslessly (corpus and fixtures round-trip exactly)', () => {
      for (const name of fs.readdirSync(path.join(FIXTURES, 'corpus')).filter((n) => n.endsWith('.txt'))) {
        const text = fs.readFileSync(path.join(FIXTURES, 'corpus', name), 'utf8').replace(/^\ufeff/, '');
        const bytes = iconv.encode(text, 'gb18030');
        const src = decode(bytes);
        assert.equal(src.encoding, 'gb18030', name);
        assert.equal(src.text, text, name);
        assert.ok(isLossless(src), name);
        assert.deepEqual(encode(src, src.text), bytes, name);
      }
    });

    it('a wrong --encoding is said, not printed as garbage; fix leaves the file untouched', () => {
      const gbBytes = iconv.encode(BAD, 'gb18030');
      const gb = file('gb.txt', gbBytes);
      for (const cmd of ['check', 'fix']) {
        const r = cli([cmd, '--encoding', 'utf8', gb]);
        assert.equal(r.code, 2, `${cmd}: ${r.err}`);
        assert.match(r.err, /gb\.txt: 文件编码看来是 GB18030,不是 --encoding 指定的 UTF-8/);
        assert.doesNotMatch(r.out, /\ufffd/);
      }
      assert.deepEqual(fs.readFileSync(gb), gbBytes);
      const utf8 = file('u.txt', BAD);
      const r = cli(['check', '--encoding', 'gb18030', utf8]);
      assert.equal(r.code, 2);
      assert.match(r.err, /文件编码看来是 UTF-8,不是 --encoding 指定的 GB18030/);
      assert.equal(cli(['outline', '--encoding', 'utf8', gb]).code, 2);
      // The right one, and pure ASCII in any encoding, are accepted.
      assert.equal(cli(['check', '--encoding', 'gb18030', gb]).code, 1);
      assert.equal(cli(['check', '--encoding', 'gb18030', file('ascii.txt', 'plain ascii\n')]).code, 1);
    });

    it('refuses to write back GB18030 that did not decode losslessly', () => {
      const bytes = Buffer.concat([iconv.encode(BAD, 'gb18030'), Buffer.from([0x81])]);
      const f = file('gbbad.txt', bytes);
      const r = cli(['fix', f]);
      assert.equal(r.code, 2);
      assert.match(r.err, /不能按 GB18030 无损读取/);
      assert.deepEqual(fs.readFileSync(f), bytes);
    });
  });

  describe('10. UTF-16 (Word "Unicode text") and documents with nothing recognised', () => {
    for (const [name, bom, toBytes] of [
      ['UTF-16 LE', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
      ['UTF-16 BE', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
    ] as const) {
      it(`reads ${name} by its BOM like UTF-8 and writes fixes back as ${name} with the BOM`, () => {
        const utf8 = file('u8.txt', BAD);
        const f = file('u16.txt', Buffer.concat([Buffer.from(bom), toBytes(BAD)]));
        const r = cli(['check', '--format', 'json', f]);
        assert.equal(r.code, 1, r.err);
        assert.deepEqual(findings(r.out), findings(cli(['check', '--format', 'json', utf8]).out));
        assert.equal(cli(['fix', f]).code, 0);
        assert.deepEqual(fs.readFileSync(f), Buffer.concat([Buffer.from(bom), toBytes(GOOD)]));
      });
    }

    it('a document in which nothing is recognised fails with one finding', () => {
      // The corpus document's body as mojibake (its UTF-8 read as GB18030 and saved again).
      const body = fs.readFileSync(CORPUS, 'utf8').split('\n').slice(0, 50).join('\n');
      const garbage = iconv.decode(Buffer.from(body, 'utf8'), 'gb18030').replace(/\ufffd/g, '');
      const f = file('garbage.txt', garbage);
      const r = cli(['check', '--format', 'json', f]);
      assert.equal(r.code, 1);
      assert.deepEqual(findings(r.out).map((k) => k.replace(/^\d+:\d+:/, '')), ['document-unrecognised']);
    });
  });

  describe('7. binary files', () => {
    it('one clear line and exit 2 per binary file; the other files are still checked', () => {
      const bin = {
        'draft.docx': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]),
        'old.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]),
        'scan.pdf': Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'),
        'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        'nul.txt': Buffer.from('一、总体要求\n\0\0\0'),
      };
      const paths = Object.entries(bin).map(([n, b]) => file(n, b));
      const good = file('good.txt', GOOD);
      const r = cli(['check', '--format', 'json', ...paths, good]);
      assert.equal(r.code, 2);
      const lines = r.err.trim().split('\n');
      assert.equal(lines.length, paths.length, r.err);
      // A .docx is read as a Word document now (issue 13): this one is a broken zip, said as such.
      assert.match(lines[0], /draft\.docx: 文件已损坏或不完整/);
      assert.match(lines[1], /old\.doc: 这是旧版 Word 二进制格式/);
      assert.match(lines[2], /scan\.pdf: 这是PDF 文档/);
      assert.match(lines[3], /image\.png: 这是PNG 图片/);
      assert.match(lines[4], /nul\.txt: 这是二进制文件\(含 NUL 字节\)/);
      const report = JSON.parse(r.out) as { filePath: string }[];
      assert.deepEqual(report.map((x) => x.filePath), [good]);
    });
  });

  describe('3. fix says what it did', () => {
    it('prints 已修复 N 处 per file, by rule, and nothing for a clean file', () => {
      const bad = file('bad.txt', BAD);
      const good = file('good.txt', GOOD);
      const r = cli(['fix', bad, good]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.err, `yaodian: ${bad}: 已修复 2 处(outline-sequence 1,outline-marker-format 1) (2 fixed)\n`);
      assert.equal(fs.readFileSync(bad, 'utf8'), GOOD);
    });

    it('reports a file it cannot write honestly: exit 2, not fixed, its findings still reported', async () => {
      const bad = file('bad.txt', BAD);
      const out: string[] = [];
      const err: string[] = [];
      // Tests run as root, where file modes do not stop a write: the write fails by stub.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const nodeFs = require('fs') as { writeFileSync: (...a: unknown[]) => void };
      const write = nodeFs.writeFileSync;
      nodeFs.writeFileSync = (p: unknown, ...rest: unknown[]): void => {
        if (p === bad) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        write(p, ...rest);
      };
      let code: number;
      try {
        code = await runInProcess(['fix', '--format', 'json', bad], { out: (s) => out.push(s), err: (s) => err.push(s) });
      } finally {
        nodeFs.writeFileSync = write;
      }
      assert.equal(code, 2);
      assert.equal(err.join(''), `yaodian: ${bad}: 无法写入,未修复 (cannot write, not fixed): EACCES\n`);
      assert.deepEqual(findings(out.join('')), ['4:1:outline-sequence', '5:1:outline-marker-format']);
      assert.equal(fs.readFileSync(bad, 'utf8'), BAD);
    });
  });

  describe('6. symbolic links', () => {
    it('visits each real file once when a link loops back up the tree', function () {
      if (process.platform === 'win32') this.skip();
      const a = path.join(dir, 'a');
      fs.mkdirSync(a);
      fs.writeFileSync(path.join(a, 'x.txt'), GOOD);
      fs.symlinkSync('..', path.join(a, 'up'));
      fs.symlinkSync(path.join(a, 'x.txt'), path.join(a, 'link.txt'));
      fs.symlinkSync(dir, path.join(a, 'root'));
      const r = cli(['check', '--format', 'json', dir, path.join(a, 'x.txt')], { timeout: 20_000 });
      assert.equal(r.code, 0, r.err);
      assert.equal((JSON.parse(r.out) as unknown[]).length, 1);
    });
  });

  describe('8. annexes typed with spaces', () => {
    const BODY = [
      '2026年某区政务公开工作要点',
      '一、强化重点领域信息公开',
      '（一）做好财政信息公开。按规定公开部门预决算。推进政府债务信息公开。',
      '（二）推进教育信息公开。做好义务教育招生政策信息公开。',
      '附件',
      '2026年某区政务公开工作要点任务分解表',
      '序号 任务分解 责任单位 时间节点',
    ];
    it('a table with single spaces after 附件 is read as the table; rows it cannot read are said, never renumbered as the body', () => {
      const rows = ['1 按规定公开部门预决算。 区财政局 全年', '2 推进政府债务信息公开。区财政局 上半年', '3 做好义务教育招生政策信息公开。 区教育局 4月'];
      const f = file('words.txt', [...BODY, ...rows, ''].join('\n'));
      const r = cli(['check', '--format', 'json', f]);
      assert.equal(r.code, 1, r.err);
      const [res] = JSON.parse(r.out) as { messages: (Message & { message: string })[] }[];
      // Row 2 has three words for four columns: said by annex-structure, at the row. Before, the
      // rows were body items: outline-marker-format on each and outline-sequence, fixed to `1.` `2.` `3.`.
      assert.deepEqual(
        res.messages.filter((m) => m.line > 5).map((m) => `${m.line}:${m.column}:${m.ruleId}`),
        ['9:1:annex-structure'],
      );
      assert.match(res.messages.find((m) => m.ruleId === 'annex-structure')!.message, /以空格分列的表格,一行应按表头分为4列/);
      const before = fs.readFileSync(f);
      const fix = cli(['fix', f]);
      assert.equal(fix.code, 1);
      assert.deepEqual(fs.readFileSync(f), before);
    });

    it('a row after a line it cannot read keeps its serial: no renumbering across it', () => {
      const rows = ['1 按规定公开部门预决算。 区财政局 全年', '2 推进政府债务信息公开。区财政局 上半年', '3 做好义务教育招生政策信息公开。 区教育局 4月'];
      const f = file('words.txt', [...BODY, rows[0], rows[1], rows[2].replace(/^3/, '4'), ''].join('\n'));
      const ids = findings(cli(['check', '--format', 'json', f]).out);
      assert.ok(!ids.some((k) => k.endsWith(':annex-serial')), ids.join(', '));
      const before = fs.readFileSync(f);
      cli(['fix', f]);
      assert.deepEqual(fs.readFileSync(f), before);
    });

    it('a table with single spaces whose rows all read is checked row by row, and fixes keep its cells', () => {
      const rows = ['1 按规定公开部门预决算。 区财政局 全年', '3 推进政府债务信息公开。 区财政局 上半年', '3 做好义务教育招生政策信息公开。 区教育局 4月'];
      const f = file('words.txt', [...BODY, ...rows, ''].join('\n'));
      assert.deepEqual(findings(cli(['check', '--format', 'json', f]).out), ['9:1:annex-serial']);
      assert.equal(cli(['fix', f]).code, 0);
      assert.deepEqual(fs.readFileSync(f, 'utf8').split('\n').slice(7, 10), [rows[0], rows[1].replace(/^3/, '2'), rows[2]]);
    });
  });

  describe('5. large documents', () => {
    it('checks and fixes 10,000 wrongly numbered items in linear time and bounded memory', () => {
      // Every level-2 item numbered (一): 9,999 repeats. Building each error's renumbering fix
      // eagerly made 50 million edits (more than the 400 MB heap holds).
      const items = Array.from({ length: 10_000 }, (_, i) => `(一)做好第${i + 1}项信息公开。(责任单位:区财政局)`);
      const text = ['2026年某区政务公开工作要点', '一、强化重点领域信息公开', ...items, ''].join('\n');
      const f = file('many.txt', text);
      const nodeArgs = ['--max-old-space-size=400'];
      const check = cli(['check', '--format', 'json', '--rule', 'unit-inconsistent-name=off', f], { nodeArgs });
      assert.equal(check.code, 1, check.err.slice(0, 500));
      const ids = findings(check.out).map((k) => k.replace(/^\d+:\d+:/, ''));
      assert.equal(ids.filter((id) => id === 'outline-sequence').length, 9_999);
      const fix = cli(['fix', f], { nodeArgs });
      assert.equal(fix.code, 0, fix.err.slice(0, 500));
      assert.match(fix.err, /已修复 1 处\(outline-sequence 1\)/);
      const fixed = fs.readFileSync(f, 'utf8').split('\n');
      assert.deepEqual(fixed.slice(2, 5), items.slice(0, 3).map((l, i) => l.replace('(一)', ['(一)', '(二)', '(三)'][i])));
      const again = cli(['check', '--format', 'json', '--rule', 'unit-inconsistent-name=off', f], { nodeArgs });
      assert.deepEqual(findings(again.out), []);
    });

    it(`refuses a document over ${MAX_DOCUMENT_BYTES / 1048576} MB with a clear message, without reading it`, () => {
      const f = path.join(dir, 'huge.txt');
      const fd = fs.openSync(f, 'w');
      fs.ftruncateSync(fd, MAX_DOCUMENT_BYTES + 1);
      fs.closeSync(fd);
      const r = cli(['check', f, file('good.txt', GOOD)], { nodeArgs: ['--max-old-space-size=100'] });
      assert.equal(r.code, 2);
      assert.match(r.err, /huge\.txt: 文件过大\(32\.0 MB\),超过 32 MB 的上限,未检查/);
    });
  });
});
