/**
 * Migration step 8: members answering on their own devices (`tusoi serve`).
 * Once released, never edit this file (a test holds its hash); change the
 * schema with a new step. See ../migrations.ts and ../web-access.ts.
 */
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 8,
  name: 'personal codes and browser sessions for the network form',
  up: (db) => {
    db.exec(`
        -- Per round: the salt and scrypt cost personal codes are stretched with.
        -- One salt a round, so a typed code is found by its hash.
        CREATE TABLE web_round (
          round_id  INTEGER PRIMARY KEY REFERENCES round (id),
          salt      BLOB NOT NULL,
          scrypt_n  INTEGER NOT NULL,
          scrypt_r  INTEGER NOT NULL,
          scrypt_p  INTEGER NOT NULL
        ) STRICT;

        -- A member's personal code for a round, as its scrypt hash only. Printing
        -- the slips again replaces a member's code.
        CREATE TABLE web_code (
          round_id   INTEGER NOT NULL REFERENCES round (id),
          member_id  INTEGER NOT NULL REFERENCES member (id),
          code_hash  BLOB NOT NULL UNIQUE,
          PRIMARY KEY (round_id, member_id)
        ) STRICT;

        -- A device that has given a member's code: the sha256 of its random
        -- cookie (the cookie itself is never stored), the token its forms must
        -- carry (CSRF), and when it was revoked (submitted, round closed).
        CREATE TABLE web_session (
          token_hash  BLOB PRIMARY KEY,
          round_id    INTEGER NOT NULL REFERENCES round (id),
          member_id   INTEGER NOT NULL REFERENCES member (id),
          csrf        TEXT NOT NULL,
          created_at  TEXT NOT NULL,
          revoked_at  TEXT
        ) STRICT;
        CREATE INDEX web_session_member ON web_session (round_id, member_id);
      `);
  },
};
