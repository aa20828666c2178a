// The document parser: text → ParsedDocument (docs/format.md), what is written and nothing more.
// One pass over the lines builds the outline; sentences, unit parentheticals and time phrases are
// read per item; the annex table is read by annex.ts. What it all means (tasks, the document's
// kind, the body↔table alignment) is read from the finished tree by analysis/.

import type {
  Annex,
  Draft,
  Item,
  Marker,
  Paragraph,
  ParsedDocument,
  Range,
  Sentence,
  Span,
  TimeMention,
  UnitParenthetical,
} from './model';
import { foldWidth, LineIndex, skipSpaces, splitLines, trimEndIndex, trimmedLines, type Line } from './text';
import { parseMarker } from './markers';
import { dateLineYear, dateOfLine, isAnnexStart, isMultiYearTitle, isNoise, isSignatureLine, isTitleLine, issueDateOfMetadata, titleYear, type CalendarDate } from './classify';
import { matchBrackets, splitSentences } from './sentences';
import { parseLabelledLine, parseUnitParenthetical, readUnitParenthetical } from './units';
import { METADATA_LABELS, NOTE_KEYS } from '../lexicon';
import { findTimeMentions } from './time';
import { findAnnex } from './annex';
import { spanOf as lineSpan } from './cells';
import { ParseMemo } from './memo';

/** Longest marker-line text that can be a heading, and longest heading sentence above sub-items. */
export const HEADING_MAX = 60;

/** A sentence while its item is read: its notes are set as they are met; its time mentions are final. */
type SentenceDraft = Omit<Draft<Sentence>, 'times'> & { times: readonly TimeMention[] };

interface ItemBuilder {
  item: Draft<Item>;
  /** The item's sentences while they are read (item.sentences once read). */
  sentences: SentenceDraft[];
  /** Paragraph ranges of the item's own text; a wrapped line extends the last one. */
  paragraphs: Draft<Range>[];
  /** The last paragraph did not end a sentence: the next plain line continues it. */
  open: boolean;
  /** Free text was seen after the item: further plain lines are free too. */
  closed: boolean;
  /** Noise lines (page markers) met inside the item's text: left out of sentence content. */
  noise: Range[];
  /** Labelled lines after the item (`责任单位:区甲局牵头,区乙局配合`, `完成时限:6月底前`). */
  labels: UnitParenthetical[];
}

export function parseDocument(text: string): ParsedDocument {
  const folded = foldWidth(text);
  const lines = splitLines(text, folded);
  const lineIndex = new LineIndex(lines);

  const trimmed = trimmedLines(lines, folded);
  // Values that repeat in the document (unit cells, times, parentheticals), parsed once in this parse.
  const memo = new ParseMemo();
  const table = findAnnex(text, lines, trimmed, memo);
  const annex: Annex | null = table && { ...table, items: tableItems(text, lines, lineIndex, table) };
  const bodyEnd = annex ? annex.line : lines.length;
  // A text copied from a PDF line by line is broken at the page's right margin, after a 。 too:
  // a line that reaches the margin ends no paragraph.
  const margin = wrapMargin(text, lines, bodyEnd);
  const atMargin = (line: Line): boolean => margin !== null && widthOf(text, line.start, line.end) >= margin - 2;

  const paragraphs: Paragraph[] = [];
  const items: Item[] = [];
  const outline: Item[] = [];
  const dates: Span[] = [];
  const builders: ItemBuilder[] = [];
  const stack: Draft<Item>[] = [];
  let title: Span | null = null;
  let current: ItemBuilder | null = null;
  let preambleYear: number | null = null;
  /** The last number of an attachment list (`附件:1.…`) being read, else null. */
  let attachmentNumber: number | null = null;
  let issueDate: CalendarDate | null = null;

  const addParagraph = (line: Line, kind: Paragraph['kind']): void => {
    const s = lineSpan(text, line);
    paragraphs.push({ ...s, kind, line: line.index });
  };

  for (let li = 0; li < bodyEnd; li++) {
    const line = lines[li];
    const t = trimmed[li];
    if (t.length === 0) {
      if (current) current.open = false;
      continue;
    }
    const marker = parseMarker(line.text, line.folded, line.start);
    // An attachment list at the end of the body (`附件:1.…` then `2.…`) is not outline.
    const listed = ATTACHMENT_LIST.exec(t);
    if (listed) attachmentNumber = Number(listed[1]);
    else if (marker && attachmentNumber !== null && marker.level === 3 && marker.number === attachmentNumber + 1) {
      attachmentNumber++;
      addParagraph(line, 'free');
      if (current) current.closed = true;
      continue;
    } else if (t.length > 0) attachmentNumber = null;
    // A web page's metadata block written as a list (`1. [主题分类] …`) is page furniture.
    if (marker && METADATA_ITEM.test(folded.slice(marker.end, line.end))) {
      addParagraph(line, 'noise');
      continue;
    }
    // An outline item with words after its marker is never web debris, even when it names a
    // 主办 or a 二维码; a page fraction like `3 / 10` has none.
    if (isNoise(t) && !(marker && /[\u4e00-\u9fff]/.test(folded.slice(marker.end, line.end)))) {
      addParagraph(line, 'noise');
      if (!current && !issueDate) issueDate = issueDateOfMetadata(t);
      // A page marker inside a wrapped sentence stays out of the sentence's content.
      if (current && !current.closed) current.noise.push({ start: line.start, end: line.end });
      continue;
    }
    if (marker) {
      const item = newItem(text, line, marker, atMargin(line));
      while (stack.length > 0 && stack[stack.length - 1].level >= item.level) stack.pop();
      const parent = stack.length > 0 ? stack[stack.length - 1] : null;
      item.parent = parent;
      if (parent) parent.children.push(item);
      else outline.push(item);
      stack.push(item);
      item.index = items.length;
      items.push(item);
      current = {
        item,
        sentences: [],
        // A heading's own text is its title, not sentences: only its body paragraphs are read.
        paragraphs: item.headingOnly || item.text.end === item.text.start ? [] : [{ start: item.text.start, end: item.text.end }],
        open: !item.headingOnly && (!endsSentence(folded, item.text.start, item.text.end) || atMargin(line)),
        closed: false,
        noise: [],
        labels: [],
      };
      builders.push(current);
      continue;
    }
    const year = dateLineYear(t);
    if (year !== null) {
      dates.push(lineSpan(text, line));
      // Only a preamble date (before the outline) gives the plan year, not a closing date.
      if (!title && !current && preambleYear === null) {
        preambleYear = year;
        issueDate ??= dateOfLine(t);
      }
      addParagraph(line, current ? 'free' : title ? 'introduction' : 'preamble');
      if (current) current.closed = true;
      continue;
    }
    if (!current) {
      if (!title && isTitleLine(t)) {
        title = lineSpan(text, line);
        // A long title broken over two lines: the line right above is its first half.
        const above = li > 0 ? trimmed[li - 1] : '';
        const last = paragraphs[paragraphs.length - 1];
        if (last && last.line === li - 1 && last.kind === 'preamble' && isTitleHead(above)) {
          paragraphs.pop();
          title = { start: last.start, end: title.end, text: text.slice(last.start, title.end) };
        }
        continue;
      }
      addParagraph(line, title ? 'introduction' : 'preamble');
      continue;
    }
    // A labelled line (`责任单位:区甲局牵头,区乙局配合`) after an item covers that item.
    const s = lineSpan(text, line);
    if (!current.closed && mayBeLabel(t)) {
      // A label wrapped at a PDF's margin goes on over the plain lines below it.
      let last = li;
      while (atMargin(lines[last]) && last + 1 < bodyEnd && isLabelContinuation(lines[last + 1], trimmed[last + 1])) last++;
      const label = last === li ? parseLabelledLine(s.text, s.start) : parseLabelledLine(text.slice(s.start, lines[last].end), s.start);
      if (label) {
        current.labels.push(label);
        current.item.endLine = last;
        current.open = false;
        li = last;
        continue;
      }
    }
    // A plain paragraph after an item: a wrapped continuation, the body of a heading, or free text.
    // A line that opens with a 。, a comma or a closing bracket goes on the line above, whatever it ended with.
    // (Not after labelled lines: the paragraph would take them in.)
    if (!current.closed && (current.open || (CONTINUES_LINE.test(t) && current.paragraphs.length > 0 && current.labels.length === 0))) {
      current.paragraphs[current.paragraphs.length - 1].end = s.end;
      current.item.endLine = li;
      current.open = !endsSentence(folded, s.start, s.end) || atMargin(line);
      continue;
    }
    // A heading's body ends at its labelled lines: a paragraph after them (`各单位要高度重视…`) is free text.
    if (!current.closed && current.item.headingOnly && current.labels.length === 0 && !isAnnexStart(t) && !isSignatureLine(t)) {
      current.paragraphs.push({ start: s.start, end: s.end });
      current.item.endLine = li;
      current.open = !endsSentence(folded, s.start, s.end) || atMargin(line);
      continue;
    }
    // A line that opens with a unit parenthetical (`(区甲局负责落实)`, wrapped right after the
    // item's 。) still belongs to the item: it covers the sentences before it.
    if (!current.closed && startsWithUnitParen(text, folded, s)) {
      current.paragraphs.push({ start: s.start, end: s.end });
      current.item.endLine = li;
      current.open = !endsSentence(folded, s.start, s.end) || atMargin(line);
      continue;
    }
    current.closed = true;
    addParagraph(line, 'free');
  }

  // Lines after the annex table (web footers, a closing note) are free text or noise.
  if (annex) {
    const annexEndLine = lineIndex.lineAt(Math.max(annex.range.start, annex.range.end - 1));
    for (let li = annexEndLine + 1; li < lines.length; li++) {
      const t = trimmed[li];
      if (t.length === 0) continue;
      addParagraph(lines[li], isNoise(t) ? 'noise' : 'free');
    }
  }

  // Sentences and unit parentheticals, item by item.
  const sentences: Sentence[] = [];
  const unitParens: UnitParenthetical[] = [];
  for (let bi = 0; bi < builders.length; bi++) {
    const b = builders[bi];
    readItemText(text, folded, b, sentences, unitParens, memo);
    if (b.labels.length > 0) applyLabels(b, unitParens);
    if (b === builders[builders.length - 1]) splitOffClosing(text, lineIndex, b, sentences, paragraphs);
    const item = b.item;
    const lastText = b.paragraphs.length ? b.paragraphs[b.paragraphs.length - 1].end : item.text.end;
    item.range = { start: item.marker.start, end: b.labels.length ? Math.max(lastText, b.labels[b.labels.length - 1].end) : lastText };
  }
  // A plan over several years has no one plan year: nothing is out of it.
  const planYear = title && isMultiYearTitle(title.text) ? null : title ? titleYear(title.text) ?? preambleYear : preambleYear;
  return {
    text,
    folded,
    lines,
    lineIndex,
    title,
    planYear,
    dates,
    issueDate,
    outline,
    items,
    sentences,
    paragraphs,
    unitParens,
    annex,
  };
}

const ATTACHMENT_LIST = /^附\s*件\s*[:：]\s*(\d{1,2})\s*[.、]/;
const METADATA_ITEM = new RegExp(`^\\s*\\[\\s*(?:${METADATA_LABELS.join('|')})\\s*\\]`);

/** A line that goes on a wrapped labelled line: no marker, no key of its own, not blank. */
function isLabelContinuation(line: Line, trimmedFolded: string): boolean {
  return trimmedFolded.length > 0 && !mayBeLabel(trimmedFolded) && parseMarker(line.text, line.folded, line.start) === null;
}

/** First characters of the note keys: most lines are rejected by one set lookup. */
const KEY_STARTS = new Set(NOTE_KEYS.map(([k]) => k[0]));

function mayBeLabel(trimmedFolded: string): boolean {
  return KEY_STARTS.has(trimmedFolded[0]) && trimmedFolded.includes(':');
}

/**
 * The labelled lines after an item cover its sentences that no parenthetical covers. Several
 * lines (lead, support, time) read as one note.
 */
function applyLabels(b: ItemBuilder, allParens: UnitParenthetical[]): void {
  const labels = b.labels;
  const first = labels[0];
  const last = labels[labels.length - 1];
  const note: UnitParenthetical =
    labels.length === 1
      ? first
      : {
          text: first.text,
          start: first.start,
          end: last.end,
          units: labels.flatMap((l) => l.units),
          keyed: true,
          emptyValues: labels.flatMap((l) => l.emptyValues),
          time: labels.find((l) => l.time)?.time ?? null,
        };
  b.item.unitParens.push(...labels);
  allParens.push(...labels);
  const hasUnits = note.units.length > 0 || note.emptyValues.length > 0;
  for (const s of b.sentences) {
    if (hasUnits && !s.unitParen) s.unitParen = note;
    if (note.time && !s.inlineTime) s.inlineTime = note.time;
  }
}

/** The first line of a title broken over two lines: short, no punctuation, not a date or an office's name. */
function isTitleHead(t: string): boolean {
  return t.length > 0 && t.length <= 40 && !/[。,;:!?、《》()]/.test(t) && !/(?:通知|通报|函)$/.test(t) && !isSignatureLine(t) && dateLineYear(t) === null && !/^\d/.test(t);
}



/**
 * The table's own outline: section rows, and markers opening task cells when the table has no
 * serial column (then those markers number its rows). Nested by level like the body's items.
 */
function tableItems(text: string, lines: Line[], lineIndex: LineIndex, annex: Annex): Item[] {
  const lineOf = (offset: number): Line => lines[lineIndex.lineAt(offset)];
  const found: { line: Line; end: number }[] = annex.sections.map((s) => ({ line: lineOf(s.start), end: s.end }));
  if (!annex.header.some((c) => c.role === 'serial')) {
    for (const r of annex.rows) {
      if (r.task && r.task.present) found.push({ line: lineOf(r.task.start), end: r.range.end });
    }
  }
  found.sort((a, b) => a.line.start - b.line.start);
  const items: Item[] = [];
  const stack: Draft<Item>[] = [];
  for (const f of found) {
    const marker = parseMarker(f.line.text, f.line.folded, f.line.start);
    if (!marker) continue;
    const item = newItem(text, f.line, marker);
    item.range = { start: marker.start, end: f.end };
    while (stack.length > 0 && stack[stack.length - 1].level >= item.level) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1] : null;
    item.parent = parent;
    parent?.children.push(item);
    stack.push(item);
    item.index = items.length;
    items.push(item);
  }
  return items;
}

/** An item from its marker line; `wrapped`: the line reaches a PDF's margin, so its text goes on below (no heading). */
function newItem(text: string, line: Line, marker: Marker, wrapped = false): Draft<Item> {
  const folded = line.folded;
  let s = marker.end - line.start;
  let e = folded.length;
  s = skipSpaces(folded, s, e);
  e = trimEndIndex(folded, s, e);
  const body: Span = { start: line.start + s, end: line.start + e, text: text.slice(line.start + s, line.start + e) };
  const f = folded.slice(s, e);
  // A line ending in a comma is a sentence wrapped onto the next line (PDF), not a heading.
  const headingOnly = !wrapped && f.length <= HEADING_MAX && !/[。!?;]/.test(f) && !/[,、]$/.test(f);
  return {
    index: -1,
    level: marker.level,
    marker,
    range: { start: marker.start, end: body.end },
    line: line.index,
    endLine: line.index,
    title: headingOnly ? stripTrailingPunctuation(body.text) : '',
    headingOnly,
    text: body,
    parent: null,
    children: [],
    sentences: [],
    unitParens: [],
  };
}

/** True when the span opens with a parenthetical that names units. */
function startsWithUnitParen(text: string, folded: string, s: Span): boolean {
  if (folded[s.start] !== '(') return false;
  const close = matchBrackets(folded, s.start, s.end).get(s.start);
  return close !== undefined && parseUnitParenthetical(text.slice(s.start, close + 1), s.start) !== null;
}

/** What a line never starts a paragraph with (folded): a sentence's end, a comma, a closing bracket or quote. */
const CONTINUES_LINE = /^[。,;:!?、)\]】》」』”’]/;

/** Lines sampled to find a wrap margin: a document is wrapped throughout or not at all. */
const MARGIN_SAMPLE = 400;

/**
 * The right margin of a text copied from a PDF line by line, in display columns (a Chinese
 * character or full-width mark is two, a Latin letter or digit one): most long lines end within
 * two columns of it, and hardly any is longer. Null for a text whose paragraphs are lines.
 */
function wrapMargin(text: string, lines: readonly Line[], end: number): number | null {
  const counts = new Map<number, number>();
  let sampled = 0;
  for (let li = 0; li < end && sampled < MARGIN_SAMPLE; li++) {
    const line = lines[li];
    // PDF lines are short; a paragraph on one line (most documents) is not sampled at all.
    if (line.end - line.start < 12 || line.end - line.start > 120) continue;
    const w = widthOf(text, line.start, line.end);
    counts.set(w, (counts.get(w) ?? 0) + 1);
    sampled++;
  }
  if (sampled < 8) return null;
  let best = 0;
  let margin = 0;
  for (const w of counts.keys()) {
    const near = (counts.get(w) ?? 0) + (counts.get(w - 1) ?? 0) + (counts.get(w - 2) ?? 0);
    if (near > best || (near === best && w > margin)) {
      best = near;
      margin = w;
    }
  }
  let longer = 0;
  for (const [w, n] of counts) if (w > margin) longer += n;
  return best >= 6 && best * 5 >= sampled * 2 && longer * 10 <= sampled ? margin : null;
}

/** Display columns of text[start, end) without its surrounding spaces. */
function widthOf(text: string, start: number, end: number): number {
  let w = 0;
  let trailing = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000) {
      if (w > 0) trailing += c === 0x3000 ? 2 : 1;
      continue;
    }
    // CJK, full-width forms and the quotes and dashes Chinese fonts set full width.
    const cw = c >= 0x2e80 || (c >= 0x2014 && c <= 0x201f) || c === 0x2026 ? 2 : 1;
    w += trailing + cw;
    trailing = 0;
  }
  return w;
}

/** True when folded[start, end) ends with a sentence terminator or a closing bracket. */
function endsSentence(folded: string, start: number, end: number): boolean {
  if (end <= start) return true;
  const last = folded[end - 1];
  return /[。!?;:)\]】》”’"]/.test(last);
}

function readItemText(
  text: string,
  folded: string,
  b: ItemBuilder,
  all: Sentence[],
  allParens: UnitParenthetical[],
  memo: ParseMemo,
): void {
  const item = b.item;
  const own = b.sentences;
  const pending: { paren: UnitParenthetical; upto: number }[] = [];
  let uncoveredFrom = 0;
  let timeFrom = 0;
  // Indexed loops here and below: this runs once per sentence, mostly before V8 optimises it,
  // and a for-of allocates an iterator result per step until then.
  for (let pi = 0; pi < b.paragraphs.length; pi++) {
    const p = b.paragraphs[pi];
    const raws = splitSentences(folded, p.start, p.end);
    for (let ri = 0; ri < raws.length; ri++) {
      const raw = raws[ri];
      // Unit parentheticals: they cover the sentences before them, back to the previous one.
      const removed: Range[] = [];
      let contentStart = raw.start;
      for (let qi = 0; qi < raw.parens.length; qi++) {
        const pr = raw.parens[qi];
        const up = readUnitParenthetical(text.slice(pr.start, pr.end), pr.start, memo);
        if (!up) continue;
        allParens.push(up);
        item.unitParens.push(up);
        removed.push(pr);
        const coversThis = hasContent(folded, contentStart, pr.start);
        const upto = coversThis ? own.length + 1 : own.length;
        if (pr.start === contentStart) contentStart = skipSpaces(folded, pr.end, raw.end);
        pending.push({ paren: up, upto });
      }
      for (let ni = 0; ni < b.noise.length; ni++) {
        const n = b.noise[ni];
        if (n.start >= contentStart && n.end <= raw.end) removed.push(n);
      }
      removed.sort((x, y) => x.start - y.start);
      const content = contentOf(text, contentStart, raw.end, removed);
      if (content.length > 0 && /[\p{L}\p{N}]/u.test(content)) {
        const sentenceText = text.slice(contentStart, raw.end);
        const sentence: SentenceDraft = {
          start: contentStart,
          end: raw.end,
          text: sentenceText,
          content,
          index: -1,
          item,
          unitParen: null,
          inlineTime: null,
          times: mayMentionTime(sentenceText) ? findTimeMentions(sentenceText, contentStart) : NO_TIMES,
        };
        own.push(sentence);
      }
      for (let ci = 0; ci < pending.length; ci++) {
        const pc = pending[ci];
        const upto = Math.min(pc.upto, own.length);
        // A parenthetical with only a time key (`(完成时限:6月底前)`) gives a time, not a unit:
        // a unit parenthetical right after it still covers the same sentences.
        const timeOnly = pc.paren.units.length === 0 && pc.paren.emptyValues.length === 0;
        if (timeOnly) {
          for (let k = timeFrom; k < upto; k++) own[k].inlineTime = pc.paren.time;
          timeFrom = Math.max(timeFrom, upto);
          continue;
        }
        for (let k = uncoveredFrom; k < upto; k++) {
          own[k].unitParen = pc.paren;
          if (pc.paren.time) own[k].inlineTime = pc.paren.time;
        }
        uncoveredFrom = Math.max(uncoveredFrom, upto);
        timeFrom = Math.max(timeFrom, uncoveredFrom);
      }
      pending.length = 0;
    }
  }
  if (!item.headingOnly) {
    item.title = own.length > 0 ? stripTrailingPunctuation(own[0].content) : stripTrailingPunctuation(item.text.text);
  }
  for (let k = 0; k < own.length; k++) {
    own[k].index = all.length;
    all.push(own[k]);
  }
  item.sentences = own;
}

/**
 * The closing remarks after the last item read as its body: when the last item is a heading
 * whose body paragraphs end with a unit parenthetical, the paragraphs after the last one that a
 * parenthetical covers (`各单位要高度重视,认真抓好落实。`) are free text, not tasks.
 */
function splitOffClosing(text: string, lineIndex: LineIndex, b: ItemBuilder, all: Sentence[], paragraphs: Paragraph[]): void {
  const item = b.item;
  const ss = item.sentences;
  if (!item.headingOnly || b.paragraphs.length < 2 || ss.length < 2) return;
  let k = ss.length;
  while (k > 0 && !ss[k - 1].unitParen && !ss[k - 1].inlineTime) k--;
  if (k === 0 || k === ss.length) return;
  // The cut must fall at a paragraph start, after the paragraph that the last parenthetical closes.
  const p = b.paragraphs.findIndex((r) => r.start <= ss[k].start && ss[k].start < r.end);
  if (p <= 0 || skipSpaces(text, b.paragraphs[p].start, b.paragraphs[p].end) !== ss[k].start) return;
  for (let i = p; i < b.paragraphs.length; i++) {
    const r = b.paragraphs[i];
    paragraphs.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end), kind: 'free', line: lineIndex.lineAt(r.start) });
  }
  paragraphs.sort((x, y) => x.start - y.start);
  all.length -= ss.length - k;
  ss.length = k;
  b.paragraphs.length = p;
  item.endLine = lineIndex.lineAt(Math.max(b.paragraphs[p - 1].start, b.paragraphs[p - 1].end - 1));
}

/** Shared by the sentences that mention no time (most): one empty list, never modified. */
const NO_TIMES: readonly TimeMention[] = Object.freeze([]);

/** Every time phrase names a month, a quarter, a half year or the year's end: skip the rest fast. */
function mayMentionTime(s: string): boolean {
  return /[月季]|半年|年[底末]/.test(s);
}

/** A character that is neither white space (isSpaceCode's set) nor punctuation. */
const CONTENT_CHAR = /[^\t-\r \u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\p{P}]/u;

/** True when folded[from, to) holds something besides spaces and punctuation (one native scan). */
function hasContent(folded: string, from: number, to: number): boolean {
  return to > from && CONTENT_CHAR.test(folded.slice(from, to));
}

/** The sentence text without the removed ranges, with line breaks and indentation removed. */
function contentOf(text: string, start: number, end: number, removed: Range[]): string {
  let out = '';
  let pos = start;
  for (let k = 0; k < removed.length; k++) {
    const r = removed[k];
    if (r.end <= pos) continue;
    if (r.start > pos) out += text.slice(pos, r.start);
    pos = Math.max(pos, r.end);
  }
  if (pos < end) out += text.slice(pos, end);
  // Most sentences sit on one line: no break to remove.
  return (out.includes('\n') || out.includes('\r') ? out.replace(/[\r\n]+[\s\u3000]*/g, '') : out).trim();
}


/** Removes the final punctuation of a heading or sentence. */
export function stripTrailingPunctuation(s: string): string {
  return s.replace(/[\s。!?;:！？；：,，、.．]+$/u, '').trim();
}
