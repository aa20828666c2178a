// The domain's words, in one place: keys of unit and time notes, role words, table header names,
// document kinds, sections that hold no tasks, metadata labels. The parser, the annex reader, the
// rules, completion and the client read them from here (docs/format.md describes the documents).
// Everything here is written half-width where widths differ: matching happens on folded text.

import type { ColumnRole, UnitRole } from './document/model';

// ---------------------------------------------------------------------------------------------
// Keys: `责任单位:…` in a parenthetical, on a labelled line, or as a table header.

export type KeyKind = UnitRole | 'time';

/** Keys of unit and time notes, with what their value is. Matched with spaces allowed inside. */
export const NOTE_KEYS: readonly (readonly [string, KeyKind])[] = [
  ['责任单位', 'responsible'],
  ['责任处室', 'responsible'],
  ['责任部门', 'responsible'],
  ['责任科室', 'responsible'],
  ['责任主体', 'responsible'],
  ['主责单位', 'responsible'],
  ['主要责任单位', 'responsible'],
  ['责任分工', 'responsible'],
  ['实施单位', 'responsible'],
  ['牵头单位', 'lead'],
  ['牵头部门', 'lead'],
  ['牵头处室', 'lead'],
  ['配合单位', 'support'],
  ['配合部门', 'support'],
  ['协办单位', 'support'],
  ['参与单位', 'support'],
  ['时间节点', 'time'],
  ['完成时限', 'time'],
  ['完成时间', 'time'],
  ['完成期限', 'time'],
  ['时限要求', 'time'],
  ['时限', 'time'],
];

/** The time keys alone, longest first (for patterns). */
export const TIME_KEYS: readonly string[] = NOTE_KEYS.filter(([, k]) => k === 'time')
  .map(([key]) => key)
  .sort((a, b) => b.length - a.length);

/** The unit keys alone, longest first. */
export const UNIT_KEYS: readonly string[] = NOTE_KEYS.filter(([, k]) => k !== 'time')
  .map(([key]) => key)
  .sort((a, b) => b.length - a.length);

/** The key a drafter writes for each role when the checker writes one (fixes, generated tables). */
export const KEY_OF_ROLE: Record<UnitRole, string> = { lead: '牵头单位', support: '配合单位', responsible: '责任单位' };

// ---------------------------------------------------------------------------------------------
// Role words: `区甲局牵头,区乙局配合`, `(甲部负责)`.

/** Verbs that close a clause of names and give their role. */
export const ROLE_VERBS: readonly (readonly [string, UnitRole])[] = [
  ['牵头', 'lead'],
  ['负责', 'responsible'],
  ['主责', 'responsible'],
  ['落实', 'responsible'],
  ['指导', 'responsible'],
  ['配合', 'support'],
  ['参与', 'support'],
  ['协助', 'support'],
  ['协办', 'support'],
];

/** Adverbs before a role verb: `分别负责`, `按职责分工负责`. */
export const ROLE_ADVERBS: readonly string[] = ['按职责分工', '按职责', '分别', '共同'];

/** Complements after a role verb: `牵头落实`, `负责推进`. */
export const ROLE_COMPLEMENTS: readonly string[] = ['落实', '实施', '推进', '办理', '公开'];

/** How the checker names each role in messages and generated text. */
export const ROLE_WORD: Record<UnitRole, string> = { lead: '牵头', support: '配合', responsible: '负责' };

/**
 * Remarks that follow the names in a unit note and are not names:
 * `排在第一位的部门为牵头部门，下同`, `列第一位者为牵头单位`, `下同`.
 */
export const UNIT_REMARK = /(?:排在?第一位|列第一位|排名第一|第一个为|首位为|下同)/;

/**
 * A blanket note: one sentence that gives the units of the tasks after it
 * (`以下各项任务均由甲部牵头，不再一一列出`, `本部分工作均由乙局负责`). Group 1: the names; group 2:
 * the role word. Only notes that point at what follows (以下, 下列, 本部分…) are blanket notes.
 */
export const BLANKET_NOTE =
  /(?:以下|下列|下述|本(?:部分|章|节|项|条))(?:各项|所列|所有|全部|的)?(?:重点|主要)?(?:任务|工作|事项|措施)?(?:均|都|全部|统一|一律)?由([^,，。;；:：()（）]{2,80}?)(牵头|负责|承担|落实)/;

// ---------------------------------------------------------------------------------------------
// Table headers: a column is known by its header name (spaces inside a name are ignored).

export const HEADER_NAMES: Readonly<Record<Exclude<ColumnRole, 'other'>, readonly string[]>> = {
  serial: ['序号', '编号'],
  task: [
    '任务分解', '工作任务', '任务内容', '具体任务', '重点任务', '工作内容', '二级指标', '主要任务', '工作措施', '具体措施',
    '任务事项', '任务', '三级指标', '主要工作任务', '具体工作措施', '细化分工', '改革举措', '主要内容', '重点工作任务',
    '工作事项', '任务名称', '主要举措', '具体举措', '工作举措', '重点举措', '推进措施', '实施举措', '工作重点', '重点工作',
    '目标任务', '任务要求', '具体内容', '主要工作', '重点事项', '改革任务', '改革事项', '主要工作内容', '具体工作任务',
  ],
  category: ['一级指标', '类别', '重点领域', '工作类别', '任务类别', '类型', '领域', '板块'],
  units: [
    '责任单位', '责任部门', '责任处室', '牵头单位', '配合单位', '牵头部门', '配合部门', '责任主体', '主责单位', '协办单位',
    '参与单位', '主要责任单位', '责任科室', '指导部门', '牵头处室', '协同单位', '协同部门', '配合处室', '配合科室',
    '牵头科室', '责任股室', '承办单位', '实施单位', '主办单位',
  ],
  time: [
    '时间节点', '完成时限', '完成时间', '时限', '时间', '进度安排', '完成期限', '时限要求', '时间安排', '推进时限',
    '完成时点', '时间要求', '进度要求', '计划完成时间', '完成节点', '办结时限',
  ],
};

/** Header names of columns the checker reads past. */
export const OTHER_HEADER_NAMES: readonly string[] = [
  '备注', '说明', '工作要求', '具体要求', '完成标准', '评价标准', '分值', '任务来源', '推广范围', '工作目标', '预期成效',
  '完成情况', '进展情况', '工作进展', '落实情况', '推进情况', '考核指标', '责任领导', '分管领导', '牵头领导', '责任人',
  '具体责任人', '联系人', '目标要求', '工作标准', '成果形式', '预期目标', '政策依据', '文件依据',
];

/** The role a unit column gives its names: 牵头 lead, 配合/协办/参与 support, else responsible. */
export function unitColumnRole(name: string): UnitRole {
  if (name.includes('牵头')) return 'lead';
  return name.includes('配合') || name.includes('协办') || name.includes('参与') || name.includes('协同') ? 'support' : 'responsible';
}

// ---------------------------------------------------------------------------------------------
// Documents and their parts.

/** Kinds of document a title ends with. */
export const DOCUMENT_KINDS: readonly string[] = [
  '工作要点', '实施方案', '实施意见', '工作计划', '行动方案', '任务清单', '任务分解表', '要点', '工作方案', '任务分工方案',
  '重点任务台账', '任务台账', '台账', '主要任务分解表', '分工表', '若干意见',
];

/**
 * Kinds of document that are not plans, named on a line of their own above the outline (a title
 * or a cover line): a standard's drafting notes, a standard, a project application, a report.
 * Their outlines and lists follow other conventions; the plan rules do not read them.
 */
export const OTHER_DOCUMENT_KINDS: readonly string[] = [
  '编制说明', '起草说明', '修订说明', '国家标准', '行业标准', '地方标准', '团体标准', '企业标准',
  '申请书', '可行性研究报告', '研究报告', '调研报告', '工作报告', '工作总结',
];

/** Titles of a standalone task table (the table is the plan). */
export const TABLE_DOCUMENT_KINDS: readonly string[] = ['任务分解表', '台账', '任务清单', '分工表', '分工方案'];

/**
 * Chapters and sections that hold no tasks unless they carry unit notes: goals, principles,
 * requirements, steps, safeguards. Joined forms (`指导思想和工作目标`) are recognised too.
 */
export const NON_TASK_SECTIONS: readonly string[] = [
  '总体要求', '指导思想', '工作目标', '基本原则', '主要目标', '发展目标', '总体目标', '目标任务', '实施步骤', '工作步骤',
  '保障措施', '组织保障', '工作要求', '有关要求', '工作原则', '实施范围', '适用范围',
];

/**
 * Closing chapters (a top-level item only) that hold no tasks unless they carry unit notes: the
 * names above or these, maybe after a verb (`四、加强组织保障`, `五、抓好工作落实`). Below a chapter
 * (`（一）加强组织领导。各单位要…`) such a title can head a task, so it is not read there; nor in a
 * plan with a task table, whose rows say which tasks there are.
 */
export const CLOSING_CHAPTERS: readonly string[] = [
  '组织领导', '工作落实', '督促检查', '监督检查', '工作保障', '组织实施', '督查考核', '考核评估',
];
export const CLOSING_CHAPTER_VERBS: readonly string[] = ['加强', '强化', '做好', '抓好', '狠抓', '切实', '完善', '健全', '注重'];

/** Labels of a web page's metadata block (`发文日期:2021年03月16日`): page furniture, not text. */
export const METADATA_LABELS: readonly string[] = [
  '索引号', '发布机构', '主题分类', '分类', '名称', '发文日期', '成文日期', '发布日期', '文号', '发文机关', '主题词', '有效性',
];

/** The metadata labels whose date is the document's issue date. */
export const ISSUE_DATE_LABELS: readonly string[] = ['发文日期', '成文日期'];
