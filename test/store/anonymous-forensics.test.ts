/**
 * Issue 13, read from the file's bytes: once anonymous ballots are submitted,
 * nothing in the database, its WAL or its free space tells one ballot from
 * another or lines them up with the members, whatever order they came in.
 * The leak search (test/support/sqlite-leaks.ts, from the forensics helper)
 * tries direct links, zips by write, page and key order, WAL commit diffs and
 * leftovers; anonymousResidue checks the design's own promises (no WAL, no
 * non-zero free bytes, one tally cell). Paper forms here (in-process, quick);
 * the terminal interview in test/e2e/anonymous-forensics.slow.test.ts.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { anonymousResidue, type Residue } from '../support/anonymous-residue.js';
import { ballotScenario, enterPaperForms, shuffled, type BallotScenario } from '../support/ballots.js';
import { describeReport, findLinks } from '../support/sqlite-leaks.js';

/**
 * The design's promises: no WAL left, no ballot rows, one tally cell, free
 * space zeroed. While the round is open, SQLite's gaps may keep the last slots
 * of a shrunk cell-pointer array (offsets of deleted cells, no content);
 * once closed, the file has been rebuilt by VACUUM and holds none.
 * NOTE: two structures are left out: sqlite_schema (its free space holds
 * CREATE statements, from `init` and VACUUM's own rewrite of the schema) and
 * store_flag (the slot of the flag cleared after VACUUM); neither ever holds
 * a member or an answer.
 */
function expectClean(r: Residue, o: { closed: boolean }): void {
  expect(r.walBytes).toBe(0);
  expect(r.cells).toEqual({ response: 0, answer: 0, participation: 0, anon_round: 1, anon_ballot: 0 });
  const relevant = r.dirty.filter((d) => d.structure !== 'sqlite_schema' && d.structure !== 'store_flag');
  expect(relevant.filter((d) => !(d.kind === 'gap' && !o.closed))).toEqual([]);
}

function expectNoLinks(s: BallotScenario, order: ReadonlyArray<number>): void {
  const report = findLinks({ dbPath: s.cell.db, ...s.truth(order) });
  expect(report.leaks, describeReport(report)).toEqual([]);
}

describe('anonymous paper forms entered in shuffled order', () => {
  it('leave no order and no residue, after the last form and after close', async () => {
    const s = await ballotScenario({ members: 14, anonymous: true, seed: 13 });
    const order = shuffled(s.codes.keys(), 5);
    await enterPaperForms(s, order);
    expectClean(anonymousResidue(s.cell.db), { closed: false });
    expectNoLinks(s, order);
    const [row] = s.cell.query<{ submitted: string }>('SELECT submitted FROM anon_round');
    expect(row!.submitted).toBe(JSON.stringify([...order].sort((a, b) => a - b)));
    expect((await s.cell.cli(['round', 'close'])).status).toBe(0);
    expectClean(anonymousResidue(s.cell.db), { closed: true });
    expectNoLinks(s, order);
  });

  it('with a reader holding a snapshot meanwhile: the WAL keeps the submissions until it lets go, and closing empties it', async () => {
    const s = await ballotScenario({ members: 8, anonymous: true, seed: 14 });
    const order = shuffled(s.codes.keys(), 6);
    const reader = new Database(s.cell.db, { readonly: true });
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT COUNT(*) AS n FROM member').get();
    try {
      await enterPaperForms(s, order);
      // As the README says: until the reader ends, the log holds each submission's pages in order.
      expect(anonymousResidue(s.cell.db).walBytes).toBeGreaterThan(0);
      reader.prepare('COMMIT').run();
      // Still connected (a second kiosk idle at its menu): SQLite's own clean-up when the last connection
      // closes cannot help, so only the close's checkpoint can empty the log.
      expect((await s.cell.cli(['round', 'close'])).status).toBe(0);
      expectClean(anonymousResidue(s.cell.db), { closed: true });
      expectNoLinks(s, order);
    } finally {
      if (reader.inTransaction) reader.prepare('COMMIT').run();
      reader.close();
    }
  });
});
