// Inline expectation markers, as in markdownlint's test fixtures: a fixture line ends with the
// ids of the rules that must report on it, `{rule-id}` or `{rule-id:column}` (1-based UTF-16
// column of the finding's start). The markers are removed before the text is checked, so the
// checked document is exactly the document without them.

export interface Expectation {
  /** 1-based line. */
  line: number;
  ruleId: string;
  column?: number;
}

const TRAILING_MARKERS = /(?:[ \t]*\{[a-z][a-z-]*(?::\d+)?\})+[ \t]*$/;
const ONE_MARKER = /\{([a-z][a-z-]*)(?::(\d+))?\}/g;

/** Splits a fixture into the text to check and the expectations its markers state. */
export function readMarkers(fixture: string): { text: string; expected: Expectation[] } {
  const expected: Expectation[] = [];
  // Keep each line's own line break (LF or CRLF) untouched.
  const parts = fixture.split(/(\r\n|\n|\r)/);
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i];
    const m = TRAILING_MARKERS.exec(line);
    if (!m) continue;
    for (const mm of m[0].matchAll(ONE_MARKER)) {
      expected.push({ line: i / 2 + 1, ruleId: mm[1], column: mm[2] ? Number(mm[2]) : undefined });
    }
    parts[i] = line.slice(0, m.index);
  }
  return { text: parts.join(''), expected };
}

/** `12:outline-sequence` strings, sorted: what a test compares. */
export function expectationKeys(list: Expectation[], withColumns: Set<string>): string[] {
  return list
    .map((e) => (withColumns.has(`${e.line}:${e.ruleId}`) && e.column !== undefined ? `${e.line}:${e.column}:${e.ruleId}` : `${e.line}:${e.ruleId}`))
    .sort();
}
