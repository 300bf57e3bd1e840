/**
 * Issue 13, read from the file's bytes: once anonymous ballots are submitted,
 * nothing in the database, its WAL or its free space tells one ballot from
 * another or lines them up with the members, whatever order they came in.
 * The leak search (test/support/sqlite-leaks.ts, from the forensics helper)
 * tries direct links, zips by write, page and key order, WAL commit diffs and
 * leftovers; anonymousResidue checks the design's own promises (no WAL, no
 * non-zero free bytes, one tally cell). Paper forms here (in-process, quick);
 * the terminal interview and a reader holding a snapshot during the
 * submissions in test/e2e/anonymous-forensics.slow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { anonymousResidue, expectClean, expectNoLinks } from '../support/anonymous-residue.js';
import { ballotScenario, enterPaperForms, shuffled } from '../support/ballots.js';

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
});
