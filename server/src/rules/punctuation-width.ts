// punctuation-width (off by default): half-width , : ; ( ) ? ! between Chinese characters, as a
// web or PDF export leaves them. Chinese text takes full-width punctuation (GB/T 15834).

import type { ParsedDocument } from '../document/model';
import type { Rule, TextEdit } from './types';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** , : ; ? ! with Chinese on one side and no ASCII letter or digit on either (`1,000` stays). */
function betweenChinese(text: string, i: number): boolean {
  const before = i > 0 ? text.charCodeAt(i - 1) : 0;
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  return (isHan(before) || isHan(after)) && !isAsciiAlnum(before) && !isAsciiAlnum(after);
}

/**
 * Half-width parenthesis pairs around Chinese text (`(试行)`, `(PPP项目除外)`): both marks are
 * reported, so a fix never leaves a mixed pair. `(PPP)` and `(2016-2020年)`-style pairs with
 * no Chinese inside stay.
 */
function chineseParenPairs(text: string): Set<number> {
  const out = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) stack.length = 0;
    else if (c === 0x28) stack.push(i);
    else if (c === 0x29 && stack.length > 0) {
      const open = stack.pop() as number;
      let han = false;
      for (let k = open + 1; k < i && !han; k++) han = isHan(text.charCodeAt(k));
      if (han) {
        out.add(open);
        out.add(i);
      }
    }
  }
  return out;
}

/** Ranges that are not prose: outline markers and the annex table (its bars and cells are data). */
function skipRanges(doc: ParsedDocument): [number, number][] {
  const out: [number, number][] = doc.items.map((i) => [i.marker.start, i.marker.end]);
  if (doc.annex) out.push([doc.annex.range.start, doc.annex.range.end]);
  return out.sort((a, b) => a[0] - b[0]);
}

const rule: Rule = {
  meta: {
    id: 'punctuation-width',
    defaultSeverity: 'off',
    title: '标点宽度',
    titleEn: 'Punctuation width',
    description: '中文之间使用了半角标点（, : ; ( ) ? !），应使用全角标点',
    descriptionEn: 'Half-width punctuation between Chinese characters should be full-width',
    fixable: 'auto',
    category: 'style',
  },
  check({ doc, report }) {
    const text = doc.text;
    const skip = skipRanges(doc);
    const parens = chineseParenPairs(text);
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const full = FULL[ch];
      if (!full) continue;
      while (s < skip.length && skip[s][1] <= i) s++;
      if (s < skip.length && skip[s][0] <= i) continue;
      if (ch === '(' || ch === ')' ? !parens.has(i) : !betweenChinese(text, i)) continue;
      const edit: TextEdit = { start: i, end: i + 1, newText: full };
      report({
        start: i,
        end: i + 1,
        message: `中文之间应使用全角标点“${full}”,此处为半角“${ch}”`,
        fixes: [{ title: `改为全角“${full}”`, edits: [edit], auto: true, preferred: true }],
      });
    }
  },
};

export default rule;
