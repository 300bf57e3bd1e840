/**
 * Migration step 7: each report and export made of a closed round (issue 15,
 * part 4), so that `round reopen` can tell whether reopening is safe. Once
 * released, never edit this file (a test holds its hash); change the schema
 * with a new step. See ../migrations.ts and ../round-use.ts.
 */
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 7,
  name: 'reports and exports of closed rounds',
  up: (db) => {
    db.exec(`
        -- One row each time a closed round's figures left tusoi: a report (any
        -- format, also as the round compared with) or an export (final, since
        -- the round was closed). Nothing else: no figures, no file name.
        CREATE TABLE round_use (
          round_id INTEGER NOT NULL REFERENCES round (id),
          kind     TEXT NOT NULL CHECK (kind IN ('report', 'export')),
          at       TEXT NOT NULL
        ) STRICT;
        CREATE INDEX round_use_round ON round_use (round_id);
      `);
  },
};
