/**
 * Migration step 11: the self-signed certificate of `tusoi serve --https`
 * (issue 18), made on first use and kept here with its private key, so that
 * members who compared its fingerprint once see the same one at every
 * meeting. Once released, never edit this file (a test holds its hash);
 * change the schema with a new step. See ../web-certificate.ts.
 */
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 11,
  name: 'the self-signed certificate of serve --https',
  up: (db) => {
    db.exec(`
        -- One certificate at a time: a new one (another address, near expiry)
        -- replaces it. The private key (PKCS #8, DER) never leaves this table:
        -- no export, report or log reads it.
        CREATE TABLE web_certificate (
          id           INTEGER PRIMARY KEY CHECK (id = 1),
          certificate  BLOB NOT NULL,
          private_key  BLOB NOT NULL,
          hosts        TEXT NOT NULL,
          not_after    TEXT NOT NULL,
          created_at   TEXT NOT NULL
        ) STRICT;
    `);
  },
};
