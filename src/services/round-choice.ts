/**
 * Choosing the round a command works on. Every front end asks the same
 * questions (which round is open, may it be answered, merged into, reported),
 * so the answers and their refusals live here once.
 */
import { UserError } from '../errors.js';
import type { Db } from '../store/db.js';
import { findOpenRound, findRound, listRounds, type Round } from '../store/rounds.js';

/** The year in the "open a round" hint, from the injected clock. */
const year = (now: Date): string => String(now.getFullYear());

/** The open round, or a message naming the command that opens one. */
export function requireOpenRound(db: Db, now: Date): Round {
  const round = findOpenRound(db);
  if (!round) throw new UserError('NO_OPEN_ROUND', { year: year(now) });
  return round;
}

/** A round by its label (NFC), or a message saying it does not exist. */
export function requireRound(db: Db, label: string): Round {
  const round = findRound(db, label.normalize('NFC'));
  if (!round) throw new UserError('ROUND_NOT_FOUND', { label });
  return round;
}

/** The round asked for, else the open one, else the latest. */
export function chooseRound(db: Db, label: string | undefined, now: Date): Round {
  if (label !== undefined) return requireRound(db, label);
  const open = findOpenRound(db);
  if (open) return open;
  const last = listRounds(db).at(-1);
  if (!last) throw new UserError('NO_ROUNDS', { year: year(now) });
  return last;
}

/** The open round of a cell, where members answer. */
export function collectingRound(db: Db, now: Date): Round {
  const round = requireOpenRound(db, now);
  if (round.kind !== 'collect') throw new UserError('ROUND_NOT_COLLECTING', { label: round.label });
  return round;
}

/** The round a committee merges its units' files into: the one named, else the open one; never a closed one. */
export function mergingRound(db: Db, label: string | undefined, now: Date): Round {
  const round = label !== undefined ? requireRound(db, label) : requireOpenRound(db, now);
  if (round.kind !== 'merge') throw new UserError('ROUND_NOT_MERGING', { label: round.label });
  if (round.closedOn !== null) throw new UserError('ROUND_CLOSED', { label: round.label });
  return round;
}

/**
 * A round that may be reported or exported. An anonymous round is reported
 * only once closed: reports taken between two turns would differ by exactly
 * one person's answers.
 */
export function reportableRound(db: Db, label: string | undefined, now: Date): Round {
  const round = chooseRound(db, label, now);
  if (round.anonymous && round.closedOn === null && round.kind === 'collect') throw new UserError('ANONYMOUS_OPEN', { label: round.label });
  return round;
}
