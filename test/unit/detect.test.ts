// 客户端的纯函数:自动识别工作要点文档、导出文件名、CSV 字节、树视图标签。
// Pure client logic, tested without VS Code.

import { strict as assert } from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { DETECT_LINES, looksLikeYaodian, textLooksLikeYaodian } from '../../client/src/detect';
import { csvBytes, csvFileName, shorten } from '../../client/src/format';

const EXAMPLES = join(__dirname, '..', 'fixtures', 'examples');
const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');

describe('client: auto-detect', () => {
  it('finds the title line of a document', () => {
    assert.ok(textLooksLikeYaodian('2026年某区政务公开工作要点\n为进一步深化本区政务公开工作,制定本工作要点。\n一、总体要求'));
  });

  it('folds full width and trims: Word indentation, full-width parentheses and a BOM', () => {
    assert.ok(textLooksLikeYaodian('\ufeff　　2026年某区政务公开工作要点（征求意见稿）　\r\n正文'));
    assert.ok(textLooksLikeYaodian('\n\n   某市2026年政务公开工作要点   \n'));
  });

  it('finds a title after a preamble, within the first 40 lines', () => {
    const preamble = Array.from({ length: DETECT_LINES - 1 }, (_, i) => `第${i + 1}行正文内容。`);
    assert.ok(textLooksLikeYaodian([...preamble, '2026年某区政务公开工作要点'].join('\n')));
  });

  it('ignores a title after line 40', () => {
    const preamble = Array.from({ length: DETECT_LINES }, (_, i) => `第${i + 1}行正文内容。`);
    assert.equal(textLooksLikeYaodian([...preamble, '2026年某区政务公开工作要点'].join('\n')), false);
  });

  it('does not take a sentence quoting the title, or ordinary text, for a document', () => {
    assert.equal(textLooksLikeYaodian('现将《2026年某区政务公开工作要点》印发给你们,请认真贯彻落实。'), false);
    assert.equal(textLooksLikeYaodian('会议纪要\n一、会议议定事项\n请各单位抓好落实。'), false);
    assert.equal(textLooksLikeYaodian(''), false);
  });

  it('takes a standalone task table for a document: the table is the plan', () => {
    assert.equal(textLooksLikeYaodian('2026年某区政务公开工作要点任务分解表\n序号|任务|责任单位|时间节点'), true);
  });

  it('reads only the first 40 lines of a long document', () => {
    const seen: number[] = [];
    const found = looksLikeYaodian(100_000, (i) => {
      seen.push(i);
      return '正文。';
    });
    assert.equal(found, false);
    assert.deepEqual(seen, Array.from({ length: DETECT_LINES }, (_, i) => i));
  });

  it('recognises every example and corpus document', () => {
    const files = [
      ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).map((f) => join(EXAMPLES, f)),
      ...readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS, f)),
    ];
    assert.ok(files.length > 0);
    for (const f of files) assert.ok(textLooksLikeYaodian(readFileSync(f, 'utf8')), f);
  });
});

describe('client: export and labels', () => {
  it('names the CSV after the document', () => {
    assert.equal(csvFileName('/home/a/2026年政务公开工作要点.txt'), '2026年政务公开工作要点-任务分解表.csv');
    assert.equal(csvFileName('C:\\文档\\要点.yaodian.txt'), '要点-任务分解表.csv');
    assert.equal(csvFileName('Untitled-1'), 'Untitled-1-任务分解表.csv');
    assert.equal(csvFileName('/a/.txt'), '工作要点-任务分解表.csv');
  });

  it('writes UTF-8 with exactly one BOM', () => {
    const withBom = csvBytes('\ufeff序号,任务\r\n');
    const without = csvBytes('序号,任务\r\n');
    assert.deepEqual([...withBom.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual(withBom, without);
    assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(without), '\ufeff序号,任务\r\n');
  });

  it('shortens long task texts by characters, not code units', () => {
    assert.equal(shorten('按规定公开部门预决算。'), '按规定公开部门预决算。');
    assert.equal(shorten('一二三四五六七八九十', 5), '一二三四…');
    assert.equal(shorten('𠀀𠀁𠀂𠀃', 3), '𠀀𠀁…');
    assert.equal(shorten('  做好\n信息公开。 '), '做好 信息公开。');
  });
});
