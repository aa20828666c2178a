// Reading `.yaodianrc.json` (JSON with comments): found by walking up from each checked file to
// the filesystem root, the nearest wins; or named with --config. Problems in the file are
// reported as messages, never thrown at the user as a stack trace.

import * as fs from 'fs';
import * as path from 'path';
import type { ParseError } from 'jsonc-parser';
import { SEVERITIES, type ConfigFile, type ConfigOverride, type Requirement } from './config';
import { RULE_IDS } from '../rules';
import { lazy } from '../core';

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
  const { parse: parseJsonc, printParseErrorCode } = jsonc();
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const e = errors[0];
    throw new ConfigError(`${source}: 配置文件不是有效的 JSON (${printParseErrorCode(e.error)}, 位置 ${e.offset})`);
  }
  return validateConfig(value, source);
}

/** jsonc-parser, loaded when a config file is read (most checks have none). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsonc = lazy(() => require('jsonc-parser') as typeof import('jsonc-parser'));

export function validateConfig(value: unknown, source: string): ConfigFile {
  return validateLayer(value, source, 'file');
}

/** A config file, or one entry of its "overrides" (which names its files and nests nothing). */
function validateLayer(value: unknown, source: string, kind: 'file' | 'override'): ConfigFile & { files?: string[] } {
  const fail = (msg: string): never => {
    throw new ConfigError(`${source}: ${msg}`);
  };
  const where = kind === 'override' ? '"overrides" 的每一项' : '配置';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${where}应为一个 JSON 对象`);
  const v = value as Record<string, unknown>;
  const out: ConfigFile & { files?: string[] } = {};
  const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
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
        if (!isStrings(x)) fail('"nonTaskSections" 应为字符串数组');
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
          if (!isStrings(aliases)) fail(`"unitAliases"."${name}" 应为字符串数组`);
        }
        out.unitAliases = x as Record<string, string[]>;
        break;
      }
      case 'ignoreFindings': {
        const shape = '"ignoreFindings" 应为数组,每项如 {"rule": "time-missing", "text": "长期坚持"}';
        if (!Array.isArray(x)) fail(shape);
        out.ignoreFindings = (x as unknown[]).map((e, i) => {
          if (typeof e !== 'object' || e === null || Array.isArray(e)) fail(shape);
          const { rule, text, ...rest } = e as Record<string, unknown>;
          const extra = Object.keys(rest);
          if (extra.length > 0) fail(`"ignoreFindings"[${i}] 有未知的键 "${extra[0]}"(只能有 rule 与 text)`);
          if (typeof text !== 'string' || text.trim() === '') fail(`"ignoreFindings"[${i}] 需要非空的 "text"`);
          if (rule !== undefined && (typeof rule !== 'string' || !RULE_IDS.includes(rule))) fail(`"ignoreFindings"[${i}] 的未知规则 "${String(rule)}"`);
          return rule === undefined ? { text: text as string } : { rule: rule as string, text: text as string };
        });
        break;
      }
      case 'extends':
        if (kind === 'override') fail('"overrides" 中不能使用 "extends"');
        if (!(typeof x === 'string' || isStrings(x)) || x === '' || (Array.isArray(x) && (x.length === 0 || x.includes('')))) fail('"extends" 应为配置文件路径或路径数组,如 "../.yaodianrc.json"');
        out.extends = x as string | string[];
        break;
      case 'overrides':
        if (kind === 'override') fail('"overrides" 不能嵌套');
        if (!Array.isArray(x)) fail('"overrides" 应为数组,每项如 {"files": ["2025/**"], "planYear": 2025}');
        out.overrides = (x as unknown[]).map((e, i) => {
          const o = validateLayer(e, `${source}: "overrides"[${i}]`, 'override');
          if (!o.files) fail(`"overrides"[${i}] 需要 "files"(通配符数组)`);
          return o as ConfigOverride;
        });
        break;
      case 'files':
        if (kind !== 'override') fail('"files" 只用于 "overrides" 的项中');
        if (!isStrings(x) || x.length === 0) fail('"files" 应为非空的通配符数组,如 ["2025/**"]');
        out.files = x as string[];
        break;
      case '$schema':
        if (kind === 'file') break;
        fail(`未知配置项 "${key}"`);
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
