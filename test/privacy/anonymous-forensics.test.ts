/**
 * Issue 13, the "must show" test: what the bytes of a cell's database file
 * tell about who answered what, found by the forensic tool
 * (test/support/sqlite-leaks.ts) against the truth the test knows.
 *
 * The named round is the control: members are linked to their answers by
 * design, and the tool must find every link, by the member id in the response
 * and, independently, by cell offsets alone. Today's anonymous round is found
 * linked the same way (that is the bug): the lead flips those assertions to
 * "finds nothing" when the new anonymous storage lands.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
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

describe("today's anonymous storage (before issue 13)", () => {
  it('links all 60 members to their ballots: participation and responses keep the order of submission in their cell offsets', async () => {
    const s = await ballotScenario({ members: 60, anonymous: true, seed: 21 });
    const order = shuffled(s.codes.keys(), 22);
    await enterPaperForms(s, order);
    const r = findLinks({ dbPath: s.cell.db, ...s.truth(order) });
    const report = describeReport(r);
    expect(r.ballotKeys, report).toHaveLength(60);
    // No column links them (what the existing join test proves)...
    expect(r.directLinks, report).toEqual([]);
    // ...but the offsets do: participation (keyed by member) zipped with the response table.
    const z = offsetZip(r, 'participation');
    expect(z, report).toMatchObject({ ballotSide: 'response', paired: 60, correct: 60 });
    // Whoever saw the order of turns in the room needs no participation table at all.
    const turns = r.zips.find((x) => x.memberOrdering === 'turns' && x.ballotSide === 'response' && x.ballotOrdering === 'offset');
    expect(turns, report).toMatchObject({ paired: 60, correct: 60 });
    // Leftovers: deleted and moved cells in freeblocks and gaps still carry response ids and answers.
    expect(r.residue.some((x) => x.what === 'ballot-record'), report).toBe(true);
    expect([...new Set(r.leaks.map((l) => l.kind))].sort(), report).toEqual(['residue', 'turns', 'zip']);
    // Participation and responses alike record the order of turns.
    expect(orderSignals(r).find((o) => o.structure === 'participation')?.writeOrder, report).toEqual(order);
  });

  it('while another connection holds a read transaction, the WAL keeps every commit: each links one member to one ballot', async () => {
    const s = await ballotScenario({ members: 12, anonymous: true, seed: 31 });
    const order = shuffled(s.codes.keys(), 32);
    // A reader (a backup tool, a second window on `tusoi status`) opened before the turns:
    // no checkpoint can pass its snapshot, so the file stays as it was and the WAL grows.
    const reader = new Database(s.cell.db, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM member').get();
      await enterPaperForms(s, order);
      const r = findLinks({ dbPath: s.cell.db, ...s.truth(order) });
      const report = describeReport(r);
      // Every paper form is one commit, which adds its member's participation row and its ballot's rows.
      expect(r.wal.transactions, report).toBeGreaterThanOrEqual(12);
      expect(r.wal.links, report).toHaveLength(12);
      expect(r.wal.correct, report).toBe(12);
      expect(r.wal.links.map((l) => l.member), report).toEqual(order);
      expect(r.leaks.map((l) => l.kind), report).toContain('wal');
      // The file alone (the reader's snapshot) holds none of the ballots yet: they are all in the WAL.
      expect(reader.prepare('SELECT COUNT(*) AS n FROM response').get(), report).toEqual({ n: 0 });
    } finally {
      reader.close();
    }
  });
});
