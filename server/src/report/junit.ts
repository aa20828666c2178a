// `yaodian check --format junit`: JUnit XML as Jenkins (junit step), GitLab (artifacts:reports:
// junit) and most CI servers read it. One <testsuite> per file, one <testcase> per finding; errors
// and warnings are <failure>s; an info finding is a passing test case whose note is in
// <system-out>, so an informational note never turns a build red. A file without findings is one
// passing test case, so the report shows what was checked.

import { displayPath } from './github';
import type { JsonFileResult } from './format';
import { xmlEscape } from './xml';

const TYPE: Record<0 | 1 | 2, string> = { 2: 'error', 1: 'warning', 0: 'info' };

export function formatJunit(results: readonly JsonFileResult[], cwd: string = process.cwd()): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const r of results) {
    const file = displayPath(r.filePath, cwd);
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const m of r.messages) {
      const name = xmlEscape(`${m.ruleId} ${m.line}:${m.column}`);
      const detail = xmlEscape(`${file}:${m.line}:${m.column} ${TYPE[m.severity]} ${m.message} (${m.ruleId})`);
      const head = `    <testcase name="${name}" classname="${xmlEscape(file)}" file="${xmlEscape(file)}" line="${m.line}" time="0">`;
      if (m.severity === 0) {
        cases.push(`${head}\n      <system-out>${detail}</system-out>\n    </testcase>`);
      } else {
        suiteFailures++;
        cases.push(`${head}\n      <failure message="${xmlEscape(m.message)}" type="${TYPE[m.severity]}">${detail}</failure>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase name="yaodian" classname="${xmlEscape(file)}" file="${xmlEscape(file)}" time="0"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xmlEscape(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  out.push(`<testsuites name="yaodian" tests="${tests}" failures="${failures}" errors="0" time="0">`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
