/**
 * Which front end holds a member's response in progress (migration step 12):
 * one row per (round, member), read and written only through these intentions.
 * Times are ISO instants; the service (services/response-holder.ts) decides
 * what is expired.
 */
import type { Db } from './db.js';

export type FrontEnd = 'kiosk' | 'web';

export interface HolderRow {
  readonly holder: string;
  readonly frontEnd: FrontEnd;
  readonly since: string;
  readonly seenAt: string;
  readonly takenFrom: string | null;
}

export function readHolder(db: Db, roundId: number, memberId: number): HolderRow | undefined {
  return db
    .prepare<[number, number], HolderRow>('SELECT holder, front_end AS frontEnd, since, seen_at AS seenAt, taken_from AS takenFrom FROM response_holder WHERE round_id = ? AND member_id = ?')
    .get(roundId, memberId);
}

/** Puts `holder` in place of whoever held the response (or nobody). */
export function writeHolder(db: Db, roundId: number, memberId: number, row: HolderRow): void {
  db.prepare(
    `INSERT INTO response_holder (round_id, member_id, holder, front_end, since, seen_at, taken_from) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (round_id, member_id) DO UPDATE SET holder = excluded.holder, front_end = excluded.front_end, since = excluded.since, seen_at = excluded.seen_at, taken_from = excluded.taken_from`,
  ).run(roundId, memberId, row.holder, row.frontEnd, row.since, row.seenAt, row.takenFrom);
}

/** The holder's heartbeat; false when it no longer holds the response. */
export function touchHolder(db: Db, roundId: number, memberId: number, holder: string, now: string): boolean {
  return db.prepare('UPDATE response_holder SET seen_at = ? WHERE round_id = ? AND member_id = ? AND holder = ?').run(now, roundId, memberId, holder).changes === 1;
}

/** Lets go of the response, if `holder` still holds it. */
export function dropHolder(db: Db, roundId: number, memberId: number, holder: string): void {
  db.prepare('DELETE FROM response_holder WHERE round_id = ? AND member_id = ? AND holder = ?').run(roundId, memberId, holder);
}
