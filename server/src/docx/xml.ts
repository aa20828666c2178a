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
  // saxes reports the position after each event: after a tag's `>`, or after the `<` that ends a text.
  let cursor = 0;
  parser.on('opentag', (tag) => {
    const end = parser.position;
    h.open(tag.name, tag.attributes as Record<string, string>, cursor, end, tag.isSelfClosing);
    cursor = end;
  });
  parser.on('closetag', (tag) => {
    const end = parser.position;
    if (tag.isSelfClosing) h.close(tag.name, end, end);
    else h.close(tag.name, cursor, end);
    cursor = end;
  });
  parser.on('text', (text) => {
    const end = parser.position - 1;
    h.text(text, cursor, end);
    cursor = end;
  });
  parser.on('cdata', (text) => {
    const end = parser.position;
    h.text(text, cursor, end);
    cursor = end;
  });
  const skip = (): void => {
    cursor = parser.position;
  };
  parser.on('comment', skip);
  parser.on('processinginstruction', skip);
  parser.on('doctype', skip);
  parser.on('xmldecl', skip);
  try {
    parser.write(source).close();
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError(`${part} 不是有效的 XML，文件可能已损坏（${(e as Error).message.split('\n')[0]}）`);
  }
}

/** A part's bytes as text (parts are UTF-8; a BOM is dropped). */
export function partText(bytes: Uint8Array): string {
  const s = new TextDecoder('utf-8').decode(bytes);
  return s;
}
