/**
 * Reports and exports of closed rounds, recorded (migration step 7) so that
 * `round reopen` can refuse what reopening would break:
 * - a named round once a final export of it was made: the file sent upward
 *   would no longer be the round's figures;
 * - an anonymous round once any report or export of it was made since it
 *   closed: a second report after one more ballot would differ from the first
 *   by exactly that ballot.
 *
 * Only closed rounds are recorded (an open round's export is provisional; an
 * open anonymous round is never reported). The record is written in the same
 * write transaction that reads the figures, before they are shown, so no
 * reopen can fall between the two: a report that then fails to write its file
 * still counts (the safe side).
 *
 * NOTE: a database read from a copy in memory (read-only.ts: the file is not
 * writable) records nothing: the file cannot say it was read that way, nor
 * can it say what a copy of it saw. The README says so.
 */
import { readMode } from './read-only.js';
import type { Db } from './db.js';
import type { Round } from './rounds.js';

export type RoundUseKind = 'report' | 'export';

export interface RoundUse {
  readonly kind: RoundUseKind;
  /** When, to the second in UTC. */
  readonly at: string;
}

/** The recorded reports and exports of a round, oldest first. */
export function roundUses(db: Db, roundId: number): RoundUse[] {
  return db.prepare<[number], RoundUse>('SELECT kind, at FROM round_use WHERE round_id = ? ORDER BY at, rowid').all(roundId);
}

const atOf = (now: Date): string => `${now.toISOString().slice(0, 19)}Z`;

/**
 * Reads a round's figures and records the use when a round involved is
 * closed. `choose` picks the rounds (and throws a command's refusals); `read`
 * reads what is shown. When a chosen round is closed and the file can be
 * written, both run again inside one write transaction that also records
 * each closed round's use, so a round reopened in between is read as open
 * (and refused as such where that matters). A connection opened `query_only`
 * for reading (read-only.ts) is let write for that transaction only.
 */
export function readRecordingUse<R extends ReadonlyArray<Round | undefined>, T>(
  db: Db,
  use: { readonly kind: RoundUseKind; readonly now: Date },
  choose: () => R,
  read: (rounds: R) => T,
): T {
  const first = choose();
  const closed = (rs: R) => rs.filter((r): r is Round => r !== undefined && r.closedOn !== null);
  if (closed(first).length === 0 || readMode(db) === 'memory') return read(first);
  const queryOnly = db.pragma('query_only', { simple: true }) as number;
  // NOTE: deliberate: the one write a reading command makes, in its own transaction.
  if (queryOnly) db.pragma('query_only = OFF');
  try {
    return db.transaction(() => {
      const rounds = choose();
      const insert = db.prepare('INSERT INTO round_use (round_id, kind, at) VALUES (?, ?, ?)');
      for (const id of new Set(closed(rounds).map((r) => r.id))) insert.run(id, use.kind, atOf(use.now));
      return read(rounds);
    }).immediate();
  } finally {
    if (queryOnly) db.pragma('query_only = ON');
  }
}
