// `yaodian check --format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality),
// the Code Climate issue subset GitLab reads: description, check_name, fingerprint, severity,
// location.path and location.lines. The fingerprint is the SARIF one (rule, text of the range and
// of its line, no line number) with the file's path, so a merge request shows a finding as new
// only when it is new, not when lines were inserted above it.

import { displayPath } from './github';
import type { SarifFile } from './sarif';

/** GitLab's severities: info, minor, major, critical, blocker. */
const SEVERITY: Record<0 | 1 | 2, string> = { 2: 'major', 1: 'minor', 0: 'info' };

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(files: readonly SarifFile[], cwd: string = process.cwd()): string {
  // node:crypto is loaded here, for this format only (as in sarif.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('crypto') as typeof import('crypto');
  const issues: CodeQualityIssue[] = [];
  for (const f of files) {
    const file = displayPath(f.result.filePath, cwd);
    f.result.messages.forEach((m, k) => {
      issues.push({
        type: 'issue',
        check_name: m.ruleId,
        description: m.message,
        categories: ['Style'],
        // GitLab wants one fingerprint per issue across the report: the file's path goes in.
        fingerprint: createHash('md5').update(`${file}\u0000${f.fingerprints[k]}`).digest('hex'),
        severity: SEVERITY[m.severity],
        location: { path: file, lines: { begin: m.line, end: m.endLine } },
      });
    });
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
