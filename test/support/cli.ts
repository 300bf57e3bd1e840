/**
 * Runs tusoi: in-process through `main(argv, io)` with an in-memory `Io`
 * (`runMain`, what most tests use), or the real compiled CLI (`bin/tusoi.js`)
 * in a child process (`runCli`, for what only a real process shows: exit
 * status, stdout piping, start-up, signals).
 */
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from './memory-io.js';
import { childEnv } from './child-env.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/tusoi.js', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** The clock commands see (`io.now()`); a fixed moment by default. */
  now?: Date;
}

/** Runs tusoi in-process, as `bin/tusoi.js` would (arguments in NFC), off a terminal. */
export async function runMain(args: ReadonlyArray<string>, options: RunOptions = {}): Promise<CliResult> {
  const io = memoryIo({ env: options.env, cwd: options.cwd ?? ROOT, now: options.now });
  const status = await main(args.map((a) => a.normalize('NFC')), io);
  return { status, stdout: io.out(), stderr: io.err() };
}

/** Runs the real compiled CLI in a child process. */
export function runCli(args: ReadonlyArray<string>, options: { env?: Record<string, string>; cwd?: string; input?: string; nodeArgs?: string[] } = {}): CliResult {
  const env = childEnv(options.env);
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    // A bloc's report of thousands of units is several megabytes of JSON.
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The real compiled CLI as a child process that runs beside others (races, kills). */
export function runCliAsync(args: ReadonlyArray<string>, options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((done) => {
    const env = childEnv();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => done({ status, stdout, stderr }));
  });
}

/** A stack trace line, which a user's mistake must never print. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

/** Whatever else happened: no internal error and no stack. */
export function expectNoInternalError(r: { stderr: string }): void {
  expect(r.stderr).not.toContain('Lỗi nội bộ');
  expect(r.stderr).not.toMatch(STACK_LINE);
}

/** How a user's mistake must end: exit 1, the message asked for, and no stack. */
export function expectClearFailure(r: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK_LINE);
}

/** A unit's database file in its folder, with tusoi ready to run on it. */
export interface UnitHandle {
  readonly dir: string;
  readonly db: string;
  /** tusoi in-process, `--db` this file, in its folder. */
  cli(args: ReadonlyArray<string>, options?: Omit<RunOptions, 'cwd'>): Promise<CliResult>;
  /** The real compiled CLI in a child process, `--db` this file, in its folder. */
  bin(args: ReadonlyArray<string>, options?: { env?: Record<string, string> }): CliResult;
  /** A read-only look at the file, for assertions. */
  query<T>(sql: string, ...params: unknown[]): T[];
}

export function unitHandle(dir: string, db: string): UnitHandle {
  return {
    dir,
    db,
    cli: (args, o = {}) => runMain(['--db', db, ...args], { cwd: dir, ...o }),
    bin: (args, o = {}) => runCli(['--db', db, ...args], { cwd: dir, ...o }),
    query: <T>(sql: string, ...params: unknown[]) => queryFile<T>(db, sql, params),
  };
}

/** A read-only look at a database file, for assertions. */
export function queryFile<T>(file: string, sql: string, params: unknown[]): T[] {
  const d = new Database(file, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}
