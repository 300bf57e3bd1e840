/**
 * Where a report or an export may be written (`--out`, or the default name).
 * Never over the unit's own database or its `-wal`/`-shm`/`-journal`, never
 * over any other SQLite file, never into anything that is not a regular file
 * (a folder, a device node, a FIFO, a socket, a symlink to one of these). An
 * existing regular file is replaced: after a note on stderr off a terminal (a
 * provisional export followed by the final one is the normal flow), after a
 * question on a terminal, and without the question with `--force`.
 * Every writer of an output file goes through `writeOutputFile`.
 */
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError, type ErrorParams } from '../errors.js';
import type { Context } from './context.js';
import { writeFileAtomic } from './files.js';
import { isInteractive } from './output.js';
import { readFileHead } from '../files/file-head.js';

/** The 16-byte header of every SQLite database file. */
const SQLITE_HEADER = 'SQLite format 3\u0000';
/** The first four bytes of a SQLite write-ahead log (big-endian 0x377f0682 or 0x377f0683). */
const WAL_MAGIC = /^\x37\x7f\x06[\x82\x83]/;
const DATABASE_COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;

/** What is at an output path that may be written: nothing yet, or a regular file that would be replaced. */
export type OutputTarget = 'new' | 'existing';

/** The path with every symlink of its folder (and of itself, when it exists) resolved. */
function canonical(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    try {
      return join(realpathSync.native(dirname(file)), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function isDatabaseFile(file: string, st: Stats | undefined, database: string): boolean {
  const target = canonical(file);
  for (const base of new Set([resolve(database), canonical(database)])) {
    for (const suffix of DATABASE_COMPANIONS) {
      const companion = `${base}${suffix}`;
      if (canonical(companion) === target) return true;
      // The same file under another name (a hard link, another case on a case-insensitive disk).
      const other = st && statOrUndefined(companion);
      if (st && other && other.dev === st.dev && other.ino === st.ino && st.ino !== 0) return true;
    }
  }
  return false;
}

function kindOf(st: Stats): ErrorParams['OUTPUT_NOT_FILE']['kind'] {
  if (st.isDirectory()) return 'folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'other';
}

/**
 * Checks that `file` may be written as a report or an export, and says whether
 * a file is already there. Throws a UserError naming the file otherwise.
 * `database` is the unit's database file (`--db`), compared by real path.
 */
export function checkOutputTarget(file: string, o: { readonly database?: string } = {}): OutputTarget {
  const st = statOrUndefined(file);
  if (o.database !== undefined && isDatabaseFile(file, st, o.database)) throw new UserError('OUTPUT_IS_DATABASE', { file, database: o.database });
  if (st === undefined) {
    // Nothing there, or a symlink to nothing (the rename replaces the link itself).
    let link: Stats | undefined;
    try {
      link = lstatSync(file);
    } catch {
      return 'new';
    }
    if (link.isSymbolicLink()) return 'new';
    throw new UserError('OUTPUT_NOT_FILE', { file, kind: kindOf(link) });
  }
  if (!st.isFile()) throw new UserError('OUTPUT_NOT_FILE', { file, kind: kindOf(st) });
  let bytes: string;
  try {
    bytes = readFileHead(file);
  } catch (error) {
    // What cannot be read cannot be told from a database: left alone.
    throw new UserError('FILE_UNREADABLE', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }, { cause: error });
  }
  if (bytes === SQLITE_HEADER || WAL_MAGIC.test(bytes)) throw new UserError('OUTPUT_IS_SQLITE', { file });
  return 'existing';
}

/** What to do before writing: write at once, write and say a file was replaced, or ask first. */
export type OverwriteStep = 'write' | 'note' | 'ask';

export function overwriteStep(target: OutputTarget, o: { readonly interactive: boolean; readonly force: boolean }): OverwriteStep {
  if (target === 'new') return 'write';
  return o.interactive && !o.force ? 'ask' : 'note';
}

/**
 * Writes a report or an export to `file` (absolute), whole or not at all, 0600.
 * `data` is produced only once the target is known to be writable (and, on a
 * terminal, the user agreed to replace an existing file): a PDF is not printed for nothing.
 */
export async function writeOutputFile(
  ctx: Context,
  file: string,
  data: string | Uint8Array | (() => string | Uint8Array),
  o: { readonly force?: boolean } = {},
): Promise<void> {
  const check = () => checkOutputTarget(file, { database: ctx.db });
  const step = overwriteStep(check(), { interactive: isInteractive(ctx), force: o.force === true });
  if (step === 'ask') {
    const { createUi } = await import('./ui.js');
    const ui = await createUi(ctx);
    if (!(await ui.confirm(ctx.m.outputFile.confirmReplace(file), false))) throw new UserError('OUTPUT_NOT_REPLACED', { file });
  }
  const bytes = typeof data === 'function' ? data() : data;
  // Again just before the rename: time has passed (a question, a PDF printed) and the folder may have changed.
  const now = check();
  writeFileAtomic(file, bytes);
  if (now === 'existing' && step !== 'ask') ctx.io.stderr.write(`${ctx.m.outputFile.replaced(file)}\n`);
}
