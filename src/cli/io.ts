/**
 * What a command may touch of the outside world, injected so that tests can
 * run commands in-process and the core never reads `process` itself.
 */

export interface OutStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface InStream {
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdin: InStream;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  now(): Date;
}

/** Columns to lay text out in: the terminal's width, or 80 off a terminal. */
export function outputWidth(stream: OutStream): number {
  return stream.isTTY && stream.columns && stream.columns > 20 ? Math.min(stream.columns, 120) : 80;
}
