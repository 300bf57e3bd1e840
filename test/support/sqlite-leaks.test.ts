/**
 * The leak analysis on schemas it has never seen (tusoi's next anonymous
 * storage is not known yet): a design that keeps only tallies and a
 * participation list written in member order is found clean, so "finds
 * nothing" is a claim the tool can make; each weakness added to it (no
 * secure_delete, a sequential ballot id, a reader holding the WAL) is found.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeded } from './random.js';
import { describeReport, findLinks, orderSignals, type Truth } from './sqlite-leaks.js';
import { tempDir } from './temp.js';

const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'];
const BEHAVIOURS = Array.from({ length: 24 }, (_, i) => `B${Math.floor(i / 4) + 1}.${(i % 4) + 1}`);
const MEMBERS = Array.from({ length: 10 }, (_, i) => i + 1);

function truth(seed: number): Truth & { turnOrder: number[] } {
  const rnd = seeded(seed);
  const ballots = MEMBERS.map((memberId) => ({ memberId, answers: new Map(BEHAVIOURS.map((b) => [b, LEVELS[Math.floor(rnd() * 3)]!])) }));
  const turnOrder = [...MEMBERS].sort(() => rnd() - 0.5);
  return { members: MEMBERS, ballots, behaviours: BEHAVIOURS, levels: LEVELS, turnOrder };
}

interface Design {
  readonly secureDelete: boolean;
  /** A ballot table keyed by a sequential id, kept after submit. */
  readonly sequentialBallots?: boolean;
  /** A second connection holds a read transaction through the turns. */
  readonly reader?: boolean;
}

/**
 * A made-up anonymous store: participation listed for every member at round
 * open (in member order, updated in place), tallies per behaviour × level, and
 * the ballot in progress as one JSON row, deleted when its tallies are added.
 */
function runDesign(t: ReturnType<typeof truth>, d: Design): string {
  const file = join(tempDir('leaks-'), 'design.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`secure_delete = ${d.secureDelete ? 'ON' : 'OFF'}`);
  db.exec(`CREATE TABLE member (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
           CREATE TABLE participation (member_id INTEGER PRIMARY KEY, done TEXT NOT NULL) WITHOUT ROWID;
           CREATE TABLE tally (behaviour TEXT, level TEXT, n INTEGER NOT NULL, PRIMARY KEY (behaviour, level)) WITHOUT ROWID;
           CREATE TABLE pending (token TEXT PRIMARY KEY, answers TEXT NOT NULL) WITHOUT ROWID;
           CREATE TABLE ballot (id INTEGER PRIMARY KEY AUTOINCREMENT, answers TEXT NOT NULL);`);
  db.transaction(() => {
    for (const m of MEMBERS) db.prepare('INSERT INTO member VALUES (?, ?)').run(m, `Đảng viên ${m}`);
    for (const m of MEMBERS) db.prepare("INSERT INTO participation VALUES (?, 'no ')").run(m);
    // Counts start at 1000 so that adding one never changes a cell's size (no reallocation).
    for (const b of BEHAVIOURS) for (const l of LEVELS) db.prepare('INSERT INTO tally VALUES (?, ?, 1000)').run(b, l);
  })();
  const reader = d.reader ? new Database(file, { readonly: true }) : undefined;
  reader?.exec('BEGIN');
  reader?.prepare('SELECT COUNT(*) FROM member').get();
  const rnd = seeded(99);
  for (const m of t.turnOrder) {
    const answers = t.ballots.find((b) => b.memberId === m)!.answers;
    const token = Math.floor(rnd() * 2 ** 40).toString(36).padStart(8, '0');
    const json = JSON.stringify(Object.fromEntries(answers));
    db.transaction(() => {
      db.prepare('INSERT INTO pending VALUES (?, ?)').run(token, json);
      db.prepare("UPDATE participation SET done = 'yes' WHERE member_id = ?").run(m);
    })();
    db.transaction(() => {
      for (const [b, l] of answers) db.prepare('UPDATE tally SET n = n + 1 WHERE behaviour = ? AND level = ?').run(b, l);
      if (d.sequentialBallots) db.prepare('INSERT INTO ballot (answers) VALUES (?)').run(json);
      db.prepare('DELETE FROM pending WHERE token = ?').run(token);
    })();
  }
  if (!reader) db.close();
  return file;
}

describe('the leak analysis on other schemas', () => {
  it('finds nothing in tallies, a participation list in member order and in-progress ballots deleted under secure_delete', () => {
    const t = truth(1);
    const r = findLinks({ dbPath: runDesign(t, { secureDelete: true }), ...t });
    const report = describeReport(r);
    expect(r.leaks, report).toEqual([]);
    expect(r.ballotKeys, report).toEqual([]);
    expect(r.residue, report).toEqual([]);
    expect(orderSignals(r), report).toEqual([]);
    // It did look: the member-side structures were recognised.
    expect(r.structures.find((s) => s.name === 'participation')?.memberColumns, report).toEqual([0]);
  });

  it('finds the last deleted in-progress ballot (JSON) in free space when secure_delete is off', () => {
    const t = truth(2);
    const r = findLinks({ dbPath: runDesign(t, { secureDelete: false }), ...t });
    const report = describeReport(r);
    expect(r.leaks.map((l) => l.kind), report).toEqual(['residue']);
    // Each turn's row reuses the freeblock of the previous one (same size): the last turn's survives.
    const found = new Set(r.residue.filter((x) => x.what === 'ballot-record').map((x) => x.memberId));
    expect(found, report).toContain(t.turnOrder.at(-1));
  });

  it("finds a ballot's text in a freeblock whose record header the freeblock overwrote", () => {
    const t = truth(5);
    const file = join(tempDir('leaks-'), 'freeblock.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE pending (token TEXT PRIMARY KEY, answers TEXT NOT NULL) WITHOUT ROWID');
    const json = JSON.stringify(Object.fromEntries(t.ballots[6]!.answers));
    db.prepare('INSERT INTO pending VALUES (?, ?)').run('tok-a', json);
    // A later row below it: the deleted cell becomes a freeblock, not part of the gap.
    db.prepare('INSERT INTO pending VALUES (?, ?)').run('tok-b', 'x');
    db.prepare("DELETE FROM pending WHERE token = 'tok-a'").run();
    db.close();
    const r = findLinks({ dbPath: file, ...t });
    const report = describeReport(r);
    expect(r.residue.filter((x) => x.what === 'ballot-record').map((x) => [x.where, x.memberId]), report).toEqual([['freeblock', 7]]);
  });

  it('finds the order of turns in a sequential ballot id (key order), even with secure_delete', () => {
    const t = truth(3);
    const r = findLinks({ dbPath: runDesign(t, { secureDelete: true, sequentialBallots: true }), ...t });
    const report = describeReport(r);
    const turns = r.zips.find((z) => z.memberOrdering === 'turns' && z.ballotSide === 'ballot' && z.ballotOrdering === 'key');
    expect(turns, report).toMatchObject({ paired: 10, correct: 10 });
    expect(r.leaks.map((l) => l.kind), report).toContain('turns');
  });

  it('finds each turn in the WAL while a reader holds a snapshot, even with secure_delete', () => {
    const t = truth(4);
    const r = findLinks({ dbPath: runDesign(t, { secureDelete: true, reader: true }), ...t });
    const report = describeReport(r);
    // The commit that opens a turn adds the in-progress ballot and flips the member's participation.
    expect(r.wal.correct, report).toBe(10);
    expect(r.wal.links.map((l) => l.member), report).toEqual(t.turnOrder);
    expect(r.leaks.map((l) => l.kind), report).toContain('wal');
  });
});
