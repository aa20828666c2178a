// Word's automatic numbering, drawn into the marker a reader sees (`一、` `（一）` `1.` `①`).
// Definitions come from word/numbering.xml (abstract lists and their instances, with start
// overrides) and word/styles.xml (paragraph styles that carry numbering, through basedOn).
// Counters run in document order, as Word counts them: per abstract list, continuing across
// instances, except an instance with a start override, which counts on its own.

import { toChineseNumeral } from '../document/numerals';
import { parseXml } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  /** Restart after a level above is used (Word's default); false for `w:lvlRestart w:val="0"`. */
  restarts: boolean;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  style?: string;
}

interface AbstractList {
  levels: Map<number, Level>;
  /** `w:numStyleLink`: the definition lives in a numbering style. */
  styleLink?: string;
}

interface ListInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

interface StyleDef {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface NumberingRef {
  numId?: string;
  ilvl?: number;
}

function newLevel(): Level {
  return { start: 1, format: 'decimal', text: '', restarts: true, legal: false, suffix: 'tab' };
}

const W = 'w:val';

export class Numbering {
  private readonly abstracts = new Map<string, AbstractList>();
  private readonly instances = new Map<string, ListInstance>();
  private readonly styles = new Map<string, StyleDef>();
  private defaultStyle?: string;
  /** Counters per list (abstract id, or `#numId` for an instance that restarts). */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(numberingXml: string | undefined, stylesXml: string | undefined) {
    if (stylesXml) this.readStyles(stylesXml);
    if (numberingXml) this.readNumbering(numberingXml);
  }

  private readStyles(xml: string): void {
    let current: StyleDef | undefined;
    let inNumPr = false;
    let depth = 0;
    let pPrDepth = -1;
    parseXml(xml, 'word/styles.xml', {
      open: (name, a) => {
        depth++;
        if (name === 'w:style') {
          current = a['w:type'] === 'paragraph' || a['w:type'] === undefined ? {} : undefined;
          if (current && a['w:styleId'] !== undefined) this.styles.set(a['w:styleId'], current);
          if (current && (a['w:default'] === '1' || a['w:default'] === 'true')) this.defaultStyle = a['w:styleId'];
        } else if (current) {
          if (name === 'w:basedOn') current.basedOn = a[W];
          else if (name === 'w:pPr') pPrDepth = depth;
          else if (name === 'w:numPr' && pPrDepth > 0) inNumPr = true;
          else if (inNumPr && name === 'w:numId') current.numId = a[W];
          else if (inNumPr && name === 'w:ilvl') current.ilvl = Number(a[W]) || 0;
        }
      },
      close: (name) => {
        if (name === 'w:numPr') inNumPr = false;
        if (name === 'w:pPr') pPrDepth = -1;
        if (name === 'w:style') current = undefined;
        depth--;
      },
      text: () => undefined,
    });
  }

  private readNumbering(xml: string): void {
    let abs: AbstractList | undefined;
    let inst: ListInstance | undefined;
    let level: Level | undefined;
    let overrideIlvl = -1;
    parseXml(xml, 'word/numbering.xml', {
      open: (name, a) => {
        switch (name) {
          case 'w:abstractNum':
            abs = { levels: new Map() };
            this.abstracts.set(a['w:abstractNumId'], abs);
            break;
          case 'w:num':
            inst = { abstractId: '', startOverrides: new Map(), levelOverrides: new Map() };
            this.instances.set(a['w:numId'], inst);
            break;
          case 'w:abstractNumId':
            if (inst) inst.abstractId = a[W];
            break;
          case 'w:numStyleLink':
            if (abs) abs.styleLink = a[W];
            break;
          case 'w:lvlOverride':
            overrideIlvl = Number(a['w:ilvl']) || 0;
            break;
          case 'w:startOverride':
            if (inst && overrideIlvl >= 0) inst.startOverrides.set(overrideIlvl, Number(a[W]) || 0);
            break;
          case 'w:lvl':
            level = newLevel();
            if (inst && overrideIlvl >= 0) inst.levelOverrides.set(overrideIlvl, level);
            else if (abs) abs.levels.set(Number(a['w:ilvl']) || 0, level);
            break;
          case 'w:start':
            if (level) level.start = Number(a[W]) || 0;
            break;
          case 'w:numFmt':
            if (level) level.format = a[W] ?? 'decimal';
            break;
          case 'w:lvlText':
            if (level) level.text = a[W] ?? '';
            break;
          case 'w:lvlRestart':
            if (level) level.restarts = a[W] !== '0';
            break;
          case 'w:isLgl':
            if (level) level.legal = a[W] !== '0' && a[W] !== 'false';
            break;
          case 'w:suff':
            if (level) level.suffix = a[W] === 'space' ? 'space' : a[W] === 'nothing' ? 'nothing' : 'tab';
            break;
          case 'w:pStyle':
            if (level) level.style = a[W];
            break;
        }
      },
      close: (name) => {
        if (name === 'w:abstractNum') abs = undefined;
        else if (name === 'w:num') inst = undefined;
        else if (name === 'w:lvlOverride') overrideIlvl = -1;
        else if (name === 'w:lvl') level = undefined;
      },
      text: () => undefined,
    });
  }

  /** The numbering a paragraph style gives (walking basedOn), if any. */
  private styleNumbering(styleId: string | undefined): NumberingRef {
    const seen = new Set<string>();
    const out: NumberingRef = {};
    for (let id = styleId; id !== undefined && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      if (out.numId === undefined && s.numId !== undefined) out.numId = s.numId;
      if (out.ilvl === undefined && s.ilvl !== undefined) out.ilvl = s.ilvl;
    }
    return out;
  }

  private abstractOf(inst: ListInstance): [string, AbstractList] | undefined {
    let id = inst.abstractId;
    let abs = this.abstracts.get(id);
    // A list defined by a numbering style: follow the style to its own instance (once).
    if (abs?.styleLink) {
      const linked = this.styleNumbering(abs.styleLink).numId;
      const target = linked !== undefined ? this.instances.get(linked) : undefined;
      if (target && target.abstractId !== id) {
        id = target.abstractId;
        abs = this.abstracts.get(id);
      }
    }
    return abs ? [id, abs] : undefined;
  }

  /**
   * The marker of the next paragraph with this style and direct numbering (document order;
   * each call counts). '' when the paragraph is not numbered. Includes the suffix Word draws.
   */
  next(styleId: string | undefined, direct: NumberingRef): string {
    const style = this.styleNumbering(styleId ?? this.defaultStyle);
    const numId = direct.numId ?? style.numId;
    if (numId === undefined || numId === '0') return '';
    const inst = this.instances.get(numId);
    if (!inst) return '';
    const found = this.abstractOf(inst);
    if (!found) return '';
    const [absId, abs] = found;
    const levelOf = (i: number): Level | undefined => inst.levelOverrides.get(i) ?? abs.levels.get(i);
    let ilvl = direct.ilvl ?? style.ilvl;
    if (ilvl === undefined && styleId !== undefined) {
      for (const [i, l] of abs.levels) if (l.style === styleId) ilvl = i;
    }
    ilvl ??= 0;
    const level = levelOf(ilvl);
    if (!level) return '';
    const key = inst.startOverrides.size > 0 ? `#${numId}` : absId;
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, (counts = []));
    const startOf = (i: number): number => inst.startOverrides.get(i) ?? levelOf(i)?.start ?? 1;
    const previous = counts[ilvl];
    counts[ilvl] = previous === undefined ? startOf(ilvl) : previous + 1;
    for (let i = ilvl + 1; i < 9; i++) if (levelOf(i)?.restarts !== false) counts[i] = undefined;
    if (level.format === 'none') return '';
    // A bullet's text is the bullet itself, often a private-use symbol-font character.
    if (level.format === 'bullet') return level.text === '' ? '' : `${/[\ue000-\uf8ff]/.test(level.text) ? '•' : level.text} `;
    let marker = '';
    const t = level.text;
    for (let i = 0; i < t.length; i++) {
      const d = t.charCodeAt(i + 1) - 49;
      if (t[i] === '%' && d >= 0 && d <= 8) {
        const l = levelOf(d);
        const n = counts[d] ?? startOf(d);
        marker += formatNumber(n, level.legal && d !== ilvl ? 'decimal' : (l?.format ?? 'decimal'));
        i++;
      } else {
        marker += t[i];
      }
    }
    if (marker === '') return '';
    // Word draws a tab or a space after the marker. A marker that ends in its own punctuation
    // (`一、` `（一）` `1.`) reads the same without it; a bare number (`1` `5.1`) gets one space.
    if (level.suffix !== 'nothing' && !ENDS_WITH_PUNCTUATION.has(marker[marker.length - 1])) marker += ' ';
    return marker;
  }
}

const ENDS_WITH_PUNCTUATION = new Set([...'、．.，,）)】]：:〕']);

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN_DIGITS = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULLSTOP_DIGITS = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** The financial (大写) numerals, as Word and LibreOffice draw them: 壹 贰 … 壹拾 壹拾壹 贰拾 壹佰零壹. */
const LEGAL_SIMPLIFIED: Record<string, string> = { 一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰', 千: '仟' };
const LEGAL_TRADITIONAL: Record<string, string> = { ...LEGAL_SIMPLIFIED, 二: '貳', 三: '參', 六: '陸' };

function legal(n: number, digits: Record<string, string>): string {
  if (n <= 0) return String(n);
  const plain = toChineseNumeral(n);
  // 十 alone at the start is 壹拾 in the financial form.
  return [...(plain[0] === '十' ? `一${plain}` : plain)].map((ch) => digits[ch] ?? ch).join('');
}

function fromList(list: string, n: number): string {
  return n >= 1 && n <= list.length ? [...list][n - 1] : String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: a … z, aa … zz.
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter value in a Word number format (ST_NumberFormat). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseLegalSimplified':
      return legal(n, LEGAL_SIMPLIFIED);
    case 'ideographLegalTraditional':
      return legal(n, LEGAL_TRADITIONAL);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return toChineseNumeral(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return fromList(CIRCLED, n);
    case 'decimalEnclosedParen':
      return fromList(PAREN_DIGITS, n);
    case 'decimalEnclosedFullstop':
      return fromList(FULLSTOP_DIGITS, n);
    case 'ideographTraditional':
      return fromList(HEAVENLY_STEMS, n);
    case 'ideographZodiac':
      return fromList(EARTHLY_BRANCHES, n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}
