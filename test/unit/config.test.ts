import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError, findConfigFile, loadConfigFile, parseConfig } from '../../server/src/config/load';
import { defaultConfig, mergeConfig } from '../../server/src/config/config';
import { lintText } from '../../server/src/engine/lint';

describe('config', () => {
  it('parses JSONC with comments and trailing commas', () => {
    const cfg = parseConfig(
      '{\n  // 规则\n  "rules": { "annex-text-mismatch": "info", },\n  "planYear": 2026,\n  "nonTaskSections": ["总体要求"],\n  "requireTimeNode": "always",\n  "requireUnit": "never",\n  "unitAliases": { "区发展改革委": ["区发改委"] },\n  "$schema": "x",\n}',
      'x.json',
    );
    assert.deepEqual(cfg, {
      rules: { 'annex-text-mismatch': 'info' },
      planYear: 2026,
      nonTaskSections: ['总体要求'],
      requireTimeNode: 'always',
      requireUnit: 'never',
      unitAliases: { 区发展改革委: ['区发改委'] },
    });
  });

  const bad: [string, RegExp][] = [
    ['{', /配置文件不是有效的 JSON/],
    ['[]', /配置应为一个 JSON 对象/],
    ['{"rules": []}', /"rules" 应为对象/],
    ['{"rules": {"nope": "off"}}', /未知规则 "nope"/],
    ['{"rules": {"annex-order": "loud"}}', /级别应为 error、warning、info 或 off/],
    ['{"planYear": "2026"}', /"planYear" 应为四位年份/],
    ['{"nonTaskSections": "总体要求"}', /"nonTaskSections" 应为字符串数组/],
    ['{"requireUnit": "sometimes"}', /"requireUnit" 应为 "auto"、"always" 或 "never"/],
    ['{"unitAliases": []}', /"unitAliases" 应为对象/],
    ['{"unitAliases": {"甲": "乙"}}', /"unitAliases"."甲" 应为字符串数组/],
    ['{"colour": true}', /未知配置项 "colour"/],
  ];
  for (const [text, message] of bad) {
    it(`rejects ${text} with a clear message`, () => {
      assert.throws(() => parseConfig(text, 'cfg.json'), (e: Error) => e instanceof ConfigError && message.test(e.message) && e.message.startsWith('cfg.json: '));
    });
  }

  it('finds the nearest file walking up, and reports an unreadable one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-cfg-'));
    try {
      fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
      fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '{}');
      assert.equal(findConfigFile(path.join(dir, 'a', 'b', 'x.txt')), path.join(dir, '.yaodianrc.json'));
      fs.writeFileSync(path.join(dir, 'a', '.yaodianrc.json'), '\ufeff{"planYear": 2027}');
      assert.equal(findConfigFile(path.join(dir, 'a', 'b', 'x.txt')), path.join(dir, 'a', '.yaodianrc.json'));
      assert.deepEqual(loadConfigFile(path.join(dir, 'a', '.yaodianrc.json')), { planYear: 2027 });
      assert.throws(() => loadConfigFile(path.join(dir, 'none.json')), /无法读取配置文件 .*ENOENT/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('merges layers: later wins, rules merge key by key', () => {
    const c = mergeConfig(defaultConfig(), { rules: { 'annex-order': 'off', 'annex-serial': 'warning' } }, undefined, { rules: { 'annex-order': 'error' }, planYear: 2030 });
    assert.deepEqual(c.rules, { 'annex-order': 'error', 'annex-serial': 'warning' });
    assert.equal(c.planYear, 2030);
    assert.deepEqual(defaultConfig().nonTaskSections, [
      '总体要求', '指导思想', '工作目标', '基本原则', '主要目标', '发展目标', '总体目标', '目标任务', '实施步骤', '工作步骤',
      '保障措施', '组织保障', '工作要求', '有关要求', '工作原则', '实施范围', '适用范围',
    ]);
  });

  it('nonTaskSections from the config decides which chapters hold tasks', () => {
    const text = '2026年某区政务公开工作要点\n一、重点任务\n(一)做好甲。加强乙工作。\n';
    assert.equal(lintText(text).analysis.tasks.length, 1);
    assert.equal(lintText(text, mergeConfig(defaultConfig(), { nonTaskSections: ['重点任务'] })).analysis.tasks.length, 0);
  });
});
