/**
 * Colour for terminal output. Reports receive a `Style` and stay pure; the
 * plain style is used for files, pipes, tests and `NO_COLOR`.
 * NOTE: chalk ignores NO_COLOR (its maintainers declined it), so the level is
 * decided here, and chalk is loaded only when colour will really be used.
 */
import { PLAIN_STYLE, type Style } from '../report/style.js';
import type { Io, OutStream } from './io.js';

export { PLAIN_STYLE, type Style };

const identity = (s: string): string => s;

/** The colour level for a stream: 0 none, 1 basic, as NO_COLOR / FORCE_COLOR / TTY say. */
export function colourLevel(stream: OutStream, env: Io['env']): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return 1;
}

export async function createStyle(stream: OutStream, env: Io['env']): Promise<Style> {
  const level = colourLevel(stream, env);
  if (level === 0) return PLAIN_STYLE;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level });
  const levels = [c.green, c.yellow, c.red];
  return {
    bold: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    warn: (s) => c.yellow(s),
    error: (s) => c.red(s),
    ok: (s) => c.green(s),
    level: (i, s) => (levels[Math.min(i, levels.length - 1)] ?? identity)(s),
  };
}
