import { strict as assert } from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig } from '../../server/src/config/config';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toLspDiagnostic } from '../../server/src/lsp/convert';

describe('code actions: cursor after a fix', () => {
  const text = '2026年某区政务公开工作要点\n一、甲\n(一)做好甲项工作,按季度公开财政收支情况。\n';
  const uri = 'file:///x.txt';
  // One task and no unit anywhere: only requireUnit "always" asks for its unit.
  const result = lintText(text, mergeConfig(defaultConfig(), { requireUnit: 'always' }));
  const d = result.diagnostics.find((x) => x.ruleId === 'unit-missing');
  it('puts the cursor inside the inserted (责任单位:) when the client has a cursor command', () => {
    assert.ok(d);
    const lsp = toLspDiagnostic(result.doc, uri, d);
    const params = { textDocument: { uri }, range: lsp.range, context: { diagnostics: [lsp] } };
    const [withCursor] = codeActions(uri, result, defaultConfig(), params, 'yaodian.placeCursor');
    assert.deepEqual(withCursor.command, { title: '', command: 'yaodian.placeCursor', arguments: [uri, 2, '(一)做好甲项工作,按季度公开财政收支情况。(责任单位:'.length] });
    const [plain] = codeActions(uri, result, defaultConfig(), params);
    assert.equal(plain.command, undefined);
  });
});
