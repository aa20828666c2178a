// Reading documents from disk: UTF-8 with or without BOM, or GB18030/GBK (files written on
// Windows). The engine sees text without the BOM; the encoding is kept to write fixes back.

import * as fs from 'fs';

export type Encoding = 'utf8' | 'gb18030';

export interface SourceText {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export function decode(bytes: Buffer, encoding: Encoding | 'auto' = 'auto'): SourceText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'gb18030') return { text: gb18030().decode(bytes, 'gb18030'), encoding, bom: false };
  if (encoding === 'utf8' || bom) return { text: bytes.toString('utf8', bom ? 3 : 0), encoding: 'utf8', bom };
  // Strict UTF-8 decoding both validates and decodes: anything else is read as GB18030.
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf8', bom: false };
  return { text: gb18030().decode(bytes, 'gb18030'), encoding: 'gb18030', bom: false };
}

export function encode(src: SourceText, text: string): Buffer {
  if (src.encoding === 'gb18030') return gb18030().encode(text, 'gb18030');
  const body = Buffer.from(text, 'utf8');
  return src.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export function readText(path: string, encoding: Encoding | 'auto' = 'auto'): SourceText {
  return decode(fs.readFileSync(path), encoding);
}

/** Strict UTF-8 (TextDecoder with fatal: true throws on any invalid sequence), or null. */
export function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** iconv-lite and its code tables are loaded only for files that are not UTF-8. */
let iconvModule: typeof import('iconv-lite') | undefined;
function gb18030(): typeof import('iconv-lite') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  iconvModule ??= require('iconv-lite') as typeof import('iconv-lite');
  return iconvModule;
}
