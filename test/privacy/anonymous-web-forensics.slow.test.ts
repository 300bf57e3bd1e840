/**
 * Issue 18 part 2 with issue 13's guarantees: anonymous ballots answered over
 * the network form leave nothing in the file, its free space or its WAL that
 * links a member to a ballot or orders the respondents. Members are ticked
 * off in one shuffled order, and answer and submit their slips in another;
 * then every page and WAL frame is read directly (test/support/sqlite-leaks.ts,
 * anonymous-residue.ts), after the last ballot and again after the close.
 */
import { describe, expect, it } from 'vitest';
import { tickMember } from '../../src/services/web-slips.js';
import { anonymousResidue, expectClean } from '../support/anonymous-residue.js';
import { LEVELS, shuffled } from '../support/ballots.js';
import { seeded } from '../support/random.js';
import { readSqlite } from '../support/sqlite-forensics.js';
import { describeReport, findLinks, orderSignals, type LeakReport, type Truth } from '../support/sqlite-leaks.js';
import { answerBallot, servedAnonymous, submitBallot } from '../support/web-anonymous.js';

const NAMES = Array.from({ length: 10 }, (_, i) => `${['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'][i % 5]} Văn ${['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh', 'Ngọc'][i]}`);

function expectNothing(r: LeakReport): void {
  const report = describeReport(r);
  expect(r.directLinks, report).toEqual([]);
  expect(r.leaks, report).toEqual([]);
  expect(orderSignals(r), report).toEqual([]);
}

describe('anonymous ballots over the network form leave no link and no order', () => {
  it('10 slips ticked in one order, submitted over HTTP in another: nothing after the last ballot, nothing after close', async () => {
    const s = await servedAnonymous(NAMES);
    const behaviours = s.q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
    const rnd = seeded(41);
    const ballots = new Map(s.members.map((m) => [m.id, new Map(behaviours.map((b) => [b, LEVELS[Math.floor(rnd() * 3)]!]))]));
    // The secretary hands slip k to the k-th member ticked off, in a shuffled order.
    const tickOrder = shuffled(s.members.map((m) => m.id), 42);
    const slipOf = new Map(tickOrder.map((id, k) => [id, s.slips[k]!]));
    for (const id of tickOrder) expect(tickMember(s.db, s.round, s.members.find((m) => m.id === id)!)).toBe('ticked');
    // Members answer and submit in another order, two devices open at a time.
    const submitOrder = shuffled(tickOrder, 43);
    for (let i = 0; i < submitOrder.length; i += 2) {
      const pair = submitOrder.slice(i, i + 2).map((id) => ({ id, d: s.device() }));
      await Promise.all(pair.map((x) => answerBallot(x.d, s.q, slipOf.get(x.id)!, ballots.get(x.id)!)));
      for (const x of pair) expect((await submitBallot(x.d)).status).toBe(303);
    }
    // No log line holds an address or a time.
    expect(s.log.length).toBeGreaterThan(280);
    expect(s.log.filter((l) => /\d+\.\d+\.\d+\.\d+|::1|\d\d:\d\d/.test(l))).toEqual([]);
    await s.close();

    const truth: Truth = {
      members: s.members.map((m) => m.id),
      ballots: [...ballots].map(([memberId, answers]) => ({ memberId, answers })),
      behaviours,
      levels: LEVELS,
      turnOrder: submitOrder,
      // A slip's code with the member who got it: never stored (only its scrypt hash is).
      needles: [...slipOf].map(([memberId, code]) => ({ label: 'slip code', memberId, bytes: code })),
    };
    expectNothing(findLinks({ dbPath: s.cell.db, ...truth }));
    expectClean(anonymousResidue(s.cell.db), { closed: false });
    // No slip row names a member, and no slip session is left (each ended at its submission).
    const image = readSqlite(s.cell.db);
    const cells = (name: string) => image.structures.find((x) => x.name === name)?.cells.length ?? 0;
    expect(cells('web_slip')).toBe(10);
    expect(cells('web_slip_session')).toBe(0);
    const columns = s.cell.query<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE name LIKE 'web_slip%' AND type = 'table'");
    expect(columns.map((c) => c.name).sort()).toEqual(['web_slip', 'web_slip_round', 'web_slip_session']);
    for (const c of columns) expect(c.sql, c.name).not.toMatch(/member|_at\b|time/i);

    expect((await s.cell.cli(['round', 'close'])).status).toBe(0);
    expectNothing(findLinks({ dbPath: s.cell.db, ...truth }));
    expectClean(anonymousResidue(s.cell.db), { closed: true });
    const after = readSqlite(s.cell.db);
    expect(after.structures.find((x) => x.name === 'web_slip')?.cells.length ?? 0).toBe(0);
    // The round's counts are the ten ballots.
    const report = JSON.parse((await s.cell.cli(['report', '--json'])).stdout) as { respondents?: number; summary?: { respondents: number } };
    expect(report.respondents ?? report.summary?.respondents).toBe(10);
  }, 180_000);
});
