// The workspace folder the e2e tests open: a fresh temporary copy for every run, made by the
// runner (or by electron.ts) from the repository's fixtures. The suite finds the same files by
// these names. Files whose names contain 工作要点 get the `yaodian` language from the extension's
// filenamePatterns; 草稿.txt and 说明.txt are plain text (the first one has a title line, so
// auto-detect switches it).

import * as fs from 'node:fs';
import * as path from 'node:path';

/** The real document of test/fixtures/corpus/000_8af76b9c2bc005bb.txt under names that match `*工作要点*.txt`. */
export const CORPUS_SOURCE = 'test/fixtures/corpus/000_8af76b9c2bc005bb.txt';

export const FILES = {
  /** Diagnostics, symbols, definition, tasks by unit, screenshots (not edited). */
  corpus: '2023年普陀区政务公开工作要点.txt',
  /** The comparison view: a quick fix from the view and live edits (edited, not saved). */
  comparison: '2023年普陀区政务公开工作要点-对照.txt',
  /** Quick fix (edited, not saved). */
  quickFix: '2023年普陀区政务公开工作要点-快速修复.txt',
  /** source.fixAll.yaodian on save (edited and saved). */
  fixOnSave: '2023年普陀区政务公开工作要点-保存.txt',
  /** A folder of its own for the .yaodianrc.json test, so the config reaches no other file. */
  config: '配置/2023年普陀区政务公开工作要点.txt',
  configRc: '配置/.yaodianrc.json',
  /** A document without an annex (test/fixtures/examples/inline-units.txt): generate the annex, export CSV. */
  noAnnex: '2026年某市政务公开工作要点-无附件.txt',
  /** Numbering gaps: renumber. */
  renumber: '2026年某区政务公开工作要点-编号.txt',
  /** Plain text with a title line: auto-detect. */
  draft: '草稿.txt',
  /** Plain text without a title line: stays plain text. */
  plain: '说明.txt',
  /** Never opened: yaodian.lintWorkspace must report it anyway. */
  unopened: '未打开/2023年普陀区政务公开工作要点-归档.txt',
  /** A Word document (test/fixtures/docx/numbered.docx): 检查 Word 文档. */
  docx: '审核/初稿.docx',
} as const;

/** Copies the fixtures into `dir` (the repository root is `root`). */
export function prepareWorkspace(root: string, dir: string): void {
  const copy = (from: string, to: string): void => {
    const target = path.join(dir, to);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, from), target);
  };
  for (const name of [FILES.corpus, FILES.quickFix, FILES.fixOnSave, FILES.config, FILES.comparison]) copy(CORPUS_SOURCE, name);
  for (const name of [FILES.corpus, FILES.quickFix, FILES.fixOnSave, FILES.config, FILES.unopened]) copy(CORPUS_SOURCE, name);
  copy('test/fixtures/examples/inline-units.txt', FILES.noAnnex);
  for (const name of [FILES.renumber, FILES.draft, FILES.plain]) copy(path.join('test/e2e/workspace', name), name);
  copy('test/fixtures/docx/numbered.docx', FILES.docx);
  // Settings of the workspace: no welcome page or editor restore to disturb the tests.
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.vscode', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'files.autoSave': 'off',
        'files.insertFinalNewline': false,
        'files.trimTrailingWhitespace': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.ignoreRecommendations': true,
        // No chat side bar or AI entry points in the screenshots.
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        // The outline view shows the symbol at the cursor with its parents, the rest collapsed.
        'outline.collapseItems': 'alwaysCollapse',
      },
      null,
      2,
    ),
  );
}
