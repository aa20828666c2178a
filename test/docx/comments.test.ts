// The review written back as Word comments: anchored on the finding's text, readable by our own
// reader, and by LibreOffice (when soffice is installed; in CI it must be).
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { addComments, COMMENT_AUTHOR, readDocx } from '../../server/src/docx';
import { FIXTURES } from '../helpers/fixtures';
import { parseXml } from '../../server/src/docx/xml';
import { makeDocx, p } from './helpers';

const DATE = new Date('2026-03-01T08:00:00Z');

/** The comment ids and the text between each commentRangeStart and commentRangeEnd, read with our reader's XML layer. */
function anchored(docx: Uint8Array): { comments: string[]; ranges: Map<string, string> } {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']);
  const ranges = new Map<string, string>();
  const open = new Set<string>();
  let inT = false;
  parseXml(xml, 'document', {
    open(name, a) {
      if (name === 'w:commentRangeStart') {
        open.add(a['w:id']);
        ranges.set(a['w:id'], '');
      }
      if (name === 'w:commentRangeEnd') open.delete(a['w:id']);
      if (name === 'w:t') inT = true;
    },
    close(name) {
      if (name === 'w:t') inT = false;
    },
    text(t) {
      if (inT) for (const id of open) ranges.set(id, (ranges.get(id) ?? '') + t);
    },
  });
  const comments: string[] = [];
  parseXml(strFromU8(files['word/comments.xml']), 'comments', {
    open(name, a) {
      if (name === 'w:comment') comments.push(`${a['w:author']}|`);
    },
    close: () => undefined,
    text(t) {
      if (comments.length > 0) comments[comments.length - 1] += t;
    },
  });
  return { comments, ranges };
}

describe('docx comments writer', () => {
  it('anchors each comment on exactly its text, splitting runs, with entities and untouched bytes elsewhere', () => {
    const body = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>做好A&amp;B信息公开，完成时限：13月底前。</w:t></w:r></w:p>' + p('第二段');
    const pkg = readDocx(makeDocx({ body }));
    const start = pkg.text.indexOf('13月底前');
    const out = addComments(pkg, [{ start, end: start + '13月底前'.length, text: '错误：时间节点无法识别（time-invalid）' }, { start: 2, end: 5, text: '提示' }], DATE);
    const { comments, ranges } = anchored(out);
    assert.deepEqual(comments, [`${COMMENT_AUTHOR}|错误：时间节点无法识别（time-invalid）`, `${COMMENT_AUTHOR}|提示`]);
    assert.equal(ranges.get('0'), '13月底前');
    assert.equal(ranges.get('1'), 'A&B');
    // Read back: the same text; the split runs keep their bold.
    const back = readDocx(out);
    assert.equal(back.text, pkg.text);
    const xml = strFromU8(unzipSync(out)['word/document.xml']);
    assert.equal(xml.split('<w:b/>').length - 1, 5);
    // The parts that declare comments.xml.
    const files = unzipSync(out);
    assert.match(strFromU8(files['[Content_Types].xml']), /PartName="\/word\/comments\.xml"/);
    assert.match(strFromU8(files['word/_rels/document.xml.rels']), /Target="comments\.xml"/);
  });

  it('puts a comment on the whole paragraph when its range holds only a drawn number, and on an empty paragraph too', () => {
    const numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const body = p('总体要求', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') + p('') + p('末段');
    const pkg = readDocx(makeDocx({ body, numbering }));
    assert.equal(pkg.text, '一、总体要求\n\n末段\n');
    const out = addComments(pkg, [{ start: 0, end: 2, text: '编号' }, { start: 7, end: 7, text: '空段' }], DATE);
    const { ranges } = anchored(out);
    assert.equal(ranges.get('0'), '总体要求');
    assert.equal(ranges.get('1'), '');
    assert.equal(readDocx(out).text, pkg.text);
  });

  it('adds to comments already in the document, with new ids', () => {
    const pkg = readDocx(makeDocx({ body: p('甲乙丙丁') }));
    const once = readDocx(addComments(pkg, [{ start: 0, end: 1, text: '一' }], DATE));
    const twice = addComments(once, [{ start: 2, end: 4, text: '二' }], DATE);
    const { comments, ranges } = anchored(twice);
    assert.deepEqual(comments, [`${COMMENT_AUTHOR}|一`, `${COMMENT_AUTHOR}|二`]);
    assert.equal(ranges.get('0'), '甲');
    assert.equal(ranges.get('1'), '丙丁');
  });

  it('comments the real documents and reads them back to the same text', () => {
    for (const name of ['006_cssc_project_application_tracked_changes.docx', 'numbered.docx']) {
      const pkg = readDocx(fs.readFileSync(path.join(FIXTURES, 'docx', name)));
      const comments = [];
      for (let i = 0; i < pkg.text.length; i += 997) comments.push({ start: i, end: Math.min(pkg.text.length, i + 13), text: `第${i}字` });
      const out = addComments(pkg, comments, DATE);
      assert.equal(readDocx(out).text, pkg.text, name);
      assert.equal(anchored(out).comments.length, comments.length, name);
    }
  });
});

describe('docx comments in LibreOffice', function () {
  this.timeout(240000);
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
  let dir: string;
  before(function () {
    if (!soffice || !pdftotext) {
      // CI installs LibreOffice (.ci/run); elsewhere the test is skipped when it is missing.
      if (process.env.CI === 'true') throw new Error('CI: soffice 与 pdftotext 必须安装（见 .ci/run）');
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-soffice-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('opens the commented copy: LibreOffice renders its text (PDF) and reads each comment with author and text (ODT)', () => {
    const pkg = readDocx(fs.readFileSync(path.join(FIXTURES, 'docx', 'numbered.docx')));
    const at = pkg.text.indexOf('13月底前');
    const file = path.join(dir, 'commented.docx');
    fs.writeFileSync(file, addComments(pkg, [{ start: at, end: at + 6, text: '错误：时间节点无法识别（time-invalid）' }], DATE));
    const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
    for (const to of ['pdf', 'odt']) {
      const r = spawnSync('soffice', [profile, '--headless', '--convert-to', to, '--outdir', dir, file], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    const pdfText = spawnSync('pdftotext', [path.join(dir, 'commented.pdf'), '-'], { encoding: 'utf8' }).stdout;
    assert.match(pdfText.replace(/\s+/g, ''), /上线数据需求征集功能。（责任单位：区大数据中心；完成时限：13月底前）/);
    const odt = unzipSync(fs.readFileSync(path.join(dir, 'commented.odt')));
    // LibreOffice's own model of the comments: author and text of each annotation, and its range end.
    const annotations: string[] = [];
    let ends = 0;
    let depth = 0;
    parseXml(strFromU8(odt['content.xml']), 'content.xml', {
      open(name) {
        if (name === 'office:annotation') annotations.push('');
        if (name === 'office:annotation-end') ends++;
        if (name === 'office:annotation' || depth > 0) depth++;
      },
      close() {
        if (depth > 0) depth--;
      },
      text(t) {
        if (depth > 0) annotations[annotations.length - 1] += t;
      },
    });
    assert.equal(annotations.length, 1);
    assert.ok(annotations[0].startsWith('工作要点助手'), annotations[0]);
    assert.ok(annotations[0].endsWith('错误：时间节点无法识别（time-invalid）'), annotations[0]);
    assert.equal(ends, 1);
  });
});
