/**
 * The unit's signing key (issue 17): an Ed25519 pair made by migration step 9,
 * kept in the database (a file only its owner reads) and never exported. A
 * backup of the database is a backup of the key; a stolen database signs.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { Db } from './db.js';

/** An Ed25519 public key's SPKI DER: these 12 bytes, then the 32 raw bytes of the key (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

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

/**
 * The unit's public key as its 32 raw bytes in base64url (what an export
 * carries and a fingerprint hashes), read from the stored DER without making
 * key objects: `status` shows the fingerprint at every run, and node:crypto's
 * key objects load its key and Web Crypto internals (about 3 ms on Node 24).
 * A key stored in another shape (none is written so) goes through them.
 */
export function unitPublicKeyText(db: Db): string | undefined {
  const row = db.prepare<[], { pub: Buffer }>('SELECT public_key AS pub FROM unit_key WHERE id = 1').get();
  if (!row) return undefined;
  if (row.pub.length === ED25519_SPKI_PREFIX.length + 32 && row.pub.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    return row.pub.subarray(ED25519_SPKI_PREFIX.length).toString('base64url');
  }
  return createPublicKey({ key: row.pub, format: 'der', type: 'spki' }).export({ format: 'jwk' }).x;
}
