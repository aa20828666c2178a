// Locating test fixtures: spec examples, real corpus documents and our own documents.
import * as fs from 'fs';
import * as path from 'path';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Every fixture document (`*.txt`) with an `*.expected.json` next to it. */
export function outlineFixtures(): { name: string; file: string; expected: string }[] {
  const out: { name: string; file: string; expected: string }[] = [];
  for (const dir of ['examples', 'corpus', 'custom']) {
    const full = path.join(FIXTURES, dir);
    if (!fs.existsSync(full)) continue;
    for (const f of fs.readdirSync(full).sort()) {
      if (!f.endsWith('.txt')) continue;
      const expected = path.join(full, f.replace(/\.txt$/, '.expected.json'));
      if (fs.existsSync(expected)) out.push({ name: `${dir}/${f}`, file: path.join(full, f), expected });
    }
  }
  return out;
}

export function readFixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8').replace(/^\ufeff/, '');
}
