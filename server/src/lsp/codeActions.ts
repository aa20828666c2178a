// Code actions from the engine's fix data: each finding's fixes, "fix all <rule> in this
// document", and source.fixAll.yaodian for editor.codeActionsOnSave. Nothing is re-derived here.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { applyEdits } from '../core';
import type { TextEdit } from '../rules/types';
import type { ResolvedConfig } from '../config/config';
import { fixText, type LintResult } from '../engine/lint';
import { RULES, findRule } from '../rules';
import { minimalEdit, sameFinding, toLspEdit, toLspDiagnostic } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.yaodian`;

function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Applies the auto fixes of the given rules (all when undefined) and returns one edit for the whole result. */
export function fixAllEdit(uri: string, result: LintResult, config: ResolvedConfig, onlyRule?: string): CodeAction['edit'] | null {
  const rules: Record<string, 'off'> = {};
  if (onlyRule) for (const r of RULES) if (r.meta.id !== onlyRule) rules[r.meta.id] = 'off';
  const cfg: ResolvedConfig = onlyRule ? { ...config, rules: { ...config.rules, ...rules } } : config;
  const fixed = fixText(result.doc.text, cfg).output;
  const edit = minimalEdit(result.doc.text, fixed);
  return edit ? { changes: { [uri]: [toLspEdit(result.doc, edit)] } } : null;
}

export function codeActions(uri: string, result: LintResult, config: ResolvedConfig, params: CodeActionParams, cursorCommand?: string): CodeAction[] {
  const { doc, diagnostics } = result;
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wanted(only, CodeActionKind.QuickFix)) {
    const rulesWithAutoFix = new Set<string>();
    for (const lsp of params.context.diagnostics) {
      if (lsp.source !== 'yaodian') continue;
      const finding = diagnostics.find((d) => sameFinding(doc, lsp, d));
      if (!finding) continue;
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [lsp],
          isPreferred: fix.preferred ?? false,
          edit: { changes: { [uri]: fix.edits.map((e) => toLspEdit(doc, e)) } },
          command: cursorCommand && fix.cursor !== undefined ? cursorAfter(doc.text, fix.edits, fix.cursor, uri, cursorCommand) : undefined,
        });
      }
      if (finding.fixes.some((f) => f.auto)) rulesWithAutoFix.add(finding.ruleId);
    }
    for (const ruleId of rulesWithAutoFix) {
      const count = diagnostics.filter((d) => d.ruleId === ruleId && d.fixes.some((f) => f.auto)).length;
      if (count < 2) continue;
      const edit = fixAllEdit(uri, result, config, ruleId);
      if (!edit) continue;
      const related: LspDiagnostic[] = diagnostics.filter((d) => d.ruleId === ruleId).map((d) => toLspDiagnostic(doc, uri, d));
      actions.push({
        title: `修复本文档中所有 ${ruleId} 问题(${count} 处)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: related,
        edit,
      });
    }
  }

  if (wanted(only, FIX_ALL_KIND) && (only !== undefined || diagnostics.some((d) => d.fixes.some((f) => f.auto)))) {
    const edit = fixAllEdit(uri, result, config);
    if (edit) actions.push({ title: '修复所有可自动修复的问题 (yaodian)', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

/** The client command that puts the cursor at `cursor`, an offset in the text after the fix. */
function cursorAfter(text: string, edits: TextEdit[], cursor: number, uri: string, command: string): Command {
  const fixed = applyEdits(text, edits);
  const lines = fixed.slice(0, cursor).split(/\r\n|\r|\n/);
  return { title: '', command, arguments: [uri, lines.length - 1, lines[lines.length - 1].length] };
}

export function ruleTitle(id: string): string {
  return findRule(id)?.meta.description ?? id;
}
