/**
 * Issue 13, the "must show" test: what the bytes of a cell's database file
 * tell about who answered what, found by the forensic tool
 * (test/support/sqlite-leaks.ts) against the truth the test knows.
 *
 * The named round is the control: members are linked to their answers by
 * design, and the tool must find every link, by the member id in the response
 * and, independently, by cell offsets alone. The same tool on an anonymous
 * round (before issue 13 it linked 60 of 60 the same way, by offsets) must
 * find nothing once the ballots are in.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { anonymousResidue, expectClean } from '../support/anonymous-residue.js';
import { ballotScenario, enterPaperForms, shuffled } from '../support/ballots.js';
import { describeReport, findLinks, orderSignals, type LeakReport, type Zip } from '../support/sqlite-leaks.js';

/** The best zip of a member-side structure read in write order (cell offsets) with any ballot-side structure, also in write order. */
function offsetZip(r: LeakReport, memberSide: string): Zip {
  const z = r.zips.find((x) => x.memberSide === memberSide && x.memberOrdering === 'offset' && x.ballotOrdering === 'offset');
  if (!z) throw new Error(`no offset zip of ${memberSide}\n${describeReport(r)}`);
  return z;
}

describe('the forensic tool on a named round (the control)', () => {
  it('links all 60 members of a cell whose paper forms were entered in shuffled order, by member id and by write order alone', async () => {
    const s = await ballotScenario({ members: 60, anonymous: false, seed: 11 });
    const order = shuffled(s.codes.keys(), 12);
    await enterPaperForms(s, order);
    const r = findLinks({ dbPath: s.cell.db, ...s.truth(order) });
    const report = describeReport(r);
    // Every answer group is recognised as one member's ballot.
    expect(r.ballotKeys, report).toHaveLength(60);
    // By design: the response row holds the member id.
    expect(new Set(r.directLinks.filter((d) => d.member === d.ballotOf).map((d) => d.member)).size, report).toBe(60);
    expect(r.directLinks.filter((d) => d.member !== d.ballotOf), report).toEqual([]);
    // And without reading that column: participation and a response index zipped by cell offsets.
    const z = offsetZip(r, 'participation');
    expect(z.ballotSide, report).toBe('response_round');
    expect(z, report).toMatchObject({ paired: 60, correct: 60 });
    expect(r.leaks.map((l) => l.kind), report).toEqual(expect.arrayContaining(['direct', 'zip', 'turns']));
  });
});

/** Nothing in the file, its free space or its WAL lines a member up with a ballot or orders the respondents. */
function expectNothing(r: LeakReport): void {
  const report = describeReport(r);
  expect(r.directLinks, report).toEqual([]);
  expect(r.leaks, report).toEqual([]);
  expect(orderSignals(r), report).toEqual([]);
}

describe('the anonymous storage (issue 13: tallies, sealed ballots in progress, secure_delete, TRUNCATE checkpoints)', () => {
  it('after the last of 60 shuffled paper forms, and again after close, the file tells nothing of who answered what', async () => {
    const s = await ballotScenario({ members: 60, anonymous: true, seed: 21 });
    const order = shuffled(s.codes.keys(), 22);
    await enterPaperForms(s, order);
    expectNothing(findLinks({ dbPath: s.cell.db, ...s.truth(order) }));
    // The generic search cannot read a tally: old copies of it, one per submission, would give
    // each ballot by difference. So free space must hold nothing at all (test/support/anonymous-residue.ts).
    expectClean(anonymousResidue(s.cell.db), { closed: false });
    expect((await s.cell.cli(['round', 'close'])).status).toBe(0);
    expectNothing(findLinks({ dbPath: s.cell.db, ...s.truth(order) }));
    expectClean(anonymousResidue(s.cell.db), { closed: true });
  }, 120_000);

  it('with another connection holding a read transaction during the turns: the WAL holds the submissions until it can be checkpointed, then nothing is left', async () => {
    const s = await ballotScenario({ members: 12, anonymous: true, seed: 31 });
    const order = shuffled(s.codes.keys(), 32);
    // A reader (a backup tool, a second window on `tusoi status`) opened before the turns:
    // no checkpoint can pass its snapshot, so the WAL keeps each submission (the README says so).
    const reader = new Database(s.cell.db, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM member').get();
      await enterPaperForms(s, order);
      const during = findLinks({ dbPath: s.cell.db, ...s.truth(order) });
      expect(during.wal.transactions, describeReport(during)).toBeGreaterThanOrEqual(12);
    } finally {
      reader.close();
    }
    // The next write (here: close) finishes the checkpoint the reader blocked, and truncates the WAL.
    expect((await s.cell.cli(['round', 'close'])).status).toBe(0);
    const after = findLinks({ dbPath: s.cell.db, ...s.truth(order) });
    expect(after.wal.transactions, describeReport(after)).toBe(0);
    expectNothing(after);
    expectClean(anonymousResidue(s.cell.db), { closed: true });
  }, 120_000); // 12 paper forms through the CLI and a close that waits for the checkpoint: slow on a loaded machine
});
