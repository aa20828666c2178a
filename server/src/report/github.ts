// `yaodian check --format github`: GitHub Actions workflow commands, one line per message, which
// the runner turns into annotations on the pull request:
//   ::error file=docs/a.txt,line=3,col=1,endLine=3,endColumn=4,title=outline-sequence::编号不连续…
// Errors are `::error`, warnings `::warning`, infos `::notice`. Message text escapes `%`, CR and
// LF; property values also escape `:` and `,` (the runner's own escaping rules).

import * as path from 'path';
import { shownMessage, type JsonFileResult } from './format';

const COMMAND: Record<0 | 1 | 2, string> = { 2: 'error', 1: 'warning', 0: 'notice' };

/** Escapes the message of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A path relative to `cwd` with forward slashes; absolute when the file is outside `cwd`. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = path.relative(cwd, filePath);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? rel : filePath).split(path.sep).join('/');
}

export function formatGithub(results: readonly JsonFileResult[], cwd: string = process.cwd()): string {
  const out: string[] = [];
  for (const r of results) {
    const file = escapeProperty(displayPath(r.filePath, cwd));
    for (const m of r.messages) {
      const props = `file=${file},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.ruleId)}`;
      out.push(`::${COMMAND[m.severity]} ${props}::${escapeData(shownMessage(m))}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
