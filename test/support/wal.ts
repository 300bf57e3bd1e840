/** A database left with committed frames in its `-wal` that are not in the main file: a writer killed before any checkpoint. */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { ROOT } from './cli.js';

/** Runs `sql` on `db` in a child process that is then SIGKILLed, so the `-wal` (and `-shm`) stay behind, unmerged. */
export function leaveWal(db: string, sql: string): void {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('wal_autocheckpoint = 0');
    db.exec(process.argv[2]);
    process.kill(process.pid, 'SIGKILL');`;
  const r = spawnSync(process.execPath, ['-e', script, db, sql], { cwd: ROOT, encoding: 'utf8' });
  if (r.signal !== 'SIGKILL') throw new Error(`the writer was not killed: ${r.stderr}`);
  if (!existsSync(`${db}-wal`) || statSync(`${db}-wal`).size === 0) throw new Error('no -wal left');
}

/**
 * A rollback-journal database (as the fixtures are) killed in the middle of a
 * transaction that ran `sql` with a cache too small to hold it: pages already
 * written over in the main file, their originals in a hot `-journal`.
 */
export function leaveHotJournal(db: string, sql: string): void {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('cache_size = 1');
    db.exec('BEGIN');
    db.exec(process.argv[2]);
    db.exec('CREATE TABLE filler (x)');
    const add = db.prepare('INSERT INTO filler VALUES (randomblob(4000))');
    for (let i = 0; i < 200; i++) add.run();
    process.kill(process.pid, 'SIGKILL');`;
  const r = spawnSync(process.execPath, ['-e', script, db, sql], { cwd: ROOT, encoding: 'utf8' });
  if (r.signal !== 'SIGKILL') throw new Error(`the writer was not killed: ${r.stderr}`);
  if (!existsSync(`${db}-journal`) || statSync(`${db}-journal`).size === 0) throw new Error('no hot -journal left');
}
