// 导出与显示用的纯函数:不依赖 VS Code,可在单元测试中直接运行。
// Pure helpers of the client (no `vscode` import), unit-tested in test/unit/clientFormat.test.ts.

/**
 * The default file name for the exported task table: `<name>-任务分解表.csv`, where name is the
 * document's file name without `.txt` (and without `.yaodian` for `*.yaodian.txt`).
 */
export function csvFileName(documentFileName: string): string {
  const base = documentFileName.replace(/^.*[\\/]/, '');
  const name = base.replace(/\.txt$/i, '').replace(/\.yaodian$/i, '') || '工作要点';
  return `${name}-任务分解表.csv`;
}

/** The CSV as bytes, with the UTF-8 BOM Excel needs to read it (added only when missing). */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`);
}

/** A long task text cut for a tree label, so the description after it stays visible. */
export function shorten(text: string, max = 32): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}
