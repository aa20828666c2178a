import { strict as assert } from 'assert';
import { annexHead, pipeRow, SAMPLE_ROWS } from '../helpers/documents';
import { applyOnlyFix, findingsOf, lint, ruleTester } from '../helpers/ruleTester';

const ID = 'annex-missing-row';

const tester = ruleTester(ID);
const { check } = tester;

const annexFindings = (text: string): string[] => findingsOf(text, 'annex-');

const BODY =
  '2026年某区政务公开工作要点\n' +
  '为深入推进政务公开工作,制定本要点。\n' +
  '一、围绕稳增长强化信息公开\n' +
  '(一)做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。(区财政局负责落实)\n' +
  '(二)推进重大项目信息公开。及时发布重点建设项目目录和年度投资计划。(区发展改革委牵头,各街镇配合)\n' +
  '二、围绕惠民生强化信息公开\n' +
  '(三)推进教育信息公开。在4月底前公布公办学校招生区域。(区教育局负责落实)\n';

const PIPES_HEAD = annexHead(true);

describe('annex-missing-row', () => {
  tester.fixtures();

  it('is silent on a task whose row may be a line of the table that could not be read (annex-structure names that line)', () => {
    const rows = (middle: string): string =>
      BODY +
      PIPES_HEAD +
      pipeRow('1', ...SAMPLE_ROWS[0]) +
      middle +
      '| 3 | 在4月底前公布公办学校招生区域。 | 区教育局 | 4月底前 |\n';
    const unread = rows('| 及时发布重点建设项目目录和年度投资计划。区发展改革委牵头,各街镇配合,上半年 | | | |\n');
    assert.deepEqual(findingsOf(unread, 'annex-').map((f) => f.split(':')[0]), ['annex-structure']);
    // The control: the same table without that line misses the rows of the two tasks between rows 1 and 3.
    const control = rows('');
    assert.deepEqual(
      check(control).map((d) => control.slice(d.start, d.end)),
      ['及时公开政府债务限额、余额等信息。', '及时发布重点建设项目目录和年度投资计划。'],
    );
  });

  it('reports a task no row covers, at the sentence, with its line in the message', () => {
    const text =
      BODY +
      PIPES_HEAD +
      pipeRow('1', ...SAMPLE_ROWS[0]) +
      '| 2 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委牵头,各街镇配合 | 上半年 |\n' +
      '| 3 | 在4月底前公布公办学校招生区域。 | 区教育局 | 4月底前 |\n';
    const ds = check(text);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(text.slice(d.start, d.end), '及时公开政府债务限额、余额等信息。');
    assert.equal(d.severity, 'error');
    assert.equal(d.message, '任务分解表中缺少此项任务:正文第4行的“及时公开政府债务限额、余额等信息。”在附件中没有对应行');
    assert.deepEqual(d.related, []);
    assert.equal(d.fixes[0].title, '在任务分解表第1行之后插入此任务');
    // The row goes after the row of the preceding task, with the inline unit and an empty time;
    // the serials after it move up by one.
    assert.equal(
      applyOnlyFix(text, d),
      BODY +
        PIPES_HEAD +
        pipeRow('1', ...SAMPLE_ROWS[0]) +
        '| 2 | 及时公开政府债务限额、余额等信息。 | 区财政局 |  |\n' +
        '| 3 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委牵头,各街镇配合 | 上半年 |\n' +
        '| 4 | 在4月底前公布公办学校招生区域。 | 区教育局 | 4月底前 |\n',
    );
  });

  it('renumbers the rows after the inserted one, leaving a row that continues the task above without a number', () => {
    // Row 2's task is split over two unit rows (serial and task merged down, printed once).
    const text =
      BODY +
      PIPES_HEAD +
      '| 1 | 按季度公开财政收支情况。 | 区财政局 | 每季度 |\n' +
      '| 2 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委牵头 | 上半年 |\n' +
      '| 各街镇配合 | 上半年 |\n' +
      '| 3 | 在4月底前公布公办学校招生区域。 | 区教育局 | 4月底前 |\n';
    const ds = check(text);
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['及时公开政府债务限额、余额等信息。']);
    assert.equal(
      applyOnlyFix(text, ds[0]),
      BODY +
        PIPES_HEAD +
        '| 1 | 按季度公开财政收支情况。 | 区财政局 | 每季度 |\n' +
        '| 2 | 及时公开政府债务限额、余额等信息。 | 区财政局 |  |\n' +
        '| 3 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委牵头 | 上半年 |\n' +
        '| 各街镇配合 | 上半年 |\n' +
        '| 4 | 在4月底前公布公办学校招生区域。 | 区教育局 | 4月底前 |\n',
    );
  });

  it('reports a run of uncovered sentences of one item once, and the inserted row holds them all', () => {
    const text = BODY + PIPES_HEAD + '| 1 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委牵头,各街镇配合 | 上半年 |\n' + '| 2 | 在4月底前公布公办学校招生区域。 | 区教育局 | 4月底前 |\n';
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.equal(text.slice(ds[0].start, ds[0].end), '按季度公开财政收支情况。及时公开政府债务限额、余额等信息。');
    assert.equal(ds[0].fixes[0].title, '在任务分解表开头插入此任务');
    const fixed = applyOnlyFix(text, ds[0]);
    assert.equal(
      fixed,
      BODY +
        PIPES_HEAD +
        '| 1 | 按季度公开财政收支情况。及时公开政府债务限额、余额等信息。 | 区财政局 |  |\n' +
        '| 2 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委牵头,各街镇配合 | 上半年 |\n' +
        '| 3 | 在4月底前公布公办学校招生区域。 | 区教育局 | 4月底前 |\n',
    );
    // The new row covers the tasks: nothing is missing any more and the serials run 1..3.
    assert.deepEqual(check(fixed), []);
    assert.deepEqual(annexFindings(fixed), []);
  });

  it('reports uncovered tasks of different items separately, and keeps the roles of the inline units', () => {
    const text = BODY + PIPES_HEAD + pipeRow('1', ...SAMPLE_ROWS[0]) + pipeRow('2', ...SAMPLE_ROWS[1]);
    const ds = check(text);
    assert.deepEqual(
      ds.map((d) => text.slice(d.start, d.end)),
      ['及时发布重点建设项目目录和年度投资计划。', '在4月底前公布公办学校招生区域。'],
    );
    assert.equal(ds[1].message, '任务分解表中缺少此项任务:正文第7行的“在4月底前公布公办学校招生区域。”在附件中没有对应行');
    assert.equal(
      applyOnlyFix(text, ds[0]),
      BODY +
        PIPES_HEAD +
        pipeRow('1', ...SAMPLE_ROWS[0]) +
        pipeRow('2', ...SAMPLE_ROWS[1]) +
        '| 3 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委牵头,各街镇配合 |  |\n',
    );
  });

  it('writes a layout-A row one cell per line, with the chapter as category, before the first row', () => {
    const body =
      '2026年某区政务公开工作要点\n一、依法履行信息公开职责\n' +
      '1.严格执行公文公开属性审查程序,做到应公开尽公开。(区政府办公室负责落实)\n' +
      '2.围绕全区中心工作深化信息公开,及时发布政策文件。(区政府各部门负责落实)\n';
    const head = '附件\n2026年某区政务公开工作任务分解表\n序号 |\n一级指标 |\n二级指标 |\n责任单位 |\n时间节点 |\n';
    const row1 = '1 |\n依法履行信息公开职责 |\n围绕全区中心工作深化信息公开,及时发布政策文件。 |\n区政府各部门 |\n全年 |\n';
    const text = body + head + row1;
    const [d] = check(text);
    assert.equal(text.slice(d.start, d.end), '严格执行公文公开属性审查程序,做到应公开尽公开。');
    const fixed = applyOnlyFix(text, d);
    assert.equal(
      fixed,
      body + head + '1 |\n依法履行信息公开职责 |\n严格执行公文公开属性审查程序,做到应公开尽公开。 |\n区政府办公室 |\n|\n' + row1.replace('1 |', '2 |'),
    );
    assert.deepEqual(check(fixed), []);
    const rows = lint(fixed).doc.annex?.rows ?? [];
    assert.deepEqual(
      rows.map((r) => [r.serial, r.categories[0]?.text, r.units?.text, r.time?.text]),
      [
        [1, '依法履行信息公开职责', '区政府办公室', ''],
        [2, '依法履行信息公开职责', '区政府各部门', '全年'],
      ],
    );
  });

  it('joins the merged category of the row above in layout A when the task is in the same chapter', () => {
    const body =
      '2026年某区政务公开工作要点\n一、依法履行信息公开职责\n' +
      '1.严格执行公文公开属性审查程序,做到应公开尽公开。(区政府办公室负责落实)\n' +
      '2.围绕全区中心工作深化信息公开,及时发布政策文件。(区政府各部门负责落实)\n';
    const head = '附件\n2026年某区政务公开工作任务分解表\n序号 |\n一级指标 |\n二级指标 |\n责任单位 |\n时间节点 |\n';
    const row1 = '1 |\n依法履行信息公开职责 |\n严格执行公文公开属性审查程序,做到应公开尽公开。 |\n区政府办公室 |\n全年 |\n';
    const text = body + head + row1;
    const fixed = applyOnlyFix(text, check(text)[0]);
    assert.equal(fixed, body + head + row1 + '2 |\n围绕全区中心工作深化信息公开,及时发布政策文件。 |\n区政府各部门 |\n|\n');
    const rows = lint(fixed).doc.annex?.rows ?? [];
    assert.deepEqual(
      rows.map((r) => [r.serial, r.categories[0]?.text, r.categories[0]?.present, r.units?.text, r.time?.text]),
      [
        [1, '依法履行信息公开职责', true, '区政府办公室', '全年'],
        [2, '依法履行信息公开职责', false, '区政府各部门', ''],
      ],
    );
  });

  it('writes a tab-separated row in layout C, keeping CRLF line breaks', () => {
    const body =
      '2026年某区政务公开工作要点\r\n一、围绕稳增长强化信息公开\r\n' +
      '（一）做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。（区财政局牵头，各街镇配合）\r\n';
    const head = '附件\r\n2026年某区政务公开工作要点任务分解表\r\n序号\t类别\t任务分解\t责任单位\t时间节点\r\n';
    const text = body + head + '1\t围绕稳增长强化信息公开\t按季度公开财政收支情况。\t区财政局牵头，各街镇配合\t每季度\r\n';
    const [d] = check(text);
    assert.equal(
      applyOnlyFix(text, d),
      body +
        head +
        '1\t围绕稳增长强化信息公开\t按季度公开财政收支情况。\t区财政局牵头，各街镇配合\t每季度\r\n' +
        '2\t围绕稳增长强化信息公开\t及时公开政府债务限额、余额等信息。\t区财政局牵头，各街镇配合\t\r\n',
    );
  });

  it('stays silent without an annex, with an empty table, and when every task has a row', () => {
    assert.deepEqual(check(BODY), []);
    assert.deepEqual(check(BODY + '附件\n| 序号 | 任务分解 | 责任单位 | 时间节点 |\n'), []);
    const text =
      BODY +
      PIPES_HEAD +
      pipeRow('1', ...SAMPLE_ROWS[0]) +
      pipeRow('2', ...SAMPLE_ROWS[1]) +
      '| 3 | 及时发布重点建设项目目录和年度投资计划。 | 区发展改革委牵头,各街镇配合 | 上半年 |\n' +
      '| 4 | 在4月底前公布公办学校招生区域。 | 区教育局 | 4月底前 |\n';
    assert.deepEqual(check(text), []);
  });
});
