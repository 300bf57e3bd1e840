/**
 * Migration step 6: commitments readable only by their member. Once released,
 * never edit this file (a test holds its hash); change the schema with a new
 * step. See ../migrations.ts and ../sealed-commitments.ts.
 *
 * (Step 5 is another branch's: anonymous ballots. Until it lands here this
 * step may be renumbered, as ../migrations.ts allows for unreleased steps.)
 */
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 6,
  name: 'commitments sealed with the member’s secret',
  up: (db) => {
    db.exec(`
        -- Per member: the salt and scrypt cost their secret is stretched with,
        -- and a check value telling a wrong secret from the right one. The
        -- secret and the key are never stored.
        CREATE TABLE member_key (
          member_id   INTEGER PRIMARY KEY REFERENCES member (id),
          salt        BLOB NOT NULL,
          scrypt_n    INTEGER NOT NULL,
          scrypt_r    INTEGER NOT NULL,
          scrypt_p    INTEGER NOT NULL,
          check_value BLOB NOT NULL
        ) STRICT;

        -- A commitment: in clear only that it exists, its round and member, its
        -- deadline and whether it was done (what the secretary may see). The
        -- behaviour, the level it answers and the text are in box (AES-GCM
        -- under the member's key). Ids are random: their order says nothing
        -- of the questionnaire's.
        CREATE TABLE sealed_commitment (
          id          INTEGER PRIMARY KEY,
          round_id    INTEGER NOT NULL REFERENCES round (id),
          member_id   INTEGER NOT NULL REFERENCES member (id),
          due         TEXT,
          outcome     TEXT CHECK (outcome IN ('done', 'partly', 'not_done')),
          followed_on TEXT,
          box         BLOB NOT NULL
        ) STRICT;
        CREATE INDEX sealed_commitment_member ON sealed_commitment (member_id, round_id);

        -- Commitments made before this step have no secret: they wait here, as
        -- they were, until their member's next interview seals them and erases
        -- these rows (secure_delete, then a WAL checkpoint). Nothing new is
        -- written here.
        ALTER TABLE commitment RENAME TO unsealed_commitment;
      `);
  },
};
