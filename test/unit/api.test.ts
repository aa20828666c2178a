// The programmatic API (server/src/api.ts) in-process; test/integration/package.test.ts imports
// the packed package.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixText, lintText, loadConfig } from '../../server/src/api';
import { BAD } from '../helpers/cli';

describe('programmatic API', () => {
  it('lintText gives the JSON report of one text', () => {
    const r = lintText(BAD);
    assert.equal(r.filePath, '<text>');
    assert.deepEqual(
      r.messages.map((m) => [m.ruleId, m.severity, m.line, m.column]),
      [
        ['outline-sequence', 2, 4, 1],
        ['outline-marker-format', 1, 5, 1],
      ],
    );
    assert.deepEqual([r.errorCount, r.warningCount, r.infoCount, r.fixableErrorCount, r.fixableWarningCount], [1, 1, 0, 1, 1]);
  });

  it('options.config is validated like a config file; a loadConfig() result can be passed back', () => {
    assert.deepEqual(lintText(BAD, { config: { rules: { 'outline-sequence': 'off' } } }).messages.map((m) => m.ruleId), ['outline-marker-format']);
    assert.throws(() => lintText(BAD, { config: { rules: { 'outline-sequence': 'loud' as never } } }), /options\.config: 规则 "outline-sequence" 的级别应为/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-api-'));
    try {
      fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '{"rules": {"outline-marker-format": "info"}, "overrides": [{"files": ["2025/**"], "planYear": 2025}]}');
      fs.mkdirSync(path.join(dir, '2025'));
      const config = loadConfig(path.join(dir, '2025'));
      assert.equal(config.planYear, 2025);
      assert.deepEqual(config.rules, { 'outline-marker-format': 'info' });
      assert.equal(loadConfig(path.join(dir, '.yaodianrc.json')).planYear, null);
      assert.equal(loadConfig(path.join(dir, 'a.txt')).planYear, null);
      assert.deepEqual(lintText(BAD, { config }).messages.map((m) => m.severity), [2, 0]);
      // Without config, filePath finds it.
      assert.deepEqual(lintText(BAD, { filePath: path.join(dir, '2025', 'a.txt') }).messages.map((m) => m.severity), [2, 0]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fixText applies the auto fixes and checks the result', () => {
    const r = fixText(BAD);
    assert.equal(r.output, BAD.replace('(三)', '(二)').replace('(四)', '(三)').replace('二.', '二、'));
    assert.equal(r.fixed, 2);
    assert.deepEqual(r.messages, []);
  });
});
