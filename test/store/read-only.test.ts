/**
 * Opening a database for reading (store/read-only.ts) on files tusoi may not
 * write, for real (test/support/read-only.ts: a read-only bind mount as root,
 * file modes otherwise). Codes, modes and what the copy holds; the commands
 * on top are in test/e2e/read-only.slow.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDatabase, openDatabase } from '../../src/store/db.js';
import { LATEST_VERSION } from '../../src/store/migrations.js';
import { openForReading, readMode, READ_ONLY_IMAGE_LIMIT, withReadDatabase } from '../../src/store/read-only.js';
import { sealFolder } from '../support/read-only.js';
import { tempDir } from '../support/temp.js';
import { leaveHotJournal, leaveWal } from '../support/wal.js';
import { FIXTURE_DB_ROOT, SOLID_GROUND_BUILDS } from '../support/fixture-dbs.js';

const FIXTURES = FIXTURE_DB_ROOT;
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const names = (db: Database.Database) => db.prepare<[], { name: string }>('SELECT name FROM member ORDER BY name').all().map((r) => r.name);

/** A current-schema database with two members, in a folder of its own. */
function cellDb(): { dir: string; db: string } {
  const dir = tempDir('tusoi-ro-store-');
  const db = join(dir, 'cell.sqlite');
  const d = createDatabase(db);
  d.exec(`INSERT INTO member (code, name, search_key, added_on) VALUES ('M1', 'An', 'an', '2026-11-01'), ('M2', 'Bình', 'binh', '2026-11-01')`);
  d.close();
  return { dir, db };
}

/** Seals `dir`; these cases need a folder this process cannot write (the e2e file covers root without mount). */
function seal(dir: string): void {
  expect(sealFolder(dir), 'a read-only folder: a read-only bind mount (as root) or chmod').toBe(true);
}

describe('a database opened for reading', () => {
  it('where it is writable: in place, and no write gets through', () => {
    const { db } = cellDb();
    const d = openForReading(db);
    expect(readMode(d)).toBe('in-place');
    expect(names(d)).toEqual(['An', 'Bình']);
    expect(() => d.exec(`DELETE FROM member`)).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
    d.close();
  });

  it('in a read-only folder: read from a copy in memory, the file untouched, nothing made beside it', () => {
    const { dir, db } = cellDb();
    const before = sha(db);
    seal(dir);
    // What a writer meets there: the existing refusal.
    expect(() => openDatabase(db).exec(`DELETE FROM member`)).toThrow(expect.objectContaining({ code: 'DB_READONLY' }));
    const d = openForReading(db);
    expect(readMode(d)).toBe('memory');
    expect(names(d)).toEqual(['An', 'Bình']);
    expect(() => d.exec(`DELETE FROM member`)).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
    d.close();
    expect(sha(db)).toBe(before);
    expect(readdirSync(dir)).toEqual(['cell.sqlite']);
  });

  it('with committed frames in a -wal beside a read-only file (no -shm): the -wal is read', () => {
    const { dir, db } = cellDb();
    leaveWal(db, `INSERT INTO member (code, name, search_key, added_on) VALUES ('M3', 'Cường', 'cuong', '2026-11-02')`);
    rmSync(`${db}-shm`);
    // The main file alone does not hold the new member: only the -wal does.
    const alone = join(tempDir('tusoi-ro-main-'), 'main.sqlite');
    copyFileSync(db, alone);
    const m = new Database(alone);
    expect(names(m)).toEqual(['An', 'Bình']);
    m.close();
    seal(dir);
    expect(withReadDatabase(db, names)).toEqual(['An', 'Bình', 'Cường']);
    expect(readdirSync(dir).sort()).toEqual(['cell.sqlite', 'cell.sqlite-wal']);
  });

  it('with a hot -journal beside a read-only file (a writer killed mid-transaction): rolled back in the copy', () => {
    const dir = tempDir('tusoi-ro-journal-');
    const db = join(dir, 'cell.sqlite');
    copyFileSync(join(FIXTURES, 'v3-256b702', 'cell-named.sqlite'), db);
    const count = (d: Database.Database) => d.prepare<[], { n: number }>('SELECT count(*) AS n FROM answer').get()!.n;
    const original = new Database(db, { readonly: true });
    const answers = count(original);
    original.close();
    expect(answers).toBeGreaterThan(0);
    leaveHotJournal(db, 'DELETE FROM answer');
    // The main file alone is the half-written transaction: read without its journal, not the saved answers.
    const alone = join(tempDir('tusoi-ro-main-'), 'main.sqlite');
    copyFileSync(db, alone);
    const half = new Database(alone);
    const halfCount = (() => {
      try {
        return half.pragma('integrity_check', { simple: true }) === 'ok' ? count(half) : -1;
      } catch {
        return -1;
      }
    })();
    half.close();
    expect(halfCount).not.toBe(answers);
    seal(dir);
    const d = openForReading(db);
    expect(readMode(d)).toBe('memory');
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count(d)).toBe(answers);
    d.close();
  });

  it('refuses a -wal it cannot read, naming it, rather than show the older state', () => {
    const { dir, db } = cellDb();
    leaveWal(db, `INSERT INTO member (code, name, search_key, added_on) VALUES ('M3', 'Cường', 'cuong', '2026-11-02')`);
    rmSync(`${db}-wal`);
    // A -wal that is no file (root reads any file mode: a FIFO cannot be read by anyone).
    execFileSync('mkfifo', [`${db}-wal`]);
    seal(dir);
    expect(() => openForReading(db)).toThrow(expect.objectContaining({ code: 'DB_READONLY_WAL_UNREADABLE', params: expect.objectContaining({ wal: `${db}-wal` }) }));
  });

  it.each(SOLID_GROUND_BUILDS)(
    'an older schema (%s), read-only: upgraded in memory only; the file stays at its version',
    (build) => {
      const dir = tempDir('tusoi-ro-old-');
      for (const f of ['bloc.sqlite', 'cell-named.sqlite', 'cell-anonymous.sqlite']) copyFileSync(join(FIXTURES, build, f), join(dir, f));
      const before = Object.fromEntries(readdirSync(dir).map((f) => [f, sha(join(dir, f))]));
      seal(dir);
      for (const f of Object.keys(before)) {
        const d = openForReading(join(dir, f));
        expect(readMode(d)).toBe('memory');
        expect(d.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
        // Step 4's column, on the copy, whichever build made the file.
        expect(d.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('merged_file')").all().map((c) => c.name)).toContain('exported_at');
        d.close();
        const raw = new Database(join(dir, f), { readonly: true });
        expect(raw.pragma('user_version', { simple: true })).toBe(3);
        raw.close();
      }
      expect(Object.fromEntries(readdirSync(dir).map((f) => [f, sha(join(dir, f))]))).toEqual(before);
    },
  );

  it('an older schema whose upgrade fails on the copy: refused, saying to copy it to a writable folder', () => {
    const dir = tempDir('tusoi-ro-broken-');
    const db = join(dir, 'bloc.sqlite');
    copyFileSync(join(FIXTURES, 'before-exported-at-c2c31c0', 'bloc.sqlite'), db);
    // Step 4 alters merged_file: without it the step cannot run.
    const raw = new Database(db);
    raw.exec('DROP TABLE merged_unit; DROP TABLE merged_file');
    raw.close();
    seal(dir);
    expect(() => openForReading(db)).toThrow(expect.objectContaining({ code: 'DB_READONLY_OLD', params: { file: db, version: 3, supported: LATEST_VERSION } }));
  });

  it('too large to hold in memory: refused before reading, saying to copy it', () => {
    const { dir, db } = cellDb();
    // Sparse: 600 MB that take no room and would take seconds to read.
    truncateSync(db, 600 * 1024 * 1024);
    seal(dir);
    expect(() => openForReading(db)).toThrow(expect.objectContaining({ code: 'DB_READONLY_TOO_LARGE', params: { file: db, size: 600 * 1024 * 1024, limit: READ_ONLY_IMAGE_LIMIT } }));
  });

  it('a FIFO or a device as the database: refused before SQLite opens it', () => {
    const dir = tempDir('tusoi-ro-fifo-');
    const fifo = join(dir, 'cell.sqlite');
    execFileSync('mkfifo', [fifo]);
    for (const open of [openDatabase, openForReading]) {
      expect(() => open(fifo)).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR', params: { file: fifo, kind: 'fifo' } }));
      expect(() => open('/dev/zero')).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR', params: { file: '/dev/zero', kind: 'device' } }));
    }
    expect(() => createDatabase(fifo)).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR', params: { file: fifo, kind: 'fifo' } }));
  });
});
