// Line-level recognisers: noise, dates, titles, the annex start. Each takes a line already
// folded to half-width and trimmed.

import { DOCUMENT_KINDS, ISSUE_DATE_LABELS, METADATA_LABELS, OTHER_DOCUMENT_KINDS } from '../lexicon';

/** Page markers and web-page debris: tolerated, never tasks. */
const NOISE_PATTERNS: RegExp[] = [
  /^-\s*\d{1,4}\s*-$/, // - 1 -   — 2 —
  /^第\s*\d{1,4}\s*页(\s*[,/]?\s*共\s*\d+\s*页)?$/, // 第 3 页, 第3页 共10页
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 3/10
  /^\d{4}[/-]\d{1,2}[/-]\d{1,2}(\s+[上下]午)?\s*\d{1,2}:\d{2}(:\d{2})?(\s*星期.)?$/, // 2021/8/16 上午9:31:36 星期一
  /^\d{4}[/-]\d{1,2}[/-]\d{1,2}\s+[上下]午\d{1,2}:\d{2}(:\d{2})?(\s*星期.)?$/,
  /^(稿源|来源|更新时间|发布时间|发布日期|发布机构|信息来源|浏览次数|访问量|字号|索引号|文号|主题分类|成文日期)\s*:/,
  /(主办|承办|协办)\s*:/,
  /ICP备|版权所有|公安备案|网站标识码|网站地图|联系我们|扫描.{0,20}二维码|二维码$|Copyright|©/i, // 扫描…二维码 footers; a sentence that mentions 二维码 is text
  /^(打印本页|关闭窗口|打印|关闭|收藏|分享到|【?字体:?)/,
  /^(字号)?[:：]?\s*[大中小]\s*[大中小]\s*[大中小]$/,
];

// A web page's metadata block (`索 引 号:`, `发文日期:…`): page furniture.
NOISE_PATTERNS.push(new RegExp(`^(?:${METADATA_LABELS.map((l) => [...l].join('\\s*')).join('|')})\\s*:`));

/** The patterns as one alternation: one native call per line instead of ten. */
const NOISE = new RegExp(NOISE_PATTERNS.map((r) => `(?:${r.source})`).join('|'), 'i');

export function isNoise(line: string): boolean {
  return line.length <= 80 && NOISE.test(line);
}

const DATE_LINE = /^(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const CN_DATE_LINE = /^([〇零一二三四五六七八九]{4})年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/;
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const CN_SMALL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 三十一 as a number. */
function smallChineseNumber(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return CN_SMALL[s] ?? 0;
  return (ten === 0 ? 1 : CN_SMALL[s[0]] ?? 0) * 10 + (ten === s.length - 1 ? 0 : CN_SMALL[s[ten + 1]] ?? 0);
}

/** The date of a date line (`2023年4月12日`, `二〇二三年四月十二日`), else null. */
export function dateOfLine(line: string): CalendarDate | null {
  const s = line.replace(/\s+/g, '');
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(s);
  if (m) return { year: Number([...m[1]].map((c) => CN_DIGIT[c]).join('')), month: smallChineseNumber(m[2]), day: smallChineseNumber(m[3]) };
  return null;
}

/** A metadata line giving the issue date (`发文日期:2021年03月16日`, `成文日期:2021-03-16`), else null. */
export function issueDateOfMetadata(line: string): CalendarDate | null {
  const s = line.replace(/\s+/g, '');
  const label = ISSUE_DATE_LABELS.find((l) => s.startsWith(l + ':'));
  if (!label) return null;
  const m = /^(\d{4})(?:年|-|\/|\.)(\d{1,2})(?:月|-|\/|\.)(\d{1,2})日?$/.exec(s.slice(label.length + 1));
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** The year of a date line (`2023年4月12日`, `二〇二三年四月十二日`), else null. */
export function dateLineYear(line: string): number | null {
  const s = line.replace(/\s+/g, '');
  let m = DATE_LINE.exec(s);
  if (m) return Number(m[1]);
  m = CN_DATE_LINE.exec(s);
  if (m) return Number([...m[1]].map((c) => CN_DIGIT[c]).join(''));
  return null;
}


/**
 * A title line: ends with the document's kind (an optional trailing `(征求意见稿)`-style note
 * allowed), no sentence punctuation, short. A sentence quoting the title in 《》 is not one.
 */
export function isTitleLine(line: string): boolean {
  if (line.length === 0 || line.length > 60) return false;
  if (/[。,;:!?、]/.test(line)) return false;
  const core = withoutTrailingNote(line);
  if (core.endsWith('》')) return false;
  // An annex's title (`…任务分解表`) is read after the body, so it is never taken for the document's.
  return DOCUMENT_KINDS.some((k) => core.endsWith(k));
}

/**
 * The kind of document a line names when it is not a plan (`编制说明`, `中华人民共和国能源行业标准`,
 * `项目立项申请书`), else null: a short line of its own, no sentence punctuation, ending with the
 * kind (a trailing `(征求意见稿)`-style note allowed). `line`: folded and trimmed.
 */
export function otherKindOfLine(line: string): string | null {
  if (line.length > 40 || /[。,;:!?、《]/.test(line)) return null;
  const core = withoutTrailingNote(line).replace(/\s+/g, '');
  return OTHER_DOCUMENT_KINDS.find((k) => core.endsWith(k)) ?? null;
}

/** A title without its trailing note in brackets (`(征求意见稿)`, `【试行】`). */
function withoutTrailingNote(line: string): string {
  return line.replace(/\s*[([【][^)\]】]{1,14}[)\]】]\s*$/, '').replace(/\s+$/, '');
}

/** The plan year written in a title (`2025年松江区…` → 2025). */
export function titleYear(line: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(line);
  return m ? Number(m[1]) : null;
}

/** A title of a plan over several years (`2023—2025年…`, `（2023-2025年）`, `三年行动方案`): no one plan year. */
export function isMultiYearTitle(line: string): boolean {
  return /(?:19|20)\d{2}\s*年?\s*(?:[-—–~～至到]|——)+\s*(?:19|20)\d{2}\s*年/.test(line) || /[二三四五]年(?:行动)?(?:计划|方案|规划)/.test(line);
}

/** `附件`, `附件1`, `附件:<title>`, `附件一` — the line that opens an annex. */
export function isAnnexStart(line: string): boolean {
  return /^附\s*件\s*([0-9一二三四五六七八九十]{1,3})?\s*(:.*|\s.*)?$/.test(line) && line.length < 80;
}

/** A signature line in the closing: an office name on its own (`上海市普陀区人民政府办公室`). */
export function isSignatureLine(line: string): boolean {
  if (line.length > 30 || /[。,;:!?、()]/.test(line)) return false;
  return /(人民政府|办公室|办公厅|委员会|政府|局|办|委|中心|小组)$/.test(line);
}
