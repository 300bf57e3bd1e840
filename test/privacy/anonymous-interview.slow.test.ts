/**
 * Issue 13 through the real terminal interview (a pseudo-terminal per member,
 * every answer committed as given), with another connection reading during
 * the turns. Before issue 13 this linked 6 of 6 members to their ballots (cell
 * offsets, WAL commits, and the resume-code hashes left in superseded frames).
 * Now: once the reader lets go and the round closes, neither the ballots, nor
 * their order, nor any trace of the resume codes is left.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { anonymousResidue, expectClean } from '../support/anonymous-residue.js';
import { ballotScenario, interviewBallots, shuffled } from '../support/ballots.js';
import { describeReport, findLinks, orderSignals } from '../support/sqlite-leaks.js';

describe('the anonymous storage, answered in the terminal while another connection reads', () => {
  it('keeps no link, no order and no trace of the resume codes once the round is closed', async () => {
    const s = await ballotScenario({ members: 6, anonymous: true, seed: 41 });
    const order = shuffled(s.codes.keys(), 42);
    const reader = new Database(s.cell.db, { readonly: true });
    let codes: Map<number, string>;
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM member').get();
      codes = await interviewBallots(s, order);
    } finally {
      reader.close();
    }
    expect(codes.size).toBe(6);
    expect((await s.cell.cli(['round', 'close'])).status).toBe(0);
    // The codes as shown and as typed (without the hyphen): neither may be anywhere in the bytes.
    const needles = [...codes].flatMap(([memberId, code]) => [code, code.replace('-', '')].map((bytes) => ({ label: `resume code of member ${memberId}`, memberId, bytes })));
    const r = findLinks({ dbPath: s.cell.db, ...s.truth(order), needles, minCorrect: 6 });
    const report = describeReport(r);
    expect(r.directLinks, report).toEqual([]);
    expect(r.wal.transactions, report).toBe(0);
    expect(r.leaks, report).toEqual([]);
    expect(orderSignals(r), report).toEqual([]);
    expect(r.residue.filter((x) => x.what === 'needle' || x.what === 'verifier'), report).toEqual([]);
    expectClean(anonymousResidue(s.cell.db), { closed: true });
  }, 300_000);
});
