/** `tusoi init`: a new database for one unit, created 0600, never over an existing file, never left half-made. */
import { isoDay } from '../../clock.js';
import { ExitCode, UserError } from '../../errors.js';
import { clearInitLeftovers, createDatabase } from '../../store/db.js';
import { isCollectingLevel, saveUnit } from '../../store/unit.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { shellArg } from '../shell-arg.js';
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
  else {
    // A unit that merges (a grassroots committee, a bloc) answers nothing: its next steps are the unit list, the round, the merge.
    const next = isCollectingLevel(level) ? ctx.m.db.next : ctx.m.roundLife.committeeNext(dbOption(ctx), String(ctx.io.now().getFullYear()));
    ctx.io.stdout.write(`${ctx.m.db.created(ctx.db, `${name} (${code})`)}\n${next}\n`);
  }
  return ExitCode.Ok;
}

/**
 * `--db FILE ` for a hint when the database is not the one tusoi finds by
 * itself (TUSOI_DB, else ./tusoi.sqlite); empty otherwise. Relative to the
 * current folder when it is inside it.
 */
function dbOption(ctx: Context): string {
  const found = resolve(ctx.io.cwd, ctx.io.env.TUSOI_DB ?? 'tusoi.sqlite');
  if (resolve(ctx.db) === found) return '';
  const rel = relative(ctx.io.cwd, ctx.db);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : ctx.db;
  return `--db ${shellArg(shown)} `;
}
