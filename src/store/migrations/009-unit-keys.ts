/**
 * Migration step 9: signed exports (issue 17). The unit's own Ed25519 key
 * pair, made here, so that a database made before this step gets one on its
 * first use after the upgrade and a new one at `init`; the keys of the units
 * below, pinned; and which key signed each merged file. Once released, never
 * edit this file (a test holds its hash); change the schema with a new step.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 9,
  name: 'unit keys: the unit’s signing key, pinned keys of the units below, the signer of each merged file',
  up: (db) => {
    db.exec(`
        -- The unit's key pair: the private key never leaves this table.
        CREATE TABLE unit_key (
          id          INTEGER PRIMARY KEY CHECK (id = 1),
          public_key  BLOB NOT NULL,
          private_key BLOB NOT NULL
        ) STRICT;

        -- A unit below, pinned by its key's fingerprint: from a unit list
        -- (verified), by its first accepted file (trust on first use, not
        -- verified), or confirmed by phone (unit trust, verified).
        CREATE TABLE unit_pin (
          code        TEXT PRIMARY KEY COLLATE NOCASE,
          fingerprint TEXT NOT NULL,
          verified    INTEGER NOT NULL CHECK (verified IN (0, 1)),
          pinned_on   TEXT NOT NULL
        ) STRICT;

        -- The fingerprint of the key that signed a merged file; NULL when unsigned.
        ALTER TABLE merged_file ADD COLUMN signer TEXT;
    `);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    db.prepare('INSERT INTO unit_key (id, public_key, private_key) VALUES (1, ?, ?)').run(
      publicKey.export({ format: 'der', type: 'spki' }),
      privateKey.export({ format: 'der', type: 'pkcs8' }),
    );
  },
};
