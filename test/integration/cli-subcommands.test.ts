// `yaodian annex` and `yaodian tasks` through the built CLI (dist/cli.js).
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { CLI, FIXTURES } from '../helpers/fixtures';

function run(args: string[], cwd?: string): { code: number; out: string; err: string; bytes: Buffer } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd });
  return { code: r.status ?? -1, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8'), bytes: r.stdout };
}

const INLINE_UNITS = path.join(FIXTURES, 'examples', 'inline-units.txt');

const INLINE_UNITS_TABLE = [
  '| 序号 | 任务分解 | 责任单位 | 时间节点 |',
  '|---|---|---|---|',
  '| 1 | 按季度公开财政收支情况，及时解读收支变化原因。 | 市财政局 |  |',
  '| 2 | 及时发布重点建设项目目录。 | 市发展改革委牵头，各区政府负责 |  |',
  '| 3 | 做好招标公告、中标公示等事项公开。 | 市住房城乡建设委 |  |',
  '| 4 | 公布每所公办学校的招生区域、招生人数等信息。 | 市教委牵头，各区政府负责 |  |',
  '| 5 | 按月公开低保人数、资金支出情况。 | 市民政局 | 全年 |',
  '| 6 | 多渠道做好就业创业帮扶政策的公开和解读。 | 市人力社保局牵头，各区政府负责 |  |',
  '| 7 | 各单位要将政务公开纳入重要议事日程，主要负责同志每年至少听取1次工作汇报。 | 市政府办公厅牵头，各区政府、市政府各部门负责 |  |',
  '| 8 | 组织开展政务公开专题培训（试行），提升队伍业务能力。 | 市政府办公厅、市人力社保局 |  |',
  '',
].join('\n');

/** A small document: roles that differ, a task text with `"` and `,`, a task without a unit. */
const SMALL = [
  '2026年某区政务公开工作要点',
  '一、主要任务',
  '(一)做好财政信息公开。按季度公开财政收支情况。(区财政局负责落实)',
  '(二)推进"互联网+政务服务",优化网上办事。(牵头单位:区政务服务办;配合单位:区大数据中心、区财政局;完成时限:6月底前)',
  '(三)加强培训。组织开展业务培训。',
  '',
].join('\n');

interface JsonMessage {
  ruleId: string;
  severity: number;
  message: string;
}

describe('yaodian annex', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-annex-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the task table of inline-units.txt in layout B', () => {
    const r = run(['annex', INLINE_UNITS]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, INLINE_UNITS_TABLE);
  });

  it('gives a table that check accepts: appended to the document, no annex finding at all', () => {
    const text = fs.readFileSync(INLINE_UNITS, 'utf8');
    const table = run(['annex', INLINE_UNITS]).out;
    const f = path.join(dir, 'with-annex.txt');
    fs.writeFileSync(f, `${text}\n附件\n某市2026年政务公开工作要点任务分解表\n${table}`);
    const r = run(['check', '--format', 'json', f]);
    const messages = (JSON.parse(r.out) as { messages: JsonMessage[] }[])[0].messages;
    assert.deepEqual(messages.filter((m) => m.ruleId.startsWith('annex-')), []);
    // The parser reads it back as the annex, one row per task, each matched to its sentence.
    const outline = JSON.parse(run(['outline', '--format', 'json', f]).out) as { annex: { layout: string; rows: { bodyLine: number | null }[] } };
    assert.equal(outline.annex.layout, 'pipes');
    assert.deepEqual(
      outline.annex.rows.map((row) => row.bodyLine),
      [14, 15, 15, 17, 18, 19, 21, 22],
    );
  });

  it('regenerates an existing annex: time nodes kept from its rows, category column kept', () => {
    const r = run(['annex', path.join(FIXTURES, 'examples', 'annex-cells-merged.txt')]);
    assert.equal(r.code, 0, r.err);
    assert.equal(
      r.out,
      [
        '| 序号 | 一级指标 | 任务分解 | 责任单位 | 时间节点 |',
        '|---|---|---|---|---|',
        '| 1 | 依法履行信息公开职责 | 围绕全区中心工作深化信息公开,依法、规范、及时发布信息并做好解读。 | 区政府各部门、各街镇 | 全年 |',
        '| 2 | 依法履行信息公开职责 | 严格执行公文公开属性审查程序。 | 区政府办公室、各街镇 | 全年 |',
        '| 3 | 优化政策服务 | 落实政策解读与政策文件同步审签、同步发布的要求。 | 区政府各部门 | 全年 |',
        '| 4 | 优化政策服务 | 根据上级要求,组织报送优秀政策解读案例。 | 区政府办公室、区融媒体中心 | 4月 |',
        '| 5 | 优化政策服务 | 以“优化营商环境”为主题,在8月开展“政府开放月”活动。 | 区政府办公室、各街镇 | 8月 |',
        '',
      ].join('\n'),
    );
  });

  it('reads GB18030 and refuses bad usage', () => {
    const f = path.join(dir, 'gbk.txt');
    fs.writeFileSync(f, iconv.encode(SMALL, 'gb18030'));
    const r = run(['annex', f]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\| 2 \| 推进"互联网\+政务服务",优化网上办事。 \| 区政务服务办牵头,区大数据中心、区财政局配合 \| 6月底前 \|/);
    assert.equal(run(['annex']).code, 2);
    assert.equal(run(['annex', f, f]).code, 2);
    const missing = run(['annex', path.join(dir, 'missing.txt')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /无法读取 .*missing\.txt: ENOENT/);
    assert.equal(run(['annex', '--encoding', 'latin1', f]).code, 2);
  });
});

describe('yaodian tasks', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-tasks-'));
    file = path.join(dir, 'small.txt');
    fs.writeFileSync(file, SMALL);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists tasks as text', () => {
    const r = run(['tasks', file]);
    assert.equal(r.code, 0, r.err);
    assert.equal(
      r.out,
      [
        '2026年某区政务公开工作要点：共 3 项任务',
        '',
        '1. 按季度公开财政收支情况。',
        '   责任单位：区财政局  时间节点：无  第 3 行',
        '2. 推进"互联网+政务服务",优化网上办事。',
        '   责任单位：区政务服务办牵头，区大数据中心、区财政局配合  时间节点：6月底前  第 4 行',
        '3. 组织开展业务培训。',
        '   责任单位：无  时间节点：无  第 5 行',
        '',
      ].join('\n'),
    );
  });

  it('lists tasks as JSON', () => {
    const r = run(['tasks', '--format', 'json', file]);
    assert.deepEqual(JSON.parse(r.out), {
      title: '2026年某区政务公开工作要点',
      planYear: 2026,
      tasks: [
        { serial: 1, text: '按季度公开财政收支情况。', units: [{ name: '区财政局', role: 'responsible', roleName: '负责' }], time: null, line: 3 },
        {
          serial: 2,
          text: '推进"互联网+政务服务",优化网上办事。',
          units: [
            { name: '区政务服务办', role: 'lead', roleName: '牵头' },
            { name: '区大数据中心', role: 'support', roleName: '配合' },
            { name: '区财政局', role: 'support', roleName: '配合' },
          ],
          time: '6月底前',
          line: 4,
        },
        { serial: 3, text: '组织开展业务培训。', units: [], time: null, line: 5 },
      ],
    });
  });

  it('lists tasks as CSV: BOM, CRLF, RFC 4180 quoting, header row', () => {
    const r = run(['tasks', '--format', 'csv', file]);
    assert.deepEqual([...r.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(
      r.out,
      '\ufeff序号,任务,责任单位,时间节点,行号\r\n' +
        '1,按季度公开财政收支情况。,区财政局,,3\r\n' +
        '2,"推进""互联网+政务服务"",优化网上办事。",区政务服务办牵头，区大数据中心、区财政局配合,6月底前,4\r\n' +
        '3,组织开展业务培训。,,,5\r\n',
    );
    assert.doesNotMatch(r.out.replace(/\r\n/g, ''), /[\r\n]/);
  });

  it('--by unit lists each unit with its role, time node and line (text, JSON, CSV)', () => {
    const text = run(['tasks', '--by', 'unit', file]);
    assert.equal(
      text.out,
      [
        '2026年某区政务公开工作要点：共 3 个责任单位',
        '',
        '区财政局（2 项任务）',
        '  负责  第 3 行  时间节点：无  按季度公开财政收支情况。',
        '  配合  第 4 行  时间节点：6月底前  推进"互联网+政务服务",优化网上办事。',
        '',
        '区政务服务办（1 项任务）',
        '  牵头  第 4 行  时间节点：6月底前  推进"互联网+政务服务",优化网上办事。',
        '',
        '区大数据中心（1 项任务）',
        '  配合  第 4 行  时间节点：6月底前  推进"互联网+政务服务",优化网上办事。',
        '',
        '无责任单位（1 项任务）',
        '  第 5 行  时间节点：无  组织开展业务培训。',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(run(['tasks', '--by', 'unit', '--format', 'json', file]).out);
    assert.deepEqual(
      json.units.map((u: { name: string; tasks: { role: string; roleName: string; line: number; serial: number }[] }) => [u.name, u.tasks.map((t) => [t.role, t.roleName, t.line, t.serial])]),
      [
        ['区财政局', [['responsible', '负责', 3, 1], ['support', '配合', 4, 2]]],
        ['区政务服务办', [['lead', '牵头', 4, 2]]],
        ['区大数据中心', [['support', '配合', 4, 2]]],
      ],
    );
    assert.deepEqual(json.withoutUnit.map((t: { line: number }) => t.line), [5]);
    const csv = run(['tasks', '--by', 'unit', '--format', 'csv', file]);
    assert.equal(
      csv.out,
      '\ufeff责任单位,角色,时间节点,行号,任务\r\n' +
        '区财政局,负责,,3,按季度公开财政收支情况。\r\n' +
        '区财政局,配合,6月底前,4,"推进""互联网+政务服务"",优化网上办事。"\r\n' +
        '区政务服务办,牵头,6月底前,4,"推进""互联网+政务服务"",优化网上办事。"\r\n' +
        '区大数据中心,配合,6月底前,4,"推进""互联网+政务服务"",优化网上办事。"\r\n' +
        ',,,5,组织开展业务培训。\r\n',
    );
  });

  it('takes units and the time node from the annex rows too', () => {
    const r = run(['tasks', '--format', 'json', path.join(FIXTURES, 'examples', 'annex-pipes.txt')]);
    const tasks = JSON.parse(r.out).tasks as { text: string; units: { name: string; role: string }[]; time: string | null }[];
    assert.equal(tasks.length, 6);
    assert.deepEqual(tasks[0], {
      serial: 1,
      text: '按规定公开部门预决算。',
      units: [
        { name: '区财政局', role: 'lead', roleName: '牵头' },
        { name: '各部门', role: 'support', roleName: '配合' },
      ],
      time: '全年',
      line: 6,
    });
  });

  it('refuses bad usage with exit code 2', () => {
    assert.equal(run(['tasks']).code, 2);
    assert.equal(run(['tasks', file, file]).code, 2);
    const fmt = run(['tasks', '--format', 'xml', file]);
    assert.equal(fmt.code, 2);
    assert.match(fmt.err, /--format text\|json\|csv/);
    assert.equal(run(['tasks', '--by', 'time', file]).code, 2);
    assert.equal(run(['tasks', '--no-such-option', file]).code, 2);
    assert.equal(run(['tasks', path.join(dir, 'missing.txt')]).code, 2);
  });

  it('uses the nearest .yaodianrc.json: nonTaskSections decide what a task is', () => {
    fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '{ "nonTaskSections": ["主要任务"] }');
    const r = run(['tasks', '--format', 'json', file]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).tasks, []);
    fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '{ "nonTaskSections": 3 }');
    assert.equal(run(['tasks', file]).code, 2);
  });

  it('resolves the config as check does: what the config file extends and its matching overrides apply', () => {
    fs.writeFileSync(path.join(dir, 'base.json'), '{ "nonTaskSections": ["主要任务"] }');
    fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '{ "extends": "base.json" }');
    let r = run(['tasks', '--format', 'json', file]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).tasks, []);
    fs.writeFileSync(path.join(dir, '.yaodianrc.json'), JSON.stringify({ overrides: [{ files: [path.basename(file)], nonTaskSections: ['主要任务'] }] }));
    r = run(['tasks', '--format', 'json', file]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).tasks, []);
    fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '{ "extends": "none.json" }');
    assert.match(run(['tasks', file]).err, /无法读取配置文件 .*none\.json/);
  });
});
