/**
 * Migration step 12: one front end at a time (issue 18, part 5). Which front
 * end holds a member's response in progress in a named round: the kiosk of one
 * `tusoi session` turn, or one browser session of the network form. Every
 * answer write checks, in its own transaction, that the writer still holds the
 * response. Once released, never edit this file (a test holds its hash);
 * change the schema with a new step. See ../holders.ts.
 */
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 12,
  name: 'the front end holding each response in progress',
  up: (db) => {
    db.exec(`
        -- One row per response being answered somewhere (named rounds only).
        -- holder: 'kiosk:<random id of a terminal turn>' or 'web:<hash of the session cookie>'.
        -- since: when this holder took it; seen_at: its last heartbeat (a write, a
        -- page, the kiosk's timer), so a crashed holder is known to be gone.
        -- taken_from: the holder it was taken over from, so that one is told so.
        CREATE TABLE response_holder (
          round_id    INTEGER NOT NULL REFERENCES round (id),
          member_id   INTEGER NOT NULL REFERENCES member (id),
          holder      TEXT NOT NULL,
          front_end   TEXT NOT NULL CHECK (front_end IN ('kiosk', 'web')),
          since       TEXT NOT NULL,
          seen_at     TEXT NOT NULL,
          taken_from  TEXT,
          PRIMARY KEY (round_id, member_id)
        ) STRICT;
      `);
  },
};
