// Whether a report is coloured: the flag, else the NO_COLOR / FORCE_COLOR conventions, else a terminal.

import type { Io } from './main';

/** --color/--no-color, else NO_COLOR / FORCE_COLOR (https://no-color.org), else a terminal not writing a file. */
export function useColor(flag: boolean | undefined, io: Io, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  const env = io.env ?? process.env;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return !toFile && io.isTTY === true;
}
