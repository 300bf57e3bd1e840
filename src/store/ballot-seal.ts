/**
 * Resume codes of anonymous ballots and the seal of a ballot in progress.
 *
 * A code opens a ballot only for the member the terminal has confirmed: the
 * ballot's key and its lookup are derived, with scrypt, from the code AND
 * the member's id AND the round's salt. Nothing stored names the member: to
 * tell which sealed ballot is a member's, someone holding the file must
 * guess the code, at one scrypt per guess (SCRYPT below, ~135 ms and 32 MiB
 * on the development machine). The same code typed by another member derives
 * another lookup, finds nothing, and opens nothing.
 *
 * A ballot is sealed with AES-256-GCM under the derived key (the tag is the
 * verifier) over a plaintext of fixed length for a questionnaire, so neither
 * its size nor its bytes tell how far the member got.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomInt, scrypt, scryptSync } from 'node:crypto';
import { InternalError } from '../errors.js';

/** Unambiguous characters for codes read off a screen (no 0/O, 1/I). */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** 8 symbols of 32: 2^40 codes, shown as XXXX-XXXX. */
export const CODE_LENGTH = 8;

/** scrypt cost: N = 2^15, r = 8 (128 · N · r = 32 MiB a guess), p = 1. */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export function newResumeCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed: case, spaces and dashes do not matter. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** What a code opens, for one member in one round: the ballot's lookup (stored) and key (never stored). */
export interface BallotKey {
  readonly lookup: Buffer;
  readonly key: Buffer;
}

export function deriveBallotKey(code: string, roundSalt: Buffer, memberId: number): BallotKey {
  const salt = Buffer.concat([roundSalt, Buffer.from(`:member:${memberId}`)]);
  const out = scryptSync(normaliseCode(code), salt, 48, SCRYPT);
  return { lookup: out.subarray(0, 16), key: out.subarray(16) };
}

/** As `deriveBallotKey`, off the event loop: the network form must not stall every device for a sign-in's scrypt. */
export function deriveBallotKeyAsync(code: string, roundSalt: Buffer, memberId: number): Promise<BallotKey> {
  const salt = Buffer.concat([roundSalt, Buffer.from(`:member:${memberId}`)]);
  return new Promise((resolve, reject) =>
    scrypt(normaliseCode(code), salt, 48, SCRYPT, (err, out) => (err ? reject(err) : resolve({ lookup: out.subarray(0, 16), key: out.subarray(16) }))),
  );
}

/** A ballot's contents, as the interview resumes it. */
export interface BallotState {
  readonly answers: ReadonlyMap<string, string>;
  readonly cursor: string | null;
}

const REVIEW = '#review';

/**
 * Fixed-length plaintext: one character per behaviour (its level's index in
 * base 36, '-' unanswered), then the cursor as 4 characters.
 */
export function encodeBallot(state: BallotState, behaviours: ReadonlyArray<string>, levels: ReadonlyArray<string>): Buffer {
  if (levels.length > 36 || behaviours.length > 9990) throw new InternalError('questionnaire too large for a sealed ballot');
  let text = '';
  for (const b of behaviours) {
    const level = state.answers.get(b);
    const i = level === undefined ? -1 : levels.indexOf(level);
    text += i < 0 ? '-' : i.toString(36);
  }
  const at = state.cursor === null ? -1 : behaviours.indexOf(state.cursor);
  text += state.cursor === REVIEW ? 'RRRR' : at < 0 ? 'NNNN' : String(at).padStart(4, '0');
  return Buffer.from(text, 'ascii');
}

export function decodeBallot(plain: Buffer, behaviours: ReadonlyArray<string>, levels: ReadonlyArray<string>): BallotState {
  const text = plain.toString('ascii');
  const answers = new Map<string, string>();
  behaviours.forEach((b, i) => {
    const c = text[i];
    if (c !== undefined && c !== '-') {
      const level = levels[parseInt(c, 36)];
      if (level !== undefined) answers.set(b, level);
    }
  });
  const tail = text.slice(behaviours.length);
  const cursor = tail === 'RRRR' ? REVIEW : tail === 'NNNN' ? null : (behaviours[Number(tail)] ?? null);
  return { answers, cursor };
}

/** iv (12) ‖ ciphertext ‖ tag (16); the lookup and round are bound in as associated data. */
export function seal(key: BallotKey, roundId: number, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key.key, iv);
  c.setAAD(Buffer.concat([key.lookup, Buffer.from(`:${roundId}`)]));
  return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);
}

/** The plaintext, or undefined when the key does not open it. */
export function unseal(key: BallotKey, roundId: number, sealed: Buffer): Buffer | undefined {
  try {
    const d = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(0, 12));
    d.setAAD(Buffer.concat([key.lookup, Buffer.from(`:${roundId}`)]));
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]);
  } catch {
    return undefined;
  }
}
