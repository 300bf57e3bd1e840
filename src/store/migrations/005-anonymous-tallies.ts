/**
 * Migration step 5: anonymous rounds keep tallies, not ballots (issue 13).
 * Once released, never edit this file (a test holds its hash); change the
 * schema with a new step. See ../migrations.ts and ../anonymous.ts.
 *
 * Until step 4 an anonymous round stored every ballot as a `response` with
 * its `answer` rows, and `participation` per member. SQLite allocates a
 * page's cell content in write order, so the byte offsets of both tables
 * recorded the order of submission and zipping the two linked members to
 * their answers. From this step an anonymous round keeps:
 * - `anon_round`: one row per round, rewritten whole at each change: who has
 *   submitted and who is in progress (sorted member ids), the number of
 *   ballots and their counts (the packed layout of summary/packed.ts), and
 *   the salt of its resume codes;
 * - `anon_ballot`: a ballot in progress, sealed with a key derived from its
 *   resume code (store/ballot-seal.ts), until it is submitted or discarded.
 *
 * This step converts each existing anonymous round: its submitted ballots
 * become counts, computed here without importing the summary code (a
 * released step must not change meaning when that code does); its ballots
 * still in progress are dropped (their old 6-character codes cannot open a
 * sealed ballot: those members start again); its rows are then deleted. The
 * `rewrite` flag asks `openDatabase` to VACUUM and truncate the WAL once this
 * transaction has committed (VACUUM cannot run inside it); a database
 * interrupted between the two still has the flag and is rewritten when next
 * opened. Named rounds are not touched.
 */
import { randomBytes } from 'node:crypto';
import type { Migration } from './step.js';

interface Model {
  readonly levels: ReadonlyArray<{ readonly id: string }>;
  readonly groups: ReadonlyArray<{ readonly id: string; readonly manifestations: ReadonlyArray<{ readonly id: string; readonly behaviours: ReadonlyArray<{ readonly id: string }> }> }>;
}

/** The packed counts of some ballots (format 1 of summary/packed.ts), most-severe answers rolled up. */
function packedCounts(model: Model, ballots: ReadonlyArray<ReadonlyMap<string, string>>): string {
  const levels = model.levels.map((l) => l.id);
  const rank = new Map(levels.map((l, i) => [l, i]));
  const zero = () => levels.map(() => 0);
  const overall = zero();
  const groups = new Map(model.groups.map((g) => [g.id, zero()]));
  const manifestations = new Map(model.groups.flatMap((g) => g.manifestations.map((m) => [m.id, zero()] as const)));
  const behaviours = new Map(model.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => [b.id, zero()] as const))));
  for (const answers of ballots) {
    let worstOverall = 0;
    for (const g of model.groups) {
      let worstGroup = 0;
      for (const m of g.manifestations) {
        let worst = 0;
        for (const b of m.behaviours) {
          // NOTE: a submitted ballot answers every behaviour; a missing one counts as the first level, as a report would refuse it.
          const r = rank.get(answers.get(b.id) ?? '') ?? 0;
          behaviours.get(b.id)![r]! += 1;
          worst = Math.max(worst, r);
        }
        manifestations.get(m.id)![worst]! += 1;
        worstGroup = Math.max(worstGroup, worst);
      }
      groups.get(g.id)![worstGroup]! += 1;
      worstOverall = Math.max(worstOverall, worstGroup);
    }
    overall[worstOverall]! += 1;
  }
  const rows: string[] = [`["overall","",${overall.join(',')}]`];
  for (const [id, v] of groups) rows.push(`["group",${JSON.stringify(id)},${v.join(',')}]`);
  for (const [id, v] of manifestations) rows.push(`["manifestation",${JSON.stringify(id)},${v.join(',')}]`);
  for (const [id, v] of behaviours) rows.push(`["behaviour",${JSON.stringify(id)},${v.join(',')}]`);
  return `{"storeFormat":1,"levels":${JSON.stringify(levels)},"rows":[${rows.join(',')}]}`;
}

export const migration: Migration = {
  version: 5,
  name: 'anonymous rounds: tallies and sealed ballots in progress instead of per-ballot rows',
  up: (db) => {
    db.pragma('secure_delete = ON');
    db.exec(`
      CREATE TABLE anon_round (
        round_id    INTEGER PRIMARY KEY REFERENCES round (id),
        salt        BLOB NOT NULL,
        submitted   TEXT NOT NULL,
        in_progress TEXT NOT NULL,
        respondents INTEGER NOT NULL,
        counts      TEXT
      ) STRICT;

      CREATE TABLE anon_ballot (
        lookup   BLOB PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES round (id),
        sealed   BLOB NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Work owed to the file outside any transaction: 'rewrite' (VACUUM, then
      -- truncate the WAL), 'scrub' (truncate the WAL, blocked by a reader).
      CREATE TABLE store_flag (name TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
    `);
    const rounds = db
      .prepare<[], { id: number; model: string }>('SELECT r.id, q.model_json AS model FROM round r JOIN questionnaire q ON q.sha256 = r.questionnaire_sha256 WHERE r.anonymous = 1 ORDER BY r.id')
      .all();
    let converted = false;
    for (const r of rounds) {
      const ballots = new Map<number, Map<string, string>>();
      for (const a of db
        .prepare<[number], { id: number; b: string; level: string }>(
          "SELECT a.response_id AS id, a.behaviour_id AS b, a.level FROM response p JOIN answer a ON a.response_id = p.id WHERE p.round_id = ? AND p.status = 'submitted'",
        )
        .all(r.id)) {
        let m = ballots.get(a.id);
        if (!m) ballots.set(a.id, (m = new Map()));
        m.set(a.b, a.level);
      }
      // Submitted responses without answers cannot exist (a submission needs every answer); counted as ballots anyway.
      const respondents = db.prepare<[number], { n: number }>("SELECT COUNT(*) AS n FROM response WHERE round_id = ? AND status = 'submitted'").get(r.id)!.n;
      const submitted = db
        .prepare<[number], { m: number }>("SELECT member_id AS m FROM participation WHERE round_id = ? AND status = 'submitted' ORDER BY member_id")
        .all(r.id)
        .map((x) => x.m);
      const model = JSON.parse(r.model) as Model;
      db.prepare('INSERT INTO anon_round (round_id, salt, submitted, in_progress, respondents, counts) VALUES (?, ?, ?, ?, ?, ?)').run(
        r.id,
        randomBytes(16),
        JSON.stringify(submitted),
        '[]',
        respondents,
        respondents === 0 ? null : packedCounts(model, [...ballots.values()]),
      );
      const rows = db.prepare<[number, number], { n: number }>('SELECT (SELECT COUNT(*) FROM response WHERE round_id = ?) + (SELECT COUNT(*) FROM participation WHERE round_id = ?) AS n').get(r.id, r.id)!.n;
      if (rows > 0) converted = true;
      db.prepare('DELETE FROM answer WHERE response_id IN (SELECT id FROM response WHERE round_id = ?)').run(r.id);
      db.prepare('DELETE FROM response WHERE round_id = ?').run(r.id);
      db.prepare('DELETE FROM participation WHERE round_id = ?').run(r.id);
    }
    if (converted) db.prepare("INSERT OR IGNORE INTO store_flag (name) VALUES ('rewrite')").run();
  },
};
