// The extension in VS Code: it activates, registers its commands, and runs with the Chinese
// display language (package.nls.zh-cn.json, l10n/bundle.l10n.zh-cn.json).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FILES } from '../workspace';
import { diagnosticsWhere, extension, open, screenshot } from './helpers';

const COMMANDS = ['yaodian.generateAnnex', 'yaodian.renumber', 'yaodian.tasksByUnit', 'yaodian.exportCsv'];

interface Api {
  ready(): Promise<void>;
  stats(): { items: number; tasks: number; rows: number; errors: number; warnings: number } | undefined;
}

describe('扩展 (extension)', () => {
  before(async () => {
    // The workbench of the screenshots: no (empty) secondary side bar.
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  });

  it('runs in the extension host of VS Code 1.139 with the Chinese display language', () => {
    assert.match(vscode.version, /^1\.139\./);
    assert.equal(vscode.env.language, 'zh-cn');
  });

  it('activates, starts the language server and registers its commands', async () => {
    const api = (await extension().activate()) as Api;
    assert.equal(extension().isActive, true);
    await api.ready();
    const commands = await vscode.commands.getCommands(true);
    for (const c of COMMANDS) assert.ok(commands.includes(c), `command ${c} is registered`);
  });

  it('shows the command titles from package.nls.zh-cn.json', () => {
    // The extension host sees the localized manifest: each %key% becomes { value, original }
    // (the display language's text and the default one from package.nls.json).
    type Localized = string | { value: string; original: string };
    const contributes = (extension().packageJSON as { contributes: { commands: { command: string; title: Localized; category: Localized }[] } }).contributes;
    const value = (t: Localized): string => (typeof t === 'string' ? t : t.value);
    const titles = Object.fromEntries(contributes.commands.map((c) => [c.command, c.title]));
    assert.deepEqual(
      COMMANDS.map((c) => value(titles[c])),
      ['生成任务分解表', '重新编号', '按责任单位查看任务', '导出任务分解表'],
    );
    const original = titles['yaodian.generateAnnex'];
    if (typeof original !== 'string') assert.match(original.original, /^[\x20-\x7e]+$/, 'the English title of package.nls.json is the original');
    assert.ok(contributes.commands.every((c) => value(c.category) === '工作要点助手'));
  });

  it('translates its messages with l10n/bundle.l10n.zh-cn.json', () => {
    // The suite is loaded from inside the extension's folder, so vscode.l10n is the extension's.
    assert.equal(vscode.l10n.t('Open a 工作要点 document first.'), '请先打开一份工作要点文档。');
    assert.equal(vscode.l10n.t('{0} tasks', 3), '3 项任务');
  });

  it('shows the document statistics in the status bar, in Chinese', async function () {
    const editor = await open(FILES.corpus);
    await diagnosticsWhere(editor.document.uri, (d) => d.length > 0);
    // The status bar asks the server a moment after each diagnostics change, with no event to
    // wait on in the API: the runner waits for the text in the page (Playwright) instead.
    const text = '附件 118 行 · 错误 1';
    const shot = await screenshot('status-bar', { waitForText: [text] });
    if (!shot.found) this.skip();
    assert.ok(shot.found[text], `the status bar shows “${text}”`);
    const stats = ((await extension().activate()) as Api).stats();
    assert.deepEqual(stats && { rows: stats.rows, errors: stats.errors, warnings: stats.warnings }, { rows: 118, errors: 1, warnings: 3 });
  });
});
