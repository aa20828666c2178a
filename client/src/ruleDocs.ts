// 规则说明随扩展打包(docs/rules/*.md),在本地打开:政务网络常常无法访问 GitHub。
// The rule docs ship inside the .vsix (docs/rules/*.md) and open from there: government networks
// often cannot reach GitHub. Diagnostics from the server link to the docs online; the client
// points them at the local copy.

import * as vscode from 'vscode';
import { DOCS_BASE } from '../../server/src/rules/types';

export function localRuleDoc(context: vscode.ExtensionContext, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/** The local copy for a link to an online rule doc; other links unchanged. */
export function localizeDocLink(context: vscode.ExtensionContext, target: vscode.Uri): vscode.Uri {
  const s = target.toString(true);
  if (!s.startsWith(DOCS_BASE)) return target;
  const id = s.slice(DOCS_BASE.length).replace(/\.md$/, '');
  return /^[a-z-]+$/.test(id) ? localRuleDoc(context, id) : target;
}
