// The commented `.yaodianrc.json` that `yaodian init` writes: every setting with its default
// and a line saying what it does, so a team edits rather than looks things up.

import { RULES } from '../rules';
import { NON_TASK_SECTIONS } from '../lexicon';

/** The text of a new config file; `schema` is a relative path to the JSON Schema when one is installed. */
export function configTemplate(schema?: string): string {
  const rules = RULES.map((r, i) => `    // ${r.meta.description}\n    "${r.meta.id}": "${r.meta.defaultSeverity}"${i < RULES.length - 1 ? ',' : ''}`).join('\n');
  return `// 工作要点助手 (yaodian) 配置文件。说明:https://github.com/yaodian/yaodian#配置文件-yaodianrcjson
// 每项都可删去,删去即用默认值。Comments are allowed; every key is optional.
{
${schema ? `  "$schema": ${JSON.stringify(schema)},\n` : ''}  // 规则级别:error(错误)、warning(警告)、info(提示)、off(关闭)。下面是各规则的默认级别。
  "rules": {
${rules}
  },

  // 计划年度;不设时从标题(或印发日期)读取。例:"planYear": 2026
  // "planYear": 2026,

  // 不含任务的章节标题(这些章节中的句子不按任务检查)。
  "nonTaskSections": ${JSON.stringify(NON_TASK_SECTIONS)},

  // 是否要求每项任务有时间节点 / 责任单位:auto(文档使用时才要求)、always、never。
  "requireTimeNode": "auto",
  "requireUnit": "auto",

  // 单位别名:规范名称 → 其他写法。例:{"区发展改革委": ["区发改委"]}
  "unitAliases": {},

  // 不报告的问题:某规则(可省略)且所在行含某段文字。不必在文档里写注释。
  // 例:[{"rule": "time-missing", "text": "长期坚持"}]
  "ignoreFindings": [],

  // 继承其他配置文件(相对本文件的路径),本文件的设置优先。例:"extends": "../.yaodianrc.json"
  // "extends": "../.yaodianrc.json",

  // 只对部分文件生效的设置:files 为相对本文件所在目录的通配符,后面的项优先。
  // 例:[{"files": ["2025/**"], "planYear": 2025}, {"files": ["*草稿*.txt"], "rules": {"punctuation-width": "off"}}]
  "overrides": []
}
`;
}
