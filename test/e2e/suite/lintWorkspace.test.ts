// 检查工作区中的所有工作要点 (yaodian.lintWorkspace): findings for files that were never opened,
// the same as the CLI's, with rule links to the docs shipped in the extension.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CORPUS_SOURCE, FILES } from '../workspace';
import { cli, codeOf, repoRoot, workspaceUri } from './helpers';

describe('检查工作区中的所有工作要点 (yaodian.lintWorkspace)', () => {
  it('reports every 工作要点 in the workspace, open or not, as the CLI does', async () => {
    const unopened = workspaceUri(FILES.unopened);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'the file is not open');
    assert.deepEqual(vscode.languages.getDiagnostics(unopened), []);
    const result = await vscode.commands.executeCommand<{ files: number; problems: number }>('yaodian.lintWorkspace');
    assert.ok(result && result.files >= 1, JSON.stringify(result));
    const diags = vscode.languages.getDiagnostics(unopened);
    const expected = JSON.parse((await cli(['check', '--format', 'json', path.join(repoRoot(), CORPUS_SOURCE)])).stdout)[0].messages as { ruleId: string; line: number }[];
    assert.ok(expected.length > 0);
    assert.deepEqual(
      diags.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`),
      expected.map((m) => `${m.ruleId}@${m.line}`),
    );
    assert.ok(diags.every((d) => d.source === 'yaodian'));
    // The rule link is the doc inside the extension, not a web page.
    const target = (diags[0].code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, 'file');
    assert.ok(fs.existsSync(target.fsPath), target.fsPath);
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), /^# /);
    // A plain-text file without a title line is not a 工作要点.
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri(FILES.plain)), []);
  });
});
