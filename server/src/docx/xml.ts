// Streaming XML (saxes) with source offsets: the reader needs where each element and each text
// starts and ends in the part's text, so that the comments writer can insert its marks there
// and leave every other byte of the part as it was.

import { DocxError } from './errors';

export interface XmlHandler {
  /** `start`/`end`: the open tag's range in the source (a self-closing tag is open and close at once). */
  open(name: string, attrs: Record<string, string>, start: number, end: number, selfClosing: boolean): void;
  close(name: string, start: number, end: number): void;
  /** Decoded text; `start`/`end`: its range in the source (entities still encoded there). */
  text(text: string, start: number, end: number): void;
}

type Saxes = typeof import('saxes');
let saxesModule: Saxes | undefined;
function saxes(): Saxes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  saxesModule ??= require('saxes') as Saxes;
  return saxesModule;
}

/** Parses `source`, calling `h` in document order. Malformed XML becomes a DocxError naming the part. */
export function parseXml(source: string, part: string, h: XmlHandler): void {
  const parser = new (saxes().SaxesParser)({ position: true });
  // saxes reports the position after each event: after a tag's `>`, or after the `<` that ends a
  // text. A tag starts at the last `<` before its end (`<` cannot occur inside a tag). Comments and
  // processing instructions get no handler: listening to them makes saxes several times slower.
  let cursor = 0;
  parser.on('opentag', (tag) => {
    const end = parser.position;
    h.open(tag.name, tag.attributes as Record<string, string>, source.lastIndexOf('<', end - 1), end, tag.isSelfClosing);
    cursor = end;
  });
  parser.on('closetag', (tag) => {
    const end = parser.position;
    if (tag.isSelfClosing) h.close(tag.name, end, end);
    else h.close(tag.name, source.lastIndexOf('<', end - 1), end);
    cursor = end;
  });
  parser.on('text', (text) => {
    // The text runs from the end of the tag before it (no comments inside w:t in practice).
    const end = parser.position - 1;
    h.text(text, cursor, end);
    cursor = end;
  });
  parser.on('cdata', (text) => {
    const end = parser.position;
    h.text(text, cursor, end);
    cursor = end;
  });
  try {
    parser.write(source).close();
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError(`${part} 不是有效的 XML，文件可能已损坏（${(e as Error).message.split('\n')[0]}）`);
  }
}

/** A part's bytes as text (parts are UTF-8; a BOM is dropped). */
export function partText(bytes: Uint8Array): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // Buffer's decoder is several times faster than TextDecoder on megabytes of XML.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom ? 3 : 0);
}
