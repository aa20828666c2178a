// The task-table commands over the real protocol: the server's WorkspaceEdit applied as an
// editor applies it (by line and character), and the CSV the export command saves.
import { strict as assert } from 'assert';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestClient } from '../helpers/lspClient';
import { inProcessClient } from '../helpers/lspServer';
import { readFixture } from '../helpers/fixtures';
import { lintText } from '../../server/src/engine/lint';

function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | null | undefined): string {
  const edits = (edit?.changes?.[uri] ?? []) as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaodian', 1, text), edits);
}

describe('language server: task table commands', function () {
  this.timeout(60000);
  let client: TestClient;
  beforeEach(async () => {
    client = inProcessClient();
    await client.start();
  });
  afterEach(async () => {
    await client.stop();
  });

  it('yaodian.server.generateAnnex appends the table after the last line (CRLF), and check accepts it', async () => {
    const uri = 'file:///tmp/yaodian-commands/inline.txt';
    const text = readFixture('examples/inline-units.txt').replace(/\r?\n/g, '\r\n');
    assert.ok(text.endsWith('\r\n'));
    await client.open(uri, text);
    const edit = (await client.connection.sendRequest('workspace/executeCommand', { command: 'yaodian.server.generateAnnex', arguments: [uri] })) as WorkspaceEdit;
    const out = applyWorkspaceEdit(text, uri, edit);
    assert.ok(out.startsWith(text), 'the body is kept as it was');
    assert.match(out.slice(text.length), /^\r\n附件\r\n某市2026年政务公开工作要点任务分解表\r\n\| 序号 \| 任务分解 \| 责任单位 \| 时间节点 \|\r\n/);
    assert.ok(out.endsWith(' |\r\n'));
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /[\r\n]/);
    assert.deepEqual(lintText(out).diagnostics.filter((d) => d.ruleId.startsWith('annex-')), []);
  });

  it('yaodian.server.generateAnnex replaces an existing table', async () => {
    const uri = 'file:///tmp/yaodian-commands/tabs.txt';
    const text = readFixture('examples/annex-tabs.txt');
    await client.open(uri, text);
    const edit = (await client.connection.sendRequest('workspace/executeCommand', { command: 'yaodian.server.generateAnnex', arguments: [uri] })) as WorkspaceEdit;
    const out = applyWorkspaceEdit(text, uri, edit);
    assert.match(out, /\n附件\n2026年某区政务公开工作要点任务分解表\n\| 序号 \| 任务分解 \| 责任单位 \| 时间节点 \|\n\|---\|---\|---\|---\|\n\| 1 \| 按规定公开部门预决算。 \|/);
    assert.doesNotMatch(out, /\t/);
  });

  it('yaodian.server.exportCsv returns the task table as CSV text', async () => {
    const uri = 'file:///tmp/yaodian-commands/inline.txt';
    await client.open(uri, readFixture('examples/inline-units.txt'));
    const csv = (await client.connection.sendRequest('workspace/executeCommand', { command: 'yaodian.server.exportCsv', arguments: [uri] })) as string;
    assert.ok(csv.startsWith('\ufeff序号,任务,责任单位,时间节点,行号\r\n1,按季度公开财政收支情况，及时解读收支变化原因。,市财政局,,14\r\n'));
    assert.equal(csv.split('\r\n').length, 1 + 8 + 1);
  });
});
