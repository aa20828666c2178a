// The .docx container: a zip of XML parts. fflate reads it; the sizes each entry declares are
// bounded before anything is inflated (fflate inflates into a buffer of the declared size and
// never grows it), so a zip bomb costs at most MAX_INFLATED bytes. Old binary files (.doc, .wps,
// password-protected .docx, all OLE compound files) are told apart by their signature.

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
  let total = 0;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = fflate().unzipSync(bytes, {
      filter: (f) => {
        if (++entries > MAX_ENTRIES) throw new DocxError(`压缩包中的条目过多（超过 ${MAX_ENTRIES} 个），不像是 Word 文档`);
        if (wanted && !wanted(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_INFLATED) throw new DocxError(`解压后超过 ${MAX_INFLATED / 1024 / 1024} MB，疑似压缩炸弹，未读取`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError(`文件已损坏或不完整，无法解压（${(e as Error).message}）`);
  }
  return new Map(Object.entries(files));
}
