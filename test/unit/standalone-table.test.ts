// A standalone task table is first-class: its rows are the tasks that `yaodian tasks`, hover, the
// tasks-by-unit view and the outline view show, with units and time from their cells.
import { strict as assert } from 'assert';
import { lintText } from '../../server/src/engine/lint';
import { taskRows, tasksByUnit, tasksText } from '../../server/src/report/tasks';
import { hover } from '../../server/src/lsp/navigation';
import { documentSymbols } from '../../server/src/lsp/outline';
import { STANDALONE_TABLE } from '../helpers/documents';
import { generateAnnexTable } from '../../server/src/fixes/generateAnnex';
import { commandHandlers } from '../../server/src/lsp/commands';
import { ServerCommand } from '../../server/src/protocol';
import { defaultConfig } from '../../server/src/config/config';

describe('a standalone task table', () => {
  const result = lintText(STANDALONE_TABLE);
  const { doc, analysis } = result;

  it('lists its rows as the tasks, without the numbers opening their cells', () => {
    assert.deepEqual(
      taskRows(doc, analysis).map((t) => `${t.serial} ${t.line} ${t.text} [${t.units.map((u) => `${u.name}${u.roleName}`).join('、')}]`),
      [
        '1 14 政府工作要做到公开透明 [区直有关单位负责、各乡镇人民政府负责]',
        '2 17 做好权责清单调整和公开工作 [区行政审批局牵头、区直有关单位负责、各乡镇人民政府负责]',
        '3 26 深入推进预决算公开 [区财政局牵头、区直有关单位负责]',
        '4 32 全面推广“互联网+政务服务” [区行政审批局牵头、区直有关单位负责、各乡镇人民政府负责]',
      ],
    );
    assert.match(tasksText(doc, analysis), /^2018年政务公开工作主要任务分解表：共 4 项任务\n/);
  });

  it('groups the rows by unit, with each unit cell of a row', () => {
    const byUnit = tasksByUnit(doc, analysis);
    assert.deepEqual(
      byUnit.units.map((u) => `${u.name}:${u.tasks.map((t) => t.serial).join(',')}`),
      ['区直有关单位:1,2,3,4', '各乡镇人民政府:1,2,4', '区行政审批局:2,4', '区财政局:3'],
    );
    assert.deepEqual(byUnit.withoutUnit, []);
  });

  it('hovers a unit in the second unit column with its tasks', () => {
    const at = doc.text.indexOf('区直有关单位', doc.text.indexOf('区行政审批局')) + 2;
    const h = hover(result, at);
    assert.ok(h);
    const value = (h.contents as { value: string }).value;
    assert.match(value, /^\*\*区直有关单位\*\* — 4 项任务/);
    assert.match(value, /- 第 17 行\(负责\):做好权责清单调整和公开工作/);
  });

  it('prints the table as read for `yaodian annex`, and does not rewrite it from a body it has not', () => {
    assert.equal(
      generateAnnexTable(doc, analysis),
      [
        '| 序号 | 任务 | 责任单位 | 时间节点 |',
        '|---|---|---|---|',
        '| 1 | 政府工作要做到公开透明 | 区直有关单位、各乡镇人民政府 |  |',
        '| 2 | 做好权责清单调整和公开工作 | 区行政审批局牵头，区直有关单位、各乡镇人民政府负责 |  |',
        '| 3 | 深入推进预决算公开 | 区财政局牵头，区直有关单位负责 |  |',
        '| 4 | 全面推广“互联网+政务服务” | 区行政审批局牵头，区直有关单位、各乡镇人民政府负责 |  |',
        '',
      ].join('\n'),
    );
    const state = { uri: 'file:///t.txt', version: 1, result, config: defaultConfig() };
    assert.throws(() => commandHandlers[ServerCommand.generateAnnex]('file:///t.txt', state), /单独印发的任务表/);
  });

  it('shows the table’s own outline in the outline view', () => {
    const symbols = documentSymbols(result);
    assert.equal(symbols.length, 1);
    const table = symbols[0];
    assert.equal(table.name, '任务表:2018年政务公开工作主要任务分解表');
    const names = (s: typeof table): string[] => [s.name, ...(s.children ?? []).flatMap(names)];
    assert.deepEqual(names(table).slice(1), [
      '一、着力加强公开解读回应工作',
      '（一）围绕建设法治政府全面推进政务公开',
      '1.政府工作要做到公开透明',
      '2.做好权责清单调整和公开工作',
      '（二）围绕重点领域加大主动公开力度',
      '3.深入推进预决算公开',
      '二、着力提升政务服务工作实效',
      '（三）推进网上办事服务公开',
      '5.全面推广“互联网+政务服务”',
    ]);
  });
});
