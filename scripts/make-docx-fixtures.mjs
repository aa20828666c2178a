#!/usr/bin/env node
// Makes the Word fixtures of test/fixtures/docx/ the ways real .docx files are made:
//
// 1. numbered.docx with the `docx` npm package (what Word writes): automatic multi-level
//    Chinese numbering 一、（一）1.（1）, a task table with a category merged down and a title
//    row merged across, tracked changes (an insertion, a deletion). Beside it numbered.txt: the
//    same document as a drafter would type it, the text the checker must read from the .docx.
// 2. corpus-*.docx with LibreOffice (`soffice --headless --convert-to docx`) from HTML written
//    here out of the real corpus texts (test/fixtures/corpus/): paragraphs, and the annex task
//    table as a real Word table. Beside each the .txt it came from.
//
// Run: node scripts/make-docx-fixtures.mjs   (LibreOffice needed for part 2; it is skipped without)

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType, DeletedTextRun, Document, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/fixtures/docx');
fs.mkdirSync(OUT, { recursive: true });

// ---- 1. The docx package: automatic numbering, merged cells, tracked changes ----

const REVIEW = { author: '审核人', date: '2026-03-01T09:00:00Z' };
const para = (text, level) => new Paragraph({ children: [new TextRun(text)], ...(level === undefined ? {} : { numbering: { reference: 'outline', level } }) });
const cell = (text, opts = {}) => new TableCell({ children: [new Paragraph(text)], ...opts });

/** Lines of the .txt twin, kept beside the paragraphs that make the .docx. */
const twin = [];
const children = [];
const counters = [0, 0, 0, 0];
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const MARKER = [(n) => `${CN[n]}、`, (n) => `（${CN[n]}）`, (n) => `${n}.`, (n) => `（${n}）`];
function item(level, text) {
  counters[level]++;
  for (let i = level + 1; i < 4; i++) counters[i] = 0;
  children.push(para(text, level));
  twin.push(MARKER[level](counters[level]) + text);
}
function plain(text) {
  children.push(para(text));
  twin.push(text);
}

plain('2026年某区数据局政务公开工作要点');
plain('为做好2026年政务公开工作，制定本要点。');
item(0, '总体要求');
plain('坚持以人民为中心，全面推进政务公开标准化规范化。');
item(0, '围绕优化营商环境强化信息公开');
item(1, '做好政策文件公开。及时公开涉企政策文件，做好解读。（责任单位：区数据局、区司法局）');
item(1, '推进数据开放。');
item(2, '扩大公共数据开放范围，全年新增开放数据集50个。（责任单位：区数据局；完成时限：12月底前）');
item(2, '完善数据开放平台功能，提升数据下载量。（责任单位：区大数据中心）');
item(3, '上线数据需求征集功能。（责任单位：区大数据中心；完成时限：13月底前）');
item(3, '建立数据质量反馈机制。');
item(0, '围绕保障改善民生强化信息公开');
// Tracked changes: the reviewer inserted 及时 and deleted 认真; accepted, the text reads as below.
children.push(new Paragraph({
  numbering: { reference: 'outline', level: 1 },
  children: [
    new TextRun('加强民生信息公开。'),
    new InsertedTextRun({ text: '及时', id: 1, ...REVIEW }),
    new TextRun('公开社会救助、养老服务等信息，'),
    new DeletedTextRun({ text: '认真', id: 2, ...REVIEW }),
    new TextRun('做好政策解读。（责任单位：区民政局）'),
  ],
}));
counters[1]++;
twin.push(`（${CN[counters[1]]}）加强民生信息公开。及时公开社会救助、养老服务等信息，做好政策解读。（责任单位：区民政局）`);
item(1, '做好教育信息公开。公布公办学校招生范围和招生计划。（责任单位：区教育局；完成时限：6月底前）');
plain('附件');
plain('2026年某区数据局政务公开工作要点任务分解表');
// The annex: a category cell merged down two rows (printed once: the second row's line has no
// cell for it, and the checker carries it down), a section row merged across all columns.
children.push(new Table({
  width: { size: 100, type: WidthType.PERCENTAGE },
  rows: [
    new TableRow({ children: ['序号', '类别', '任务分解', '责任单位', '时间节点'].map((t) => cell(t)) }),
    new TableRow({ children: [cell('一、围绕优化营商环境强化信息公开', { columnSpan: 5 })] }),
    new TableRow({ children: [cell('1'), cell('营商环境', { rowSpan: 2 }), cell('及时公开涉企政策文件，做好解读。'), cell('区数据局、区司法局'), cell('全年')] }),
    new TableRow({ children: [cell('2'), cell('扩大公共数据开放范围，全年新增开放数据集50个。'), cell('区数据局'), cell('12月底前')] }),
  ],
}));
twin.push('序号 | 类别 | 任务分解 | 责任单位 | 时间节点');
twin.push('一、围绕优化营商环境强化信息公开');
twin.push('1 | 营商环境 | 及时公开涉企政策文件，做好解读。 | 区数据局、区司法局 | 全年');
twin.push('2 | 扩大公共数据开放范围，全年新增开放数据集50个。 | 区数据局 | 12月底前');

const doc = new Document({
  creator: 'yaodian fixtures',
  numbering: {
    config: [{
      reference: 'outline',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
        { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
        { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', alignment: AlignmentType.LEFT },
      ],
    }],
  },
  sections: [{ children }],
});
fs.writeFileSync(path.join(OUT, 'numbered.docx'), await Packer.toBuffer(doc));
fs.writeFileSync(path.join(OUT, 'numbered.txt'), twin.join('\n') + '\n');
stdout.write('wrote numbered.docx, numbered.txt\n');

// ---- 2. LibreOffice: real corpus texts through HTML ----

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cells of a layout A annex (each cell on a line, ending with ` |`), grouped in rows of the header's width. */
function annexRows(lines, width) {
  const cells = [];
  for (const line of lines) {
    const t = line.trim();
    if (t === '') continue;
    for (const c of t.split('|').slice(0, -1)) cells.push(c.trim());
  }
  const rows = [];
  for (let i = 0; i < cells.length; i += width) rows.push(cells.slice(i, i + width));
  return rows;
}

/** HTML for one corpus text; its annex (layout A) becomes a table, the annex title a row merged across. */
function corpusHtml(text) {
  const lines = text.replace(/\n$/, '').split('\n');
  const annex = lines.findIndex((l) => l.trim() === '附件');
  const body = annex < 0 ? lines : lines.slice(0, annex + 1);
  let html = body.map((l) => `<p>${esc(l)}</p>`).join('\n');
  const twinLines = [...body];
  if (annex >= 0) {
    const title = lines[annex + 1];
    // The corpus annex has four columns: 序号, 任务分解, 责任单位, 时间节点.
    const all = annexRows(lines.slice(annex + 2), 4);
    if (all.some((r, i) => i > 0 && r[0] !== String(i))) throw new Error('annex rows do not group by four');
    html += `\n<table border="1"><tr><td colspan="4">${esc(title)}</td></tr>\n`;
    html += all.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n') + '</table>';
    twinLines.push(title, ...all.map((r) => r.join(' | ')));
  }
  return { html: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${html}\n</body></html>\n`, twin: twinLines.join('\n') + '\n' };
}

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
if (soffice.status !== 0) {
  stdout.write('soffice not found: the LibreOffice fixtures are left as they are\n');
} else {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-docx-'));
  for (const name of ['000_8af76b9c2bc005bb', '001_aa1df6472a57eff3']) {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus', `${name}.txt`), 'utf8');
    const { html, twin: twinText } = corpusHtml(text);
    const htmlFile = path.join(tmp, `corpus-${name}.html`);
    fs.writeFileSync(htmlFile, html);
    const r = spawnSync('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', OUT, htmlFile], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    fs.writeFileSync(path.join(OUT, `corpus-${name}.txt`), twinText);
    stdout.write(`wrote corpus-${name}.docx, corpus-${name}.txt\n`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
