/**
 * Migration step 10: anonymous rounds over the network form (issue 18, part 2).
 * Once released, never edit this file (a test holds its hash); change the
 * schema with a new step. See ../web-slips.ts.
 */
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 10,
  name: 'anonymous slips and their devices for the network form',
  up: (db) => {
    db.exec(`
        -- A printed slip of an anonymous round: its code's scrypt hash only
        -- (under the round's salt in web_round), and whether its ballot was
        -- submitted. No member column: a slip is handed out at random. Keyed
        -- by the random hash (WITHOUT ROWID), so the rows' order is random too.
        CREATE TABLE web_slip (
          code_hash  BLOB PRIMARY KEY,
          round_id   INTEGER NOT NULL REFERENCES round (id),
          used       INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX web_slip_round_ix ON web_slip (round_id);

        -- A device that has given a slip's code: the sha256 of its random
        -- cookie, the CSRF token, and the ballot's key sealed under a key
        -- derived from the cookie (so only that device opens the sealed
        -- ballot). Linked to the slip, never to a member; no time stored.
        CREATE TABLE web_slip_session (
          token_hash  BLOB PRIMARY KEY,
          round_id    INTEGER NOT NULL REFERENCES round (id),
          slip_hash   BLOB NOT NULL,
          csrf        TEXT NOT NULL,
          wrapped     BLOB NOT NULL
        ) STRICT, WITHOUT ROWID;

        -- Per anonymous round: the members ticked off as their slip was
        -- handed out (sorted ids, rewritten whole at each change) and how
        -- many slip ballots were submitted (never more than ticked).
        CREATE TABLE web_slip_round (
          round_id  INTEGER PRIMARY KEY REFERENCES round (id),
          ticked    TEXT NOT NULL DEFAULT '[]',
          ballots   INTEGER NOT NULL DEFAULT 0
        ) STRICT;
      `);
  },
};
