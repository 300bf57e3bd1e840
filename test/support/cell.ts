/**
 * A real cell database in a temporary folder (removed after the test), made
 * through tusoi in-process; `bin` runs the real compiled CLI on it instead.
 */
import { join } from 'node:path';
import { queryFile, runCli, runMain, type CliResult } from './cli.js';
import { tempDir } from './temp.js';

export interface TempCell {
  readonly dir: string;
  readonly db: string;
  /** tusoi in-process, `--db` this cell, in its folder. */
  cli(args: ReadonlyArray<string>, options?: { env?: Record<string, string> }): Promise<CliResult>;
  /** The real compiled CLI in a child process, `--db` this cell, in its folder. */
  bin(args: ReadonlyArray<string>, options?: { env?: Record<string, string> }): CliResult;
  /** A read-only look at the file, for assertions. */
  query<T>(sql: string, ...params: unknown[]): T[];
}

async function must(r: Promise<CliResult>): Promise<void> {
  const done = await r;
  if (done.status !== 0) throw new Error(done.stderr);
}

export async function tempCell(options: { members?: ReadonlyArray<string>; round?: ReadonlyArray<string> | false } = {}): Promise<TempCell> {
  const dir = tempDir('tusoi-cell-');
  const db = join(dir, 'cell.sqlite');
  const cell: TempCell = {
    dir,
    db,
    cli: (args, o = {}) => runMain(['--db', db, ...args], { cwd: dir, ...o }),
    bin: (args, o = {}) => runCli(['--db', db, ...args], { cwd: dir, ...o }),
    query: <T>(sql: string, ...params: unknown[]) => queryFile<T>(db, sql, params),
  };
  await must(cell.cli(['init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng', '--parent', 'DU01']));
  if (options.members?.length) await must(cell.cli(['member', 'add', ...options.members]));
  if (options.round !== false && options.round !== undefined) await must(cell.cli(['round', 'open', ...options.round]));
  return cell;
}
