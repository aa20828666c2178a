// engine/config.ts: the one place a document's configuration is resolved (CLI and language server);
// extends and overrides are tested in config-resolve.test.ts.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError, resolveConfig, type ConfigCache } from '../../server/src/engine/config';

describe('resolveConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-config-'));
    fs.mkdirSync(path.join(dir, 'sub'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string): string => {
    fs.writeFileSync(path.join(dir, file), text);
    return path.join(dir, file);
  };

  it('layers defaults, settings, the nearest config file and overrides, later ones winning rule by rule', () => {
    write('.yaodianrc.json', '{ // comment\n "rules": { "annex-order": "off", "time-missing": "info" }, "planYear": 2025 }');
    const config = resolveConfig(path.join(dir, 'sub', 'a.txt'), {
      settings: { rules: { 'annex-order': 'error', 'annex-serial': 'warning' }, autoDetect: true },
      rules: { 'time-missing': 'error' },
    });
    assert.deepEqual(config.rules, { 'annex-order': 'off', 'annex-serial': 'warning', 'time-missing': 'error' });
    assert.equal(config.planYear, 2025);
  });

  it('uses the named config file instead of looking for one, and none for a document without a file', () => {
    write('.yaodianrc.json', '{ "rules": { "annex-order": "off" } }');
    const named = write('other.json', '{ "rules": { "annex-serial": "off" } }');
    assert.deepEqual(resolveConfig(path.join(dir, 'a.txt'), { configFile: named }).rules, { 'annex-serial': 'off' });
    assert.deepEqual(resolveConfig(null).rules, {});
  });

  it('throws a ConfigError for a broken file, or reports it and leaves it out when asked to', () => {
    write('.yaodianrc.json', '{ "rules": { "no-such-rule": "off" } }');
    const file = path.join(dir, 'a.txt');
    assert.throws(() => resolveConfig(file), (e: unknown) => e instanceof ConfigError && /未知规则 "no-such-rule"/.test(e.message));
    const problems: string[] = [];
    const config = resolveConfig(file, { settings: { rules: { 'annex-order': 'bad' } }, onError: (e) => problems.push(e.message) });
    assert.deepEqual(config.rules, {});
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^设置 yaodian.rules: 规则 "annex-order" 的级别应为/);
    assert.match(problems[1], /未知规则 "no-such-rule"/);
  });

  it('gives the editor the config file with what it extends and the overrides that match, over its settings', () => {
    write('base.json', '{ "rules": { "annex-order": "off" }, "planYear": 2024 }');
    write('.yaodianrc.json', '{ "extends": "base.json", "overrides": [{ "files": ["sub/**"], "planYear": 2025 }] }');
    const settings = { rules: { 'annex-order': 'error', 'annex-serial': 'info' } };
    const inSub = resolveConfig(path.join(dir, 'sub', 'a.txt'), { settings });
    assert.deepEqual(inSub.rules, { 'annex-order': 'off', 'annex-serial': 'info' });
    assert.equal(inSub.planYear, 2025);
    assert.equal(resolveConfig(path.join(dir, 'a.txt'), { settings }).planYear, 2024);
    // A base that cannot be read leaves the whole file out; the settings still apply.
    write('.yaodianrc.json', '{ "extends": "none.json", "planYear": 2023 }');
    const problems: string[] = [];
    const broken = resolveConfig(path.join(dir, 'a.txt'), { settings, onError: (e) => problems.push(e.message) });
    assert.deepEqual(broken.rules, settings.rules);
    assert.equal(broken.planYear, null);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /无法读取配置文件 .*none\.json/);
  });

  it('reads each config file once through the cache', () => {
    const rc = write('.yaodianrc.json', '{ "rules": { "annex-order": "off" } }');
    const cache: ConfigCache = new Map();
    resolveConfig(path.join(dir, 'a.txt'), { cache });
    fs.writeFileSync(rc, '{ "rules": { "annex-order": "info" } }');
    assert.deepEqual(resolveConfig(path.join(dir, 'sub', 'b.txt'), { cache }).rules, { 'annex-order': 'off' });
    assert.deepEqual(resolveConfig(path.join(dir, 'sub', 'b.txt')).rules, { 'annex-order': 'info' });
  });
});
