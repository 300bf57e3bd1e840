/**
 * Append-only schema migrations tracked by `PRAGMA user_version`. Never edit a
 * released step: add a new one. Each runs in its own transaction with the
 * version bump inside, so a crash leaves the database at a whole version.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'cell: unit, questionnaires, members, rounds, responses',
    up: (db) => {
      db.exec(`
        CREATE TABLE unit (
          id          INTEGER PRIMARY KEY CHECK (id = 1),
          code        TEXT NOT NULL,
          name        TEXT NOT NULL,
          level       TEXT NOT NULL,
          parent_code TEXT,
          created_on  TEXT NOT NULL
        ) STRICT;

        -- A round pins its questionnaire: the YAML as read and its parsed form,
        -- so later edits of the file never change what a round means.
        CREATE TABLE questionnaire (
          sha256      TEXT PRIMARY KEY,
          qid         TEXT NOT NULL,
          version     TEXT NOT NULL,
          source_text TEXT NOT NULL,
          model_json  TEXT NOT NULL
        ) STRICT;

        CREATE TABLE member (
          id         INTEGER PRIMARY KEY,
          code       TEXT NOT NULL,
          name       TEXT NOT NULL,
          search_key TEXT NOT NULL,
          active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
          added_on   TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX member_code ON member (code COLLATE NOCASE);

        CREATE TABLE round (
          id                   INTEGER PRIMARY KEY,
          label                TEXT NOT NULL UNIQUE,
          questionnaire_sha256 TEXT NOT NULL REFERENCES questionnaire (sha256),
          anonymous            INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
          kind                 TEXT NOT NULL CHECK (kind IN ('collect', 'merge')),
          opened_on            TEXT NOT NULL,
          closed_on            TEXT
        ) STRICT;
        -- At most one open round.
        CREATE UNIQUE INDEX round_one_open ON round ((closed_on IS NULL)) WHERE closed_on IS NULL;

        -- Who has started or submitted: kept in every round (participation),
        -- WITHOUT ROWID so its physical order is the member's, not the time's.
        CREATE TABLE participation (
          round_id  INTEGER NOT NULL REFERENCES round (id),
          member_id INTEGER NOT NULL REFERENCES member (id),
          status    TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted')),
          PRIMARY KEY (round_id, member_id)
        ) STRICT, WITHOUT ROWID;

        -- Response ids are random, never sequential. In an anonymous round
        -- member_id is NULL, the only date is the day, and resume_hash (the
        -- hash of a one-time code shown to the member) lives only while the
        -- response is in progress.
        CREATE TABLE response (
          id           INTEGER PRIMARY KEY,
          round_id     INTEGER NOT NULL REFERENCES round (id),
          member_id    INTEGER REFERENCES member (id),
          resume_hash  TEXT,
          status       TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted')),
          cursor       TEXT,
          source       TEXT NOT NULL CHECK (source IN ('terminal', 'paper')),
          submitted_on TEXT
        ) STRICT;
        CREATE UNIQUE INDEX response_member ON response (round_id, member_id) WHERE member_id IS NOT NULL;
        CREATE INDEX response_round ON response (round_id, status);

        CREATE TABLE answer (
          response_id  INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
          behaviour_id TEXT NOT NULL,
          level        TEXT NOT NULL,
          PRIMARY KEY (response_id, behaviour_id)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    name: 'merging: merged files, the units they cover, expected units',
    up: (db) => {
      db.exec(`
        -- One row per export merged into a round. The figures are kept whole as
        -- JSON (levels and counts per item): a file is stored in one insert, and
        -- a report adds them up in memory.
        CREATE TABLE merged_file (
          id           INTEGER PRIMARY KEY,
          round_id     INTEGER NOT NULL REFERENCES round (id),
          unit_code    TEXT NOT NULL,
          unit_name    TEXT NOT NULL,
          unit_level   TEXT NOT NULL,
          parent_code  TEXT,
          status       TEXT NOT NULL CHECK (status IN ('final', 'provisional')),
          integrity    TEXT NOT NULL,
          exported_at  TEXT NOT NULL,
          file_name    TEXT NOT NULL,
          merged_on    TEXT NOT NULL,
          members      INTEGER NOT NULL,
          respondents  INTEGER NOT NULL,
          summary_json TEXT NOT NULL,
          UNIQUE (round_id, unit_code)
        ) STRICT;

        -- The leaf units each merged file covers; the primary key makes a unit
        -- counted twice in one round (alone and inside its parent's export) impossible.
        CREATE TABLE merged_unit (
          round_id    INTEGER NOT NULL REFERENCES round (id),
          code        TEXT NOT NULL,
          file_id     INTEGER NOT NULL REFERENCES merged_file (id) ON DELETE CASCADE,
          name        TEXT NOT NULL,
          level       TEXT NOT NULL,
          parent_code TEXT,
          members     INTEGER NOT NULL,
          respondents INTEGER NOT NULL,
          PRIMARY KEY (round_id, code)
        ) STRICT;
        CREATE INDEX merged_unit_file ON merged_unit (file_id);

        -- The units expected to report (tusoi unit import), for coverage.
        CREATE TABLE expected_unit (
          code        TEXT PRIMARY KEY,
          name        TEXT NOT NULL,
          level       TEXT NOT NULL,
          parent_code TEXT
        ) STRICT;
      `);
    },
  },
  {
    version: 3,
    name: 'tự sửa: member commitments, cell measures',
    up: (db) => {
      db.exec(`
        -- What a member will do about a behaviour they reported (named rounds
        -- only), and, at the next round, whether it was done. Private to the
        -- member: never exported, never in a report.
        CREATE TABLE commitment (
          id           INTEGER PRIMARY KEY,
          round_id     INTEGER NOT NULL REFERENCES round (id),
          member_id    INTEGER NOT NULL REFERENCES member (id),
          behaviour_id TEXT NOT NULL,
          action       TEXT NOT NULL,
          due          TEXT,
          outcome      TEXT CHECK (outcome IN ('done', 'partly', 'not_done')),
          followed_on  TEXT,
          UNIQUE (round_id, member_id, behaviour_id)
        ) STRICT;

        -- The cell's collective measures for its most reported behaviours.
        -- The member count a closed round keeps: members added or removed later
        -- must not change its participation rate or its export.
        ALTER TABLE round ADD COLUMN members_at_close INTEGER;

        CREATE TABLE measure (
          id           INTEGER PRIMARY KEY,
          round_id     INTEGER NOT NULL REFERENCES round (id),
          behaviour_id TEXT,
          text         TEXT NOT NULL,
          added_on     TEXT NOT NULL,
          done_on      TEXT
        ) STRICT;
      `);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.length;

/** Checks the list is contiguous 1..n, so a dropped or reordered step is caught at once. */
export function checkMigrations(list: ReadonlyArray<Migration>): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations out of order: step ${i} has version ${m.version}`);
  });
}

/** Brings the database to LATEST_VERSION; returns what was applied. */
export function migrate(db: Database.Database, list: ReadonlyArray<Migration> = MIGRATIONS): { from: number; to: number; applied: string[] } {
  checkMigrations(list);
  const from = db.pragma('user_version', { simple: true }) as number;
  const applied: string[] = [];
  for (const m of list) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.name);
  }
  return { from, to: Math.max(from, list.length), applied };
}
