/**
 * What the kiosk (`tusoi session`) asks of the database between turns: is
 * the round still open (another window may close it), and how far the round
 * is, for the line the session ends with.
 */
import type { Db } from '../store/db.js';
import { isRoundOpen, type Round } from '../store/rounds.js';
import { memberStatus } from './round-status.js';

/** Whether the round still takes answers (false once closed elsewhere, e.g. `tusoi round close` in another window). */
export function roundStillOpen(db: Db, round: Round): boolean {
  return isRoundOpen(db, round.id);
}

/** Submitted responses over the round's members (as `tusoi status` counts them). */
export function sessionTally(db: Db, round: Round): { readonly submitted: number; readonly members: number } {
  const members = memberStatus(db, round);
  return { submitted: members.filter((m) => m.status === 'submitted').length, members: members.length };
}
