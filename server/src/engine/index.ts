// The engine facade: what the CLI, the language server and the reports call. Everything they
// need of the document (its findings, its fixes, the facts commands show) comes through here,
// so the editor and CI always agree.

import { parseDocument } from '../document/parse';
import { DocumentAnalysis } from '../analysis/analysis';
import { defaultConfig, type ResolvedConfig } from '../config/config';

export { lintText, fixText, severityOf, type Diagnostic, type FixResult, type LintResult } from './lint';

/** What the commands read (outline, tasks, generated table): the document and what it means. */
export interface DocumentFacts {
  doc: ReturnType<typeof parseDocument>;
  analysis: DocumentAnalysis;
}

/** Parses a text and gives its facts, without running the rules. */
export function documentFacts(text: string, config: ResolvedConfig = defaultConfig()): DocumentFacts {
  const doc = parseDocument(text, { nonTaskSections: config.nonTaskSections });
  return { doc, analysis: new DocumentAnalysis(doc, config) };
}
