/**
 * The commitment secret a member is given at their first commitment: a code
 * tusoi generates and shows once, in the unambiguous alphabet of the resume
 * codes (no 0/O, 1/I), grouped for reading: `K7QM-2XHD-9PRT`.
 *
 * 12 characters of 32 = 60 bits: at the scrypt cost in `seal.ts` (about 0.26 s
 * a guess on one core, measured by bench/scrypt-cost.mjs) trying them all on a
 * 16-core machine takes about 6 × 10^8 years. A 4–6 digit PIN (10^4–10^6
 * tries, hours at most against a copy of the file) is not offered.
 */
import { randomInt } from 'node:crypto';

/** Same characters as the anonymous resume codes (store/responses.ts): read off a screen without doubt. */
export const SECRET_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SECRET_GROUPS = 3;
export const SECRET_GROUP_LENGTH = 4;
export const SECRET_LENGTH = SECRET_GROUPS * SECRET_GROUP_LENGTH;
/** log2 of the number of possible secrets. */
export const SECRET_BITS = SECRET_LENGTH * Math.log2(SECRET_ALPHABET.length);

/** A new secret, grouped for reading (`XXXX-XXXX-XXXX`). */
export function newSecretCode(): string {
  let raw = '';
  for (let i = 0; i < SECRET_LENGTH; i++) raw += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return groupSecret(raw);
}

function groupSecret(raw: string): string {
  const parts: string[] = [];
  for (let i = 0; i < raw.length; i += SECRET_GROUP_LENGTH) parts.push(raw.slice(i, i + SECRET_GROUP_LENGTH));
  return parts.join('-');
}

/**
 * What the member typed, as the canonical secret (grouped, upper case), or why
 * it cannot be one: `accented` when a Vietnamese input method (Telex, VNI)
 * turned letters into accented ones ("AA" → "Â"), `malformed` otherwise.
 * Spaces, hyphens and case do not matter.
 */
export function readSecretCode(typed: string): { ok: true; secret: string } | { ok: false; reason: 'accented' | 'malformed' } {
  const compact = typed.replace(/[\s\-–—.]/g, '').toUpperCase();
  // NOTE: /[^\x00-\x7f]/ rather than a list of Vietnamese letters: any non-ASCII
  // character is an input method at work, and the hint (turn it off) is the same.
  if (/[^\x00-\x7f]/.test(compact)) return { ok: false, reason: 'accented' };
  if (compact.length !== SECRET_LENGTH || [...compact].some((ch) => !SECRET_ALPHABET.includes(ch))) return { ok: false, reason: 'malformed' };
  return { ok: true, secret: groupSecret(compact) };
}
