import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FILES } from '../workspace';
import { codeOf, diagnosticsWhere, extension, open } from './helpers';

describe('安装的 .vsix (installed extension)', () => {
  it('is the installed extension, not the development folder', () => {
    const ext = extension();
    assert.notEqual(path.resolve(ext.extensionPath), path.resolve(process.env.YAODIAN_E2E_ROOT ?? ''));
    assert.match(ext.extensionPath, /yaodian\.yaodian-/, 'installed under the extensions folder as publisher.name-version');
    // Localized from the package's package.nls.zh-cn.json: { value, original }.
    const title = (ext.packageJSON as { contributes: { commands: { command: string; title: { value: string } | string }[] } }).contributes.commands.find(
      (c) => c.command === 'yaodian.generateAnnex',
    )?.title;
    assert.equal(typeof title === 'string' ? title : title?.value, '生成任务分解表');
  });

  it('checks a 工作要点 document: annex-missing-row at line 25', async () => {
    const editor = await open(FILES.corpus);
    assert.equal(editor.document.languageId, 'yaodian');
    const diags = await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'annex-missing-row'));
    const d = diags.find((x) => codeOf(x) === 'annex-missing-row')!;
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [24, 127, 24, 157]);
  });
});
