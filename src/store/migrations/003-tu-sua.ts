/**
 * Migration step 3: released, so never edit this file (a test holds its
 * hash); change the schema with a new step. See ../migrations.ts.
 */
import type { Migration } from './step.js';

export const migration: Migration = {
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
};
