// SARIF, GitHub and task-list reports in-process (the CLI tests run them through dist/cli.js).
import { strict as assert } from 'assert';
import * as path from 'path';
import { lintText } from '../../server/src/engine/lint';
import { toJsonResult } from '../../server/src/report/format';
import { displayPath, formatGithub } from '../../server/src/report/github';
import { artifactLocation, fingerprints, formatSarif, sarifFile } from '../../server/src/report/sarif';
import { tasksByUnitText, tasksJson, tasksText } from '../../server/src/report/tasks';
import { RULES } from '../../server/src/rules';
import { readFixture } from '../helpers/fixtures';

const TEXT = '2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n(三)做好乙。(区乙局负责落实)\n二.乙\n';
const CWD = path.resolve('/work/repo');

function sarifOf(text: string, file = path.join(CWD, 'docs', 'a.txt')) {
  const { doc, diagnostics } = lintText(text);
  const result = toJsonResult(file, diagnostics, doc.lineIndex);
  return JSON.parse(formatSarif([sarifFile(result, doc, diagnostics)], CWD));
}

describe('SARIF report', () => {
  it('one run: driver with every rule, results with level, region, fingerprint', () => {
    const log = sarifOf(TEXT);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.tool.driver.rules.length, RULES.length);
    assert.deepEqual(run.tool.driver.rules.find((r: { id: string }) => r.id === 'punctuation-width').defaultConfiguration, { enabled: false, level: 'warning' });
    assert.equal(run.tool.driver.rules[0].name, 'OutlineSequence');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'), true);
    assert.deepEqual(
      run.results.map((r: { ruleId: string; level: string; locations: { physicalLocation: { region: unknown; artifactLocation: unknown } }[] }) => [r.ruleId, r.level, r.locations[0].physicalLocation.region, r.locations[0].physicalLocation.artifactLocation]),
      [
        ['outline-sequence', 'error', { startLine: 4, startColumn: 1, endLine: 4, endColumn: 4 }, { uri: 'docs/a.txt', uriBaseId: '%SRCROOT%' }],
        ['outline-marker-format', 'warning', { startLine: 5, startColumn: 1, endLine: 5, endColumn: 3 }, { uri: 'docs/a.txt', uriBaseId: '%SRCROOT%' }],
      ],
    );
  });

  it('writes related locations of a finding', () => {
    const text = readFixture('corpus/000_8af76b9c2bc005bb.txt');
    const log = sarifOf(text);
    const withRelated = log.runs[0].results.filter((r: { relatedLocations?: unknown[] }) => r.relatedLocations);
    assert.ok(withRelated.length > 0);
    const rel = withRelated[0].relatedLocations[0];
    assert.equal(rel.id, 0);
    assert.ok(rel.message.text.length > 0);
    assert.ok(rel.physicalLocation.region.startLine >= 1);
  });

  it('fingerprints ignore line numbers and spacing, count repeats', () => {
    const a = lintText(TEXT);
    const b = lintText('\n\n' + TEXT.replace('(三)做好乙。', '(三) \u3000做好乙。'));
    assert.deepEqual(fingerprints(a.doc, a.diagnostics), fingerprints(b.doc, b.diagnostics));
    const same = [
      { ruleId: 'x', start: 0, end: 2 },
      { ruleId: 'x', start: 0, end: 2 },
      { ruleId: 'y', start: 0, end: 2 },
    ];
    const prints = fingerprints(a.doc, same);
    assert.equal(prints[0].slice(0, -2), prints[1].slice(0, -2));
    assert.deepEqual(prints.map((p) => p.slice(-2)), [':1', ':2', ':1']);
    assert.notEqual(prints[0].slice(0, -2), prints[2].slice(0, -2));
  });

  it('URIs: relative inside the current directory, file URIs outside', () => {
    assert.deepEqual(artifactLocation(path.join(CWD, 'a b', '要点.txt'), CWD), { uri: 'a%20b/%E8%A6%81%E7%82%B9.txt', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation(path.resolve('/elsewhere/x.txt'), CWD), { uri: 'file:///elsewhere/x.txt' });
    assert.equal(displayPath(path.join(CWD, 'docs', 'a.txt'), CWD), 'docs/a.txt');
    assert.equal(displayPath(path.resolve('/elsewhere/x.txt'), CWD), '/elsewhere/x.txt');
  });

  it('GitHub: commands for every message, nothing for none', () => {
    const { doc, diagnostics } = lintText(TEXT);
    const result = toJsonResult(path.join(CWD, 'a.txt'), diagnostics, doc.lineIndex);
    assert.equal(formatGithub([result], CWD).split('\n').filter(Boolean).length, 2);
    assert.equal(formatGithub([{ ...result, messages: [] }], CWD), '');
  });
});

describe('task list reports', () => {
  const text = ['2026年某区政务公开工作要点', '一、主要任务', '(一)做好公开。按月公开数据。(区甲局牵头,区乙局配合)', '(二)做好解读。按季度解读政策。', ''].join('\n');

  it('text and JSON, by task and by unit', () => {
    const { doc, analysis } = lintText(text);
    assert.equal(tasksText(doc, analysis), '2026年某区政务公开工作要点：共 2 项任务\n\n1. 按月公开数据。\n   责任单位：区甲局牵头，区乙局配合  时间节点：无  第 3 行\n2. 按季度解读政策。\n   责任单位：无  时间节点：无  第 4 行\n');
    assert.equal(
      tasksByUnitText(doc, analysis),
      '2026年某区政务公开工作要点：共 2 个责任单位\n\n区甲局（1 项任务）\n  牵头  第 3 行  时间节点：无  按月公开数据。\n\n区乙局（1 项任务）\n  配合  第 3 行  时间节点：无  按月公开数据。\n\n无责任单位（1 项任务）\n  第 4 行  时间节点：无  按季度解读政策。\n',
    );
    const byUnit = JSON.parse(tasksJson(doc, analysis, true));
    assert.deepEqual(Object.keys(byUnit), ['title', 'planYear', 'units', 'withoutUnit']);
    assert.equal(JSON.parse(tasksJson(doc, analysis, false)).tasks.length, 2);
  });

  it('a document without a title starts with the count', () => {
    const { doc, analysis } = lintText('一、主要任务\n(一)做好公开。按月公开数据。(区甲局负责落实)\n');
    assert.match(tasksText(doc, analysis), /^共 1 项任务\n/);
    assert.match(tasksByUnitText(doc, analysis), /^共 1 个责任单位\n/);
  });
});
