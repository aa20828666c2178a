// text-encoding: bytes that did not decode. A decoder turns each invalid byte sequence into
// U+FFFD (the CLI's, and VS Code's when it opens a damaged file), so the damage is reported where
// it is, instead of the file silently turning into another encoding or losing its findings.

import type { Rule } from './types';

const REPLACEMENT = '\ufffd';

const rule: Rule = {
  meta: {
    id: 'text-encoding',
    title: '文本编码损坏',
    titleEn: 'Damaged text encoding',
    defaultSeverity: 'error',
    description: '文本中有无法解码的字节(显示为 �):文件已损坏,或混入了其他编码的文字',
    descriptionEn: 'Bytes that could not be decoded (shown as U+FFFD): a damaged file or text in another encoding',
    fixable: 'none',
    category: 'document',
  },
  check({ doc, report }) {
    const text = doc.text;
    // One finding per run of replacement characters.
    for (let i = text.indexOf(REPLACEMENT); i >= 0; ) {
      let end = i + 1;
      while (text[end] === REPLACEMENT) end++;
      const n = end - i;
      report({
        start: i,
        end,
        message: `此处有 ${n} 处无法解码的字节(显示为“�”):文件可能已损坏,或混入了其他编码的文字;请核对原文后重新输入`,
      });
      i = text.indexOf(REPLACEMENT, end);
    }
  },
};

export default rule;
