// Files that are not text: a Word document, a PDF or an image given to `check` must not pass as
// a clean document. One function, so a reader for a format (.docx) can sit in front of it.

/** Magic numbers at the start of a file, with what to call the file in a message. */
const MAGIC: readonly { bytes: readonly number[]; kind: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'Word 文档(.docx)或其他 ZIP 压缩文件' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'ZIP 压缩文件' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'Word 或 WPS 旧版文档(.doc/.wps)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'PDF 文档' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'RTF 文档' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'GIF 图片' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'RAR 压缩文件' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: '7z 压缩文件' },
  { bytes: [0x1f, 0x8b], kind: 'gzip 压缩文件' },
];

/** How much of the start is searched for NUL bytes (text files have none; UTF-16 is read by its BOM first). */
const NUL_WINDOW = 8192;

/**
 * What kind of binary file the bytes are (a Chinese description for messages), or null for
 * text. Known magic numbers first, then any NUL byte near the start.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    if (bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b)) return m.kind;
  }
  const window = bytes.subarray(0, NUL_WINDOW);
  return window.includes(0) ? '二进制文件(含 NUL 字节)' : null;
}
