// The .docx reader: text, numbering, tables, tracked changes, fields, text boxes, locations.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { DocxError, docxLocation, readDocx } from '../../server/src/docx';
import { formatNumber } from '../../server/src/docx/numbering';
import { MAX_INFLATED } from '../../server/src/docx/zip';
import { lintText } from '../../server/src/engine';
import { FIXTURES } from '../helpers/fixtures';
import { lvl, makeDocx, numPr, p } from './helpers';

const DOCX = path.join(FIXTURES, 'docx');
const text = (body: string, extra: { numbering?: string; styles?: string } = {}): string => readDocx(makeDocx({ body, ...extra })).text;

/** One abstract list `0` with the levels given, and instances `1` (and `2` restarting level 0 at `restart`). */
function numbering(levels: string, restart?: number): string {
  return `<w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
    (restart === undefined ? '' : `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="${restart}"/></w:lvlOverride></w:num>`);
}

const OUTLINE = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）') + lvl(2, 'decimal', '%3.') + lvl(3, 'decimal', '（%4）');

describe('docx reader: paragraphs and numbering', () => {
  it('draws multi-level Chinese numbering into the markers, restarting lower levels', () => {
    const body = [p('总体要求', numPr(1, 0)), p('指导思想', numPr(1, 1)), p('工作目标', numPr(1, 1)), p('重点任务', numPr(1, 0)),
      p('公开政策', numPr(1, 1)), p('做好解读', numPr(1, 2)), p('及时回应', numPr(1, 3)), p('加强回应', numPr(1, 2))].join('');
    assert.equal(text(body, { numbering: numbering(OUTLINE) }), '一、总体要求\n（一）指导思想\n（二）工作目标\n二、重点任务\n（一）公开政策\n1.做好解读\n（1）及时回应\n2.加强回应\n');
  });

  it('counts on across instances of one list, restarts at a startOverride, and numId 0 switches numbering off', () => {
    const body = [p('甲', numPr(1)), p('乙', numPr(1)), p('不编号', numPr(0)), p('丙', numPr(1)), p('丁', numPr(2)), p('戊', numPr(2))].join('');
    assert.equal(text(body, { numbering: numbering(lvl(0, 'chineseCounting', '%1、', 1), 6) }), '一、甲\n二、乙\n不编号\n三、丙\n六、丁\n七、戊\n');
  });

  it('starts at w:start and renders circled, heavenly-stem, full-width, roman and letter formats', () => {
    assert.equal(text(p('要点', numPr(1)), { numbering: numbering(lvl(0, 'chineseCountingThousand', '%1、', 6)) }), '六、要点\n');
    assert.deepEqual([1, 20].map((n) => formatNumber(n, 'decimalEnclosedCircle')), ['①', '⑳']);
    assert.deepEqual([1, 4].map((n) => formatNumber(n, 'ideographTraditional')), ['甲', '丁']);
    assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
    assert.equal(formatNumber(14, 'upperRoman'), 'XIV');
    assert.equal(formatNumber(27, 'lowerLetter'), 'aa');
    assert.equal(formatNumber(21, 'chineseCounting'), '二十一');
    // The financial numerals, as LibreOffice renders these formats.
    assert.deepEqual([1, 2, 10, 11, 20, 101, 110].map((n) => formatNumber(n, 'chineseLegalSimplified')), ['壹', '贰', '壹拾', '壹拾壹', '贰拾', '壹佰零壹', '壹佰壹拾']);
    assert.deepEqual([2, 3, 6, 21].map((n) => formatNumber(n, 'ideographLegalTraditional')), ['貳', '參', '陸', '貳拾壹']);
  });

  it('takes numbering from paragraph styles through basedOn, and a bare number gets a space', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>';
    const levels = lvl(0, 'decimal', '%1', 1, '<w:suff w:val="space"/>') + lvl(1, 'decimal', '%1.%2', 1, '<w:suff w:val="space"/>');
    const body = [p('范围', '<w:pStyle w:val="H1"/>'), p('术语', '<w:pStyle w:val="H1"/>'), p('定义', '<w:pStyle w:val="H2"/>'), p('正文')].join('');
    assert.equal(text(body, { numbering: numbering(levels), styles }), '1 范围\n2 术语\n2.1 定义\n正文\n');
  });

  it('links a level to a style by w:pStyle when the style names no level', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="Sec"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const levels = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）', 1, '<w:pStyle w:val="Sec"/>');
    assert.equal(text(p('小节', '<w:pStyle w:val="Sec"/>'), { numbering: numbering(levels), styles }), '（一）小节\n');
  });

  it('reads tracked changes as accepted: insertions kept, deletions and moved-from text dropped, a deleted mark joins', () => {
    const body =
      '<w:p><w:r><w:t>做好</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>政务</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>认真</w:delText></w:r></w:del>' +
      '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧处</w:t></w:r></w:moveFrom><w:r><w:t>公开。</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p><w:p><w:r><w:t>后半</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pPrChange w:id="5" w:author="a"><w:pPr>' + numPr(1) + '</w:pPr></w:pPrChange></w:pPr><w:r><w:t>旧编号不算</w:t></w:r></w:p>';
    assert.equal(text(body, { numbering: numbering(OUTLINE) }), '做好政务公开。\n前半后半\n旧编号不算\n');
  });

  it('keeps field results, drops field codes, hidden text, tabs and breaks become characters', () => {
    const body =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>' +
      '<w:r><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:br w:type="page"/></w:r></w:p>' +
      '<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2026年3月1日</w:t></w:r></w:fldSimple></w:p>';
    assert.equal(text(body), '3\t甲\n乙\n2026年3月1日\n');
  });

  it('reads a text box once (the DrawingML choice, not the VML fallback), after its paragraph', () => {
    const box = (t: string): string => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    const body = `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('框内文字')}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('框内文字')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>继续</w:t></w:r></w:p>${p('下一段')}`;
    const doc = readDocx(makeDocx({ body }));
    assert.equal(doc.text, '正文继续\n框内文字\n下一段\n');
    assert.equal(docxLocation(doc.paragraphs, doc.text.indexOf('框内')), '第1段，文本框');
    assert.equal(docxLocation(doc.paragraphs, doc.text.indexOf('下一段')), '第2段');
  });

  it('leaves headers, footers, footnotes and comments out (only the body is read)', () => {
    const doc = readDocx(makeDocx({
      body: '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>',
      extra: {
        'word/footnotes.xml': `<w:footnotes xmlns:w="${'http://schemas.openxmlformats.org/wordprocessingml/2006/main'}"><w:footnote w:id="1"><w:p><w:r><w:t>脚注</w:t></w:r></w:p></w:footnote></w:footnotes>`,
        'word/header1.xml': `<w:hdr xmlns:w="${'http://schemas.openxmlformats.org/wordprocessingml/2006/main'}"><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>`,
      },
    }));
    assert.equal(doc.text, '正文\n');
  });
});

describe('docx reader: tables', () => {
  const tc = (t: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(t)}</w:tc>`;
  const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;

  it('writes a row per line with ` | `, a merged-down cell once (left off the rows it continues into), a merged-across cell once', () => {
    const body = `<w:tbl>${tr(tc('序号'), tc('类别'), tc('任务'), tc('责任单位'))}` +
      `${tr(tc('1'), tc('营商环境', '<w:vMerge w:val="restart"/>'), tc('公开政策。'), tc('区甲局'))}` +
      `${tr(tc('2'), tc('', '<w:vMerge/>'), tc('做好解读。'), tc('区乙局'))}` +
      `${tr(tc('3'), tc('合并两列', '<w:gridSpan w:val="2"/>'), tc('区丙局'))}</w:tbl>${p('表后')}`;
    const doc = readDocx(makeDocx({ body }));
    assert.equal(doc.text, '序号 | 类别 | 任务 | 责任单位\n1 | 营商环境 | 公开政策。 | 区甲局\n2 | 做好解读。 | 区乙局\n3 | 合并两列 | 区丙局\n表后\n');
    assert.equal(docxLocation(doc.paragraphs, doc.text.indexOf('做好解读')), '第11段，表1 第3行第3列');
    assert.equal(docxLocation(doc.paragraphs, doc.text.indexOf('表后')), '第16段');
    // The rows and cells with Word's spans, for a table model to take directly.
    const cells = doc.tables[0].rows.map((r) => r.cells.map((c) => `${doc.text.slice(c.start, c.end)}@${c.gridColumn}+${c.columnSpan}x${c.rowSpan}`));
    assert.deepEqual(cells, [
      ['序号@1+1x1', '类别@2+1x1', '任务@3+1x1', '责任单位@4+1x1'],
      ['1@1+1x1', '营商环境@2+1x2', '公开政策。@3+1x1', '区甲局@4+1x1'],
      ['2@1+1x1', '@2+1x0', '做好解读。@3+1x1', '区乙局@4+1x1'],
      ['3@1+1x1', '合并两列@2+2x1', '区丙局@4+1x1'],
    ]);
    assert.equal(doc.text.slice(doc.tables[0].rows[2].start, doc.tables[0].rows[2].end), '2 | 做好解读。 | 区乙局');
    // The continuation has no text on the line: it stands where it would be, after the serial.
    assert.equal(doc.tables[0].rows[2].cells[1].start, doc.text.indexOf('2 | 做好解读') + 1);
  });

  it('a unit and a time node merged down three rows hold for each row: no finding of a missing one, a bad time node reported once', () => {
    const plan = ['2026年某区政务公开工作要点', '一、加强政策公开'].map((t) => p(t)).join('') +
      ['及时公开涉企政策文件', '扩大公共数据开放范围', '提升数据下载量'].map((t, i) => p(`（${'一二三'[i]}）${t}。（责任单位：区数据局；完成时限：全年）`)).join('') +
      p('附件') + p('2026年某区政务公开工作要点任务分解表');
    const merged = (s: string, first: boolean): string => tc(first ? s : '', first ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>');
    const table = `<w:tbl>${tr(tc('序号'), tc('任务分解'), tc('责任单位'), tc('时间节点'))}` +
      ['及时公开涉企政策文件。', '扩大公共数据开放范围。', '提升数据下载量。'].map((t, i) => tr(tc(String(i + 1)), tc(t), merged('区数据局', i === 0), merged(i === 0 ? '13月底前' : '', i === 0))).join('') +
      '</w:tbl>';
    const doc = readDocx(makeDocx({ body: plan + table }));
    const lines = doc.text.split('\n');
    assert.deepEqual(lines.slice(7, 11), ['序号 | 任务分解 | 责任单位 | 时间节点', '1 | 及时公开涉企政策文件。 | 区数据局 | 13月底前', '2 | 扩大公共数据开放范围。', '3 | 提升数据下载量。']);
    const rows = lintText(doc.text).doc.annex!.rows;
    assert.deepEqual(rows.map((r) => [r.serial, r.unitList.map((u) => u.name).join('、'), r.time?.text, r.time?.present]), [
      [1, '区数据局', '13月底前', true], [2, '区数据局', '13月底前', false], [3, '区数据局', '13月底前', false],
    ]);
    const found = lintText(doc.text).diagnostics.filter((d) => d.start >= doc.text.indexOf('序号 |')).map((d) => `${d.ruleId} ${doc.text.slice(d.start, d.end)}`);
    assert.deepEqual(found, ['time-invalid 13月底前']);
  });

  it('a task whose serial and task cells are merged down over its unit rows is one task on two rows: no missing serial or task', () => {
    const plan = ['2026年某区政务公开工作要点', '一、加强政策公开'].map((t) => p(t)).join('') +
      p('（一）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局、区审计局）') +
      p('（二）推进教育信息公开。做好义务教育招生政策信息公开。（责任单位：区教育局）') +
      p('附件') + p('2026年某区政务公开工作要点任务分解表');
    const merged = (s: string, first: boolean): string => tc(first ? s : '', first ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>');
    const table = `<w:tbl>${tr(tc('序号'), tc('任务分解'), tc('责任单位'), tc('时间节点'))}` +
      tr(merged('1', true), merged('按规定公开部门预决算。', true), tc('区财政局'), tc('6月底前')) +
      tr(merged('', false), merged('', false), tc('区审计局'), tc('12月底前')) +
      tr(tc('2'), tc('做好义务教育招生政策信息公开。'), tc('区教育局'), tc('全年')) +
      '</w:tbl>';
    const doc = readDocx(makeDocx({ body: plan + table }));
    const { doc: parsed, diagnostics } = lintText(doc.text);
    assert.deepEqual(parsed.annex!.rows.map((r) => [r.serial, r.serialCell?.present, r.task?.text, r.unitList.map((u) => u.name).join('、'), r.time?.text]), [
      [1, true, '按规定公开部门预决算。', '区财政局', '6月底前'],
      [1, false, '按规定公开部门预决算。', '区审计局', '12月底前'],
      [2, true, '做好义务教育招生政策信息公开。', '区教育局', '全年'],
    ]);
    assert.deepEqual(diagnostics.map((d) => d.ruleId), []);
  });

  it('joins the paragraphs of a cell on its line (numbered lists inside cells are not outline) and flattens nested tables', () => {
    const cell = `<w:tc>${p('1、公开政策。')}${p('2、做好解读。')}<w:tbl>${tr(tc('子表甲'), tc('子表乙'))}</w:tbl></w:tc>`;
    const body = `<w:tbl>${tr(tc('措施'), tc('单位'))}${tr(cell, tc('区甲局|区乙局'))}</w:tbl>`;
    assert.equal(text(body), '措施 | 单位\n1、公开政策。 2、做好解读。 子表甲 子表乙 | 区甲局｜区乙局\n');
  });

  it('reads a row of one cell as a frame: its paragraphs stay lines, its tables stay tables', () => {
    const frame = `<w:tc>${p('一、立项目的')}${p('（一）意义')}<w:tbl>${tr(tc('子课题'), tc('牵头单位'))}${tr(tc('1.1'), tc('甲所'))}</w:tbl></w:tc>`;
    const doc = readDocx(makeDocx({ body: `<w:tbl>${tr(tc('项目'), tc('名称'))}${tr(frame)}</w:tbl>` }));
    assert.equal(doc.text, '项目 | 名称\n一、立项目的\n（一）意义\n子课题 | 牵头单位\n1.1 | 甲所\n');
    assert.equal(docxLocation(doc.paragraphs, doc.text.indexOf('（一）')), '第4段，表1 第2行第1列');
    assert.equal(docxLocation(doc.paragraphs, doc.text.indexOf('甲所')), '第8段，表2 第2行第2列');
  });
});

describe('docx reader: bad input', () => {
  const ole = (extra: string): Uint8Array => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(extra, 'utf16le')]);
  const fails = (bytes: Uint8Array, pattern: RegExp, ext = '.docx'): void => {
    assert.throws(() => readDocx(bytes, ext), (e: unknown) => e instanceof DocxError && pattern.test(e.message));
  };

  it('names an old .doc, a .wps and an encrypted document', () => {
    fails(ole('WordDocument'), /旧版 Word 二进制格式（\.doc）/, '.doc');
    fails(ole('WordDocument'), /旧版 WPS/, '.wps');
    fails(ole('EncryptedPackage'), /已加密/);
  });

  it('rejects a truncated or corrupt zip, a non-zip and an empty file', () => {
    const good = makeDocx({ body: p('正文') });
    fails(good.subarray(0, good.length - 30), /已损坏或不完整/);
    fails(Buffer.from('这不是压缩包'), /不是 zip/);
    fails(new Uint8Array(0), /文件为空/);
  });

  it('rejects broken XML, a zip without word/document.xml and an empty body', () => {
    fails(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') }), /不是有效的 XML/);
    fails(zipSync({ 'other.xml': strToU8('<a/>') }), /没有正文/);
    fails(makeDocx({ body: p('') + p('   ') }), /正文为空/);
  });

  it('refuses a zip bomb by the sizes it declares, before inflating', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(1024 * 1024) }, { level: 9 });
    // Patch the central directory's uncompressed size to more than the bound.
    const buf = Buffer.from(bomb);
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(MAX_INFLATED + 1, cd + 24);
    fails(buf, /压缩炸弹/);
    // A declared size smaller than the data: inflated into at most the declared size, and refused.
    const lying = Buffer.from(zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${p('正文'.repeat(1000))}</w:body></w:document>`) }));
    const at = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(40, at + 24);
    fails(lying, /^文件已损坏：word\/document\.xml 解压后超过压缩包声明的大小$/);
  });
});

describe('docx reader: real documents (WPS) in test/fixtures/docx', () => {
  const read = (name: string) => readDocx(fs.readFileSync(path.join(DOCX, name)));

  it('001: the first heading 一、 is automatic, 二、 onward typed; the automatic 1） list', () => {
    const lines = read('001_nb_psr1_bianzhishuoming_mixed_auto_typed.docx').text.split('\n');
    assert.ok(lines.includes('一、任务来源及计划要求'));
    assert.ok(lines.includes('二、 编制过程'));
    assert.ok(lines.includes('1）引入差异项定义'));
    assert.ok(lines.includes('1、征求意见稿'));
  });

  it('003: chapter and clause numbers from paragraph styles; the merged-cell table as rows', () => {
    const doc = read('003_nb_psr1_standard_draft_style_numbering.docx');
    const lines = doc.text.split('\n');
    assert.ok(lines.includes('1　范围'));
    assert.ok(lines.includes('5　定期安全评价的策划和准备'));
    assert.ok(lines.includes('5.1　确定评价范围和内容'));
    assert.ok(lines.includes('SF1 | SF2 | SF3 | SF4 | SF5 | SF6 | SF7 | SF8 | SF9 | SF10 | SF11 | SF12 | SF13 | SF14'));
    // The first column is merged down the 14 rows: printed once, left off the rows below.
    assert.ok(lines.includes('接受输入的安全要素 | SF1 |  | × | × | × | × | × | × | × | × |  |  | × | × | ×'));
    assert.ok(lines.includes('SF2 | × |  | × | × | × |  |  | × | × | × |  |  |  | '));
  });

  it('006: the outline inside a 16-row frame table, 六、 onward automatic from 6, nested tables as rows, tracked changes accepted', () => {
    const doc = read('006_cssc_project_application_tracked_changes.docx');
    const lines = doc.text.split('\n');
    for (const h of ['一、立项目的：', '五、创新点：', '六、主要技术指标：', '十二、公司意见：'].map((s) => s.slice(0, 4))) {
      assert.equal(lines.filter((l) => l.startsWith(h)).length, 1, h);
    }
    assert.ok(lines.includes('子课题 | 任务 | 牵头单位 | 参研单位'));
    assert.ok(lines.some((l) => l.startsWith('1.1船舶配电知识建模与供电策略推理 | 1.1.1船舶配电设计规范的结构化抽取与知识建模 1.1.2')));
    // Deleted text is gone; inserted text is in.
    assert.ok(lines.includes('传统做法是数据计算依赖一套数据结构、画图依赖另一套数据结构，二者存储于不同系统，容易脱节。本课题以拓扑与图元参数作为唯一数据源，图纸仅作为数据的可视化投影，形成数据—图元的强绑定机制，从体系上解决图纸与设计数据不一致、修改难追踪的问题。'));
    assert.ok(!doc.text.includes('在外'));
    assert.equal(docxLocation(doc.paragraphs, doc.text.indexOf('六、主要技术指标')).split('，')[1], '表1 第8行第1列');
  });
});
