// Reading `.yaodianrc.json` (JSON with comments): found by walking up from each checked file to
// the filesystem root, the nearest wins; or named with --config. Problems in the file are
// reported as messages, never thrown at the user as a stack trace.

import * as fs from 'fs';
import * as path from 'path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { SEVERITIES, type ConfigFile, type Requirement } from './config';
import { RULE_IDS } from '../rules';

export const CONFIG_FILE_NAME = '.yaodianrc.json';

export class ConfigError extends Error {}

/** The nearest `.yaodianrc.json` above `file` (its own folder first), or null. */
export function findConfigFile(file: string): string | null {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Parses and validates config text. Throws ConfigError with a Chinese message. */
export function parseConfig(text: string, source: string): ConfigFile {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const e = errors[0];
    throw new ConfigError(`${source}: 配置文件不是有效的 JSON (${printParseErrorCode(e.error)}, 位置 ${e.offset})`);
  }
  return validateConfig(value, source);
}

export function validateConfig(value: unknown, source: string): ConfigFile {
  const fail = (msg: string): never => {
    throw new ConfigError(`${source}: ${msg}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('配置应为一个 JSON 对象');
  const v = value as Record<string, unknown>;
  const out: ConfigFile = {};
  for (const key of Object.keys(v)) {
    const x = v[key];
    switch (key) {
      case 'rules': {
        if (typeof x !== 'object' || x === null || Array.isArray(x)) fail('"rules" 应为对象,如 {"annex-text-mismatch": "info"}');
        out.rules = {};
        for (const [id, sev] of Object.entries(x as Record<string, unknown>)) {
          if (!RULE_IDS.includes(id)) fail(`未知规则 "${id}"`);
          if (typeof sev !== 'string' || !SEVERITIES.includes(sev as never)) fail(`规则 "${id}" 的级别应为 error、warning、info 或 off`);
          out.rules[id] = sev as never;
        }
        break;
      }
      case 'planYear':
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 1900 || x > 2200) fail('"planYear" 应为四位年份,如 2026');
        out.planYear = x as number;
        break;
      case 'nonTaskSections':
        if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) fail('"nonTaskSections" 应为字符串数组');
        out.nonTaskSections = x as string[];
        break;
      case 'requireTimeNode':
      case 'requireUnit':
        if (x !== 'auto' && x !== 'always' && x !== 'never') fail(`"${key}" 应为 "auto"、"always" 或 "never"`);
        out[key] = x as Requirement;
        break;
      case 'unitAliases': {
        if (typeof x !== 'object' || x === null || Array.isArray(x)) fail('"unitAliases" 应为对象,如 {"区发展改革委": ["区发改委"]}');
        for (const [name, aliases] of Object.entries(x as Record<string, unknown>)) {
          if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) fail(`"unitAliases"."${name}" 应为字符串数组`);
        }
        out.unitAliases = x as Record<string, string[]>;
        break;
      }
      case '$schema':
        break;
      default:
        fail(`未知配置项 "${key}"`);
    }
  }
  return out;
}

export function loadConfigFile(file: string): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`无法读取配置文件 ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseConfig(text.replace(/^\ufeff/, ''), file);
}
