/**
 * Issue 13 through the terminal interview: members answer an anonymous round
 * in a shuffled order, some in the real interview (a pseudo-terminal each,
 * every answer committed as given: ~111 writes of a sealed ballot per member),
 * the others on paper. The file is read directly after the last ballot and
 * after close; in the second run a reader holds a snapshot during all the
 * submissions (a `status` left open in another window), so no checkpoint can
 * run until it lets go.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { anonymousResidue, expectClean, expectNoLinks } from '../support/anonymous-residue.js';
import { ballotScenario, enterPaperForms, interviewBallots, shuffled, type BallotScenario } from '../support/ballots.js';

/** Members take turns in `order`; those in `terminal` answer in the interview, the others on paper. */
async function takeTurns(s: BallotScenario, order: ReadonlyArray<number>, terminal: ReadonlySet<number>): Promise<void> {
  for (const id of order) await (terminal.has(id) ? interviewBallots(s, [id]) : enterPaperForms(s, [id]));
}

describe('an anonymous round answered in the terminal and on paper, in shuffled order', () => {
  it('leaves no order and no residue after the last ballot and after close', async () => {
    const s = await ballotScenario({ members: 10, anonymous: true, seed: 31 });
    const order = shuffled(s.codes.keys(), 32);
    await takeTurns(s, order, new Set(order.filter((_, i) => i % 3 === 1)));
    expectClean(anonymousResidue(s.cell.db), { closed: false });
    expectNoLinks(s, order);
    expect((await s.cell.cli(['round', 'close'])).status).toBe(0);
    expectClean(anonymousResidue(s.cell.db), { closed: true });
    expectNoLinks(s, order);
  }, 300_000);

  it('with a reader holding a snapshot during the submissions: the WAL keeps them until it lets go, and the close empties it', async () => {
    const s = await ballotScenario({ members: 9, anonymous: true, seed: 41 });
    const order = shuffled(s.codes.keys(), 42);
    const reader = new Database(s.cell.db, { readonly: true });
    try {
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT COUNT(*) AS n FROM member').get();
      await takeTurns(s, order, new Set(order.filter((_, i) => i % 3 === 0)));
      // As the README says: until the reader ends, the log holds each submission's pages in order.
      expect(anonymousResidue(s.cell.db).walBytes).toBeGreaterThan(0);
      reader.prepare('COMMIT').run();
      // Still connected (a second kiosk idle at its menu): SQLite's own clean-up when the last
      // connection closes cannot help, so only the close's checkpoint can empty the log.
      expect((await s.cell.cli(['round', 'close'])).status).toBe(0);
      expectClean(anonymousResidue(s.cell.db), { closed: true });
      expectNoLinks(s, order);
    } finally {
      if (reader.inTransaction) reader.prepare('COMMIT').run();
      reader.close();
    }
  }, 300_000);
});
