/**
 * Personal codes and browser sessions of the network form (`tusoi serve`,
 * migration step 8). Codes are stored as their scrypt hash under a salt kept
 * per round (so a typed code is found by its hash); a session is stored as
 * the sha256 of its random cookie (256 bits: no stretching needed).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';
import type { Member } from './members.js';

export interface CodeSalt {
  readonly salt: Buffer;
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

/** scrypt cost for personal codes: about 16 MiB and tens of milliseconds a check. */
export const CODE_SCRYPT = { n: 1 << 14, r: 8, p: 1 } as const;

/** The round's salt for personal codes, made on first use. */
export function roundCodeSalt(db: Db, roundId: number): CodeSalt {
  const row = db.prepare<[number], { salt: Buffer; n: number; r: number; p: number }>('SELECT salt, scrypt_n AS n, scrypt_r AS r, scrypt_p AS p FROM web_round WHERE round_id = ?').get(roundId);
  if (row) return row;
  const fresh = { salt: randomBytes(16), ...CODE_SCRYPT };
  db.prepare('INSERT INTO web_round (round_id, salt, scrypt_n, scrypt_r, scrypt_p) VALUES (?, ?, ?, ?, ?)').run(roundId, fresh.salt, fresh.n, fresh.r, fresh.p);
  return fresh;
}

/** Replaces the codes of the given members (their devices' sessions are revoked too). */
export function replaceCodes(db: Db, roundId: number, codes: ReadonlyArray<{ memberId: number; hash: Buffer }>, now: string): void {
  db.transaction(() => {
    const put = db.prepare('INSERT INTO web_code (round_id, member_id, code_hash) VALUES (?, ?, ?) ON CONFLICT (round_id, member_id) DO UPDATE SET code_hash = excluded.code_hash');
    const revoke = db.prepare('UPDATE web_session SET revoked_at = ? WHERE round_id = ? AND member_id = ? AND revoked_at IS NULL');
    for (const c of codes) {
      put.run(roundId, c.memberId, c.hash);
      revoke.run(now, roundId, c.memberId);
    }
  }).immediate();
}

/** The member a code hash belongs to in the round, if any. */
export function memberOfCode(db: Db, roundId: number, hash: Buffer): number | undefined {
  return db.prepare<[number, Buffer], { m: number }>('SELECT member_id AS m FROM web_code WHERE round_id = ? AND code_hash = ?').get(roundId, hash)?.m;
}

/** How many members of the round have a code. */
export function countCodes(db: Db, roundId: number): number {
  return db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM web_code WHERE round_id = ?').get(roundId)?.n ?? 0;
}

const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export interface WebSession {
  readonly roundId: number;
  readonly memberId: number;
  readonly csrf: string;
}

/** A new session for a device: returns the cookie value (never stored) and its CSRF token. */
export function createSession(db: Db, roundId: number, memberId: number, now: string): { token: string; csrf: string } {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  db.prepare('INSERT INTO web_session (token_hash, round_id, member_id, csrf, created_at) VALUES (?, ?, ?, ?, ?)').run(tokenHash(token), roundId, memberId, csrf, now);
  return { token, csrf };
}

/** The live (not revoked) session a cookie names, if any. */
export function findSession(db: Db, token: string): WebSession | undefined {
  return db
    .prepare<[Buffer], WebSession>('SELECT round_id AS roundId, member_id AS memberId, csrf FROM web_session WHERE token_hash = ? AND revoked_at IS NULL')
    .get(tokenHash(token));
}

/** Revokes every session of a member in a round (at submission). */
export function revokeMemberSessions(db: Db, roundId: number, memberId: number, now: string): void {
  db.prepare('UPDATE web_session SET revoked_at = ? WHERE round_id = ? AND member_id = ? AND revoked_at IS NULL').run(now, roundId, memberId);
}

/** Revokes every session of a round (when it is closed, or found closed). */
export function revokeRoundSessions(db: Db, roundId: number, now: string): void {
  db.prepare('UPDATE web_session SET revoked_at = ? WHERE round_id = ? AND revoked_at IS NULL').run(now, roundId);
}

/** An active member by id (one row: a session's owner is looked up at every request). */
export function activeMemberById(db: Db, id: number): Member | undefined {
  const r = db.prepare<[number], { id: number; code: string; name: string }>('SELECT id, code, name FROM member WHERE id = ? AND active = 1').get(id);
  return r && { ...r, active: true };
}
