/**
 * Signing exports (issue 17): Ed25519 through node:crypto. A public key
 * travels as its 32 raw bytes in base64url; a fingerprint, short enough to
 * read aloud over the phone, is four groups of four characters of an
 * alphabet without look-alikes (Crockford's base32: no I, L, O, U), 80 bits
 * of the key's sha256.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The 32 raw bytes of an Ed25519 public key, base64url. */
export function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return jwk.x ?? '';
}

/** A public key from its text; undefined when it is not an Ed25519 key. */
export function publicKeyFrom(text: string): KeyObject | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return undefined;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/** `ABCD-EFGH-JKMN-PQRS`: the first 80 bits of sha256 over the raw key, in base32. */
export function fingerprintOf(key: KeyObject | string): string {
  const raw = Buffer.from(typeof key === 'string' ? key : publicKeyText(key), 'base64url');
  const digest = createHash('sha256').update(raw).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * A fingerprint as typed or read back over the phone: case, spaces and
 * dashes ignored, O read as 0 and I, L as 1. Undefined when it is not 16
 * characters of the alphabet.
 */
export function normaliseFingerprint(text: string): string | undefined {
  const s = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== 16 || [...s].some((c) => !ALPHABET.includes(c))) return undefined;
  return s.match(/.{4}/g)!.join('-');
}

export function signText(text: string, privateKey: KeyObject): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64url');
}

export function verifyText(text: string, signature: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
