/**
 * The real compiled CLI under a pseudo-terminal: wait for text on screen
 * (never sleep), type keys. Output is matched after removing escape codes.
 */
import { stripVTControlCharacters } from 'node:util';
import { spawn, type IPty } from '@lydell/node-pty';
import { BIN, ROOT } from './cli.js';
import { childEnv } from './child-env.js';

export const KEYS = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03' } as const;

export interface PtySession {
  readonly pty: IPty;
  /** Everything printed so far, without escape codes. */
  text(): string;
  /** Everything printed so far, escape codes included. */
  raw(): string;
  /** Resolves when `pattern` appears after `from` (an offset into text()). */
  waitFor(pattern: RegExp | string, options?: { from?: number; timeoutMs?: number }): Promise<number>;
  type(keys: string): void;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  kill(signal?: string): void;
}

export function runPty(args: ReadonlyArray<string>, options: { env?: Record<string, string>; cwd?: string; cols?: number } = {}): PtySession {
  const env = childEnv({ TERM: 'xterm-256color', ...options.env });
  const pty = spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols: options.cols ?? 80, rows: 30, cwd: options.cwd ?? ROOT, env });
  let raw = '';
  let clean = '';
  const waiters: Array<() => void> = [];
  pty.onData((d) => {
    raw += d;
    clean = stripVTControlCharacters(raw).replace(/\r/g, '');
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => {
    pty.onExit((e) => {
      resolve(e);
      for (const w of waiters.splice(0)) w();
    });
  });
  let done = false;
  void exited.then(() => (done = true));
  return {
    pty,
    text: () => clean,
    raw: () => raw,
    type: (keys) => pty.write(keys),
    kill: (signal = 'SIGKILL') => pty.kill(signal),
    exited,
    waitFor(pattern, { from = 0, timeoutMs = 15_000 } = {}) {
      const find = (): number => {
        const hay = clean.slice(from);
        if (typeof pattern === 'string') {
          const i = hay.indexOf(pattern);
          return i < 0 ? -1 : from + i + pattern.length;
        }
        const m = pattern.exec(hay);
        return m ? from + m.index + m[0].length : -1;
      };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(pattern)}; screen:\n${clean.slice(-1500)}`)), timeoutMs);
        const check = () => {
          const at = find();
          if (at >= 0) {
            clearTimeout(timer);
            resolve(at);
          } else if (done) {
            clearTimeout(timer);
            reject(new Error(`process exited before ${String(pattern)}; screen:\n${clean.slice(-1500)}`));
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}
