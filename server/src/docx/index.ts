// Word documents (.docx): read as text with a map back to Word's paragraphs and table cells,
// and the review written back as Word comments.

export { DocxError } from './errors';
export { readDocx, docxLocation, paragraphAt, type CellSpan, type DocxPackage, type DocxText, type ParagraphSpan, type TableCell, type TableSpan } from './read';

/** File names the .docx reader takes (any case); `.doc` and `.wps` get a clear refusal from it. */
export function isWordFile(file: string): boolean {
  const lower = file.toLowerCase();
  return ['.docx', '.docm', '.dotx', '.doc', '.wps'].some((ext) => lower.endsWith(ext));
}
export { addComments, COMMENT_AUTHOR, type DocxComment } from './comments';
