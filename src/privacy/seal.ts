/**
 * Sealing a member's commitments with a key derived from their secret
 * (`secret-code.ts`): scrypt with a random salt per member, then AES-256-GCM,
 * from node:crypto. Pure: no store, no files; the store keeps the `KeyRecord`
 * (salt, cost, check value) and the sealed boxes.
 *
 * The check value tells a wrong secret from the right one before any box is
 * opened. It is an HKDF output of the scrypt key, independent of the AES key,
 * so it reveals nothing of the key; testing a guess against it costs one
 * scrypt, the same as testing it against a box.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { UserError } from '../errors.js';

/** scrypt cost: N = 2^16, r = 8 (64 MiB), p = 1; about 0.26 s a guess on one core of the machine tusoi is built on. */
export const KDF_PARAMS: KdfParams = { n: 2 ** 16, r: 8, p: 1 };

export interface KdfParams {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

/** What is stored per member: nothing in it helps guess the secret faster than one scrypt a guess. */
export interface KeyRecord extends KdfParams {
  readonly salt: Buffer;
  readonly check: Buffer;
}

/** The unlocked key: lives in memory for one interview, never stored. */
export interface CommitmentKey {
  readonly aes: Buffer;
}

const SALT_BYTES = 16;
const CHECK_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BOX_VERSION = 1;
/** Plaintexts are padded to a multiple of this, so a box's size hides the length of the behaviour id and mostly of the text. */
const PAD_TO = 64;

function scryptAsync(secret: string, salt: Buffer, p: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { N: p.n, r: p.r, p: p.p, maxmem: 256 * p.n * p.r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A record read from the file decides how much work and memory unlocking takes: refuse absurd values rather than hang. */
function checkParams(p: KdfParams, member: string): void {
  const powerOfTwo = Number.isInteger(Math.log2(p.n));
  if (!powerOfTwo || p.n < 2 ** 14 || p.n > 2 ** 20 || p.r < 1 || p.r > 32 || p.p < 1 || p.p > 4) throw new UserError('COMMITMENT_KEY_DAMAGED', { member });
}

async function derive(secret: string, salt: Buffer, p: KdfParams): Promise<{ key: CommitmentKey; check: Buffer }> {
  const master = await scryptAsync(secret, salt, p);
  const aes = Buffer.from(hkdfSync('sha256', master, salt, 'tusoi commitment aes-256-gcm v1', 32));
  const check = Buffer.from(hkdfSync('sha256', master, salt, 'tusoi commitment check v1', CHECK_BYTES));
  master.fill(0);
  return { key: { aes }, check };
}

/** A new key for a new secret, and the record to store with the member's first commitment. */
export async function newKey(secret: string, params: KdfParams = KDF_PARAMS): Promise<{ key: CommitmentKey; record: KeyRecord }> {
  const salt = randomBytes(SALT_BYTES);
  const { key, check } = await derive(secret, salt, params);
  return { key, record: { ...params, salt, check } };
}

/** The key, if `secret` is the one the record was made with; undefined for a wrong secret. */
export async function unlockKey(secret: string, record: KeyRecord, member: string): Promise<CommitmentKey | undefined> {
  checkParams(record, member);
  if (record.check.length !== CHECK_BYTES || record.salt.length !== SALT_BYTES) throw new UserError('COMMITMENT_KEY_DAMAGED', { member });
  const { key, check } = await derive(secret, record.salt, record);
  return timingSafeEqual(check, record.check) ? key : undefined;
}

/**
 * Seals a JSON value. `context` (member, round, row) is authenticated but not
 * stored in the box: a box moved to another row, round or member does not open.
 */
export function sealJson(key: CommitmentKey, context: string, value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  // NOTE: JSON.parse ignores trailing spaces, so they are the padding.
  const padded = Buffer.alloc(Math.ceil((json.length + 1) / PAD_TO) * PAD_TO, 0x20);
  json.copy(padded);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.aes, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(padded), cipher.final()]);
  return Buffer.concat([Buffer.of(BOX_VERSION), iv, body, cipher.getAuthTag()]);
}

/** The value sealed in `box`, or undefined if it does not open with this key and context (wrong key, moved or altered). */
export function openJson(key: CommitmentKey, context: string, box: Buffer): unknown {
  if (box.length < 1 + IV_BYTES + TAG_BYTES || box[0] !== BOX_VERSION) return undefined;
  const iv = box.subarray(1, 1 + IV_BYTES);
  const tag = box.subarray(box.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.aes, iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    const plain = Buffer.concat([decipher.update(box.subarray(1 + IV_BYTES, box.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
