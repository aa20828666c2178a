// What the commands and editor features read of a document besides its findings: the outline,
// the tasks with their units and time nodes, the units with their tasks, the generated task table
// and the edits that write it or renumber the outline. The CLI and the language server ask here
// (through the engine facade) rather than reading document/, analysis/ or fixes/ themselves.
// Every function takes the facts of one document: documentFacts() or a lint result (which has them).

import type { Item, ParsedDocument, Unit } from '../document/model';
import { parseDocument } from '../document/parse';
import { DocumentAnalysis } from '../analysis/analysis';
import { markerWithNumber, renumberOutline } from '../analysis/numbering';
import { taskInfos, unitAt, unitIndex, type TaskInfo, type UnitEntry } from '../analysis/tasks';
import { annexEdit, generateAnnexTable } from '../fixes/generateAnnex';
import { defaultConfig, type ResolvedConfig } from '../config/config';
import type { TextEdit } from '../core';

export type { TaskInfo, TaskUnit, UnitEntry } from '../analysis/tasks';

/** A document and what it means. */
export interface DocumentFacts {
  doc: ParsedDocument;
  analysis: DocumentAnalysis;
}

/** Parses a text and gives its facts, without running the rules. */
export function documentFacts(text: string, config: ResolvedConfig = defaultConfig()): DocumentFacts {
  const doc = parseDocument(text);
  return { doc, analysis: new DocumentAnalysis(doc, config) };
}

/** The task table generated from the body (layout B), each line ending with `eol`. */
export function annexTable(facts: DocumentFacts, eol = '\n'): string {
  return generateAnnexTable(facts.doc, facts.analysis, eol);
}

/** The edit that writes the generated task table: it replaces the annex table, or appends an annex. */
export function annexTableEdit(facts: DocumentFacts): TextEdit {
  return annexEdit(facts.doc, facts.analysis);
}

/** The edits that renumber the whole outline, every run of markers from 1. */
export function renumberEdits(facts: DocumentFacts): TextEdit[] {
  return renumberOutline(facts.analysis.numbering);
}

/** The task sentences with their units (body and annex rows) and time node. */
export function tasksOf(facts: DocumentFacts): TaskInfo[] {
  return taskInfos(facts.doc, facts.analysis);
}

/** The units by name, in order of first appearance, with every occurrence and task. */
export function unitsOf(facts: DocumentFacts): Map<string, UnitEntry> {
  return unitIndex(facts.doc, facts.analysis);
}

/** The unit name written at `offset`, if any. */
export function unitAtOffset(facts: DocumentFacts, offset: number): Unit | null {
  return unitAt(facts.doc, facts.analysis, offset);
}

/** The marker of the item after `item` at its level (`(二)` → `(三)`), as the document writes markers. */
export function nextMarker(item: Item): string {
  return markerWithNumber(item.marker, item.marker.number + 1);
}
