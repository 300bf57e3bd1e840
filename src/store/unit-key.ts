/**
 * The unit's signing key (issue 17): an Ed25519 pair made by migration step 9,
 * kept in the database (a file only its owner reads) and never exported. A
 * backup of the database is a backup of the key; a stolen database signs.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { Db } from './db.js';

export interface UnitKey {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
}

/** The unit's key; undefined only for a database read in memory that could not be upgraded in place (it has no key yet). */
export function unitKey(db: Db): UnitKey | undefined {
  const row = db.prepare<[], { pub: Buffer; priv: Buffer }>('SELECT public_key AS pub, private_key AS priv FROM unit_key WHERE id = 1').get();
  if (!row) return undefined;
  return {
    publicKey: createPublicKey({ key: row.pub, format: 'der', type: 'spki' }),
    privateKey: createPrivateKey({ key: row.priv, format: 'der', type: 'pkcs8' }),
  };
}
