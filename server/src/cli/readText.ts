// Reading documents from disk: UTF-8 with or without BOM, or GB18030/GBK (files written on
// Windows). The engine sees text without the BOM; the encoding is kept to write fixes back.

import * as fs from 'fs';
import * as iconv from 'iconv-lite';

export type Encoding = 'utf8' | 'gb18030';

export interface SourceText {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export function decode(bytes: Buffer, encoding: Encoding | 'auto' = 'auto'): SourceText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'gb18030') return { text: iconv.decode(bytes, 'gb18030'), encoding, bom: false };
  if (encoding === 'utf8' || bom || isValidUtf8(bytes)) {
    return { text: bytes.toString('utf8', bom ? 3 : 0), encoding: 'utf8', bom };
  }
  return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030', bom: false };
}

export function encode(src: SourceText, text: string): Buffer {
  if (src.encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const body = Buffer.from(text, 'utf8');
  return src.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export function readText(path: string, encoding: Encoding | 'auto' = 'auto'): SourceText {
  return decode(fs.readFileSync(path), encoding);
}

/** Strict UTF-8 validation (TextDecoder with fatal: true throws on any invalid sequence). */
export function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
