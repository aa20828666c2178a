// A task's units and time node, decided in one place (analysis/tasks.ts) with one precedence:
// its own note and its annex rows merged by name (strongest role), a blanket note only when
// neither names a unit; its own time key, else its row's. Each says where it was read.
import { strict as assert } from 'assert';
import { documentFacts, tasksOf } from '../../server/src/engine/facts';
import { annexHead, head, pipeRow, STANDALONE_TABLE } from '../helpers/documents';

function facts(text: string): string[] {
  return tasksOf(documentFacts(text)).map((t) => `${t.text} | ${t.units.map((u) => `${u.name}/${u.role}/${u.source}`).join('、')} | ${t.time ?? '-'}/${t.timeSource ?? '-'}`);
}

describe('task facts: one precedence, with sources', () => {
  it('merges the note and the rows by name, the strongest role kept, and reads the note’s time key first', () => {
    const text =
      head('重点任务') +
      '（一）做好甲工作。（区甲局负责；完成时限：6月底前）\n' +
      '（二）做好乙工作。（区乙局配合）\n' +
      '（三）做好丙工作。\n' +
      annexHead() +
      pipeRow('1', '做好甲工作。', '区甲局牵头，区丙局配合', '全年') +
      pipeRow('2', '做好乙工作。', '区乙局牵头', '三季度') +
      pipeRow('3', '做好丙工作。', '区丁局', '');
    assert.deepEqual(facts(text), [
      '做好甲工作。 | 区甲局/lead/inline、区丙局/support/row | 6月底前/inline',
      '做好乙工作。 | 区乙局/lead/inline | 三季度/row',
      '做好丙工作。 | 区丁局/responsible/row | -/-',
    ]);
  });

  it('takes a blanket note’s units only for a task that names none', () => {
    const text = head('重点任务（以下各项任务均由区政务公开办牵头）') + '（一）做好甲工作。（区甲局负责）\n（二）做好乙工作。\n';
    assert.deepEqual(facts(text), ['做好甲工作。 | 区甲局/responsible/inline | -/-', '做好乙工作。 | 区政务公开办/lead/blanket | -/-']);
  });

  it('reads a standalone table’s rows from their cells', () => {
    const [first] = tasksOf(documentFacts(STANDALONE_TABLE));
    assert.ok(first.units.length > 0 && first.units.every((u) => u.source === 'row'));
    assert.equal(first.timeSource, first.time === null ? null : 'row');
  });
});
