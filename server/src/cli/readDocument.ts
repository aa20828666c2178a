// One document from disk for any command: a text file (its encoding detected) or a Word
// document (.docx), whose text is read from its XML. What cannot be read throws one Chinese
// line (DocxError, or a file-system error code) for the caller to print.

import * as fs from 'fs';
import * as path from 'path';
import { isWordFile, readDocx, type DocxPackage } from '../docx';
import { decode, type Encoding, type SourceText } from './readText';

export interface ReadDocument {
  text: string;
  /** Set for a text file: how to write fixes back. */
  source?: SourceText;
  /** Set for a Word document: its parts and where each paragraph of the text came from. */
  docx?: DocxPackage;
}

export function readDocument(file: string, encoding: Encoding | 'auto' = 'auto'): ReadDocument {
  const bytes = fs.readFileSync(file);
  if (isWordFile(file)) {
    const docx = readDocx(bytes, path.extname(file).toLowerCase());
    return { text: docx.text, docx };
  }
  const source = decode(bytes, encoding);
  return { text: source.text, source };
}

/** The one line printed for a file that could not be read. */
export function readError(file: string, e: unknown): string {
  if (e instanceof Error && e.name === 'DocxError') return `yaodian: ${file}: ${e.message}\n`;
  return `yaodian: 无法读取 ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`;
}
