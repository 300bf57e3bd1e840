/** `tusoi init`: a new database for one unit, created 0600, never over an existing file, never left half-made. */
import { isoDay } from '../../clock.js';
import { ExitCode, UserError } from '../../errors.js';
import { clearInitLeftovers, createDatabase } from '../../store/db.js';
import { saveUnit } from '../../store/unit.js';
import { cleanTypedText } from '../../services/clean-text.js';
import { TEXT_LIMITS } from '../../text/hygiene.js';
import type { Context } from '../context.js';
import { writeJson } from '../output.js';

/** Unit codes travel in every export: unaccented, no spaces, and not all digits (Excel would drop zeros). */
export const UNIT_CODE_PATTERN = /^(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export interface InitOptions {
  readonly unitCode: string;
  readonly unitName: string;
  readonly level?: string;
  readonly parent?: string;
}

/** True when a process with that id runs on this machine (one of another user's counts: EPERM). */
function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function init(ctx: Context, o: InitOptions): Promise<number> {
  const code = o.unitCode.trim();
  if (!UNIT_CODE_PATTERN.test(code)) throw new UserError('BAD_UNIT_CODE', { code });
  const name = cleanTypedText(o.unitName, '--unit-name', TEXT_LIMITS.unitName);
  if (name === '') throw new UserError('EMPTY_NAME', { what: '--unit-name' });
  const parent = o.parent?.trim();
  if (parent !== undefined && parent !== '' && !UNIT_CODE_PATTERN.test(parent)) throw new UserError('BAD_UNIT_CODE', { code: parent });
  const level = cleanTypedText(o.level ?? '', '--level', TEXT_LIMITS.level) || 'chi-bo';
  // Hidden build files of earlier interrupted inits of this file: removed when their process is gone.
  for (const l of clearInitLeftovers(ctx.db, ctx.io.now(), processRuns)) ctx.io.stderr.write(`${l.removed ? ctx.m.initLeftovers.removed(l.file) : ctx.m.initLeftovers.kept(l.file)}\n`);
  // Built whole under a temporary name and moved into place: a failure or a kill leaves no file at --db.
  createDatabase(ctx.db, (db) => saveUnit(db, { code, name, level, parentCode: parent || null }, isoDay(ctx.io.now())), { pid: process.pid }).close();
  if (ctx.json) writeJson(ctx, { file: ctx.db, unit: { code, name, level, parent: parent || null } });
  else ctx.io.stdout.write(`${ctx.m.db.created(ctx.db, `${name} (${code})`)}\n${ctx.m.db.next}\n`);
  return ExitCode.Ok;
}
