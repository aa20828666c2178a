// The families of real documents described in docs/format.md ("Documents in the wild"), each
// on a small document of its own: what the parser reads, and that the rules stay silent where
// the document is right.
import { strict as assert } from 'assert';
import { parseDocument } from '../../server/src/document/parse';
import { lintText } from '../../server/src/engine/lint';
import { defaultConfig, mergeConfig } from '../../server/src/config/config';
import { STANDALONE_TABLE } from '../helpers/documents';
import { documentFacts } from '../../server/src/engine/facts';

const lines = (...ls: string[]): string => ls.join('\n') + '\n';
const findings = (text: string): string[] =>
  lintText(text).diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => `${lintText(text).doc.lineIndex.lineAt(d.start) + 1}:${d.ruleId}`);

describe('documents in the wild', () => {
  describe('responsibility written outside parentheses', () => {
    it('reads a labelled line after an item as the units of all its sentences, with roles', () => {
      const { doc, analysis } = documentFacts(
        lines(
          '2016年全区海洋经济工作要点',
          '一、实施项目带动',
          '（一）以海洋战略性新兴产业为重点，扶持壮大利亚船舶、海上风电等一批海洋龙头企业，提升产业集聚水平。培育海洋新兴产业集群。',
          '责任单位：经济发展局、财政金融局牵头，交通与建设局、旅游发展局配合',
          '（二）打造特色海洋产业园区。',
          '牵头单位：经济发展局',
          '配合单位：农村发展局',
          '完成时限：6月底前',
        ),
      );
      assert.equal(analysis.tasks.length, 3);
      const [a, b, c] = analysis.tasks;
      assert.equal(a.unitParen, b.unitParen);
      assert.deepEqual(
        a.unitParen!.units.map((u) => `${u.name}/${u.role}`),
        ['经济发展局/lead', '财政金融局/lead', '交通与建设局/support', '旅游发展局/support'],
      );
      assert.deepEqual(c.unitParen!.units.map((u) => `${u.name}/${u.role}`), ['经济发展局/lead', '农村发展局/support']);
      assert.equal(c.inlineTime?.text, '6月底前');
      assert.deepEqual(findings(doc.text), []);
    });

    it('ends a heading’s body at its labelled lines: the closing remark after them is no task', () => {
      const text = lines(
        '2026年某区政务公开工作要点',
        '一、重点任务',
        '（一）加强政策解读',
        '做好政策文件与解读材料同步起草、同步审签、同步发布。',
        '责任单位：区政府办公室牵头，区司法局配合',
        '各单位要高度重视，认真抓好落实。',
      );
      const { doc, analysis } = documentFacts(text);
      assert.deepEqual(analysis.tasks.map((t) => t.content), ['做好政策文件与解读材料同步起草、同步审签、同步发布。']);
      assert.deepEqual(doc.paragraphs.map((p) => [p.kind, p.text]), [['free', '各单位要高度重视，认真抓好落实。']]);
    });

    it('reads a unit note with a remark, and 指导 as a role', () => {
      const { doc, analysis } = documentFacts(
        lines(
          '关于促进某区高质量发展的实施意见',
          '一、主要任务',
          '1.拓展两个市场。推广增值税一般纳税人资格试点。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）',
          '2.优化信用管理。直接赋予最高信用等级。（市场监管总局负责。列第一位者为牵头单位，下同）',
          '3.做好行业指导。（省发展改革委指导，各市负责）',
        ),
      );
      assert.deepEqual(analysis.tasks.map((t) => t.unitParen?.units.map((u) => u.name).join('、')), [
        '税务总局、财政部、海关总署',
        '市场监管总局',
        '省发展改革委、各市',
      ]);
      assert.deepEqual(findings(doc.text), []);
    });

    it('reads a blanket note as the units of the tasks after it, in its item or the whole document', () => {
      const text = lines(
        '2024年某区政务公开工作要点',
        '一、深化重点领域信息公开（以下各项任务均由区政务公开办牵头，不再一一列出）',
        '（一）做好财政预决算公开工作。（区财政局负责）',
        '（二）做好重大建设项目信息公开。',
        '二、加强政策解读',
        '本部分工作均由区司法局负责。做好政策解读。',
        '（三）做好解读回应。',
        '三、强化平台建设',
        '（四）办好政府网站。',
      );
      const { doc, analysis } = documentFacts(text);
      assert.deepEqual(analysis.meaning.blanketNotes.map((n) => n.units.map((u) => `${u.name}/${u.role}`).join('、')), ['区政务公开办/lead', '区司法局/responsible']);
      // The note itself is no task; each covers the tasks after it inside its chapter.
      assert.deepEqual(
        analysis.tasks.map((t) => `${t.content}:${t.unitParen?.units[0].name ?? analysis.blanketNoteOf(t)?.units[0].name ?? '-'}`),
        ['做好财政预决算公开工作。:区财政局', '做好重大建设项目信息公开。:区政务公开办', '做好政策解读。:区司法局', '做好解读回应。:区司法局', '办好政府网站。:-'],
      );
      const always = lintText(text, mergeConfig(defaultConfig(), { requireUnit: 'always' }));
      assert.deepEqual(
        always.diagnostics.filter((d) => d.ruleId === 'unit-missing').map((d) => doc.lineIndex.lineAt(d.start) + 1),
        [9],
      );
    });

    it('reports a document that assigns no units once, as information, and each task with requireUnit always', () => {
      const text = lines('2015年某办依法行政工作要点', '一、树立法治理念', '1.加强学法用法。', '2.推行考法制度。', '3.完善法律顾问制度。');
      const ds = lintText(text).diagnostics;
      assert.deepEqual(ds.map((d) => `${d.severity} ${d.ruleId}`), ['info unit-missing']);
      assert.equal(lintText(text, mergeConfig(defaultConfig(), { requireUnit: 'always' })).diagnostics.filter((d) => d.ruleId === 'unit-missing').length, 3);
    });
  });

  describe('which paragraphs are tasks', () => {
    it('holds no tasks in goals, principles and requirements, nor in a heading above numbered sub-items', () => {
      const { analysis } = documentFacts(
        lines(
          '关于某区综合保税区高质量发展的实施意见',
          '一、发展目标',
          '培育综合竞争新优势。',
          '二、主要任务',
          '（一）统筹两个市场，打造加工制造中心。',
          '1.拓展两个市场。推广增值税一般纳税人资格试点。（区税务局负责）',
          '三、有关要求',
          '各部门要切实加强组织领导。',
        ),
      );
      assert.deepEqual(analysis.tasks.map((t) => t.content), ['推广增值税一般纳税人资格试点。']);
    });

    it('holds no tasks in a closing chapter titled with a verb (加强组织保障, 抓好工作落实), unless it carries unit notes', () => {
      const text = lines(
        '2024年某市政务公开工作要点',
        '一、加强政策发布',
        '（一）及时发布稳经济政策措施。（责任单位：市发展改革委）',
        '（二）加强组织领导。各单位要明确分管负责同志。（责任单位：市政府办公室）',
        '二、加强组织保障',
        '（三）强化责任落实。各区、各部门要抓好本要点落实。',
        '三、抓好工作落实',
        '（四）开展督查评估。（责任单位：市政府督查室）',
      );
      const { doc, analysis } = documentFacts(text);
      assert.deepEqual(doc.items.filter((i) => i.parent === null).map((i) => analysis.meaning.holdsTasks(i)), [true, false, true]);
      assert.deepEqual(analysis.tasks.map((t) => t.content), ['及时发布稳经济政策措施。', '各单位要明确分管负责同志。', '开展督查评估。']);
      assert.deepEqual(findings(text), []);
    });

    it('keeps a goals chapter that carries unit notes a task chapter', () => {
      const { analysis } = documentFacts(lines('2026年某区工作要点', '一、保障措施', '（一）加强培训。组织开展业务培训。（区政府办公室负责）'));
      assert.deepEqual(analysis.tasks.map((t) => t.content), ['组织开展业务培训。']);
    });
  });

  describe('text copied from a PDF line by line', () => {
    // Broken at 48 columns (24 characters): the body's long lines all end within two columns of it.
    const wrapped = lines(
      '2026年某区政务公开工作要点',
      '一、重点任务',
      '（一）做好财政预决算信息公开工作，公开部门预算。',
      '扩大公开范围，细化公开内容，及时回应社会关切。',
      '（责任单位：区财政局）',
      '（二）推进重大建设项目批准和实施领域信息公开工作',
      '。及时发布项目审批、核准、备案信息，公开招标投标',
      '信息和施工进度。（责任单位：区发展改革委、区住房',
      '城乡建设委）',
      '（三）加强政策解读。做到“应解读、尽解读”',
      '。同步起草、同步审签、同步发布，提高解读质量。',
      '责任单位：区政府办公室牵头，区司法局、区融媒体中',
      '心配合',
      '各单位要高度重视，认真抓好落实。',
    );

    it('reads lines broken at the margin, after a 。 or before one, as one paragraph', () => {
      const { doc, analysis } = documentFacts(wrapped);
      assert.deepEqual(
        analysis.tasks.map((t) => `${t.content.slice(0, 8)}:${t.unitParen?.units.map((u) => u.name).join('、') ?? '-'}`),
        // (一)'s first sentence ends at the margin and its paragraph goes on; each item's short
        // first sentence is its title; (二)'s 。 on the next line ends its first sentence; (三)'s
        // line ends with a quote and the 。 that follows opens the next line.
        [
          '扩大公开范围，细:区财政局',
          '及时发布项目审批:区发展改革委、区住房城乡建设委',
          '做到“应解读、尽:区政府办公室、区司法局、区融媒体中心',
          '同步起草、同步审:区政府办公室、区司法局、区融媒体中心',
        ],
      );
      // A marker line that reaches the margin is a sentence going on, not a heading.
      assert.deepEqual(doc.items.map((i) => i.headingOnly), [true, false, false, false]);
      // The short last line ends the paragraph: the closing remark is free text.
      assert.equal(doc.paragraphs[doc.paragraphs.length - 1].text, '各单位要高度重视，认真抓好落实。');
      assert.deepEqual(findings(wrapped), []);
    });

    it('never takes a labelled line into the paragraph above it', () => {
      const text = lines('2026年某区政务公开工作要点', '一、重点任务', '（一）做好财政预决算信息公开工作。', '责任单位：区财政局', '。以上工作按季度报送进展。');
      const { analysis } = documentFacts(text);
      assert.deepEqual(analysis.tasks.map((t) => `${t.content}:${t.unitParen?.units[0].name}`), ['做好财政预决算信息公开工作。:区财政局']);
    });

    it('keeps a paragraph after a complete item free text when the lines are not wrapped', () => {
      const text = lines('2026年某区政务公开工作要点', '一、重点任务', '（一）做好财政预决算信息公开工作。（责任单位：区财政局）', '各单位要高度重视，认真抓好落实。');
      const { doc, analysis } = documentFacts(text);
      assert.equal(analysis.tasks.length, 1);
      assert.equal(doc.paragraphs[doc.paragraphs.length - 1].kind, 'free');
    });
  });

  describe('page furniture and glued text', () => {
    it('skips a web metadata block, numbered or not, and reads the issue date from it', () => {
      const doc = parseDocument(lines('索 引 号：006939748', '1. [主题分类] 政务公开', '2. [发布机构] 某委', '发文日期：2021年03月16日', '2021年某委政务公开工作要点', '一、做好信息发布'));
      assert.deepEqual(doc.items.map((i) => i.marker.text), ['一、']);
      assert.deepEqual(doc.issueDate, { year: 2021, month: 3, day: 16 });
    });

    it('does not read an attachment list as outline, and reads a marker glued to a date', () => {
      const { doc, analysis } = documentFacts(
        lines(
          '2017年某区工作要点',
          '一、加快信息化建设',
          '1.2017年10月底前实现网上办事全覆盖。（区政务服务办负责）',
          '2.推进数据共享。（区大数据中心负责）',
          '附件：1.重点任务清单',
          '　　　2.培训计划',
        ),
      );
      assert.deepEqual(doc.items.map((i) => i.marker.text), ['一、', '1.', '2.']);
      assert.equal(analysis.tasks[0].content, '2017年10月底前实现网上办事全覆盖。');
      assert.deepEqual(findings(doc.text), []);
    });

    it('reads a title broken over two lines as one title', () => {
      const doc = parseDocument(lines('国务院关于促进综合保税区', '高水平开放高质量发展的若干意见', '国发〔2019〕3号', '一、指导思想'));
      assert.equal(doc.title?.text.replace(/\s+/g, ''), '国务院关于促进综合保税区高水平开放高质量发展的若干意见');
    });

    it('numbers four-digit items of long tables', () => {
      const doc = parseDocument(lines('2026年某区工作要点', '一、重点工作', '999.做好甲工作。（区甲局负责）', '1000.做好乙工作。（区乙局负责）'));
      assert.deepEqual(doc.items.map((i) => i.marker.number), [1, 999, 1000]);
    });
  });

  describe('tables as they really arrive', () => {
    it('reads pipes without outer bars, bar-only lines, section rows and rows with merged cells', () => {
      const { doc, analysis } = documentFacts(
        lines(
          '2021 年政务公开工作重点任务台账 |',
          '序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |',
          '一、常规事项',
          '1 | 做好疫情防控信息发布 | 重点围绕隔离管控发布权威信息 | 应急处、疾控处 | 长期推进 |',
          '|',
          '2 | 扎实做好疫苗接种信息公开 | 疾控处 | 长期推进 |',
          '|',
          '二、专项事项',
          '3 | 积极推进预算公开 | 财务处 | 2021年8月公布上年度决算信息 |',
        ),
      );
      assert.equal(analysis.kind, 'table');
      const annex = doc.annex!;
      assert.equal(annex.layout, 'pipes');
      assert.deepEqual(annex.sections.map((s) => s.text), ['一、常规事项', '二、专项事项']);
      assert.deepEqual(annex.rows.map((r) => [r.serial, r.unitList.map((u) => u.name).join('、'), r.time?.text]), [
        [1, '应急处、疾控处', '长期推进'],
        [2, '疾控处', '长期推进'],
        [3, '财务处', '2021年8月公布上年度决算信息'],
      ]);
      assert.equal(doc.items.length, 0);
      assert.deepEqual(findings(doc.text), []);
    });

    it('reads a table copied without bars: header cells broken over lines, multi-line unit cells, merged cells, lists inside cells', () => {
      const { doc, analysis } = documentFacts(
        lines(
          '2016年某区生态环境保护工作要点',
          '一、推进生态文明建设。建立领导机制，成立领导小组。组织编制建设规划。',
          '附件',
          '序号',
          '主要工作任务',
          '具体工作措施',
          '完成',
          '时限',
          '主要责任单位',
          '任务来源',
          '1',
          '推进生态文明建设',
          '1、建立生态文明建设领导机制，成立领导小组',
          '3月',
          '区经发局',
          '区环土局',
          '1、某区2016年工作要点',
          '2、全省生态环境保护工作会议',
          '2、组织编制我区生态文明建设规划',
          '12月',
          '区环土局',
          '2',
          '加大环保投资',
          '3、完成环保基础设施建设项目投资',
          '全年',
          '区财经局',
          '4、完成造林绿化项目投资',
          '全年',
          '区财金局',
        ),
      );
      const annex = doc.annex!;
      assert.equal(annex.layout, 'lines');
      assert.deepEqual(annex.header.map((c) => `${c.name}/${c.role}`), ['序号/serial', '主要工作任务/task', '具体工作措施/task', '完成时限/time', '主要责任单位/units', '任务来源/other']);
      assert.deepEqual(
        annex.rows.map((r) => [r.serial, r.serialCell?.present, r.task?.text.slice(0, 2), r.time?.text, r.unitList.map((u) => u.name).join('、')]),
        [
          [1, true, '1、', '3月', '区经发局、区环土局'],
          [1, false, '2、', '12月', '区环土局'],
          [2, true, '3、', '全年', '区财经局'],
          [2, false, '4、', '全年', '区财金局'],
        ],
      );
      // Lists inside cells are not outline; the table is not compared with the body; 区财金局 sounds like 区财经局.
      assert.deepEqual(doc.items.map((i) => i.marker.text), ['一、']);
      assert.equal(analysis.alignment, null);
      assert.deepEqual(findings(doc.text), ['29:unit-inconsistent-name']);
    });

    it('reads a standalone table copied without bars and without 附件: its sections and numbered task cells are its outline', () => {
      const text = STANDALONE_TABLE;
      const { doc, analysis } = documentFacts(text);
      assert.equal(analysis.kind, 'table');
      const annex = doc.annex!;
      assert.equal(annex.layout, 'lines');
      assert.equal(annex.title?.text, '2018年政务公开工作主要任务分解表');
      assert.deepEqual(annex.header.map((c) => `${c.name}/${c.role}`), ['工作任务/task', '牵头单位/units', '责任单位/units', '工作要求/other']);
      // The header repeated after a page break is no row; one unit cell of two cannot say which column it is.
      assert.deepEqual(
        annex.rows.map((r) => [r.line + 1, r.task?.text, r.unitList.map((u) => `${u.name}/${u.role}`).join('、')]),
        [
          [14, '1.政府工作要做到公开透明', '区直有关单位/responsible、各乡镇人民政府/responsible'],
          [17, '2.做好权责清单调整和公开工作', '区行政审批局/lead、区直有关单位/responsible、各乡镇人民政府/responsible'],
          [26, '3.深入推进预决算公开', '区财政局/lead、区直有关单位/responsible'],
          [32, '5.全面推广“互联网+政务服务”', '区行政审批局/lead、区直有关单位/responsible、各乡镇人民政府/responsible'],
        ],
      );
      assert.deepEqual(doc.items, []);
      assert.deepEqual(
        annex.items.map((i) => `${i.line + 1}:${i.marker.text}${i.parent ? `<${i.parent.marker.text}` : ''}`),
        ['12:一、', '13:（一）<一、', '14:1.<（一）', '17:2.<（一）', '25:（二）<一、', '26:3.<（二）', '30:二、', '31:（三）<二、', '32:5.<（三）'],
      );
      // The task numbers run on through the table: 3. then 5. skips one.
      assert.deepEqual(findings(text), ['32:outline-sequence']);
    });

    it('reads a pipe row whose serial and task cells are empty as cells merged down from the row above', () => {
      const text = lines(
        '2023年市卫生健康委政务公开工作任务分工方案',
        '| 序号 | 重点任务 | 具体举措 | 牵头单位 | 配合单位 | 完成时限（年月） |',
        '|---|---|---|---|---|---|',
        '| 1 | 强化政策解读 | 落实政策解读“三同步”制度 | 办公室 | 各业务处室 | 全年 |',
        '|  |  | 开展政策解读进基层活动 | 宣传处 |  | 9月底前 |',
        '| 2 | 做好信息发布 | 及时发布疫情防控信息 | 疾控处 | 应急处 | 长期坚持 |',
      );
      const { doc, analysis } = documentFacts(text);
      assert.equal(analysis.kind, 'table');
      assert.deepEqual(
        doc.annex!.rows.map((r) => [r.serial, r.serialCell?.present, r.task?.text, r.unitList.map((u) => `${u.name}/${u.role}`).join('、'), r.time?.text]),
        [
          [1, true, '强化政策解读', '办公室/lead、各业务处室/support', '全年'],
          [1, false, '强化政策解读', '宣传处/lead', '9月底前'],
          [2, true, '做好信息发布', '疾控处/lead、应急处/support', '长期坚持'],
        ],
      );
      assert.deepEqual(findings(text), []);
    });

    it('reads a row with only its own cells, serial and task merged from above, as the same task on another row', () => {
      // A task split over two unit rows, as a Word table merges it; a .docx prints merged cells once.
      const table = (second: string): string =>
        lines(
          '2026年某区政务公开工作要点',
          '一、强化重点领域信息公开',
          '（一）做好财政信息公开。按规定公开部门预决算。（责任单位：区财政局、区审计局）',
          '（二）推进教育信息公开。做好义务教育招生政策信息公开。（责任单位：区教育局）',
          '附件',
          '| 序号 | 任务分解 | 责任单位 | 时间节点 |',
          '| 1 | 按规定公开部门预决算。 | 区财政局 | 6月底前 |',
          second,
          '| 2 | 做好义务教育招生政策信息公开。 | 区教育局 | 全年 |',
        );
      const text = table('| 区审计局 | 12月底前 |');
      const { doc } = documentFacts(text);
      assert.deepEqual(
        doc.annex!.rows.map((r) => [r.serial, r.serialCell?.present, r.task?.text, r.task?.present, r.unitList.map((u) => u.name).join('、'), r.time?.text]),
        [
          [1, true, '按规定公开部门预决算。', true, '区财政局', '6月底前'],
          [1, false, '按规定公开部门预决算。', false, '区审计局', '12月底前'],
          [2, true, '做好义务教育招生政策信息公开。', true, '区教育局', '全年'],
        ],
      );
      // Its rows' units together are the task's: no missing serial, no empty task, no unit mismatch.
      assert.deepEqual(findings(text), []);
      // The rows together still name too few units: one finding, at the task's first row.
      assert.deepEqual(findings(table('| 区统计局 | 12月底前 |')), ['7:annex-unit-mismatch']);
      assert.match(lintText(table('| 区统计局 | 12月底前 |')).diagnostics[0].message, /正文有而表中没有“区审计局”/);
    });

    it('does not take header names on lines of their own for a table without a units column', () => {
      const { doc, analysis } = documentFacts(lines('2024年某局工作要点', '一、加强学习', '工作任务', '工作要求', '具体要求', '1.认真学习有关文件精神，提高认识。'));
      assert.equal(doc.annex, null);
      assert.equal(analysis.kind, 'plan');
    });
  });

  describe('documents that are not plans', () => {
    const report = (text: string): string[] =>
      lintText(text).diagnostics.map((d) => `${lintText(text).doc.lineIndex.lineAt(d.start) + 1}:${d.ruleId}:${d.severity}`);
    // Lists a plan would number 一、(一)1.(1), written as these documents write them.
    const body = ['一、任务来源', '本标准来源于2021年下达的标准制修订计划。', '二、编制过程', '1、征求意见稿', '2021年9月完成征求意见稿。', '1）补充缺失内容；', '3）增加新方法。'];

    it('says once that a standard\'s drafting notes, a standard or a project application is not a plan, and runs no plan rule', () => {
      for (const [cover, kind] of [
        [['NB/T XXXX-20YY', '核电厂定期安全评价 第1部分：通用要求', '编制说明', '（征求意见稿）'], '编制说明'],
        [['中华人民共和国能源行业标准', 'NB/T XXXXX—XXXX'], '行业标准'],
        [['项目立项申请书', '项目名称：某系统（一期）'], '申请书'],
      ] as const) {
        const text = lines(...cover, ...body);
        const line = cover.findIndex((l) => l.includes(kind)) + 1;
        assert.deepEqual(report(text), [`${line}:document-unrecognised:info`], kind);
        assert.match(lintText(text).diagnostics[0].message, new RegExp(`^这是一份“${kind}”`));
      }
    });

    it('checks the same lists as a plan when the title names a plan, or when nothing names the document at all', () => {
      // The control: without the cover line, the plan rules read the lists (and find them wanting).
      const rules = (text: string): string[] => findings(text).map((f) => f.split(':')[1]);
      assert.deepEqual(rules(lines(...body)), rules(lines('2024年某区政务公开工作要点', ...body)));
      assert.ok(findings(lines(...body)).some((f) => f.endsWith(':outline-sequence') || f.endsWith(':outline-hierarchy')), findings(lines(...body)).join(' '));
      // A plan's title wins over a line that names another kind (a plan may quote a report).
      assert.ok(findings(lines('2024年某区政务公开工作要点', '工作总结', ...body)).length > 0);
      // A line in the body naming a kind is text, not the document's kind.
      assert.ok(findings(lines(...body, '研究报告')).length > 0);
    });
  });
});

