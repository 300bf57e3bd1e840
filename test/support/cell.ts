/** A real cell database in a temporary folder, made through the compiled CLI. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryFile, runCli, type CliResult } from './cli.js';

export interface TempCell {
  readonly dir: string;
  readonly db: string;
  cli(args: ReadonlyArray<string>, options?: { env?: Record<string, string> }): CliResult;
  /** A read-only look at the file, for assertions. */
  query<T>(sql: string, ...params: unknown[]): T[];
}

export function tempCell(options: { members?: ReadonlyArray<string>; round?: ReadonlyArray<string> | false } = {}): TempCell {
  const dir = mkdtempSync(join(tmpdir(), 'tusoi-cell-'));
  const db = join(dir, 'cell.sqlite');
  const cell: TempCell = {
    dir,
    db,
    cli: (args, o = {}) => runCli(['--db', db, ...args], { cwd: dir, ...o }),
    query: <T>(sql: string, ...params: unknown[]) => queryFile<T>(db, sql, params),
  };
  const init = cell.cli(['init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng', '--parent', 'DU01']);
  if (init.status !== 0) throw new Error(init.stderr);
  if (options.members?.length) {
    const r = cell.cli(['member', 'add', ...options.members]);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  if (options.round !== false && options.round !== undefined) {
    const r = cell.cli(['round', 'open', ...options.round]);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return cell;
}
