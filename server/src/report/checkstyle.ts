// `yaodian check --format checkstyle`: checkstyle XML, which Jenkins (Warnings Next Generation),
// SonarQube, reviewdog and many IDE plugins read. Checkstyle has an "info" severity of its own,
// so info findings stay info. `source` is `yaodian.<rule-id>`, the way ESLint writes `eslint.rules.<id>`.

import type { JsonFileResult } from './format';
import { xmlEscape } from './xml';

const SEVERITY: Record<0 | 1 | 2, string> = { 2: 'error', 1: 'warning', 0: 'info' };

export function formatCheckstyle(results: readonly JsonFileResult[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    out.push(`  <file name="${xmlEscape(r.filePath)}">`);
    for (const m of r.messages) {
      out.push(
        `    <error line="${m.line}" column="${m.column}" severity="${SEVERITY[m.severity]}" message="${xmlEscape(`${m.message} (${m.ruleId})`)}" source="yaodian.${xmlEscape(m.ruleId)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}
