/**
 * Issue 13 on a file an older tusoi really wrote (test/fixtures/db/anonymous-60752ba,
 * made by scripts/make-anonymous-fixture.mjs with the build of 60752ba, the
 * last before the tally storage): 12 paper forms of an anonymous round entered
 * in a shuffled order, the round closed, the pages as written (no VACUUM).
 * Before the upgrade the forensic search links the members to their ballots
 * (the fixture holds the leak); after this build opens it, nothing is left,
 * and the report gives the counts that build printed.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';
import { anonymousResidue, expectClean } from '../support/anonymous-residue.js';
import { describeReport, findLinks, orderSignals, type Truth } from '../support/sqlite-leaks.js';
import { tempDir } from '../support/temp.js';

const DIR = resolve(import.meta.dirname, '..', 'fixtures', 'db', 'anonymous-60752ba');
interface FixtureTruth {
  behaviours: string[];
  levels: string[];
  members: number[];
  order: number[];
  ballots: Array<{ memberId: number; answers: Record<string, string> }>;
  report: { respondents: number; overall: unknown; manifestations: Array<{ id: string; counts: unknown }>; behaviours: Array<{ id: string; counts: unknown }> };
}
const fixture = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as FixtureTruth;
const truth: Truth = {
  members: fixture.members,
  ballots: fixture.ballots.map((b) => ({ memberId: b.memberId, answers: new Map(Object.entries(b.answers)) })),
  behaviours: fixture.behaviours,
  levels: fixture.levels,
  turnOrder: fixture.order,
};

function copy(): string {
  const file = join(tempDir('tusoi-anon-fixture-'), 'cell.sqlite');
  copyFileSync(join(DIR, 'cell.sqlite'), file);
  return file;
}

describe('an anonymous round written by the build before the tallies (60752ba)', () => {
  it('holds the leak as written: its cell offsets link the members to their ballots', () => {
    const r = findLinks({ dbPath: copy(), ...truth });
    const report = describeReport(r);
    expect(r.directLinks, report).toEqual([]);
    const best = Math.max(0, ...r.zips.filter((z) => z.memberOrdering !== 'turns').map((z) => z.correct));
    expect(best, report).toBeGreaterThanOrEqual(8);
    expect(r.leaks.length, report).toBeGreaterThan(0);
  });

  it('once this build has opened it, tells nothing of who answered what, and reports the same counts', async () => {
    const file = copy();
    const r = await runMain(['--db', file, 'report', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const now = JSON.parse(r.stdout) as FixtureTruth['report'];
    expect(now.respondents).toBe(fixture.report.respondents);
    expect(now.overall).toEqual(fixture.report.overall);
    expect(now.manifestations.map((m) => [m.id, m.counts])).toEqual(fixture.report.manifestations.map((m) => [m.id, m.counts]));
    expect(now.behaviours.map((b) => [b.id, b.counts])).toEqual(fixture.report.behaviours.map((b) => [b.id, b.counts]));
    expect(fixture.report.behaviours).toHaveLength(111);
    const after = findLinks({ dbPath: file, ...truth });
    expect(after.leaks, describeReport(after)).toEqual([]);
    expect(orderSignals(after), describeReport(after)).toEqual([]);
    expectClean(anonymousResidue(file), { closed: true });
  });
});
