// 自动识别与文件名:不依赖 VS Code 的纯函数,可在单元测试中直接运行。
// Pure helpers of the client (no `vscode` import), unit-tested in test/unit/detect.test.ts.

import { isTitleLine } from '../../server/src/document/classify';
import { foldWidth } from '../../server/src/document/text';

/** How many lines from the top of a plain-text document are searched for a title (README, VS Code 扩展). */
export const DETECT_LINES = 40;

/**
 * Whether a plain-text document is a 工作要点: one of its first 40 lines is a title line as
 * docs/format.md defines it (`2026年某区政务公开工作要点`). Lines are folded to half-width and
 * trimmed first, as the parser does. `lineAt` is called for lines 0..min(lineCount, 40)-1 only,
 * so a huge document costs nothing more than its first lines.
 */
export function looksLikeYaodian(lineCount: number, lineAt: (index: number) => string): boolean {
  const n = Math.min(lineCount, DETECT_LINES);
  for (let i = 0; i < n; i++) {
    if (isTitleLine(foldWidth(lineAt(i)).trim())) return true;
  }
  return false;
}

/** The same check on a text (used for a text that is not open in an editor). */
export function textLooksLikeYaodian(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/, DETECT_LINES);
  return looksLikeYaodian(lines.length, (i) => lines[i]);
}
