/**
 * Opening and creating tusoi database files. With `migrations.ts`, the only
 * place that knows SQLite's settings; the store modules are the only
 * importers of better-sqlite3.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../errors.js';
import { LATEST_VERSION, migrate } from './migrations.js';
import { readRegularHead } from '../files/file-head.js';
import { notRegularKind, refusalError } from '../files/read-capped.js';
import { settleStore } from './anonymous.js';

// NOTE: loaded with `require`: it is CommonJS, and Node's ESM wrapper first
// lexes it for named exports, about 7 ms of every command that opens a database.
const require = createRequire(import.meta.url);
const BetterSqlite = require('better-sqlite3') as typeof BetterSqlite3;

/**
 * The compiled addon, required once by its path. Left to itself
 * better-sqlite3 finds it through the `bindings` package, which tries a dozen
 * paths (a require and a thrown error each): 2–5 ms of every command that
 * opens a database. npm's build and a downloaded prebuilt binary both put it
 * here; anywhere else, the package's own search runs as before.
 */
let addon: object | null | undefined;
function nativeBinding(): object | undefined {
  if (addon === undefined) {
    const file = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    addon = existsSync(file) ? (require(file) as object) : null;
  }
  return addon ?? undefined;
}

/** A connection through the addon above; the one place better-sqlite3's constructor is called. */
function connect(source: string | Buffer, options: BetterSqlite3.Options): Db {
  const binding = options.nativeBinding === undefined ? nativeBinding() : undefined;
  // NOTE: the package takes the addon object itself (lib/database.js, its issue #972); its types say only a path.
  return new BetterSqlite(source, binding === undefined ? options : { ...options, nativeBinding: binding as unknown as string });
}

export type Db = BetterSqlite3.Database;

/** `PRAGMA application_id`: "tuso" in ASCII, so a tusoi file is told from any other SQLite file. */
export const APPLICATION_ID = 0x7475736f;

/** How long a second process waits for a write lock before giving up (ms). */
export const BUSY_TIMEOUT_MS = 10_000;

const SQLITE_HEADER = 'SQLite format 3\u0000';

function configure(db: Db): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL: readers never block the writer; NORMAL: a power cut may lose the last
  // commits but never corrupts, and every answer can afford its own commit.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Deleted content is zeroed, not left in free space (anonymous ballots, issue 13).
  db.pragma('secure_delete = ON');
}

/**
 * A bare SQLite connection, without tusoi's checks or settings: for
 * store/read-only.ts, on a copy in memory (`Buffer`) or in a private folder.
 * (This file stays the only one that loads better-sqlite3.)
 */
export function openRawDatabase(source: string | Buffer, options: BetterSqlite3.Options = {}): Db {
  return connect(source, options);
}

const statements = new WeakMap<Db, Map<string, BetterSqlite3.Statement<unknown[], unknown>>>();

/**
 * A prepared statement, cached per connection: preparing costs more than
 * running on the merge path, where the same few statements run per file.
 * Typed like `db.prepare<Params, Row>(sql)`: the parameters it binds and the
 * row it returns (the SQL decides both; keep the two together).
 */
export function stmt<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): BetterSqlite3.Statement<P, R> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  // NOTE: the one cast: the cache holds statements of every shape, keyed by their SQL.
  return s as unknown as BetterSqlite3.Statement<P, R>;
}

/** Turns SQLite's failures into messages a user can act on; anything else is rethrown as is. */
export function translateSqliteError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new UserError('DB_BUSY', { file }, { cause: error });
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_AUTH') {
    return new UserError('DB_READONLY', { file }, { cause: error });
  }
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) return new UserError('DB_FULL', { file }, { cause: error });
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new UserError('DB_NOT_TUSOI', { file }, { cause: error });
  return error;
}

function guard<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw translateSqliteError(error, file);
  }
}

/**
 * Opens an existing tusoi database, migrating it to this version of tusoi.
 * Refuses, with a clear message, a missing file, a file that is not a tusoi
 * database, and a database made by a newer tusoi.
 */
export function openDatabase(file: string, options: { readonly?: boolean; durable?: boolean } = {}): Db {
  checkDatabaseFile(file);
  return guard(file, () => {
    const db = connect(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true, readonly: options.readonly === true });
    try {
      const appId = db.pragma('application_id', { simple: true }) as number;
      if (appId !== APPLICATION_ID) throw new UserError('DB_NOT_TUSOI', { file });
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_VERSION) throw new UserError('DB_TOO_NEW', { file, version, supported: LATEST_VERSION });
      if (!options.readonly) {
        configure(db);
        // An acknowledged answer must survive a power cut too, not only a crash.
        if (options.durable) db.pragma('synchronous = FULL');
        if (version < LATEST_VERSION) migrate(db);
        settleStore(db);
      } else {
        db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  });
}

/**
 * What is checked before SQLite opens `file`: it exists, is a regular file
 * (a FIFO or a device is refused before anything reads from it: SQLite would
 * block on a FIFO, and read `/dev/zero` for ever), is not empty, and starts
 * with SQLite's header. Returns its size.
 */
export function checkDatabaseFile(file: string): number {
  const r = readRegularHead(file);
  if (!r.ok) {
    switch (r.refusal.code) {
      case 'FILE_NOT_FOUND':
        throw new UserError('DB_NOT_FOUND', { file });
      case 'FILE_NOT_REGULAR':
        // A folder named as the database has always read as "not a tusoi database".
        if (r.refusal.kind === 'directory') throw new UserError('DB_NOT_TUSOI', { file });
        throw new UserError('FILE_NOT_REGULAR', { file, kind: r.refusal.kind });
      default:
        throw refusalError(file, r.refusal);
    }
  }
  if (r.size === 0) throw new UserError('DB_EMPTY', { file });
  if (r.head !== SQLITE_HEADER) throw new UserError('DB_NOT_TUSOI', { file });
  return r.size;
}

/**
 * Creates a new database file, readable by its owner only (0600; SQLite would
 * use the umask, and the `-wal`/`-shm` files copy the main file's mode), and
 * returns it open. Refuses to overwrite an existing file.
 *
 * The file is built whole under a temporary name in the same folder (schema,
 * then `fill`: the unit), synced, and only then linked into place, so a crash
 * or a SIGKILL at any moment leaves either no file at `file` or a complete one.
 * A killed build may leave its hidden temporary file behind
 * (`.NAME.PID-XXXXXXXX.init`); nothing reads it, and the next `init` of the
 * same NAME removes it (clearInitLeftovers).
 */
export function createDatabase(file: string, fill: (db: Db) => void = () => {}, options: { readonly pid?: number } = {}): Db {
  const dir = dirname(file);
  if (!existsSync(dir)) throw new UserError('DIR_NOT_FOUND', { dir });
  refuseExisting(file);
  // The pid in the name (init passes its own) tells the next init whether this build can still be running (clearInitLeftovers).
  const tmp = join(dir, `.${basename(file)}.${options.pid !== undefined ? `${options.pid}-` : ''}${randomBytes(4).toString('hex')}.init`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o600);
  } catch (error) {
    throw createError(error, file);
  }
  closeSync(fd);
  try {
    guard(file, () => {
      // A rollback journal while building: nothing but the one file to move into place.
      const db = connect(tmp, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
      try {
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma('foreign_keys = ON');
        migrate(db);
        fill(db);
      } finally {
        db.close();
      }
    });
    syncFile(tmp);
    placeNew(tmp, file);
  } catch (error) {
    for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true });
    throw error;
  }
  syncFolder(dir);
  return guard(file, () => {
    const db = connect(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
    try {
      configure(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  });
}

/** A hidden build file of an interrupted `init` (see createDatabase), and what the next `init` did with it. */
export interface InitLeftover {
  readonly file: string;
  /** Removed: its process is gone. Kept: its process may still be running (or, for an old-style name, it is recent). */
  readonly removed: boolean;
}

/** Leftovers named without a pid (by earlier builds, or a caller that gives none) count as stale after this long. */
const UNNAMED_LEFTOVER_AGE_MS = 10 * 60_000;

/**
 * Finds the hidden build files of earlier `init`s of `file` in its folder
 * (`.NAME.PID-XXXXXXXX.init`, with `-journal`) and removes those whose
 * process no longer runs on this machine; an older name without a pid is
 * removed once it is ten minutes old. A build that may still be running is
 * left alone and reported as kept. `isRunning` says whether a pid is a live
 * process here (the CLI asks the system; the store never reads the process).
 * Never fails: this is tidying.
 */
export function clearInitLeftovers(file: string, now: Date, isRunning: (pid: number) => boolean): InitLeftover[] {
  const dir = dirname(file);
  const name = basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${name}\\.(?:(\\d+)-)?[0-9a-f]{8}\\.init(?:-journal)?$`);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: InitLeftover[] = [];
  for (const entry of entries) {
    const match = pattern.exec(entry);
    if (!match) continue;
    const path = join(dir, entry);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    const stale = pid !== undefined ? !isRunning(pid) : now.getTime() - st.mtimeMs > UNNAMED_LEFTOVER_AGE_MS;
    let removed = false;
    if (stale) {
      try {
        rmSync(path);
        removed = true;
      } catch {
        // a file we may not delete stays, and is reported as kept
      }
    }
    out.push({ file: path, removed });
  }
  return out;
}

/** An existing file is never replaced; an empty one (an interrupted init of an older tusoi) is named as such. */
function refuseExisting(file: string): void {
  let size: number;
  try {
    size = lstatSync(file).size;
  } catch {
    return;
  }
  const st = statSync(file, { throwIfNoEntry: false });
  if (size === 0 && st?.isFile()) throw new UserError('DB_EMPTY', { file });
  // A FIFO or a device node at --db: named for what it is (never opened).
  if (st && !st.isFile() && !st.isDirectory()) throw new UserError('FILE_NOT_REGULAR', { file, kind: notRegularKind(st) });
  throw new UserError('DB_EXISTS', { file });
}

function createError(error: unknown, file: string): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return new UserError('DB_EXISTS', { file });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new UserError('DB_READONLY', { file });
  if (code === 'ENOSPC') return new UserError('DB_FULL', { file });
  return new UserError('FILE_WRITE_FAILED', { file, reason: code ?? String(error) });
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The new name in the folder survives a power cut too (not possible, nor needed, on Windows). */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/**
 * Moves the finished temporary file to `file`, never over a file that appeared
 * meanwhile: a hard link fails if the name is taken (a rename would replace it).
 * Where hard links are not supported (FAT and exFAT USB sticks), a rename after a check.
 */
function placeNew(tmp: string, file: string): void {
  try {
    linkSync(tmp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError('DB_EXISTS', { file });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw createError(error, file);
    if (existsSync(file)) throw new UserError('DB_EXISTS', { file });
    try {
      renameSync(tmp, file);
    } catch (e) {
      throw createError(e, file);
    }
    return;
  }
  rmSync(tmp, { force: true });
}

/** Runs `fn` with an open database, closing it afterwards and translating SQLite failures. */
export function withDatabase<T>(file: string, fn: (db: Db) => T, options: { readonly?: boolean } = {}): T {
  const db = openDatabase(file, options);
  try {
    return guard(file, () => fn(db));
  } finally {
    db.close();
  }
}

/** As `withDatabase`, for work that awaits (the interview). */
export async function withDatabaseAsync<T>(file: string, fn: (db: Db) => Promise<T>, options: { durable?: boolean } = {}): Promise<T> {
  const db = openDatabase(file, options);
  try {
    return await fn(db);
  } catch (error) {
    throw translateSqliteError(error, file);
  } finally {
    db.close();
  }
}
