// The review as Word comments: a copy of the .docx with one comment (批注) per finding, anchored
// on the text the finding concerns. Only three parts change: word/document.xml gets the
// comment ranges and references, inserted at offsets the reader recorded (every other byte of
// it stays as it was); word/comments.xml is written or extended; the content types and the
// document's relationships name it when it is new. The input is never written to.

import { paragraphAt, type DocxPackage, type TextPiece } from './read';
import { parseXml, partText } from './xml';
import { fflate } from './zip';

export const COMMENT_AUTHOR = '工作要点助手';

export interface DocxComment {
  /** Range in the extracted text. */
  start: number;
  end: number;
  text: string;
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
  /** At one offset: closing marks (0) before opening marks (1). */
  order: number;
}

const COMMENTS_PART = 'word/comments.xml';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function escapeXml(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    // Characters XML 1.0 cannot carry at all are dropped.
    if (c < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r') continue;
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch;
  }
  return out;
}

/** Source offset of the k-th UTF-16 unit of the decoded text that starts at `from` (entities count as what they decode to). */
function sourceOffset(xml: string, from: number, to: number, k: number): number {
  let i = from;
  let n = 0;
  while (i < to && n < k) {
    if (xml[i] === '&') {
      const semi = xml.indexOf(';', i);
      const entity = xml.slice(i + 1, semi);
      const code = entity[0] === '#' ? Number(entity[1] === 'x' ? `0${entity.slice(1)}` : entity.slice(1)) : 0;
      n += code > 0xffff ? 2 : 1;
      i = semi + 1;
    } else {
      n++;
      i++;
    }
  }
  return i;
}

/** The first piece that ends after `offset` (pieces are in text order). */
function firstPieceAfter(pieces: TextPiece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The highest `w:id` of the comments already in the document (-1 if none). */
function existingComments(xml: string | undefined): { maxId: number; insertAt: number } {
  let maxId = -1;
  let insertAt = -1;
  if (xml === undefined) return { maxId, insertAt };
  parseXml(xml, COMMENTS_PART, {
    open: (name, a) => {
      if (name === 'w:comment') maxId = Math.max(maxId, Number(a['w:id']) || 0);
    },
    close: (name, start) => {
      if (name === 'w:comments') insertAt = start;
    },
    text: () => undefined,
  });
  return { maxId, insertAt };
}

/** Inserts `insert` before the closing tag of the root element `root` of a small XML part. */
function beforeRootEnd(xml: string, root: string, part: string, insert: string): string {
  let at = -1;
  parseXml(xml, part, {
    open: () => undefined,
    close: (name, start) => {
      if (name === root) at = start;
    },
    text: () => undefined,
  });
  return at < 0 ? xml : xml.slice(0, at) + insert + xml.slice(at);
}

function relationshipIds(xml: string): Set<string> {
  const ids = new Set<string>();
  parseXml(xml, 'word/_rels/document.xml.rels', {
    open: (name, a) => {
      if (name === 'Relationship' && a.Id) ids.add(a.Id);
    },
    close: () => undefined,
    text: () => undefined,
  });
  return ids;
}

/** A copy of the document (its bytes) with the comments added. */
export function addComments(pkg: DocxPackage, comments: DocxComment[], date = new Date()): Uint8Array {
  const xml = pkg.documentXml;
  const parts = new Map(pkg.parts);
  const oldComments = parts.has(COMMENTS_PART) ? partText(parts.get(COMMENTS_PART) as Uint8Array) : undefined;
  const { maxId, insertAt } = existingComments(oldComments);
  const stamp = date.toISOString().replace(/\.\d+Z$/, 'Z');
  const edits: Edit[] = [];
  const preserved = new Set<number>();
  const props = (p: TextPiece): string => (p.run.props ? xml.slice(p.run.props[0], p.run.props[1]) : '');
  /** Splits the run of `p` after `k` characters of its text, putting `marks` between the halves. */
  const split = (p: TextPiece, k: number, marks: string, order: number): void => {
    if (!p.preserve && !preserved.has(p.tagStart)) {
      preserved.add(p.tagStart);
      edits.push({ at: p.tagStart, remove: p.tagEnd - p.tagStart, insert: '<w:t xml:space="preserve">', order: 0 });
    }
    const at = sourceOffset(xml, p.srcStart, p.srcEnd, k);
    edits.push({ at, remove: 0, insert: `</w:t></w:r>${marks}<w:r>${props(p)}<w:t xml:space="preserve">`, order });
  };
  let body = '';
  comments.forEach((c, i) => {
    const id = maxId + 1 + i;
    const startMark = `<w:commentRangeStart w:id="${id}"/>`;
    const endMarks = `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    let first = firstPieceAfter(pkg.pieces, c.start);
    let last = first;
    while (last + 1 < pkg.pieces.length && pkg.pieces[last + 1].start < c.end) last++;
    let a = c.start;
    let b = c.end;
    const para = paragraphAt(pkg.paragraphs, c.start);
    if (first >= pkg.pieces.length || pkg.pieces[first].start >= Math.max(c.end, c.start + 1)) {
      // Nothing of Word's own text in the range (an empty range, or only a drawn number):
      // the comment goes on the whole paragraph.
      if (!para) return;
      first = firstPieceAfter(pkg.pieces, para.start);
      last = first;
      while (last + 1 < pkg.pieces.length && pkg.pieces[last + 1].start < para.end) last++;
      if (first >= pkg.pieces.length || pkg.pieces[first].start >= para.end) {
        edits.push({ at: para.contentStart, remove: 0, insert: startMark + endMarks, order: 1 });
        body += commentXml(id, c.text, stamp);
        return;
      }
      a = pkg.pieces[first].start;
      b = pkg.pieces[last].end;
    }
    const p = pkg.pieces[first];
    const q = pkg.pieces[last];
    if (p.run.host) edits.push({ at: p.run.host.start, remove: 0, insert: startMark, order: 1 });
    else split(p, Math.max(0, a - p.start), startMark, 1);
    if (q.run.host) edits.push({ at: q.run.host.end, remove: 0, insert: endMarks, order: 0 });
    else split(q, Math.min(q.end, Math.max(b, a + 1)) - q.start, endMarks, 0);
    body += commentXml(id, c.text, stamp);
  });
  edits.sort((x, y) => x.at - y.at || x.order - y.order);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += xml.slice(pos, e.at) + e.insert;
    pos = e.at + e.remove;
  }
  out += xml.slice(pos);
  const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
  parts.set('word/document.xml', encode(out));
  if (oldComments !== undefined && insertAt >= 0) {
    parts.set(COMMENTS_PART, encode(oldComments.slice(0, insertAt) + body + oldComments.slice(insertAt)));
  } else {
    parts.set(COMMENTS_PART, encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${body}</w:comments>`));
    const types = parts.get('[Content_Types].xml');
    if (types) {
      const override = `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/>`;
      parts.set('[Content_Types].xml', encode(beforeRootEnd(partText(types), 'Types', '[Content_Types].xml', override)));
    }
    const relsName = 'word/_rels/document.xml.rels';
    const rels = parts.get(relsName);
    if (rels) {
      const text = partText(rels);
      const ids = relationshipIds(text);
      let n = 1;
      while (ids.has(`rIdYaodian${n}`)) n++;
      const rel = `<Relationship Id="rIdYaodian${n}" Type="${COMMENTS_REL}" Target="comments.xml"/>`;
      parts.set(relsName, encode(beforeRootEnd(text, 'Relationships', relsName, rel)));
    }
  }
  return fflate().zipSync(Object.fromEntries(parts));
}

function commentXml(id: number, text: string, stamp: string): string {
  const paragraphs = text.split('\n').map((line, i) =>
    `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`);
  return `<w:comment w:id="${id}" w:author="${COMMENT_AUTHOR}" w:date="${stamp}" w:initials="YD">${paragraphs.join('')}</w:comment>`;
}
