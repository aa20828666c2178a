// dist/cli.js, the loader that starts the engine (dist/cli-main.js): the same report as the engine
// started directly, GB18030 read alike, and no code cache that another local user could plant.
// It used to load V8 code caches from <temp>/yaodian-compile-cache/<guessable name>.bin: a
// folder anyone can create first, so one user could run bytecode in another user's `yaodian`.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import Module from 'module';
import { CLI } from '../helpers/fixtures';
import { BAD } from '../helpers/cli';

const MAIN = path.join(path.dirname(CLI), 'cli-main.js');

function run(entry: string, tmp: string, file: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [entry, 'check', '--format', 'json', file], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    // A loader that hangs must fail the test, not the whole run.
    timeout: 20000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/**
 * Plants, where the old loader looked, a code cache for a script of the engine's length that
 * prints PLANTED: V8 accepts cached data for any source of the same length.
 */
function plantCache(tmp: string): void {
  const source = fs.readFileSync(MAIN, 'utf8');
  const hash = /"([0-9a-f]{16})"/.exec(fs.readFileSync(CLI, 'utf8'))?.[1] ?? 'dev';
  const evil = 'process.stdout.write("PLANTED\\n");process.exit(0);';
  const padded = evil + ' '.repeat(source.replace(/^#!.*/, '').length - evil.length);
  const wrap = (Module as unknown as { wrap(s: string): string }).wrap;
  const data = new vm.Script(wrap(padded), { filename: MAIN }).createCachedData();
  const dir = path.join(tmp, 'yaodian-compile-cache');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${process.version}-${hash}-cli-main-${source.length}.bin`), data);
}

describe('CLI loader', function () {
  this.timeout(30000);
  let tmp: string;
  let doc: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yaodian-loader-'));
    doc = path.join(tmp, 'doc.txt');
    fs.writeFileSync(doc, BAD);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives the same report as the engine started directly, run after run', () => {
    const direct = run(MAIN, tmp, doc);
    const first = run(CLI, tmp, doc);
    const second = run(CLI, tmp, doc);
    assert.equal(direct.code, 1);
    assert.deepEqual([first.code, first.out, first.err], [direct.code, direct.out, direct.err]);
    assert.deepEqual([second.code, second.out, second.err], [direct.code, direct.out, direct.err]);
  });

  it('never runs code planted in the temp folder', () => {
    const direct = run(MAIN, tmp, doc);
    plantCache(tmp);
    const r = run(CLI, tmp, doc);
    assert.doesNotMatch(r.out, /PLANTED/);
    assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
  });

  it('keeps no cache of its own in the temp folder', () => {
    run(CLI, tmp, doc);
    run(CLI, tmp, doc);
    assert.equal(fs.existsSync(path.join(tmp, 'yaodian-compile-cache')), false);
  });

  it('reads GB18030 like UTF-8 (the encoding tables are a separate script)', () => {
    const gb = path.join(tmp, 'gb.txt');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    fs.writeFileSync(gb, iconv.encode(BAD, 'gb18030'));
    const utf8 = run(CLI, tmp, doc);
    const r = run(CLI, tmp, gb);
    assert.equal(r.code, utf8.code);
    assert.deepEqual(
      (JSON.parse(r.out) as { messages: unknown[] }[])[0].messages,
      (JSON.parse(utf8.out) as { messages: unknown[] }[])[0].messages,
    );
  });

  it('runs, and does not hang, when the temp folder does not exist', () => {
    const direct = run(MAIN, tmp, doc);
    // Under /proc a recursive mkdir never returns (seen with Node 20).
    const missing = process.platform === 'linux' ? '/proc/yaodian-no-such-folder' : path.join(tmp, 'no', 'such', 'folder');
    const r = run(CLI, missing, doc);
    assert.deepEqual([r.code, r.out, r.err], [direct.code, direct.out, direct.err]);
  });
});
