// Code actions from the check the server already made: each finding's fixes (their edits come
// with the finding), "fix all <rule> in this document", and source.fixAll.yaodian for
// editor.codeActionsOnSave. The light bulb asks on every cursor move, so nothing is linted to
// answer it: the two fix-all actions, which apply fixes pass after pass, come without their edit
// and compute it in codeAction/resolve, when the user picks one (or on save). A client that
// cannot resolve code actions gets the edit computed in the request, as LSP requires.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { applyEdits } from '../core';
import { fixText, type ParsedDocument, type TextEdit } from '../engine';
import type { DocumentState } from './checks';
import { minimalEdit, toLspEdit, toLspDiagnostic, toPosition, toRange } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.yaodian`;

/** What a fix-all action carries to codeAction/resolve. */
export interface FixAllData {
  uri: string;
  /** The version the action was offered for: resolving it for another version would be wrong. */
  version: number;
  /** Only this rule's fixes; all auto fixes when absent. */
  ruleId?: string;
}

export function isFixAllData(data: unknown): data is FixAllData {
  const d = data as Partial<FixAllData> | null;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && typeof d.version === 'number' && (d.ruleId === undefined || typeof d.ruleId === 'string');
}

function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Applies the auto fixes of one rule (all rules when undefined) until none is left, as one edit of the whole document. */
export function fixAllEdit(state: DocumentState, ruleId?: string): CodeAction['edit'] {
  const { uri, config, result } = state;
  const fixed = fixText(result.doc.text, config, { only: ruleId }).output;
  const edit = minimalEdit(result.doc.text, fixed);
  return { changes: { [uri]: edit ? [toLspEdit(result.doc, edit)] : [] } };
}

export interface CodeActionOptions {
  /** The client resolves code actions' edits (codeAction/resolve): fix-all edits wait until then. */
  resolveEdits: boolean;
  /** The client command that places the cursor after a fix, when it has one. */
  cursorCommand?: string;
}

export function codeActions(state: DocumentState, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const { uri, version } = state;
  const { doc, diagnostics } = state.result;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const fixAll = (title: string, kind: string, data: FixAllData, related?: LspDiagnostic[]): CodeAction => {
    const action: CodeAction = { title, kind, diagnostics: related };
    if (options.resolveEdits) action.data = data;
    else action.edit = fixAllEdit(state, data.ruleId);
    return action;
  };

  if (wanted(only, CodeActionKind.QuickFix)) {
    // The findings by their range as the editor sees it, to match the diagnostics it sends back.
    const key = (r: LspDiagnostic['range']): string => `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
    const asked = new Map<string, LspDiagnostic[]>();
    for (const lsp of params.context.diagnostics) {
      if (lsp.source !== 'yaodian') continue;
      const k = `${String(lsp.code)}@${key(lsp.range)}`;
      asked.set(k, [...(asked.get(k) ?? []), lsp]);
    }
    const rulesWithAutoFix = new Set<string>();
    if (asked.size > 0) {
      for (const finding of diagnostics) {
        const lsps = asked.get(`${finding.ruleId}@${key(toRange(doc, finding))}`);
        if (!lsps) continue;
        for (const lsp of lsps) {
          for (const fix of finding.fixes) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [lsp],
              isPreferred: fix.preferred ?? false,
              edit: { changes: { [uri]: fix.edits.map((e) => toLspEdit(doc, e)) } },
              command: options.cursorCommand && fix.cursor !== undefined ? cursorAfter(doc, fix.edits, fix.cursor, uri, options.cursorCommand) : undefined,
            });
          }
        }
        if (finding.fixes.some((f) => f.auto)) rulesWithAutoFix.add(finding.ruleId);
      }
    }
    for (const ruleId of rulesWithAutoFix) {
      const count = diagnostics.filter((d) => d.ruleId === ruleId && d.fixes.some((f) => f.auto)).length;
      if (count < 2) continue;
      const related = diagnostics.filter((d) => d.ruleId === ruleId).map((d) => toLspDiagnostic(doc, uri, d));
      actions.push(fixAll(`修复本文档中所有 ${ruleId} 问题(${count} 处)`, CodeActionKind.QuickFix, { uri, version, ruleId }, related));
    }
  }

  if (wanted(only, FIX_ALL_KIND) && (only !== undefined || diagnostics.some((d) => d.fixes.some((f) => f.auto)))) {
    actions.push(fixAll('修复所有可自动修复的问题 (yaodian)', FIX_ALL_KIND, { uri, version }));
  }
  return actions;
}

/** A fix-all action with its edit (codeAction/resolve). */
export function resolveCodeAction(action: CodeAction, state: DocumentState): CodeAction {
  const data = action.data as FixAllData;
  return { ...action, edit: fixAllEdit(state, data.ruleId) };
}

/**
 * The client command that puts the cursor at `cursor`, an offset in the text after the fix. Only
 * the lines the edits touch are rewritten to find it, not the whole document.
 */
function cursorAfter(doc: ParsedDocument, edits: TextEdit[], cursor: number, uri: string, command: string): Command {
  let at = toPosition(doc, cursor);
  if (edits.length > 0) {
    const first = Math.min(...edits.map((e) => e.start));
    const last = Math.max(...edits.map((e) => e.end));
    const from = doc.lineIndex.position(first);
    const lineStart = first - from.character;
    if (cursor >= lineStart) {
      const local = applyEdits(doc.text.slice(lineStart, last), edits.map((e) => ({ ...e, start: e.start - lineStart, end: e.end - lineStart })));
      const wanted = cursor - lineStart;
      const before = wanted <= local.length ? local.slice(0, wanted) : local + doc.text.slice(last, last + wanted - local.length);
      const lines = before.split(/\r\n|\r|\n/);
      at = { line: from.line + lines.length - 1, character: lines[lines.length - 1].length };
    }
  }
  return { title: '', command, arguments: [uri, at.line, at.character] };
}
