// One document from disk for any command: a text file (its encoding detected, io/text.ts) or a
// Word document (.docx), whose text is read from its XML. What cannot be read throws one Chinese
// line (DocxError, TextFileError, or a file-system error code) for the caller to print.

import * as fs from 'fs';
import * as path from 'path';
import { isWordFile, readDocx, type DocxPackage } from '../docx';
import { decode, readErrorMessage, readText, type EncodingOption, type SourceText } from '../io/text';

export interface ReadDocument {
  text: string;
  /** Set for a text file: how to write fixes back. */
  source?: SourceText;
  /** Set for a Word document: its parts and where each paragraph of the text came from. */
  docx?: DocxPackage;
}

/** Reads a file; `stdin` holds the bytes when the document comes from standard input. */
export function readDocument(file: string, encoding: EncodingOption = 'auto', stdin?: Uint8Array): ReadDocument {
  if (isWordFile(file)) {
    const docx = readDocx(stdin ? Buffer.from(stdin) : fs.readFileSync(file), path.extname(file).toLowerCase());
    return { text: docx.text, docx };
  }
  const source = stdin ? decode(Buffer.from(stdin), encoding) : readText(file, encoding);
  return { text: source.text, source };
}

/** The one line (without `yaodian: ` and the line break) said for a file that could not be read. */
export function readError(file: string, e: unknown): string {
  if (e instanceof Error && e.name === 'DocxError') return `${file}: ${e.message}`;
  return readErrorMessage(file, e);
}
