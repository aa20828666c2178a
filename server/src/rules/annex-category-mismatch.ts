// PLACEHOLDER: being written; replaced before the checker issue is closed.
import type { Rule } from './types';

const rule: Rule = {
  meta: { id: 'annex-category-mismatch', defaultSeverity: 'error', description: '', descriptionEn: '', fixable: 'none', category: 'annex' },
  check() {},
};

export default rule;
