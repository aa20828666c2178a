// The language server over the real protocol, in process: the server class on in-memory streams,
// driven by a real LSP client library as editors drive it. (stdio.test.ts runs dist/server.js.)
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestClient } from '../helpers/lspClient';
import { inProcessClient } from '../helpers/lspServer';
import { readFixture } from '../helpers/fixtures';
import { lintText } from '../../server/src/engine/lint';

const CORPUS = 'corpus/000_8af76b9c2bc005bb.txt';

function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | null | undefined): string {
  const edits = (edit?.changes?.[uri] ?? []) as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaodian', 1, text), edits);
}

function pos(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `not found: ${needle}`);
  const doc = TextDocument.create('x', 'x', 1, text);
  return doc.positionAt(i + delta);
}

describe('language server', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-lsp-'));
    client = inProcessClient();
    await client.start();
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).toString();

  it('publishes the engine’s diagnostics with source, code, docs link and exact ranges', async () => {
    const text = readFixture(CORPUS);
    const uri = uriOf('a.txt');
    const published = await client.open(uri, text);
    const local = lintText(text);
    assert.equal(published.diagnostics.length, local.diagnostics.length);
    const missing = published.diagnostics.find((d) => d.code === 'annex-missing-row') as Diagnostic;
    assert.ok(missing);
    assert.equal(missing.source, 'yaodian');
    assert.equal(missing.severity, 1);
    assert.match(String(missing.codeDescription?.href), /docs\/rules\/annex-missing-row\.md$/);
    assert.equal(missing.range.start.line, 24);
    const lines = text.split('\n');
    assert.match(lines[24].slice(missing.range.start.character, missing.range.end.character), /^根据法律法规立改废释和形势任务变化的需要,形成动态更新机制。$/);
  });

  it('offers quick fixes from the engine’s edits, fix-all per rule, and source.fixAll.yaodian', async () => {
    const text = '2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n(三)做好乙。(区乙局负责落实)\n二.乙\n(四)做好丙。(区丙局负责落实)\n三.丙\n(五)做好丁。(区丁局负责落实)\n';
    const uri = uriOf('b.txt');
    const { diagnostics } = await client.open(uri, text);
    const seq = diagnostics.find((d) => d.code === 'outline-sequence') as Diagnostic;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: seq.range,
      context: { diagnostics: [seq] },
    })) as CodeAction[];
    const quick = actions.find((a) => a.isPreferred) as CodeAction;
    assert.equal(quick.kind, 'quickfix');
    assert.equal(applyWorkspaceEdit(text, uri, quick.edit), text.replace('(三)', '(二)').replace('(四)', '(三)').replace('(五)', '(四)'));

    const fmt = diagnostics.filter((d) => d.code === 'outline-marker-format');
    const forFmt = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: fmt[0].range, context: { diagnostics: [fmt[0]] } })) as CodeAction[];
    const all = forFmt.find((a) => a.title.startsWith('修复本文档中所有 outline-marker-format')) as CodeAction;
    assert.ok(all, forFmt.map((a) => a.title).join(' / '));
    // Fix-all edits are computed when the action is picked (codeAction/resolve), not for the light bulb.
    assert.equal(all.edit, undefined);
    const resolvedAll = (await client.connection.sendRequest('codeAction/resolve', all)) as CodeAction;
    assert.equal(applyWorkspaceEdit(text, uri, resolvedAll.edit), text.replace('二.', '二、').replace('三.', '三、'));

    const onSave = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.yaodian'] },
    })) as CodeAction[];
    assert.equal(onSave.length, 1);
    assert.equal(onSave[0].kind, 'source.fixAll.yaodian');
    assert.equal(onSave[0].edit, undefined);
    const resolved = (await client.connection.sendRequest('codeAction/resolve', onSave[0])) as CodeAction;
    const fixed = applyWorkspaceEdit(text, uri, resolved.edit);
    assert.equal(fixed, '2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n(二)做好乙。(区乙局负责落实)\n二、乙\n(三)做好丙。(区丙局负责落实)\n三、丙\n(四)做好丁。(区丁局负责落实)\n');
  });

  it('gives document symbols (chapters, items, annex rows) and folding ranges', async () => {
    const text = readFixture('examples/annex-pipes.txt');
    const uri = uriOf('c.txt');
    await client.open(uri, text);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['一、总体要求', '二、强化重点领域信息公开', '三、优化政策解读和回应', '附件:2026年某区政务公开工作要点任务分解表']);
    assert.deepEqual(symbols[1].children?.map((s) => s.name), ['（一）财政信息公开', '（二）教育信息公开']);
    const annex = symbols[3];
    assert.equal(annex.children?.length, 6);
    assert.equal(annex.children?.[0].name, '1 按规定公开部门预决算。');
    assert.equal(annex.range.start.line, 10);
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[2, 3], [4, 6], [7, 9], [10, 19]]);
  });

  it('goes from an annex row to its body task and back', async () => {
    const text = readFixture('examples/annex-pipes.txt');
    const uri = uriOf('d.txt');
    await client.open(uri, text);
    const fromRow = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(text, '| 3 | 做好义务教育', 8) })) as Location[];
    assert.equal(fromRow.length, 1);
    assert.equal(fromRow[0].range.start.line, 6);
    const body = text.split('\n')[6];
    assert.equal(body.slice(fromRow[0].range.start.character, fromRow[0].range.end.character), '做好义务教育招生政策、学校划片范围等信息公开。');
    const fromBody = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(text, '推进政府债务信息公开', 2) })) as Location[];
    assert.equal(fromBody.length, 1);
    assert.equal(fromBody[0].range.start.line, 15);
  });

  it('hovers a unit name with its tasks, highlights and renames it everywhere', async () => {
    const text = readFixture('examples/inline-units.txt');
    const uri = uriOf('e.txt');
    await client.open(uri, text);
    const at = pos(text, '市政府办公厅牵头', 1);
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at })) as Hover;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /^\*\*市政府办公厅\*\* — 2 项任务/);
    assert.match(value, /第 21 行\(牵头\):各单位要将政务公开纳入重要议事日程/);
    assert.match(value, /第 22 行\(负责\):组织开展政务公开专题培训/);
    const marks = (await client.connection.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position: at })) as unknown[];
    assert.equal(marks.length, 2);
    const prep = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: at })) as { placeholder: string };
    assert.equal(prep.placeholder, '市政府办公厅');
    const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: '市府办' })) as WorkspaceEdit;
    const renamed = applyWorkspaceEdit(text, uri, edit);
    assert.equal(renamed, text.split('市政府办公厅牵头').join('市府办牵头').replace('（市政府办公厅、市人力社保局分别负责落实）', '（市府办、市人力社保局分别负责落实）'));
    await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: '甲、乙' }), /单位名称不能包含分隔符或标点/);
  });

  it('completes the next outline marker, unit names and time nodes', async () => {
    const text = readFixture('examples/inline-units.txt') + '\n';
    const uri = uriOf('f.txt');
    await client.open(uri, text);
    const lastLine = text.split('\n').length - 1;
    const markers = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: 0 } })) as CompletionItem[];
    assert.deepEqual(markers.map((c) => c.label).slice(0, 2), ['（三）', '五、']);
    const withKey = text + '（五）加强监督。（牵头单位：';
    await client.change(uri, [{ text: withKey }]);
    const units = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: '（五）加强监督。（牵头单位：'.length } })) as CompletionItem[];
    assert.ok(units.length > 5);
    // Units used as lead come first after 牵头单位:, most used first.
    assert.deepEqual(units.slice(0, 3).map((u) => u.label), ['市人力社保局', '市政府办公厅', '市发展改革委']);
    const withTime = withKey + '市民政局；完成时限：';
    await client.change(uri, [{ text: withTime }]);
    const times = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lastLine, character: withTime.split('\n')[lastLine].length } })) as CompletionItem[];
    assert.deepEqual(times.slice(0, 4).map((c) => c.label), ['全年', '上半年', '下半年', '一季度']);
  });

  it('re-checks open documents when the settings or the .yaodianrc.json change', async () => {
    const text = '2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n二.乙\n';
    const uri = uriOf('g.txt');
    const first = await client.open(uri, text);
    assert.deepEqual(first.diagnostics.map((d) => [d.code, d.severity]), [['outline-marker-format', 2]]);
    client.settings = { rules: { 'outline-marker-format': 'error' } };
    let next = client.diagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual((await next).diagnostics.map((d) => [d.code, d.severity]), [['outline-marker-format', 1]]);
    // The config file wins over the settings where both set a rule.
    fs.writeFileSync(path.join(dir, '.yaodianrc.json'), '{ "rules": { "outline-marker-format": "off" } }');
    next = client.diagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.yaodianrc.json'), type: 1 }] });
    assert.deepEqual((await next).diagnostics, []);
  });

  it('watches the files a config extends, and re-checks when one changes', async () => {
    // The base lives outside the folder and has no .yaodianrc.json name: only its own watcher sees it.
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-base-'));
    const base = path.join(shared, 'team.json');
    fs.writeFileSync(base, '{ "rules": { "outline-marker-format": "off" } }');
    const folder = path.join(dir, 'extends');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '.yaodianrc.json'), JSON.stringify({ extends: base }));
    const uri = pathToFileURL(path.join(folder, 'e.txt')).href;
    const first = await client.open(uri, '2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n二.乙\n');
    assert.deepEqual(first.diagnostics, []);
    const watchers = client.registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern));
    assert.deepEqual(watchers.slice(-2), [
      { baseUri: pathToFileURL(folder).href, pattern: '.yaodianrc.json' },
      { baseUri: pathToFileURL(shared).href, pattern: 'team.json' },
    ]);
    fs.writeFileSync(base, '{ "rules": { "outline-marker-format": "error" } }');
    const next = client.diagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(base).href, type: 2 }] });
    assert.deepEqual((await next).diagnostics.map((d) => [d.code, d.severity]), [['outline-marker-format', 1]]);
    // Each file is watched once, however many documents read it.
    const count = client.registrations.length;
    await client.open(pathToFileURL(path.join(folder, 'f.txt')).href, '2026年某区政务公开工作要点\n');
    assert.equal(client.registrations.length, count);
  });

  it('survives 1,000 random edits: never crashes, and its text stays the client’s', async () => {
    let text = readFixture(CORPUS);
    const uri = uriOf('h.txt');
    await client.open(uri, text);
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = ['(', ')', '（', '）', '|', '\n', '\r\n', '一、', '(十三)', '1.', '。', '附件', '\t', '全年', '区甲局', '', 'x', '\ufeff', '序号 | 任务 |'];
    let last;
    for (let i = 0; i < 1000; i++) {
      const doc = TextDocument.create(uri, 'yaodian', i, text);
      const a = rand(text.length + 1);
      const b = Math.min(text.length, a + rand(40));
      const change = { range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: pieces[rand(pieces.length)] };
      text = TextDocument.applyEdits(doc, [{ range: change.range, newText: change.text }]);
      last = client.change(uri, [change]);
      if (i % 100 === 99) {
        const published = await last;
        assert.equal(published.diagnostics.length, lintText(text).diagnostics.length, `after edit ${i}`);
      }
    }
    const final = await last;
    const local = lintText(text);
    assert.deepEqual(final?.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`), local.diagnostics.map((d) => {
      const p = local.doc.lineIndex.position(d.start);
      return `${d.ruleId}@${p.line}:${p.character}`;
    }));
    // Still serving.
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    assert.ok(!client.logs.some((l) => /失败/.test(l)), client.logs.join('\n'));
  });

  it('answers the light bulb from the check it has: no check runs for code actions', async () => {
    const text = readFixture(CORPUS);
    const uri = uriOf('i.txt');
    const { diagnostics } = await client.open(uri, text);
    const runs = client.server!.checks.runs;
    for (const d of diagnostics) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      for (const a of actions) assert.ok(a.edit || a.data, a.title);
    }
    const [onSave] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(onSave.kind, 'source.fixAll.yaodian');
    assert.equal(client.server!.checks.runs, runs);
  });

  it('computes fix-all edits in the request for a client that cannot resolve code actions', async () => {
    await client.stop();
    client = inProcessClient();
    await client.start({ codeAction: {} });
    const text = '2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n二.乙\n三.丙\n';
    const uri = uriOf('j.txt');
    await client.open(uri, text);
    const [onSave] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.yaodian'] },
    })) as CodeAction[];
    assert.equal(onSave.data, undefined);
    assert.equal(applyWorkspaceEdit(text, uri, onSave.edit), text.replace('二.', '二、').replace('三.', '三、'));
  });

  it('refuses to resolve a fix-all offered for a version the document has left (ContentModified)', async () => {
    const text = '2026年某区政务公开工作要点\n一、甲\n(一)做好甲。(区甲局负责落实)\n二.乙\n三.丙\n';
    const uri = uriOf('k.txt');
    await client.open(uri, text);
    const [onSave] = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.yaodian'] },
    })) as CodeAction[];
    await client.change(uri, [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: '乙' }]);
    await assert.rejects(client.connection.sendRequest('codeAction/resolve', onSave), (e: { code?: number }) => e.code === -32801);
  });

  it('checks a burst of edits once; a request made during it waits for its version or hears ContentModified', async () => {
    let text = readFixture(CORPUS);
    const uri = uriOf('l.txt');
    await client.open(uri, text);
    const runs = client.server!.checks.runs;
    const published: number[] = [];
    client.onPublish((p) => published.push(p.version ?? -1));
    const symbolsFor = (): Promise<unknown> => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    let early: Promise<unknown> | undefined;
    const errorCode = (e: { code?: number }): number | undefined => e.code;
    let last;
    for (let i = 0; i < 50; i++) {
      const at = { line: 20, character: 3 };
      text = TextDocument.applyEdits(TextDocument.create(uri, 'yaodian', 1, text), [{ range: { start: at, end: at }, newText: '加' }]);
      last = client.change(uri, [{ range: { start: at, end: at }, text: '加' }]);
      if (i === 10) early = symbolsFor().then(() => 'answered', errorCode);
    }
    const atEnd = symbolsFor();
    const final = await last!;
    assert.equal(final.version, 51);
    assert.deepEqual(published, [51]);
    assert.equal(client.server!.checks.runs, runs + 1);
    assert.equal(await early, -32801);
    const symbols = (await atEnd) as DocumentSymbol[];
    const { doc } = lintText(text);
    assert.equal(symbols.length, doc.items.filter((i) => i.level === 1).length + (doc.annex ? 1 : 0));
  });
});
