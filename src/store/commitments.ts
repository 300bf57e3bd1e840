/**
 * Tự sửa: a member's commitments (what they will do about a behaviour they
 * reported, and by when) and the cell's measures. Commitments belong to named
 * rounds only and stay private to the member: no export or report reads them.
 */
import type { Db } from './db.js';

export type Outcome = 'done' | 'partly' | 'not_done';

export interface Commitment {
  readonly id: number;
  readonly roundId: number;
  readonly roundLabel: string;
  readonly behaviourId: string;
  readonly action: string;
  readonly due: string | null;
  readonly outcome: Outcome | null;
}

const SELECT = `SELECT c.id, c.round_id AS roundId, r.label AS roundLabel, c.behaviour_id AS behaviourId, c.action, c.due, c.outcome
  FROM commitment c JOIN round r ON r.id = c.round_id`;

/** Saves (or replaces) one commitment at once, like an answer. */
export function saveCommitment(db: Db, c: { roundId: number; memberId: number; behaviourId: string; action: string; due: string | null }): void {
  db.prepare(
    `INSERT INTO commitment (round_id, member_id, behaviour_id, action, due) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id, member_id, behaviour_id) DO UPDATE SET action = excluded.action, due = excluded.due`,
  ).run(c.roundId, c.memberId, c.behaviourId, c.action, c.due);
}

export function deleteCommitment(db: Db, roundId: number, memberId: number, behaviourId: string): void {
  db.prepare('DELETE FROM commitment WHERE round_id = ? AND member_id = ? AND behaviour_id = ?').run(roundId, memberId, behaviourId);
}

export function memberCommitments(db: Db, roundId: number, memberId: number): Commitment[] {
  return db.prepare<[number, number], Commitment>(`${SELECT} WHERE c.round_id = ? AND c.member_id = ? ORDER BY c.id`).all(roundId, memberId);
}

/**
 * The commitments of a member's most recent earlier round that have not been
 * followed up yet: what the next interview asks about first.
 */
export function pendingFollowUps(db: Db, currentRoundId: number, memberId: number): Commitment[] {
  return db
    .prepare<[number, number], Commitment>(`${SELECT} WHERE c.member_id = ? AND c.round_id <> ? AND c.outcome IS NULL AND r.anonymous = 0 ORDER BY r.id, c.id`)
    .all(memberId, currentRoundId);
}

export function recordOutcome(db: Db, id: number, outcome: Outcome, today: string): void {
  db.prepare('UPDATE commitment SET outcome = ?, followed_on = ? WHERE id = ?').run(outcome, today, id);
}

export interface Measure {
  readonly id: number;
  readonly behaviourId: string | null;
  readonly text: string;
  readonly addedOn: string;
  readonly doneOn: string | null;
}

export function addMeasure(db: Db, roundId: number, m: { behaviourId: string | null; text: string; today: string }): number {
  const info = db.prepare('INSERT INTO measure (round_id, behaviour_id, text, added_on) VALUES (?, ?, ?, ?)').run(roundId, m.behaviourId, m.text, m.today);
  return Number(info.lastInsertRowid);
}

export function listMeasures(db: Db, roundId: number): Measure[] {
  return db
    .prepare<[number], Measure>('SELECT id, behaviour_id AS behaviourId, text, added_on AS addedOn, done_on AS doneOn FROM measure WHERE round_id = ? ORDER BY id')
    .all(roundId);
}

export function markMeasureDone(db: Db, roundId: number, id: number, today: string): boolean {
  return db.prepare('UPDATE measure SET done_on = ? WHERE id = ? AND round_id = ?').run(today, id, roundId).changes === 1;
}
