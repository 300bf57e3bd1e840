/**
 * Where sealed commitments and the members' key records live (migration step
 * 6). SQL only: sealing and opening happen in `privacy/seal.ts`, through
 * `services/commitments.ts`. In clear: that a commitment exists, its round,
 * member, deadline and outcome. The behaviour, level and text are in `box`.
 */
import { randomInt } from 'node:crypto';
import type { KeyRecord } from '../privacy/seal.js';
import type { Outcome } from './commitments.js';
import type { Db } from './db.js';

export interface SealedRow {
  readonly id: number;
  readonly roundId: number;
  readonly roundLabel: string;
  readonly memberId: number;
  readonly due: string | null;
  readonly outcome: Outcome | null;
  readonly box: Buffer;
}

/** A commitment made before step 6, still in clear: waits for its member's next interview. */
export interface UnsealedRow {
  readonly id: number;
  readonly roundId: number;
  readonly behaviourId: string;
  /** The level the member's response of that round gives the behaviour, if any. */
  readonly level: string | null;
  readonly action: string;
  readonly due: string | null;
  readonly outcome: Outcome | null;
  readonly followedOn: string | null;
}

export function readMemberKey(db: Db, memberId: number): KeyRecord | undefined {
  const row = db
    .prepare<[number], { salt: Buffer; n: number; r: number; p: number; check: Buffer }>(
      'SELECT salt, scrypt_n AS n, scrypt_r AS r, scrypt_p AS p, check_value AS "check" FROM member_key WHERE member_id = ?',
    )
    .get(memberId);
  return row && { salt: row.salt, n: row.n, r: row.r, p: row.p, check: row.check };
}

export function insertMemberKey(db: Db, memberId: number, k: KeyRecord): void {
  db.prepare('INSERT INTO member_key (member_id, salt, scrypt_n, scrypt_r, scrypt_p, check_value) VALUES (?, ?, ?, ?, ?, ?)').run(memberId, k.salt, k.n, k.r, k.p, k.check);
}

const SELECT = `SELECT s.id, s.round_id AS roundId, r.label AS roundLabel, s.member_id AS memberId, s.due, s.outcome, s.box
  FROM sealed_commitment s JOIN round r ON r.id = s.round_id`;

export function sealedOfRound(db: Db, roundId: number, memberId: number): SealedRow[] {
  return db.prepare<[number, number], SealedRow>(`${SELECT} WHERE s.round_id = ? AND s.member_id = ?`).all(roundId, memberId);
}

/** Sealed commitments of the member's earlier named rounds not followed up yet. */
export function sealedPending(db: Db, currentRoundId: number, memberId: number): SealedRow[] {
  return db
    .prepare<[number, number], SealedRow>(`${SELECT} WHERE s.member_id = ? AND s.round_id <> ? AND s.outcome IS NULL AND r.anonymous = 0 ORDER BY r.id`)
    .all(memberId, currentRoundId);
}

/**
 * Inserts a sealed commitment under a new random id; `seal` makes the box for
 * that id (the id is authenticated with it). Retries the one-in-10^14 clash.
 */
export function insertSealed(db: Db, c: { roundId: number; memberId: number; due: string | null; outcome?: Outcome | null; followedOn?: string | null }, seal: (id: number) => Buffer): number {
  const insert = db.prepare('INSERT INTO sealed_commitment (id, round_id, member_id, due, outcome, followed_on, box) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (;;) {
    const id = randomInt(1, 2 ** 47);
    try {
      insert.run(id, c.roundId, c.memberId, c.due, c.outcome ?? null, c.followedOn ?? null, seal(id));
      return id;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
    }
  }
}

export function updateSealed(db: Db, id: number, due: string | null, box: Buffer): void {
  db.prepare('UPDATE sealed_commitment SET due = ?, box = ? WHERE id = ?').run(due, box, id);
}

export function deleteSealed(db: Db, id: number, memberId: number): void {
  db.prepare('DELETE FROM sealed_commitment WHERE id = ? AND member_id = ?').run(id, memberId);
}

export function recordSealedOutcome(db: Db, id: number, memberId: number, outcome: Outcome, today: string): void {
  db.prepare('UPDATE sealed_commitment SET outcome = ?, followed_on = ? WHERE id = ? AND member_id = ?').run(outcome, today, id, memberId);
}

/** How many commitments of the member are still in clear (made before step 6). */
export function countUnsealed(db: Db, memberId: number): number {
  return db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM unsealed_commitment WHERE member_id = ?').get(memberId)!.n;
}

export function unsealedOf(db: Db, memberId: number): UnsealedRow[] {
  return db
    .prepare<[number], UnsealedRow>(
      `SELECT c.id, c.round_id AS roundId, c.behaviour_id AS behaviourId, a.level, c.action, c.due, c.outcome, c.followed_on AS followedOn
       FROM unsealed_commitment c
       LEFT JOIN response r ON r.round_id = c.round_id AND r.member_id = c.member_id
       LEFT JOIN answer a ON a.response_id = r.id AND a.behaviour_id = c.behaviour_id
       WHERE c.member_id = ? ORDER BY c.id`,
    )
    .all(memberId);
}

/**
 * Erases commitments in clear with SQLite's secure_delete on, so the freed
 * cells are overwritten with zeros rather than left in the page (the index
 * on behaviour_id included). Call `checkpointAndTruncate` after the commit:
 * until then the old page images are still in the -wal file.
 */
export function eraseUnsealed(db: Db, ids: ReadonlyArray<number>): void {
  const del = db.prepare('DELETE FROM unsealed_commitment WHERE id = ?');
  for (const id of ids) del.run(id);
}

/** Turns on secure_delete for this connection (it cannot change inside a transaction). */
export function secureDelete(db: Db): void {
  db.pragma('secure_delete = ON');
}

/**
 * Copies the WAL into the database and truncates it to zero bytes, so old page
 * images (holding erased text) are gone from the -wal file. Returns false when
 * another connection's reader kept it from completing (it is retried next time).
 */
export function checkpointAndTruncate(db: Db): boolean {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return row?.busy === 0;
}
