/**
 * Issue 13 through the real terminal interview (a pseudo-terminal per member,
 * every answer committed as given): today's anonymous round is linked by the
 * cell offsets of participation and responses, and, while another connection
 * reads, by the WAL's commits and the resume-code hashes left in old frames.
 * The lead flips these to "finds nothing" when the new storage lands.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ballotScenario, interviewBallots, shuffled } from '../support/ballots.js';
import { describeReport, findLinks } from '../support/sqlite-leaks.js';

describe("today's anonymous storage (before issue 13), answered in the terminal", () => {
  it('links each member who answered in turn to their ballot', async () => {
    const s = await ballotScenario({ members: 6, anonymous: true, seed: 41 });
    const order = shuffled(s.codes.keys(), 42);
    const reader = new Database(s.cell.db, { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM member').get();
      const codes = await interviewBallots(s, order);
      expect(codes.size).toBe(6);
      const roundId = s.cell.query<{ id: number }>('SELECT id FROM round')[0]!.id;
      // What tusoi stores while a response is open (responses.ts): sha256 of "round:CODE".
      const needles = [...codes].map(([memberId, code]) => ({ label: `resume hash of member ${memberId}`, memberId, bytes: createHash('sha256').update(`${roundId}:${code}`).digest('hex') }));
      const r = findLinks({ dbPath: s.cell.db, ...s.truth(order), needles, minCorrect: 6 });
      const report = describeReport(r);
      expect(r.ballotKeys, report).toHaveLength(6);
      expect(r.directLinks, report).toEqual([]);
      // Cell offsets: participation zipped with responses in write order.
      const z = r.zips.find((x) => x.memberSide === 'participation' && x.memberOrdering === 'offset' && x.ballotSide === 'response' && x.ballotOrdering === 'offset');
      expect(z, report).toMatchObject({ paired: 6, correct: 6 });
      // The WAL: the commit that starts a turn adds the member's participation and their response.
      expect(r.wal.correct, report).toBe(6);
      expect(r.wal.links.filter((l) => l.member !== l.ballotOf), report).toEqual([]);
      // The resume hashes, erased from the live rows at submit, are still in superseded frames.
      const hashes = new Set(r.residue.filter((x) => x.what === 'needle').map((x) => x.memberId));
      expect(hashes.size, report).toBe(6);
      expect(r.residue.some((x) => x.what === 'verifier'), report).toBe(true);
      expect(s.cell.query('SELECT resume_hash FROM response WHERE resume_hash IS NOT NULL')).toEqual([]);
    } finally {
      reader.close();
    }
  });
});
