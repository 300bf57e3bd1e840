/**
 * A real cell database in a temporary folder (removed after the test), made
 * through tusoi in-process; `bin` runs the real compiled CLI on it instead.
 */
import { join } from 'node:path';
import { unitHandle, type CliResult, type UnitHandle } from './cli.js';
import { tempDir } from './temp.js';

export type TempCell = UnitHandle;

async function must(r: Promise<CliResult>): Promise<void> {
  const done = await r;
  if (done.status !== 0) throw new Error(done.stderr);
}

export async function tempCell(options: { members?: ReadonlyArray<string>; round?: ReadonlyArray<string> | false } = {}): Promise<TempCell> {
  const dir = tempDir('tusoi-cell-');
  const db = join(dir, 'cell.sqlite');
  const cell = unitHandle(dir, db);
  await must(cell.cli(['init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng', '--parent', 'DU01']));
  if (options.members?.length) await must(cell.cli(['member', 'add', ...options.members]));
  if (options.round !== false && options.round !== undefined) await must(cell.cli(['round', 'open', ...options.round]));
  return cell;
}
