// Shared document builders for tests: the pieces of a small 工作要点 (title, chapter, items, the
// annex table in each layout) that tests assemble instead of copying skeletons. Each piece is
// exact text: tests compute offsets from it.

/** The title of every small test document (plan year 2026). */
export const TITLE = '2026年某区政务公开工作要点';
/** An introduction sentence (free text before the first marker). */
export const INTRO = '为进一步深化本区政务公开工作，制定本工作要点。';

/** The title line, an optional introduction, and the first chapter heading `一、<chapter>`. */
export function head(chapter = '强化重点领域信息公开', intro?: string): string {
  return `${TITLE}\n${intro !== undefined ? `${intro}\n` : ''}一、${chapter}\n`;
}

/** The three sample items under `一、围绕稳增长强化信息公开`, half-width, each with its unit note. */
export const SAMPLE_ITEMS = [
  '(一)做好财政信息公开。按季度公开财政收支情况。及时公开政府债务限额、余额等信息。(区财政局负责落实)\n',
  '(二)推进重大项目信息公开。及时发布重点建设项目目录和年度投资计划。(区发展改革委负责落实)\n',
  '(三)推进教育信息公开。在4月底前公布公办学校招生区域。(区教育局负责落实)\n',
];

/** The annex rows of the sample items' four task sentences: task, units, time node. */
export const SAMPLE_ROWS: readonly (readonly [string, string, string])[] = [
  ['按季度公开财政收支情况。', '区财政局', '每季度'],
  ['及时公开政府债务限额、余额等信息。', '区财政局', '全年'],
  ['及时发布重点建设项目目录和年度投资计划。', '区发展改革委', '上半年'],
  ['在4月底前公布公办学校招生区域。', '区教育局', '4月底前'],
];

/** A body of the first `items` sample items. */
export function sampleBody(items = SAMPLE_ITEMS.length): string {
  return head('围绕稳增长强化信息公开') + SAMPLE_ITEMS.slice(0, items).join('');
}

/** The pipe table header (layout B) with its Markdown separator line. */
export const PIPES_HEADER = '| 序号 | 任务分解 | 责任单位 | 时间节点 |\n|---|---|---|---|\n';

/** `附件`, an optional table title line (`<TITLE>任务分解表`), and the pipe table header. */
export function annexHead(withTitle = false): string {
  return `附件\n${withTitle ? `${TITLE}任务分解表\n` : ''}${PIPES_HEADER}`;
}

/** One pipe table row: `| a | b | c |`. */
export function pipeRow(...cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

/**
 * A standalone task table behind a cover notice, copied from a browser: one cell per line, no
 * bars, no 附件; two unit columns (one left empty in some rows), section rows, the header repeated
 * after a page break, and task numbers that skip 4 (line 32).
 */
export const STANDALONE_TABLE = [
  '某区管委会办公室关于印发2018年政务公开工作',
  '主要任务分解表的通知',
  '各有关单位：',
  '    现将《2018年政务公开工作主要任务分解表》印发给你们，请认真组织实施。',
  '某区管委会办公室',
  '2018年6月25日',
  '2018年政务公开工作主要任务分解表',
  '工作任务',
  '牵头单位',
  '责任单位',
  '工 作 要 求',
  '一、着力加强公开解读回应工作',
  '（一）围绕建设法治政府全面推进政务公开',
  '1.政府工作要做到公开透明',
  '区直有关单位，各乡镇人民政府',
  '坚持以公开为常态、不公开为例外，以公开促进依法行政和政策落地见效。',
  '2.做好权责清单调整和公开工作',
  '区行政审批局',
  '区直有关单位，各乡镇人民政府',
  '全面完成权责清单融合工作，推进行政机关权责清单网上公开。',
  '工作任务',
  '牵头单位',
  '责任单位',
  '工 作 要 求',
  '（二）围绕重点领域加大主动公开力度',
  '3.深入推进预决算公开',
  '区财政局',
  '区直有关单位',
  '全面公开财政预决算信息，完善预决算公开操作规程。',
  '二、着力提升政务服务工作实效',
  '（三）推进网上办事服务公开',
  '5.全面推广“互联网+政务服务”',
  '区行政审批局',
  '区直有关单位，各乡镇人民政府',
  '加快建设全区一体化网上政务服务平台。',
].join('\n') + '\n';
