// Reading documents from disk and writing fixes back, byte for byte. A document is UTF-8 (with or
// without BOM), UTF-16 LE/BE with its BOM (Word's "Unicode text" export), or GB18030/GBK (files
// written on Windows). The engine sees text without the BOM; the encoding and the original bytes
// are kept, so a fix is written back in the same encoding, and only when the text decoded
// losslessly (re-encoding it gives the original bytes).
//
// Detection weighs the whole file: valid UTF-8 with a few invalid bytes is UTF-8 with damage (the
// bytes become U+FFFD, which the text-encoding rule reports where they are), and it is read as
// GB18030 only when the bytes read clearly better that way.

import * as fs from 'fs';
import { sniffBinary } from './binary';
import { lazy } from '../core';

export type Encoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
export const ENCODING_OPTIONS = ['auto', 'utf8', 'gb18030'] as const;
export type EncodingOption = Encoding | 'auto';

export interface SourceText {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** Invalid byte sequences, each decoded as U+FFFD; 0 for a clean decode. */
  damaged: number;
  /** The bytes read, to check that a write-back would give them again. */
  bytes: Buffer;
}

/** Documents larger than this are refused with a message (time and memory stay bounded). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** A file that cannot be read as a document: the message says why, in Chinese first. */
export class TextFileError extends Error {}

/** One line saying why a file could not be read (after `yaodian: `). */
export function readErrorMessage(file: string, e: unknown): string {
  if (e instanceof TextFileError) return `${file}: ${e.message}`;
  return `无法读取 ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
}

const ENCODING_NAMES: Record<Encoding, string> = { utf8: 'UTF-8', gb18030: 'GB18030', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE' };

export function encodingName(e: Encoding): string {
  return ENCODING_NAMES[e];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function bomOf(bytes: Uint8Array): Encoding | null {
  if (bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) return 'utf8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return null;
}

const BOM_LENGTH: Record<Encoding, number> = { utf8: 3, utf16le: 2, utf16be: 2, gb18030: 0 };

/**
 * Decodes a file's bytes. `auto` detects the encoding; a given encoding that the bytes clearly
 * are not in (a GB18030 file with `utf8`) throws a TextFileError saying so, as does a binary file.
 */
export function decode(bytes: Buffer, option: EncodingOption = 'auto'): SourceText {
  const bom = bomOf(bytes);
  const binary = bom === null || bom === 'utf8' ? sniffBinary(bytes) : null;
  if (binary !== null) throw new TextFileError(`这是${binary},不是纯文本文档,未检查 (not a plain-text document)`);
  // Most files are clean UTF-8: one strict decode settles it, without weighing the bytes.
  const strict = bom === null && (option === 'auto' || option === 'utf8') ? decodeUtf8(bytes) : null;
  if (strict !== null) return { text: strict, encoding: 'utf8', bom: false, damaged: 0, bytes };
  const detected = bom ?? detectEncoding(bytes);
  if (option === 'auto' || option === detected) return decodeAs(bytes, detected, bom === detected);
  // A given encoding: trusted unless the bytes say otherwise (pure ASCII reads the same in all).
  const forced = decodeAs(bytes, option, bom === option);
  if (isAscii(bytes)) return forced;
  const auto = decodeAs(bytes, detected, bom === detected);
  const forcedPlausible = forced.damaged === 0 && (option !== 'gb18030' || gbStats(bytes).plausible);
  if (bom !== null || (auto.damaged < forced.damaged) || (auto.damaged === 0 && !forcedPlausible)) {
    throw new TextFileError(
      `文件编码看来是 ${encodingName(detected)},不是 --encoding 指定的 ${encodingName(option)};` +
        `请改用 --encoding auto (the file looks like ${encodingName(detected)}, not ${encodingName(option)})`,
    );
  }
  return forced;
}

function decodeAs(bytes: Buffer, encoding: Encoding, hasBom: boolean): SourceText {
  const body = hasBom ? bytes.subarray(BOM_LENGTH[encoding]) : bytes;
  let text: string;
  if (encoding === 'utf8') {
    const strict = decodeUtf8(body);
    if (strict !== null) return { text: strict, encoding, bom: hasBom, damaged: 0, bytes };
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  } else if (encoding === 'gb18030') {
    text = decodeGb18030(body);
  } else {
    text = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(body);
  }
  return { text, encoding, bom: hasBom, damaged: countReplacements(text) - countReplacementsIn(body, encoding), bytes };
}

/** U+FFFD characters in a decoded text. */
function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** U+FFFD written in the file itself (EF BF BD in UTF-8): not damage. */
function countReplacementsIn(body: Buffer, encoding: Encoding): number {
  if (encoding !== 'utf8') return 0;
  let n = 0;
  for (let i = body.indexOf(REPLACEMENT_UTF8); i >= 0; i = body.indexOf(REPLACEMENT_UTF8, i + 3)) n++;
  return n;
}
const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

/** The bytes a text encodes to in a source's encoding (with its BOM). */
export function encode(src: Pick<SourceText, 'encoding' | 'bom'>, text: string): Buffer {
  switch (src.encoding) {
    case 'gb18030':
      return iconv().encode(text, 'gb18030');
    case 'utf16le':
      return Buffer.concat([src.bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([src.bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), Buffer.from(text, 'utf16le').swap16()]);
    default: {
      const body = Buffer.from(text, 'utf8');
      return src.bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
    }
  }
}

/**
 * Whether the text can be written back: re-encoding the decoded text gives the original bytes.
 * A clean UTF-8 decode always can; damage never can; GB18030 and UTF-16 are checked.
 */
export function isLossless(src: SourceText): boolean {
  if (src.damaged > 0) return false;
  if (src.encoding === 'utf8') return true;
  return encode(src, src.text).equals(src.bytes);
}

/** Reads a document file: size limit, binary files and encodings as `decode` says. */
export function readText(path: string, option: EncodingOption = 'auto'): SourceText {
  const size = fs.statSync(path).size;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new TextFileError(
      `文件过大(${(size / 1048576).toFixed(1)} MB),超过 ${MAX_DOCUMENT_BYTES / 1048576} MB 的上限,未检查 (file too large)`,
    );
  }
  return decode(fs.readFileSync(path), option);
}

/** Strict UTF-8 (TextDecoder with fatal: true throws on any invalid sequence), or null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Detection

/** The encoding of bytes without a BOM: UTF-8 (perhaps damaged) unless GB18030 reads clearly better. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  const u = utf8Stats(bytes);
  if (u.invalid === 0) return 'utf8';
  const g = gbStats(bytes);
  // Clearly better: the GB18030 reading has far fewer doubtful characters than UTF-8 has
  // invalid sequences, and real Chinese in it.
  return g.common > 0 && g.doubtful * 4 < u.invalid ? 'gb18030' : 'utf8';
}

/** Invalid sequences and valid non-ASCII characters of bytes read as UTF-8. */
export function utf8Stats(bytes: Uint8Array): { invalid: number; valid: number } {
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { invalid, valid };
}

/**
 * Bytes read as GB18030: common characters (GB2312 level-1 hanzi and the punctuation rows) and
 * doubtful ones (rarer hanzi, GBK extensions, four-byte forms, invalid bytes). Mojibake of UTF-8
 * reads mostly as doubtful; Chinese text written in GBK mostly as common.
 */
export function gbStats(bytes: Uint8Array): { common: number; doubtful: number; plausible: boolean } {
  let common = 0;
  let doubtful = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = i + 1 < bytes.length ? bytes[i + 1] : -1;
    if (b >= 0x81 && b <= 0xfe && n >= 0x30 && n <= 0x39 && i + 3 < bytes.length) {
      doubtful++;
      i += 4;
    } else if (b >= 0x81 && b <= 0xfe && ((n >= 0x40 && n <= 0x7e) || (n >= 0x80 && n <= 0xfe))) {
      if (n >= 0xa1 && ((b >= 0xb0 && b <= 0xd7) || (b >= 0xa1 && b <= 0xa3))) common++;
      else doubtful++;
      i += 2;
    } else {
      doubtful++;
      i++;
    }
  }
  return { common, doubtful, plausible: common > 0 && doubtful * 4 < common };
}

// ---------------------------------------------------------------------------------------------
// GB18030

/**
 * GB18030 is decoded with the built-in TextDecoder (ICU; several times faster than iconv-lite),
 * and with iconv-lite where Node was built without it. Writing uses iconv-lite (TextEncoder
 * writes only UTF-8); isLossless checks the two agree on every file written back.
 */
function decodeGb18030(bytes: Uint8Array): string {
  try {
    return new TextDecoder('gb18030', { ignoreBOM: true }).decode(bytes);
  } catch {
    return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'gb18030');
  }
}

/** iconv-lite and its code tables are loaded only to write GB18030. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const iconv = lazy(() => require('iconv-lite') as typeof import('iconv-lite'));
