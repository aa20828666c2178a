// The HTML review report: its content for real documents, that it fetches nothing and runs no
// script, and `yaodian report` / `check --format html` through the built CLI.
// (The report opened in chromium, with a screenshot, is in the end-to-end run: test/e2e/report.ts.)
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintText } from '../../server/src/engine/lint';
import { buildReview } from '../../server/src/review/model';
import { renderReport } from '../../server/src/review/html';
import { monthChartSvg, unitChartSvg, MAX_UNITS } from '../../server/src/review/charts';
import { BAD, runCli } from '../helpers/cli';
import { FIXTURES, readFixture } from '../helpers/fixtures';

const CORPUS_000 = readFixture('corpus/000_8af76b9c2bc005bb.txt');

describe('HTML report', () => {
  const review = buildReview(lintText(CORPUS_000));
  const html = renderReport([{ file: 'corpus/000.txt', review }], { generated: new Date(2026, 10, 29, 9, 5) });

  it('is one self-contained page: no script, nothing fetched, a policy that forbids fetching', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(!/<script/i.test(html));
    assert.ok(!/\b(src|href)="(?!#)/i.test(html), 'only in-page links');
    assert.ok(!/url\(/i.test(html));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  });

  it('has the summary row of the document: kind, tasks, rows, errors, warnings, findings by rule', () => {
    const summary = /<tbody><tr class="has-errors">(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    const cells = [...summary.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    assert.deepEqual(cells, [
      'corpus/000.txt 2023年上海市普陀区政务公开工作要点',
      '工作要点 + 任务分解表',
      '121',
      '118',
      '1',
      '3',
      'annex-missing-row 1 annex-text-mismatch 1 unit-inconsistent-name 1 time-before-issue 1',
    ]);
    assert.match(html, /生成于 2026-11-29 09:05/);
  });

  it('lists each finding with its line and the text around it', () => {
    assert.match(html, /<td class="pos">309:5<\/td><td><span class="sev sev-warning">警告<\/span><\/td>/);
    assert.ok(html.includes('<mark>区融媒体</mark>'));
    assert.equal((html.match(/<tr class="sev-/g) ?? []).length, 4);
  });

  it('has the comparison table: 118 rows and the task with no row, the differing character marked', () => {
    assert.equal((html.match(/<tr class="line /g) ?? []).length, 119);
    assert.equal((html.match(/<tr class="line kind-task problem"/g) ?? []).length, 1);
    assert.ok(html.includes('抽查结果<del>、</del><ins>,</ins>工作推进情况。'));
    assert.ok(html.includes('任务分解表中无此任务'));
    // Problem rows are the ones with findings: 41, the task with no row, 64, 68.
    assert.equal((html.match(/<tr class="line kind-\w+ problem"/g) ?? []).length, 4);
  });

  it('draws both charts as inline SVG', () => {
    assert.equal((html.match(/<svg class="chart chart-units"/g) ?? []).length, 1);
    assert.equal((html.match(/<svg class="chart chart-months"/g) ?? []).length, 1);
    assert.ok(html.includes('<title>各街镇:负责 34,配合 21</title>'));
    assert.ok(html.includes('<title>6月:7 项任务</title>'));
    assert.ok(html.includes('<title>全年/常态:100 项任务</title>'));
  });

  it('escapes document text', () => {
    const r = buildReview(lintText('2026年<b>某区</b>政务公开工作要点\n一、围绕稳增长强化信息公开\n(一)公开"<script>alert(1)</script>"信息。(区财政局负责落实)\n'));
    const page = renderReport([{ file: 'a&b<c>.txt', review: r }]);
    assert.ok(!page.includes('<script>'));
    assert.ok(!page.includes('<b>某区'));
    assert.ok(page.includes('a&amp;b&lt;c&gt;.txt'));
  });
});

describe('charts', () => {
  it('draws at most MAX_UNITS units and says how many more there are', () => {
    const units = Array.from({ length: MAX_UNITS + 5 }, (_, i) => ({ name: `单位${i}`, lead: 1, support: 0, responsible: i, total: i + 1 }));
    const svg = unitChartSvg(units);
    assert.equal((svg.match(/<g class="chart-row">/g) ?? []).length, MAX_UNITS);
    assert.ok(svg.includes('另有 5 个单位未列出'));
    assert.ok(!/style=/.test(svg), 'no inline styles (the view forbids them)');
  });

  it('says when there is no unit, and draws empty months', () => {
    assert.equal(unitChartSvg([]), '<p class="chart-empty">没有责任单位</p>');
    const svg = monthChartSvg({ planYear: null, months: new Array<number>(12).fill(0), wholeYear: 0, otherYear: 0, none: 3 });
    assert.equal((svg.match(/<g class="chart-col">/g) ?? []).length, 15);
    assert.equal((svg.match(/<rect /g) ?? []).length, 1, 'only the undated column has a bar');
  });
});

describe('yaodian report / check --format html (built CLI)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-report-'));
    fs.writeFileSync(path.join(dir, 'bad.txt'), BAD);
    fs.copyFileSync(path.join(FIXTURES, 'corpus/000_8af76b9c2bc005bb.txt'), path.join(dir, '000.txt'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('report writes one page for a folder and exits 0 though the documents have errors', () => {
    const out = path.join(dir, 'out', 'report.html');
    fs.mkdirSync(path.dirname(out));
    const r = runCli(['report', '.', '-o', out], dir);
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    const html = fs.readFileSync(out, 'utf8');
    assert.equal((html.match(/<section class="document"/g) ?? []).length, 2);
    assert.ok(html.includes('<a href="#doc-0">000.txt</a>'));
    assert.ok(html.includes('<a href="#doc-1">bad.txt</a>'));
  });

  it('check --format html gives the same page and the exit code of check', () => {
    const r = runCli(['check', '--format', 'html', 'bad.txt'], dir);
    assert.equal(r.code, 1);
    const viaReport = runCli(['report', 'bad.txt'], dir);
    assert.equal(viaReport.code, 0);
    const strip = (s: string): string => s.replace(/ · 生成于 [\d-]+ [\d:]+/, '');
    assert.equal(strip(r.out), strip(viaReport.out));
    assert.match(r.out, /outline-sequence 1/);
  });

  it('report refuses --fix and --format, and says when a file is missing', () => {
    assert.equal(runCli(['report', '--fix', 'bad.txt'], dir).code, 2);
    const f = runCli(['report', '--format', 'json', 'bad.txt'], dir);
    assert.equal(f.code, 2);
    assert.match(f.err, /yaodian report: 不接受 --format/);
    const missing = runCli(['report', 'nope.txt'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope.txt: 文件不存在/);
    assert.match(runCli(['report'], dir).err, /^yaodian report: 需要至少一个文件/);
  });
});
