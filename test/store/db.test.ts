import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createDatabase, openDatabase } from '../../src/store/db.js';
import { checkMigrations, LATEST_VERSION, migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { tempDir } from '../support/temp.js';

const tmp = () => tempDir('tusoi-db-');
const mode = (f: string) => statSync(f).mode & 0o777;

describe('database files', () => {
  it('are created readable by their owner only, with -wal and -shm alike', () => {
    const file = join(tmp(), 'a.sqlite');
    const db = createDatabase(file);
    db.exec('CREATE TABLE x (y INTEGER)'); // forces the WAL into existence
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('are never overwritten by a second create', () => {
    const file = join(tmp(), 'a.sqlite');
    createDatabase(file).close();
    expect(() => createDatabase(file)).toThrow(expect.objectContaining({ name: 'UserError', code: 'DB_EXISTS' }));
  });

  it('refuse a missing file, a text file, and a SQLite file that is not tusoi, leaving them unchanged', () => {
    const dir = tmp();
    expect(() => openDatabase(join(dir, 'none.sqlite'))).toThrow(expect.objectContaining({ code: 'DB_NOT_FOUND' }));
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'not a database at all\n');
    expect(() => openDatabase(text)).toThrow(expect.objectContaining({ code: 'DB_NOT_TUSOI' }));
    const other = join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE t (a)');
    o.close();
    const before = statSync(other).mtimeMs;
    expect(() => openDatabase(other)).toThrow(expect.objectContaining({ code: 'DB_NOT_TUSOI' }));
    expect(statSync(other).mtimeMs).toBe(before);
    expect(() => createDatabase(join(dir, 'missing-dir', 'x.sqlite'))).toThrow(expect.objectContaining({ code: 'DIR_NOT_FOUND' }));
  });

  it('refuse a database made by a newer tusoi', () => {
    const file = join(tmp(), 'new.sqlite');
    createDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
  });
});

describe('migrations', () => {
  it('are contiguous from 1', () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
    expect(() => checkMigrations([{ version: 2, name: 'x', up: () => {} }])).toThrow(/out of order/);
    expect(() => checkMigrations([{ version: 2, name: 'x', up: () => {} }])).toThrow(expect.objectContaining({ name: 'InternalError' }));
  });

  it('run each step once, in its own transaction, and a failing step leaves the previous version', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'one', up: (d: Database.Database) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'two', up: (d: Database.Database) => { d.exec('CREATE TABLE b (x)'); throw new Error('boom'); } },
    ];
    expect(() => migrate(db, steps)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    expect(migrate(db, steps.slice(0, 1))).toEqual({ from: 1, to: 1, applied: [] });
  });
});
