// `yaodian check --format sarif`: SARIF 2.1.0 for code-scanning uploads (GitHub, Azure DevOps).
// One run; the driver lists every rule; one result per reported message (the JSON report's
// messages, so the two always agree). Columns are UTF-16 code units, declared on the run.
//
// partialFingerprints carry `yaodianHash/v1`: a hash of the rule id, the text of the finding's
// range and the text of its first line (width folded, spaces removed), plus an occurrence count
// among equal hashes of the file. No line number goes in, so inserting lines above a finding
// does not change it and code scanning keeps tracking the same alert.

import * as path from 'path';
import { pathToFileURL } from 'url';
import { version } from '../../../package.json';
import { foldWidth, removeSpaces, RULE_METAS, ruleDocsUrl, type Diagnostic, type ParsedDocument, type Range, type Severity } from '../engine';
import { shownMessage, type JsonFileResult } from './format';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/yaodian/yaodian';
export const FINGERPRINT_KEY = 'yaodianHash/v1';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';

/** What the SARIF report needs of one checked file besides its JSON result. */
export interface SarifFile {
  result: JsonFileResult;
  /** One per message of `result`, in the same order. */
  fingerprints: string[];
  /** Related locations per message (the rule's "see also" ranges), 1-based. */
  related: SarifRelated[][];
}

export interface SarifRelated {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const LEVEL_OF_SEVERITY: Record<0 | 1 | 2, Level> = { 2: 'error', 1: 'warning', 0: 'note' };
const DEFAULT_LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

/** `outline-sequence` → `OutlineSequence`: SARIF's friendly rule name. */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase());
}

/** Width folded and every space removed: re-spacing or re-widening a line keeps its findings. */
function normalize(s: string): string {
  return removeSpaces(foldWidth(s));
}

/**
 * Fingerprints of the findings shown for one file, in order: sha-256 of rule id, range text and
 * first line text (normalized), then `:<n>` for the n-th finding with that hash.
 */
export function fingerprints(doc: ParsedDocument, diagnostics: readonly (Range & { ruleId: string })[]): string[] {
  // node:crypto is loaded here, for SARIF output only: loading it costs every other run ~4 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('crypto') as typeof import('crypto');
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const line = doc.lines[doc.lineIndex.lineAt(d.start)];
    const hash = createHash('sha256')
      .update(`${d.ruleId}\u0000${normalize(doc.text.slice(d.start, d.end))}\u0000${normalize(line.text)}`)
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

/** The SARIF extras of a file: fingerprints and related locations of the diagnostics shown. */
export function sarifFile(result: JsonFileResult, doc: ParsedDocument, shown: readonly Diagnostic[]): SarifFile {
  const pos = (offset: number): { line: number; column: number } => {
    const p = doc.lineIndex.position(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  return {
    result,
    fingerprints: fingerprints(doc, shown),
    related: shown.map((d) =>
      d.related.map((r) => {
        const s = pos(r.start);
        const e = pos(r.end);
        return { message: r.message, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
      }),
    ),
  };
}

/**
 * The URI of a checked file: relative to `cwd` (forward slashes, percent-encoded) when inside it,
 * resolved against %SRCROOT%; else an absolute file URI.
 */
export function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, filePath);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(filePath).href };
}

export function formatSarif(files: readonly SarifFile[], cwd: string = process.cwd()): string {
  const ruleIndex = new Map(RULE_METAS.map((meta, i) => [meta.id, i]));
  const rules = RULE_METAS.map((meta) => ({
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description.replace(/[。.]$/, '')}。${meta.descriptionEn.replace(/[.。]?$/, '.')}` },
    helpUri: ruleDocsUrl(meta.id),
    help: { text: `${meta.description}。详见 ${ruleDocsUrl(meta.id)}`, markdown: `${meta.description}。[规则说明](${ruleDocsUrl(meta.id)})` },
    defaultConfiguration: meta.defaultSeverity === 'off' ? { enabled: false, level: DEFAULT_LEVEL.warning } : { level: DEFAULT_LEVEL[meta.defaultSeverity] },
    properties: { tags: [meta.category], fixable: meta.fixable },
  }));

  const results: unknown[] = [];
  for (const f of files) {
    const location = artifactLocation(f.result.filePath, cwd);
    f.result.messages.forEach((m, k) => {
      const region = { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
      const related = f.related[k] ?? [];
      results.push({
        ruleId: m.ruleId,
        // A message from a rule not in the catalogue cannot happen; -1 is SARIF's "unknown".
        ruleIndex: ruleIndex.get(m.ruleId) ?? -1,
        level: LEVEL_OF_SEVERITY[m.severity],
        message: { text: shownMessage(m) },
        locations: [{ physicalLocation: { artifactLocation: location, region } }],
        ...(related.length
          ? {
              relatedLocations: related.map((r, id) => ({
                id,
                message: { text: r.message },
                physicalLocation: {
                  artifactLocation: location,
                  region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
                },
              })),
            }
          : {}),
        partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprints[k] },
      });
    });
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'yaodian',
            informationUri: INFORMATION_URI,
            version,
            semanticVersion: version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
