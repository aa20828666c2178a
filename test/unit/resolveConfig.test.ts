// engine/config.ts: the one place a document's configuration is resolved (CLI and language server).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError, resolveConfig, type ConfigFile } from '../../server/src/engine/config';

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
      overrides: { rules: { 'time-missing': 'error' } },
    });
    assert.deepEqual(config.rules, { 'annex-order': 'off', 'annex-serial': 'warning', 'time-missing': 'error' });
    assert.equal(config.planYear, 2025);
  });

  it('uses the named config file instead of looking for one, and none for a document without a file', () => {
    write('.yaodianrc.json', '{ "rules": { "annex-order": "off" } }');
    const named = write('other.json', '{ "rules": { "annex-serial": "off" } }');
    assert.deepEqual(resolveConfig(path.join(dir, 'a.txt'), { configPath: named }).rules, { 'annex-serial': 'off' });
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

  it('reads each config file once through the cache', () => {
    const rc = write('.yaodianrc.json', '{ "rules": { "annex-order": "off" } }');
    const cache = new Map<string, ConfigFile>();
    resolveConfig(path.join(dir, 'a.txt'), { cache });
    fs.writeFileSync(rc, '{ "rules": { "annex-order": "info" } }');
    assert.deepEqual(resolveConfig(path.join(dir, 'sub', 'b.txt'), { cache }).rules, { 'annex-order': 'off' });
    assert.deepEqual(resolveConfig(path.join(dir, 'sub', 'b.txt')).rules, { 'annex-order': 'info' });
  });
});
