/**
 * Migration step 2: released, so never edit this file (a test holds its
 * hash); change the schema with a new step. See ../migrations.ts.
 */
import type { Migration } from './step.js';

export const migration: Migration = {
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
};
