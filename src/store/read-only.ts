/**
 * Opening a database for a command that only reads (status, report, export,
 * the lists), so that it works on a file tusoi may not write: a
 * write-protected USB stick, a colleague's backup, a 0444 file.
 *
 * Where the file, its folder and its `-wal`/`-shm` are writable, it is opened
 * as every command opens it (an older schema is upgraded in place, as
 * always), then set `query_only`: a reading command cannot write by mistake.
 *
 * Where they are not, SQLite is never pointed at the file. A read-only
 * SQLite connection on a WAL database needs a `-shm` beside it: in a
 * read-only folder it cannot be made (SQLITE_CANTOPEN), and in a writable
 * folder SQLite makes one, and an empty `-wal`, that it leaves behind with
 * the database's 0444 mode, where they stop the owner's next write (measured
 * with SQLite 3.53; `immutable=1` needs URI file names, which better-sqlite3
 * does not enable). Instead the bytes are read and opened in memory:
 * - no `-wal` or `-journal` with content beside it: the file's bytes, read
 *   once (bounded, through files/read-capped.ts);
 * - a `-wal` (or a hot `-journal`) with content: never ignored. The file and
 *   it are copied into a private temporary folder, SQLite opens the copy
 *   there (replaying the committed frames, or rolling the journal back),
 *   the result is taken into memory and the folder removed at once. A `-wal`
 *   that cannot be read is named in the refusal; the older state is never
 *   shown instead.
 * An older schema is then upgraded in memory, never in the file: every
 * released step (1 to 4) is plain SQL and runs on the copy. If a step fails
 * there, or the file is too large to hold in memory, the user is told to copy
 * it to a folder they can write.
 */
import { accessSync, constants, lstatSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { readCapped, type ReadRefusal } from '../files/read-capped.js';
import { APPLICATION_ID, checkDatabaseFile, openDatabase, openRawDatabase, translateSqliteError, type Db } from './db.js';
import { LATEST_VERSION, migrate } from './migrations.js';

/**
 * The largest database (with its `-wal`) read into memory when it cannot be
 * written: twice that in memory for a moment (Node's copy and SQLite's). A
 * bloc's database of 10,000 merged files is about 100 MB.
 */
export const READ_ONLY_IMAGE_LIMIT = 256 * 1024 * 1024;

const SIDE_FILES = ['-wal', '-journal'] as const;

/** How a database was opened for reading: in place, or as a copy in memory (the file could not be written). */
export type ReadMode = 'in-place' | 'memory';

const modes = new WeakMap<Db, ReadMode>();

/** How `db` (from {@link openForReading}) was opened. */
export function readMode(db: Db): ReadMode {
  return modes.get(db) ?? 'in-place';
}

/** True when tusoi may write the file, its folder (for `-wal`/`-shm`) and the `-wal`/`-shm` already there. */
function writableHere(file: string): boolean {
  const paths = [file, dirname(file), `${file}-wal`, `${file}-shm`];
  return paths.every((p, i) => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch (error) {
      // The -wal and -shm need not exist.
      return i >= 2 && (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  });
}

/**
 * Opens `file` for a command that only reads; see the module's comment. The
 * connection refuses writes (`query_only`). Close it when done.
 */
export function openForReading(file: string): Db {
  const size = checkDatabaseFile(file);
  if (writableHere(file)) {
    try {
      const db = openDatabase(file);
      db.pragma('query_only = ON');
      return db;
    } catch (error) {
      // A medium that says it is writable and is not (a read-only mount seen through a share):
      // read it as one that says so.
      if (!(error instanceof Error && error.name === 'UserError' && (error as UserError).code === 'DB_READONLY')) throw error;
    }
  }
  return openImage(file, size);
}

/** Runs `fn` on `file` opened for reading, closing it afterwards and translating SQLite failures. */
export function withReadDatabase<T>(file: string, fn: (db: Db) => T): T {
  const db = openForReading(file);
  try {
    return fn(db);
  } catch (error) {
    throw translateSqliteError(error, file);
  } finally {
    db.close();
  }
}

/** The side files with content (a `-wal` with frames, a `-journal` to roll back), refusing one that is not a regular file. */
function sideFiles(file: string): Array<{ suffix: string; size: number }> {
  const found: Array<{ suffix: string; size: number }> = [];
  for (const suffix of SIDE_FILES) {
    const st = lstatSync(`${file}${suffix}`, { throwIfNoEntry: false });
    if (!st) continue;
    if (!st.isFile()) throw new UserError('DB_READONLY_WAL_UNREADABLE', { file, wal: `${file}${suffix}`, reason: st.isFIFO() ? 'FIFO' : 'not a regular file' });
    if (st.size > 0) found.push({ suffix, size: st.size });
  }
  return found;
}

function reasonOf(r: ReadRefusal): string {
  switch (r.code) {
    case 'FILE_NOT_FOUND':
      return 'ENOENT';
    case 'FILE_NOT_REGULAR':
      return r.kind;
    case 'FILE_TOO_LARGE':
      return `${r.size} bytes`;
    case 'FILE_UNREADABLE':
      return r.reason;
  }
}

/** The whole of `path`, at most the image limit, refusals worded for the database `file`. */
function readBytes(file: string, path: string): Buffer {
  const r = readCapped(path, READ_ONLY_IMAGE_LIMIT);
  if (r.ok) return r.bytes;
  if (r.refusal.code === 'FILE_TOO_LARGE') throw new UserError('DB_READONLY_TOO_LARGE', { file, size: r.refusal.size, limit: READ_ONLY_IMAGE_LIMIT });
  if (path === file) throw new UserError('FILE_UNREADABLE', { file, reason: reasonOf(r.refusal) });
  throw new UserError('DB_READONLY_WAL_UNREADABLE', { file, wal: path, reason: reasonOf(r.refusal) });
}

function openImage(file: string, size: number): Db {
  const side = sideFiles(file);
  const total = side.reduce((n, s) => n + s.size, size);
  if (total > READ_ONLY_IMAGE_LIMIT) throw new UserError('DB_READONLY_TOO_LARGE', { file, size: total, limit: READ_ONLY_IMAGE_LIMIT });
  const image = side.length === 0 ? readBytes(file, file) : replayCopy(file, side.map((s) => s.suffix));
  // NOTE: bytes 18 and 19 of the header say WAL (2); SQLite's in-memory databases have no WAL
  // and refuse such an image (SQLITE_CANTOPEN). 1 is the rollback journal: the same pages.
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) image[18] = image[19] = 1;
  let db: Db;
  try {
    db = openRawDatabase(image);
  } catch (error) {
    throw translateSqliteError(error, file);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new UserError('DB_NOT_TUSOI', { file });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new UserError('DB_TOO_NEW', { file, version, supported: LATEST_VERSION });
    db.pragma('foreign_keys = ON');
    if (version < LATEST_VERSION) {
      try {
        migrate(db);
        // A key made by step 9 here would be thrown away with the copy: none
        // is better than one no file can be checked against later.
        if (version < 9) db.prepare('DELETE FROM unit_key').run();
      } catch (error) {
        throw new UserError('DB_READONLY_OLD', { file, version, supported: LATEST_VERSION }, { cause: error });
      }
    }
    db.pragma('query_only = ON');
    modes.set(db, 'memory');
    return db;
  } catch (error) {
    db.close();
    throw translateSqliteError(error, file);
  }
}

/**
 * The database as SQLite sees it with its side files applied: copied with
 * them into a private temporary folder (0700), opened there, serialised, the
 * folder removed before returning.
 */
function replayCopy(file: string, suffixes: ReadonlyArray<string>): Buffer {
  // Read first: a side file that cannot be read is refused before anything is written.
  const main = readBytes(file, file);
  const sides = suffixes.map((suffix) => ({ suffix, bytes: readBytes(file, `${file}${suffix}`) }));
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'tusoi-read-'));
  } catch (error) {
    throw new UserError('DB_READONLY_COPY_FAILED', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  try {
    const copy = join(dir, 'copy.sqlite');
    try {
      writeFileSync(copy, main, { mode: 0o600 });
      for (const s of sides) writeFileSync(`${copy}${s.suffix}`, s.bytes, { mode: 0o600 });
    } catch (error) {
      throw new UserError('DB_READONLY_COPY_FAILED', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    let db: Db;
    try {
      db = openRawDatabase(copy, { fileMustExist: true });
    } catch (error) {
      throw translateSqliteError(error, file);
    }
    try {
      // The first read replays the -wal's committed frames (or rolls a hot journal back).
      db.pragma('user_version', { simple: true });
      return db.serialize();
    } catch (error) {
      throw translateSqliteError(error, file);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
