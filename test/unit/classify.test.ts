import { strict as assert } from 'assert';
import { dateLineYear, isAnnexStart, isMultiYearTitle, isNoise, isSignatureLine, isTitleLine, titleYear } from '../../server/src/document/classify';
import { parseDocument } from '../../server/src/document/parse';
import { foldWidth } from '../../server/src/document/text';

/** The classifiers take a line folded to half-width and trimmed, as the parser gives them. */
function prep(line: string): string {
  return foldWidth(line).trim();
}

describe('classify', () => {
  describe('isNoise', () => {
    const noise: [string, string][] = [
      ['page marker', '- 1 -'],
      ['page marker, em dashes', '— 2 —'],
      ['page marker, full-width hyphens', '－ 3 －'],
      ['page marker, no spaces', '—12—'],
      ['page marker, indented', '　　- 4 -'],
      ['page number', '第 3 页'],
      ['page number, no spaces', '第3页'],
      ['page of pages', '第3页 共10页'],
      ['page fraction', '3/10'],
      ['web timestamp', '2021/8/16 上午9:31:36 星期一'],
      ['web timestamp, afternoon', '2021/8/16 下午3:05:00'],
      ['web timestamp, dashes', '2021-08-16 09:31'],
      ['source', '稿源:市政府办公厅'],
      ['source, full-width colon', '稿源：市政府办公厅'],
      ['update time', '更新时间:2021-08-16'],
      ['update time, full-width', '更新时间：2021年8月16日'],
      ['footer, host', '主办:上海市人民政府办公厅'],
      ['footer, host and operator', '主办：某区人民政府办公室 承办：某区大数据中心'],
      ['footer, operator', '承办:某区大数据中心'],
      ['footer, ICP', '沪ICP备12345678号'],
      ['footer, copyright', '版权所有 某区人民政府'],
      ['footer, police record', '沪公安备案号 31010102000000'],
      ['footer, site code', '网站标识码:3100000000'],
      ['footer, QR code', '扫描二维码用手机打开当前页'],
      ['footer, QR code with words between', '扫描此二维码在手机上阅读'],
      ['footer, a QR code caption', '手机版二维码'],
      ['print', '打印本页'],
      ['close', '关闭窗口'],
      ['font size', '字号:大 中 小'],
    ];
    for (const [what, line] of noise) {
      it(`is noise: ${what} (${line})`, () => {
        assert.equal(isNoise(prep(line)), true);
      });
    }

    const text = [
      '做好信息公开工作。',
      '一、总体要求',
      '(一)加强政策解读',
      '2023年是全面贯彻落实党的二十大精神的开局之年',
      '各区人民政府,市政府各委、办、局:',
      '12345热线工单按时办结。',
      '某区政务公开工作要点',
      '2023年4月12日',
      '第三部分',
      '- 1 - 做好公开',
      '1 -',
      '区政府办公室负责主办工作。',
      '承办单位要做好答复。',
      '在政务服务大厅张贴二维码,方便群众查询政策。',
      '推广政务服务二维码应用',
    ];
    for (const line of text) {
      it(`is not noise: ${line}`, () => {
        assert.equal(isNoise(prep(line)), false);
      });
    }

    it('is never noise above 80 characters', () => {
      assert.equal(isNoise(`主办:${'甲'.repeat(78)}`), false);
      assert.equal(isNoise(`主办:${'甲'.repeat(77)}`), true);
    });
  });

  describe('dateLineYear', () => {
    it('reads a date line in Arabic digits', () => {
      assert.equal(dateLineYear(prep('2023年4月12日')), 2023);
      assert.equal(dateLineYear(prep('2023 年 4 月 12 日')), 2023);
      assert.equal(dateLineYear(prep('２０２３年４月１２日')), 2023);
      assert.equal(dateLineYear(prep('　　2025年1月3日')), 2025);
    });

    it('reads a date line in Chinese numerals', () => {
      assert.equal(dateLineYear('二〇二三年四月十二日'), 2023);
      assert.equal(dateLineYear('二零二三年十二月三十一日'), 2023);
    });

    it('is null for a line that is not only a date', () => {
      for (const line of ['2023年4月', '4月12日', '2023年4月12日印发', '于2023年4月12日前完成。', '2023年是开局之年', '', '做好公开工作。']) {
        assert.equal(dateLineYear(prep(line)), null, line);
      }
    });
  });

  describe('isTitleLine', () => {
    it('accepts each document kind', () => {
      for (const line of [
        '2025年松江区政务公开工作要点',
        '某区政务公开工作要点',
        '某区2023年政务公开实施方案',
        '某市关于加强政务公开的实施意见',
        '某区2023年工作计划',
        '某区政务公开行动方案',
        '某区政务公开任务清单',
      ]) {
        assert.equal(isTitleLine(prep(line)), true, line);
      }
    });

    it('accepts a trailing note in parentheses of either width', () => {
      assert.equal(isTitleLine(prep('2023年某区政务公开工作要点(征求意见稿)')), true);
      assert.equal(isTitleLine(prep('2023年某区政务公开工作要点（征求意见稿）')), true);
      assert.equal(isTitleLine(prep('2023年某区政务公开工作要点【送审稿】')), true);
    });

    it('rejects a line that only quotes the title in 《》', () => {
      assert.equal(isTitleLine(prep('《2023年某区政务公开工作要点》')), false);
      assert.equal(isTitleLine(prep('现将《2023年某区政务公开工作要点》印发给你们')), false);
      assert.equal(isTitleLine(prep('现将《2023年某区政务公开工作要点》印发给你们,请认真贯彻落实。')), false);
    });

    it('rejects sentence punctuation', () => {
      for (const line of ['某区工作要点。', '某区工作要点:', '2023年,某区工作要点', '某区工作要点；', '甲、乙工作要点', '某区工作要点!']) {
        assert.equal(isTitleLine(prep(line)), false, line);
      }
    });

    it('rejects a line that does not end with a document kind', () => {
      for (const line of ['某区政务公开工作要点的通知', '一、总体要求', '做好政务公开工作', '']) {
        assert.equal(isTitleLine(prep(line)), false, line);
      }
    });

    it('accepts the title of a standalone task table (an annex title is read after the body, never as the title)', () => {
      assert.equal(isTitleLine(prep('2023年某区政务公开工作要点任务分解表')), true);
      assert.equal(isTitleLine(prep('2021年政务公开工作重点任务台账')), true);
    });

    it('accepts up to 60 characters', () => {
      const kind = '工作要点';
      assert.equal(isTitleLine('某'.repeat(60 - kind.length) + kind), true);
      assert.equal(isTitleLine('某'.repeat(61 - kind.length) + kind), false);
    });
  });

  describe('titleYear', () => {
    it('reads the year of a title', () => {
      assert.equal(titleYear('2025年松江区政务公开工作要点'), 2025);
      assert.equal(titleYear('某区2023年政务公开实施方案'), 2023);
      assert.equal(titleYear('某区2023 年政务公开工作要点'), 2023);
    });

    it('is null without a year', () => {
      assert.equal(titleYear('某区政务公开工作要点'), null);
      assert.equal(titleYear('某区12345热线工作要点'), null);
    });

    it('gives a plan over several years no plan year, so no time node is out of it', () => {
      for (const t of ['2023—2025年某区政务公开工作实施方案', '某区数字政府建设行动方案（2023-2025年）', '某区推进数字政府建设三年行动方案', '2023年至2025年某区工作方案']) {
        assert.equal(isMultiYearTitle(t), true, t);
      }
      assert.equal(isMultiYearTitle('2023年某区政务公开工作要点'), false);
      const doc = parseDocument('某区推进数字政府建设三年行动方案（2023—2025年）\n一、主要任务\n（一）建设平台。（责任单位：区大数据中心；完成时限：2024年12月底前）\n');
      assert.equal(doc.title?.text, '某区推进数字政府建设三年行动方案（2023—2025年）');
      assert.equal(doc.planYear, null);
    });
  });

  describe('isAnnexStart', () => {
    it('accepts 附件, 附件1, 附件一 and 附件:<title>', () => {
      for (const line of ['附件', '附件1', '附件 1', '附件一', '附 件', '附件:2023年某区任务分解表', '附件：2023年某区任务分解表', '附件2:任务分解表', '附件 2023年任务分解表', '　附件']) {
        assert.equal(isAnnexStart(prep(line)), true, line);
      }
    });

    it('rejects sentences that start with 附件', () => {
      for (const line of ['附件要求做好', '附件材料按时报送。', '请见附件。', '']) {
        assert.equal(isAnnexStart(prep(line)), false, line);
      }
    });

    it('rejects a line of 80 characters or more', () => {
      assert.equal(isAnnexStart(`附件:${'某'.repeat(76)}`), true);
      assert.equal(isAnnexStart(`附件:${'某'.repeat(77)}`), false);
    });
  });

  describe('isSignatureLine', () => {
    it('accepts an office name on its own', () => {
      for (const line of ['上海市普陀区人民政府办公室', '某区政务公开领导小组', '某区人民政府', '某市大数据中心']) {
        assert.equal(isSignatureLine(prep(line)), true, line);
      }
    });

    it('rejects sentences and long lines', () => {
      for (const line of ['做好信息公开工作。', '区政府办公室负责', '甲局、乙局', '某'.repeat(28) + '办公室']) {
        assert.equal(isSignatureLine(prep(line)), false, line);
      }
    });
  });
});
