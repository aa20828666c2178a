// The .docx container: a zip of XML parts. fflate reads it; the sizes each entry declares are
// bounded before anything is inflated, and each entry is inflated into at most its declared size,
// so a zip bomb costs at most MAX_INFLATED bytes. Old binary files (.doc, .wps,
// password-protected .docx, all OLE compound files) are told apart by their signature.

import { lazy } from '../core';
import { DocxError } from './errors';

/** Everything inflated from one file, at most. */
export const MAX_INFLATED = 200 * 1024 * 1024;
export const MAX_ENTRIES = 10000;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

type Fflate = typeof import('fflate');
let fflateModule: Fflate | undefined;
/** fflate is loaded only when a .docx is read: checking .txt files does not pay for it. */
export function fflate(): Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fflateModule ??= require('fflate') as Fflate;
  return fflateModule;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** An OLE compound file names its streams in UTF-16LE; an encrypted .docx has `EncryptedPackage`. */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/** Why bytes that are not a zip cannot be read, in one Chinese sentence. */
function notZip(bytes: Uint8Array, ext: string): DocxError {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (hasUtf16Name(bytes, 'EncryptedPackage')) return new DocxError('文档已加密（设有打开密码），请在 Word 或 WPS 中取消密码后另存为 .docx 再检查');
    if (ext === '.wps') return new DocxError('这是旧版 WPS 文字格式（.wps），请在 WPS 中另存为 .docx 再检查');
    return new DocxError('这是旧版 Word 二进制格式（.doc），请在 Word 或 WPS 中另存为 .docx 再检查');
  }
  if (bytes.length === 0) return new DocxError('文件为空，不是 Word 文档（.docx）');
  return new DocxError('不是 Word 文档（.docx）：文件不是 zip 格式');
}

/** The parts of a .docx: name → bytes. `wanted` limits what is inflated (all parts when absent). */
export function unzipDocx(bytes: Uint8Array, ext: string, wanted?: (name: string) => boolean): Map<string, Uint8Array> {
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw notZip(bytes, ext);
  const ff = fflate();
  // 1. The central directory (fflate): names and the sizes they declare, bounded before anything
  //    is inflated. Nothing is inflated here (the filter keeps no entry).
  const declared = new Map<string, number>();
  let total = 0;
  let entries = 0;
  try {
    ff.unzipSync(bytes, {
      filter: (f) => {
        if (++entries > MAX_ENTRIES) throw new DocxError(`压缩包中的条目过多（超过 ${MAX_ENTRIES} 个），不像是 Word 文档`);
        if (wanted && !wanted(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_INFLATED) throw new DocxError(`解压后超过 ${MAX_INFLATED / 1024 / 1024} MB，疑似压缩炸弹，未读取`);
        declared.set(f.name, f.originalSize);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw corrupt(e);
  }
  // 2. The entries' data (fflate's reader); deflated entries are inflated by Node's zlib, native
  //    code (fflate's JavaScript inflate runs cold in a one-shot CLI: several times slower), each
  //    into at most the size the directory declares for it.
  const files = new Map<string, Uint8Array>();
  let failure: Error | undefined;
  class NativeInflate {
    static compression = 8;
    ondata: (err: Error | null, data: Uint8Array, final: boolean) => void = () => undefined;
    private readonly chunks: Uint8Array[] = [];
    constructor(private readonly name: string) {}
    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk);
      if (!final) return;
      let out: Uint8Array;
      try {
        out = zlib().inflateRawSync(Buffer.concat(this.chunks), { maxOutputLength: Math.max(1, declared.get(this.name) ?? 0) });
      } catch (e) {
        const tooLarge = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        this.ondata(tooLarge ? new DocxError(`文件已损坏：${this.name} 解压后超过压缩包声明的大小`) : (e as Error), new Uint8Array(0), true);
        return;
      }
      this.ondata(null, out, true);
    }
  }
  try {
    const reader = new ff.Unzip((file) => {
      if (!declared.has(file.name) || files.has(file.name)) return;
      const chunks: Uint8Array[] = [];
      file.ondata = (err, data, final) => {
        if (err) {
          failure ??= err;
          return;
        }
        chunks.push(data);
        if (final) files.set(file.name, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      };
      file.start();
    });
    reader.register(NativeInflate);
    reader.push(bytes, true);
  } catch (e) {
    throw corrupt(e);
  }
  if (failure) throw failure instanceof DocxError ? failure : corrupt(failure);
  for (const name of declared.keys()) {
    if (!files.has(name)) throw new DocxError(`文件已损坏或不完整，无法解压（${name} 读不出）`);
  }
  return files;
}

function corrupt(e: unknown): DocxError {
  return new DocxError(`文件已损坏或不完整，无法解压（${(e as Error).message}）`);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zlib = lazy(() => require('zlib') as typeof import('zlib'));
