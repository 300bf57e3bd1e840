/** An in-memory `Io` for running commands in-process and reading what they wrote. */
import type { Io } from '../../src/cli/io.js';

export interface MemoryIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

export function memoryIo(options: { env?: Record<string, string>; cwd?: string; tty?: boolean; now?: Date } = {}): MemoryIo {
  let out = '';
  let err = '';
  const tty = options.tty ?? false;
  return {
    stdin: { isTTY: tty },
    stdout: { write: (s: string) => (out += s), isTTY: tty, columns: 80 },
    stderr: { write: (s: string) => (err += s), isTTY: tty, columns: 80 },
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? new Date('2026-11-23T09:00:00Z'),
    out: () => out,
    err: () => err,
  };
}
