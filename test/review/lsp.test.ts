// The comparison view's data over the real protocol: `yaodian/comparison` answers the review of
// the version the server has, follows edits, and answers null for a document it does not have.
import { strict as assert } from 'assert';
import { TestClient } from '../helpers/lspClient';
import { readFixture } from '../helpers/fixtures';
import { lintText } from '../../server/src/engine/lint';
import { buildReview } from '../../server/src/review/model';
import { COMPARISON_REQUEST, type ComparisonResult } from '../../server/src/review/protocol';

describe('language server: yaodian/comparison', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.start();
  });
  after(async () => {
    await client.stop();
  });

  it('answers the review of corpus 000 as the engine builds it, then of the edited text', async () => {
    const uri = 'file:///tmp/yaodian-review/000.txt';
    const text = readFixture('corpus/000_8af76b9c2bc005bb.txt');
    await client.open(uri, text);
    const first = (await client.connection.sendRequest(COMPARISON_REQUEST, { uri })) as ComparisonResult;
    assert.equal(first.uri, uri);
    assert.equal(first.version, 1);
    assert.deepEqual(first.review, JSON.parse(JSON.stringify(buildReview(lintText(text)))));
    assert.equal(first.review.lines.length, 119);

    // Row 41's comma made the same as the body: the line becomes identical.
    const at = text.indexOf('抽查结果,工作推进情况。 |');
    const lines = text.slice(0, at + 4).split('\n');
    const pos = { line: lines.length - 1, character: lines[lines.length - 1].length };
    await client.change(uri, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '、' }]);
    const second = (await client.connection.sendRequest(COMPARISON_REQUEST, { uri })) as ComparisonResult;
    assert.equal(second.version, 2);
    const row41 = second.review.lines.find((l) => l.serial === '41')!;
    assert.equal(row41.identical, true);
    assert.equal(second.review.byRule.some((r) => r.ruleId === 'annex-text-mismatch'), false);
  });

  it('answers null for a document that is not open', async () => {
    assert.equal(await client.connection.sendRequest(COMPARISON_REQUEST, { uri: 'file:///tmp/not-open.txt' }), null);
  });
});
