// `yaodian init`: write a commented .yaodianrc.json in the current folder.

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { CONFIG_FILE_NAME } from '../engine';
import { configTemplate } from '../config/template';
import type { Io } from './main';

/** Where a project that installed yaodian has its schema. */
const INSTALLED_SCHEMA = 'node_modules/yaodian/schemas/yaodianrc.schema.json';

export function initCommand(args: string[], io: Io): number {
  let force: boolean;
  try {
    force = parseArgs({ args, options: { force: { type: 'boolean', default: false } } }).values.force;
  } catch (e) {
    io.err(`yaodian init: ${(e as Error).message}\n`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const file = path.join(cwd, CONFIG_FILE_NAME);
  if (fs.existsSync(file) && !force) {
    io.err(`yaodian init: ${file} 已存在,未覆盖 (already exists; --force to overwrite)\n`);
    return 2;
  }
  const schema = fs.existsSync(path.join(cwd, INSTALLED_SCHEMA)) ? `./${INSTALLED_SCHEMA}` : undefined;
  try {
    fs.writeFileSync(file, configTemplate(schema));
  } catch (e) {
    io.err(`yaodian init: 无法写入 ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  io.out(`已写入 ${file} (wrote ${CONFIG_FILE_NAME})\n`);
  return 0;
}
