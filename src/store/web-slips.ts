/**
 * Slips of an anonymous round on the network form (migration step 10): the
 * printed codes (scrypt hashes under the round's salt in `web_round`, no
 * member), the devices that gave one (linked to the slip, never to a
 * member, no time), and who has been ticked off as their slip was handed out.
 * Every delete here runs with secure_delete on (store/db.ts).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

/** Replaces the round's unused slips with new ones (their devices signed out); used slips stay. */
export function replaceUnusedSlips(db: Db, roundId: number, hashes: ReadonlyArray<Buffer>): void {
  db.transaction(() => {
    db.prepare('DELETE FROM web_slip_session WHERE round_id = ? AND slip_hash IN (SELECT code_hash FROM web_slip WHERE round_id = ? AND used = 0)').run(roundId, roundId);
    db.prepare('DELETE FROM web_slip WHERE round_id = ? AND used = 0').run(roundId);
    const put = db.prepare('INSERT INTO web_slip (code_hash, round_id) VALUES (?, ?)');
    for (const h of hashes) put.run(h, roundId);
  }).immediate();
}

/** A slip's state by its code's hash: undefined when no such slip. */
export function slipState(db: Db, roundId: number, hash: Buffer): 'unused' | 'used' | undefined {
  const r = db.prepare<[Buffer, number], { used: number }>('SELECT used FROM web_slip WHERE code_hash = ? AND round_id = ?').get(hash, roundId);
  return r === undefined ? undefined : r.used === 1 ? 'used' : 'unused';
}

/** How many slips of the round are printed and not used. */
export function countUnusedSlips(db: Db, roundId: number): number {
  return db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM web_slip WHERE round_id = ? AND used = 0').get(roundId)!.n;
}

/** Marks a slip used (same-size update: the cell is rewritten in place) and signs out its devices. Inside the caller's transaction. */
export function useSlip(db: Db, roundId: number, hash: Buffer): void {
  db.prepare('UPDATE web_slip SET used = 1 WHERE code_hash = ? AND round_id = ?').run(hash, roundId);
  db.prepare('DELETE FROM web_slip_session WHERE slip_hash = ? AND round_id = ?').run(hash, roundId);
}

const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();
const wrapKey = (token: string): Buffer => createHash('sha256').update(`tusoi-slip-wrap:${token}`, 'utf8').digest();

export interface SlipSession {
  readonly slipHash: Buffer;
  readonly csrf: string;
  /** What the cookie unseals: the ballot's lookup and key (48 bytes). */
  readonly ballotKey: Buffer;
}

/**
 * A new device session for a slip: the cookie (never stored) and its CSRF
 * token; the ballot key is stored sealed under the cookie. One device at a
 * time: the slip's other sessions end, so the device that had the ballot is
 * signed out at its next request (a member moving to another device, or
 * someone who read the slip's code: the member sees it and signs in again).
 * A slip names nobody, so there is no one to ask "where is it open".
 */
export function createSlipSession(db: Db, roundId: number, slipHash: Buffer, ballotKey: Buffer): { token: string; csrf: string } {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', wrapKey(token), iv);
  const wrapped = Buffer.concat([iv, c.update(ballotKey), c.final(), c.getAuthTag()]);
  db.transaction(() => {
    db.prepare('DELETE FROM web_slip_session WHERE round_id = ? AND slip_hash = ?').run(roundId, slipHash);
    db.prepare('INSERT INTO web_slip_session (token_hash, round_id, slip_hash, csrf, wrapped) VALUES (?, ?, ?, ?, ?)').run(tokenHash(token), roundId, slipHash, csrf, wrapped);
  }).immediate();
  return { token, csrf };
}

/** The live session a cookie names in the round, with its ballot key unsealed; undefined otherwise. */
export function findSlipSession(db: Db, roundId: number, token: string): SlipSession | undefined {
  const r = db
    .prepare<[Buffer, number], { slipHash: Buffer; csrf: string; wrapped: Buffer }>('SELECT slip_hash AS slipHash, csrf, wrapped FROM web_slip_session WHERE token_hash = ? AND round_id = ?')
    .get(tokenHash(token), roundId);
  if (!r) return undefined;
  try {
    const d = createDecipheriv('aes-256-gcm', wrapKey(token), r.wrapped.subarray(0, 12));
    d.setAuthTag(r.wrapped.subarray(r.wrapped.length - 16));
    const ballotKey = Buffer.concat([d.update(r.wrapped.subarray(12, r.wrapped.length - 16)), d.final()]);
    return { slipHash: r.slipHash, csrf: r.csrf, ballotKey };
  } catch {
    return undefined;
  }
}

/** Ends every slip's device session and deletes the slips of a round (when it closes). Inside the caller's transaction. */
export function dropRoundSlips(db: Db, roundId: number): void {
  db.prepare('DELETE FROM web_slip_session WHERE round_id = ?').run(roundId);
  db.prepare('DELETE FROM web_slip WHERE round_id = ?').run(roundId);
}

export interface SlipTally {
  /** Members ticked off, ascending ids. */
  readonly ticked: ReadonlyArray<number>;
  /** Slip ballots submitted. */
  readonly ballots: number;
}

export function slipTally(db: Db, roundId: number): SlipTally {
  const r = db.prepare<[number], { ticked: string; ballots: number }>('SELECT ticked, ballots FROM web_slip_round WHERE round_id = ?').get(roundId);
  return r ? { ticked: JSON.parse(r.ticked) as number[], ballots: r.ballots } : { ticked: [], ballots: 0 };
}

/** Rewrites the round's row whole, ticked ids sorted: neither order nor place records who was ticked when. */
export function writeSlipTally(db: Db, roundId: number, t: SlipTally): void {
  const ticked = JSON.stringify([...new Set(t.ticked)].sort((a, b) => a - b));
  db.prepare('INSERT INTO web_slip_round (round_id, ticked, ballots) VALUES (?, ?, ?) ON CONFLICT (round_id) DO UPDATE SET ticked = excluded.ticked, ballots = excluded.ballots').run(
    roundId,
    ticked,
    t.ballots,
  );
}
