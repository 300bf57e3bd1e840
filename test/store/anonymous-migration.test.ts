/**
 * Migration step 5 on anonymous rounds made by released builds
 * (test/fixtures/db): the ballots become the round's tally and their rows are
 * gone, the file is rewritten (VACUUM, WAL truncated) before the command goes
 * on, and a file left between the step and the rewrite is finished when next
 * opened. That the reports keep their counts is test/store/fixtures.test.ts.
 */
import { MIGRATIONS } from '../../src/store/migrations.js';
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrations.js';
import { anonymousResidue } from '../support/anonymous-residue.js';
import { tempDir } from '../support/temp.js';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'db', 'v3-256b702', 'cell-anonymous.sqlite');

function copy(): string {
  const file = join(tempDir('tusoi-migrate-5-'), 'cell.sqlite');
  copyFileSync(FIXTURE, file);
  return file;
}

const raw = <T>(file: string, fn: (db: Database.Database) => T): T => {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

describe('step 5 on an anonymous round of schema 3', () => {
  it('the fixture holds per-ballot rows before the step (what the step must remove)', () => {
    const before = raw(copy(), (db) => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM answer a JOIN response r ON r.id = a.response_id JOIN round o ON o.id = r.round_id WHERE o.anonymous = 1').get()!.n);
    expect(before).toBeGreaterThan(0);
  });

  it('keeps the tally and who took part, deletes every ballot row, and rewrites the file', () => {
    const file = copy();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length); // every step after 3, 5 among them
      expect(db.prepare('SELECT name FROM store_flag').all()).toEqual([]);
      expect(db.pragma('freelist_count', { simple: true })).toBe(0);
      const rows = db.prepare<[], { submitted: string; in_progress: string; respondents: number; counts: string }>('SELECT submitted, in_progress, respondents, counts FROM anon_round').all();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ submitted: '[1,2,3]', in_progress: '[]', respondents: 3 });
      expect(JSON.parse(rows[0]!.counts)).toMatchObject({ storeFormat: 1 });
    } finally {
      db.close();
    }
    const r = anonymousResidue(file);
    expect(r.walBytes).toBe(0);
    expect(r.cells).toEqual({ response: 0, answer: 0, participation: 0, anon_round: 1, anon_ballot: 0 });
    expect(r.dirty.filter((d) => d.structure !== 'sqlite_schema' && !(d.kind === 'gap' && d.nonZero <= 2))).toEqual([]);
  });

  it('a file left between the step and its rewrite is rewritten when next opened', () => {
    const file = copy();
    // The step committed, then the process died before VACUUM: what a raw migrate leaves.
    raw(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      expect(db.prepare('SELECT name FROM store_flag').all()).toEqual([{ name: 'rewrite' }]);
    });
    // Left so, the old cell-pointer arrays of participation and response survive in their pages' gaps:
    // offsets in key order, i.e. the order of writing, of both tables.
    const stale = (f: string) => anonymousResidue(f).dirty.filter((d) => d.kind === 'gap' && (d.structure === 'participation' || d.structure === 'response'));
    expect(stale(file).length).toBeGreaterThan(0);
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT name FROM store_flag').all()).toEqual([]);
      expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    } finally {
      db.close();
    }
    expect(stale(file)).toEqual([]);
  });
});
