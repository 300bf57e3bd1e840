/**
 * Tự sửa: the cell's measures, and the outcomes a commitment's follow-up
 * records. The members' commitments themselves are sealed with their secret:
 * see sealed-commitments.ts and services/commitments.ts. No export or report
 * reads them.
 */
import type { Db } from './db.js';

export type Outcome = 'done' | 'partly' | 'not_done';

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
