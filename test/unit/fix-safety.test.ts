// fixText never leaves a document with more errors than it had: it checks the result (the last
// pass's check) and undoes the fixes when they made things worse. Shown with a rule whose auto
// fix is wrong on purpose, added to the catalogue for this test only.
import { strict as assert } from 'assert';
import { fixText, lintText } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';
import { BAD } from '../helpers/cli';

/** Reports each `X` as an error and "fixes" it into `XX`: every fix adds an error. */
const worsening: Rule = {
  meta: { id: 'test-worsening', title: '测试', titleEn: 'test', defaultSeverity: 'error', description: '测试', descriptionEn: 'test', fixable: 'auto', category: 'style' },
  check({ doc, report }) {
    for (let i = doc.text.indexOf('X'); i >= 0; i = doc.text.indexOf('X', i + 1)) {
      report({ start: i, end: i + 1, message: 'X', fixes: [{ title: 'XX', edits: [{ start: i, end: i + 1, newText: 'XX' }], auto: true }] });
    }
  },
};

describe('fixText safety', () => {
  const rules = RULES as Rule[];
  afterEach(() => {
    const i = rules.indexOf(worsening);
    if (i >= 0) rules.splice(i, 1);
  });

  it('undoes fixes that leave more errors than before, and says so', () => {
    rules.push(worsening);
    const text = BAD + '备注X\n';
    const before = lintText(text).diagnostics.filter((d) => d.severity === 'error').length;
    const r = fixText(text);
    assert.equal(r.output, text);
    assert.equal(r.fixed, 0);
    assert.ok(r.reverted, 'reverted is set');
    assert.equal(r.reverted.errorsBefore, before);
    assert.ok(r.reverted.errorsAfter > before);
  });

  it('keeps fixes that leave fewer errors, and counts them by rule', () => {
    const r = fixText(BAD);
    assert.equal(r.reverted, undefined);
    assert.deepEqual(r.fixedByRule, { 'outline-sequence': 1, 'outline-marker-format': 1 });
    assert.equal(r.fixed, 2);
    assert.equal(r.errorsBefore, 1);
    assert.equal(r.errorsAfter, 0);
  });
});
