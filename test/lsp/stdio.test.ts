// The language server as editors run it: `node dist/server.js --stdio`, a child process. One
// smoke test, and the burst that used to take the server down: 200 edits sent without waiting on
// a 2 MB document are checked once, at the end, in memory the document bounds.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateDocument } from '../../bench/generate';
import { lintText } from '../../server/src/engine/lint';
import { TestClient } from '../helpers/lspClient';
import { readFixture } from '../helpers/fixtures';

/** The server's peak resident memory in MB (Linux; null elsewhere). */
function peakMemory(pid: number | undefined): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

describe('language server over stdio (dist/server.js)', function () {
  this.timeout(120000);
  let client: TestClient;
  beforeEach(async () => {
    client = TestClient.stdio();
    await client.start();
  });
  afterEach(async () => {
    await client.stop();
  });

  it('publishes the engine’s diagnostics for an opened document', async () => {
    const text = readFixture('corpus/000_8af76b9c2bc005bb.txt');
    const published = await client.open('file:///tmp/yaodian-stdio/a.txt', text);
    const local = lintText(text);
    assert.deepEqual(
      published.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`),
      local.diagnostics.map((d) => {
        const p = local.doc.lineIndex.position(d.start);
        return `${d.ruleId}@${p.line}:${p.character}`;
      }),
    );
  });

  it('checks a burst of 200 edits on a 2 MB document once, at its end, in bounded memory', async () => {
    const uri = 'file:///tmp/yaodian-stdio/large.txt';
    const text = generateDocument(2_000_000);
    await client.open(uri, text);
    // The edits fall in the first 40 lines: the test keeps its copy of those apart from the rest.
    const cut = text.split('\n', 40).join('\n').length;
    let head = text.slice(0, cut);
    const published: PublishDiagnosticsParams[] = [];
    client.onPublish((p) => published.push(p));
    const edits: TextDocumentContentChangeEvent[][] = [];
    for (let i = 0; i < 200; i++) {
      // Typing into a body line, and now and then a new line: positions move as the text does.
      const at = { line: 20 + (i % 7), character: 3 };
      const insert = i % 50 === 49 ? '\n' : '加';
      head = TextDocument.applyEdits(TextDocument.create(uri, 'yaodian', 1, head), [{ range: { start: at, end: at }, newText: insert }]);
      edits.push([{ range: { start: at, end: at }, text: insert }]);
    }
    // Sent in one write: how fast this test process runs does not decide what the server receives.
    const final = await client.burst(uri, edits);
    assert.equal(final.version, 201);
    assert.deepEqual(published.map((p) => p.version), [201], 'only the last version is checked and published');
    const local = lintText(head + text.slice(cut));
    assert.deepEqual(
      final.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`),
      local.diagnostics.map((d) => `${d.ruleId}@${local.doc.lineIndex.position(d.start).line}`),
    );
    const peak = peakMemory(client.process?.pid);
    // Before, every version was checked and kept while its diagnostics were written: memory grew by
    // about 100 MB a version until the server died. Now it stays near what one check of the document takes.
    if (peak !== null) assert.ok(peak < 400, `peak memory ${peak.toFixed(0)} MB`);
  });
});
