// Deterministic generator of large, realistic 工作要点 documents for the benchmark.
//
// The document looks like a web export of a district plan (docs/format.md): a preamble, the title
// `2026年某区政务公开工作要点`, an introduction, a 总体要求 chapter without tasks, then task
// chapters (`一、` …) with level-2 items numbered continuously (`(一)` … `(一千二百三十四)`), each
// with a short title sentence, 2–5 task sentences and an inline unit parenthetical, and finally a
// layout A (cell per line) task table with one row per task sentence. A few rows drift from the
// body the way real annexes do (punctuation width, a dropped leading phrase). About 2.7 chapters
// and 8 level-2 items per 10 KB; above ~12 MB level-2 numbering restarts in each chapter (see
// restartLevel2), and chapter numerals run out (九千九百九十九) at about 35 MB.
//
// Sentences are built from phrase lists; a bijective mix of the task serial picks the phrases, so
// no two task sentences of one document are equal (up to ~700,000 tasks), while they share enough
// wording to keep the annex alignment honest.

import { toChineseNumeral } from '../server/src/document/numerals';

export interface GeneratedDocument {
  text: string;
  /** Outline items (chapters and level-2 items). */
  items: number;
  /** Level-1 chapters. */
  chapters: number;
  /** Task sentences in the body (= annex rows). */
  tasks: number;
  rows: number;
  /** Rows that were written with a deliberate drift from the body text. */
  driftRows: number;
}

/** A document of about `targetBytes` UTF-8 bytes; the same arguments give the same text. */
export function generateDocument(targetBytes: number, seed = 1): string {
  return generateDocumentWithStats(targetBytes, seed).text;
}

// ---------------------------------------------------------------------------------------------
// Phrase lists

const THEMES = [
  '推动高质量发展', '优化营商环境', '保障和改善民生', '提升城市治理效能', '深化政策发布解读',
  '扩大公众参与', '促进绿色低碳发展', '加强基层政务公开', '推进数字政府建设', '防范化解重大风险',
  '加强重点领域监管', '服务乡村振兴', '促进就业创业', '建设法治政府', '提升政务服务效能',
];
const TITLE_VERBS = ['推进', '做好', '加强', '深化', '强化', '规范', '优化'];
const AREAS = [
  '财政预决算', '重大建设项目', '公共资源配置', '义务教育', '医疗卫生', '养老服务', '社会救助',
  '住房保障', '就业创业', '生态环境', '食品药品安全', '安全生产', '市场监管', '交通出行',
  '文化旅游', '农业农村', '城市更新', '应急管理', '审计整改', '统计数据',
];
const TITLE_TAILS = ['信息公开', '政策公开', '公开工作', '信息发布'];
const LEADS = ['根据上级统一部署,', '按照全市工作要求,', '结合本区实际,', '围绕年度重点任务,'];
const VERBS = ['及时公开', '全面公开', '集中公开', '主动公开', '动态更新', '定期发布', '依法公开', '规范发布', '分类公开', '持续公开'];
const SCOPES = ['本区', '区级', '各街镇', '区属单位', '重点领域', '基层'];
const OBJECTS = [
  '政策文件和解读材料', '工作方案和实施细则', '资金安排和使用情况', '项目审批和实施进展',
  '监督检查结果', '办事指南和服务流程', '标准目录和公开清单', '年度计划和完成情况',
  '典型案例和经验做法', '统计数据和分析报告', '行政处罚和整改情况', '申报条件和评审结果',
];
const FOLLOWS = [
  '方便群众查询和监督', '确保信息准确完整', '提高公开的针对性和实效性', '加强与业务系统的衔接',
  '做好相关政策解读', '及时回应社会关切', '强化结果运用', '推动公开与服务融合',
  '接受社会监督', '提升信息的可读性',
];
const QUALIFIERS = ['', '相关', '重点', '年度', '阶段性', '专项', '最新', '各类', '主要'];
const CHANNELS = [
  '在区政府门户网站和政务新媒体同步发布', '通过政务公开专区和社区公开栏同步公开',
  '按规定时限在政府信息公开专栏集中发布', '依托“一网通办”平台向企业群众精准推送',
  '在新闻发布会和政策吹风会上作出说明', '按照公开标准目录做好分类归集和更新维护',
  '同步做好政策咨询和留言答复工作', '结合政府开放活动向公众展示和说明',
];
const UNITS = [
  '区发展改革委', '区教育局', '区科委', '区民政局', '区司法局', '区财政局', '区人力资源社会保障局',
  '区规划资源局', '区生态环境局', '区住房城乡建设管理委', '区交通委', '区农业农村委', '区商务委',
  '区文化旅游局', '区卫生健康委', '区应急管理局', '区审计局', '区市场监管局', '区统计局',
  '区医保局', '区城运中心', '区融媒体中心', '区政务服务中心', '区数据局', '区府办',
];
const COLLECTIVE_UNITS = ['各街镇', '区政府各部门', '各相关单位'];
const TIMES = [
  '全年', '全年', '全年', '全年', '上半年', '下半年', '一季度', '二季度', '三季度', '四季度',
  '3月底前', '6月底前', '9月底前', '年底前', '每季度', '4月、10月',
];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Size of the phrase space a task serial is mapped into, bijectively. */
const SPACE = VERBS.length * SCOPES.length * OBJECTS.length * FOLLOWS.length * QUALIFIERS.length * CHANNELS.length;
/** A prime larger than SPACE's prime factors, so `k * STEP mod SPACE` is a bijection. */
const STEP = 1_000_003;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface Row {
  task: string;
  units: string;
  time: string;
}

export function generateDocumentWithStats(targetBytes: number, seed = 1): GeneratedDocument {
  const rnd = mulberry32(seed * 2654435761 + 12345);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const between = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const offset = Math.floor(rnd() * SPACE);

  const body: string[] = [];
  const rows: Row[] = [];
  let bytes = 0;
  const push = (line: string): void => {
    body.push(line);
    bytes += utf8Length(line) + 1;
  };
  let page = 1;
  let linesOnPage = 0;
  const pushBody = (line: string): void => {
    push(line);
    if (++linesOnPage >= 45) {
      push(`- ${page++} -`);
      linesOnPage = 0;
    }
  };

  // Preamble, title, introduction.
  push('区政府各委、办、局,各街道办事处、镇政府:');
  push('经区政府同意,现将《2026年某区政务公开工作要点》印发给你们,请认真贯彻落实。');
  push('某区人民政府办公室');
  push('2026年3月20日');
  push('2026年某区政务公开工作要点');
  push(
    '2026年是“十五五”规划的开局之年。为深入贯彻落实国务院办公厅和本市关于政务公开工作的部署要求,' +
      '进一步深化本区政务公开工作,助推全区中心工作落地见效,制定本工作要点。',
  );
  push('一、总体要求');
  push('(一)指导思想');
  push(
    '坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大和二十届历次全会精神,' +
      '坚持以公开促落实、助监督、强监管,有效提升政府公信力和执行力。',
  );
  push('(二)工作目标');
  push(
    '到2026年底,政策文件的数字化归集和推送机制更加完善,公开信息的实用性不断增强,' +
      '人民群众对政务公开的知晓度、满意度明显提升。',
  );

  // The closing paragraph, the annex heading lines and the header.
  const closingBytes = 320;
  let itemNo = 2;
  // Markers are written with toChineseNumeral, which stops at 九千九百九十九. A level-2 item costs
  // about 1,250 bytes (body and annex row), so continuous numbering fits up to ~12 MB; a larger
  // document restarts level-2 numbering in every chapter instead (the other valid scheme).
  const restartLevel2 = targetBytes / 1250 > 9500;
  let chapterNo = 1;
  let items = 3; // 一、总体要求 with (一) and (二)
  let taskSerial = 0;
  let driftRows = 0;
  let annexBytes = 0;

  const taskSentence = (): { text: string; lead: string } => {
    const k = (((taskSerial++ * STEP) % SPACE) + offset) % SPACE;
    let r = k;
    const v = VERBS[r % VERBS.length];
    r = Math.floor(r / VERBS.length);
    const s = SCOPES[r % SCOPES.length];
    r = Math.floor(r / SCOPES.length);
    const o = OBJECTS[r % OBJECTS.length];
    r = Math.floor(r / OBJECTS.length);
    const f = FOLLOWS[r % FOLLOWS.length];
    r = Math.floor(r / FOLLOWS.length);
    const q = QUALIFIERS[r % QUALIFIERS.length];
    r = Math.floor(r / QUALIFIERS.length);
    const ch = CHANNELS[r % CHANNELS.length];
    const lead = rnd() < 0.05 ? pick(LEADS) : '';
    // Beyond the phrase space, a batch number keeps sentences distinct.
    const batch = taskSerial > SPACE ? `第${Math.ceil(taskSerial / SPACE)}批` : '';
    return { text: `${lead}${v}${s}${batch}${q}${o},${ch},${f}。`, lead };
  };

  const unitList = (): string[] => {
    const n = rnd() < 0.6 ? 1 : rnd() < 0.8 ? 2 : 3;
    const out: string[] = [];
    while (out.length < n) {
      const u = rnd() < 0.12 ? pick(COLLECTIVE_UNITS) : pick(UNITS);
      if (!out.includes(u)) out.push(u);
    }
    return out;
  };

  do {
    chapterNo++;
    items++;
    pushBody(`${toChineseNumeral(chapterNo)}、围绕${pick(THEMES)}强化信息公开`);
    if (restartLevel2) itemNo = 0;
    const itemsInChapter = between(2, 4);
    for (let c = 0; c < itemsInChapter; c++) {
      itemNo++;
      items++;
      const title = `${pick(TITLE_VERBS)}${pick(AREAS)}${pick(TITLE_TAILS)}`;
      const nTasks = between(2, 5);
      // One parenthetical for the item, sometimes two (each covers the sentences before it).
      const split = nTasks >= 3 && rnd() < 0.2 ? between(1, nTasks - 1) : nTasks;
      let line = `(${toChineseNumeral(itemNo)})${title}。`;
      let units = unitList();
      for (let t = 0; t < nTasks; t++) {
        const { text, lead } = taskSentence();
        line += text;
        let rowText = text;
        const drift = rnd();
        if (lead && drift < 0.3) {
          rowText = text.slice(lead.length);
          driftRows++;
        } else if (drift < 0.005) {
          rowText = text.replace(',', '，');
          driftRows++;
        }
        const time = pick(TIMES);
        rows.push({ task: rowText, units: units.join('、'), time });
        // Four cell lines, each ending with ` |` and a line break, and a page marker every 50 rows.
        annexBytes += utf8Length(rowText) + utf8Length(units.join('、')) + utf8Length(time) + String(rows.length).length + 12;
        if (rows.length % 50 === 0) annexBytes += 9;
        if (t === split - 1 && t !== nTasks - 1) {
          line += `(责任单位:${units.join('、')})`;
          units = unitList();
        }
      }
      line += `(责任单位:${units.join('、')})`;
      pushBody(line);
      if (bytes + annexBytes + closingBytes >= targetBytes) break;
    }
  } while (bytes + annexBytes + closingBytes < targetBytes);

  push('各单位要对照本工作要点,细化任务分工,明确责任人和时间节点,确保各项任务落到实处。');
  push('附件');
  push('2026年某区政务公开工作要点任务分解表');
  push('序号 | 任务分解 |');
  push('责任单位 |');
  push('时间节点 |');
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (i > 0 && i % 50 === 0) push(`- ${page++} -`);
    push(`${i + 1} |`);
    push(`${r.task} |`);
    push(`${r.units} |`);
    push(`${r.time} |`);
  }

  return {
    text: body.join('\n') + '\n',
    items,
    chapters: chapterNo,
    tasks: rows.length,
    rows: rows.length,
    driftRows,
  };
}
