/**
 * One front end at a time (issue 18, part 5): a member's response in progress
 * in a named round is held by one front end, the terminal (a kiosk turn, or
 * `tusoi answer`) or one browser session of the network form. Another front
 * end is told where it is open and may take it over; taking over revokes
 * nothing: the one that lost it learns so at its next write (or page), which
 * writes nothing. Every answer write checks, in the same transaction, that its
 * writer still holds the response (`heldHooks`).
 *
 * A holder shows it is alive by a heartbeat: the terminal's timer while a
 * turn runs, a browser session's every request. One not seen for its expiry
 * is gone (a crashed laptop process, a phone put away) and the response is
 * taken without asking. The expiry only decides whether to ask: taking over
 * is always possible, so nothing is ever blocked.
 *
 * Anonymous rounds hold nothing yet: their ballots are answered only in the
 * terminal. When the network form takes anonymous ballots, it calls `claim`
 * with the ballot's own id in place of the member (never a link from a member
 * to a ballot) — the hook is `holdsNamedOnly` below.
 */
import { randomBytes, createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import type { InterviewHooks } from '../interview/run.js';
import type { Db } from '../store/db.js';
import { readHolder, touchHolder, writeHolder, dropHolder, type FrontEnd, type HolderRow } from '../store/holders.js';
import type { Round } from '../store/rounds.js';

export type { FrontEnd } from '../store/holders.js';

/** The terminal beats every 20 s while a turn runs; 90 s without a beat (four missed) means its process is gone. */
export const TERMINAL_HEARTBEAT_MS = 20_000;
/**
 * A browser beats only when it asks for a page (the form works without
 * JavaScript): a member reads and answers one manifestation a page, a minute
 * or two, longer when the meeting discusses it. 15 minutes without a page
 * means the phone was put away, and the laptop takes the form without asking.
 */
export const EXPIRY_MS: Readonly<Record<FrontEnd, number>> = { kiosk: 90_000, web: 15 * 60_000 };

/** A holder's heartbeat is written at most this often by `claim` (every write beats too, in its own transaction). */
const QUIET_MS = 30_000;

/** Who is writing: a terminal turn, or a browser session. */
export interface Holder {
  readonly id: string;
  readonly frontEnd: FrontEnd;
}

/** A new terminal turn's holder (each turn its own, so a turn that lost the response never takes it back by accident). */
export const terminalHolder = (): Holder => ({ id: `kiosk:${randomBytes(12).toString('hex')}`, frontEnd: 'kiosk' });

/** A browser session's holder, named by a hash of its cookie (the cookie itself is stored nowhere). */
export const webHolder = (sessionToken: string): Holder => ({ id: `web:${createHash('sha256').update(`holder:${sessionToken}`).digest('hex').slice(0, 32)}`, frontEnd: 'web' });

/** The hook for anonymous rounds (see the header): today only named rounds are held. */
export const holdsNamedOnly = (round: Round): boolean => !round.anonymous;

/** Where the response is open, when another front end holds it. */
export interface Elsewhere {
  readonly where: FrontEnd;
  /** When it was opened there (taken, or taken over). */
  readonly since: Date;
  /** Its last heartbeat. */
  readonly seenAt: Date;
  /** Whether it was taken over from the asking holder (who then lost it). */
  readonly takenFromMe: boolean;
}

export type Hold = { readonly kind: 'held' } | ({ readonly kind: 'elsewhere' } & Elsewhere);

const expired = (row: HolderRow, now: Date): boolean => row.seenAt === '' || now.getTime() - Date.parse(row.seenAt) > EXPIRY_MS[row.frontEnd];

function elsewhere(row: HolderRow, me: Holder): Hold {
  return { kind: 'elsewhere', where: row.frontEnd, since: new Date(row.since), seenAt: new Date(row.seenAt === '' ? row.since : row.seenAt), takenFromMe: row.takenFrom === me.id };
}

/**
 * Takes the response when nobody holds it, its holder is gone (expired), or
 * it is already ours (a heartbeat); otherwise says where it is open. One that
 * lost it is told so even after the taker went away: its pages are stale.
 */
export function claim(db: Db, round: Round, memberId: number, me: Holder, now: Date): Hold {
  // Ours, and beaten lately: nothing to write (a page read costs no commit, no fsync).
  const mine = readHolder(db, round.id, memberId);
  if (mine?.holder === me.id && mine.seenAt !== '' && now.getTime() - Date.parse(mine.seenAt) < QUIET_MS) return { kind: 'held' };
  return db.transaction((): Hold => {
    const row = readHolder(db, round.id, memberId);
    if (row?.holder === me.id) {
      touchHolder(db, round.id, memberId, me.id, now.toISOString());
      return { kind: 'held' };
    }
    if (row && (!expired(row, now) || row.takenFrom === me.id)) return elsewhere(row, me);
    const at = now.toISOString();
    writeHolder(db, round.id, memberId, { holder: me.id, frontEnd: me.frontEnd, since: at, seenAt: at, takenFrom: row?.holder ?? null });
    return { kind: 'held' };
  }).immediate();
}

/** Where the response is open, without taking it (undefined: free, gone, or ours). */
export function openElsewhere(db: Db, round: Round, memberId: number, me: Holder, now: Date): Elsewhere | undefined {
  const row = readHolder(db, round.id, memberId);
  if (!row || row.holder === me.id || (expired(row, now) && row.takenFrom !== me.id)) return undefined;
  const e = elsewhere(row, me);
  return e.kind === 'elsewhere' ? e : undefined;
}

/** Takes the response over from whoever holds it; they learn so at their next write or page. */
export function takeOver(db: Db, round: Round, memberId: number, me: Holder, now: Date): void {
  db.transaction(() => {
    const row = readHolder(db, round.id, memberId);
    const at = now.toISOString();
    writeHolder(db, round.id, memberId, { holder: me.id, frontEnd: me.frontEnd, since: at, seenAt: at, takenFrom: row && row.holder !== me.id ? row.holder : (row?.takenFrom ?? null) });
  }).immediate();
}

/** The holder's heartbeat; false once another front end has taken the response. */
export function heartbeat(db: Db, round: Round, memberId: number, me: Holder, now: Date): boolean {
  return touchHolder(db, round.id, memberId, me.id, now.toISOString());
}

/**
 * Lets go at the end of a terminal turn (paused, or ended by an error): the
 * response is free at once, and one that lost it to this holder is still told.
 */
export function release(db: Db, round: Round, memberId: number, me: Holder): void {
  db.prepare("UPDATE response_holder SET seen_at = '' WHERE round_id = ? AND member_id = ? AND holder = ?").run(round.id, memberId, me.id);
}

/** Local hours and minutes, as the member reads them on the laptop's clock. */
export function clockTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Inside a write's transaction: the writer must still hold the response (a heartbeat too); else RESPONSE_TAKEN_OVER, and the transaction writes nothing. */
export function requireHolder(db: Db, round: Round, memberId: number, me: Holder, now: Date): void {
  const row = readHolder(db, round.id, memberId);
  if (row?.holder === me.id) {
    // The beat is written at most every 30 s: most writes add no page of this table to their commit.
    if (row.seenAt === '' || now.getTime() - Date.parse(row.seenAt) >= QUIET_MS) touchHolder(db, round.id, memberId, me.id, now.toISOString());
    return;
  }
  // A missing row: the response was submitted elsewhere (the write is refused anyway) or never held; either way not this writer's.
  throw new UserError('RESPONSE_TAKEN_OVER', { where: row?.frontEnd ?? 'web', at: clockTime(new Date(row?.since ?? now.toISOString())) });
}

/** The interview's store hooks, each write checked (in its own transaction) to come from the holder; submitting lets go of the response. */
export function heldHooks(db: Db, round: Round, memberId: number, me: Holder, now: () => Date, hooks: InterviewHooks): InterviewHooks {
  return {
    onAnswer: (behaviourId, level, cursor) =>
      db.transaction(() => {
        requireHolder(db, round, memberId, me, now());
        hooks.onAnswer(behaviourId, level, cursor);
      }).immediate(),
    onMove: (cursor) =>
      db.transaction(() => {
        requireHolder(db, round, memberId, me, now());
        hooks.onMove(cursor);
      }).immediate(),
    onSubmit: () =>
      db.transaction(() => {
        requireHolder(db, round, memberId, me, now());
        hooks.onSubmit();
        dropHolder(db, round.id, memberId, me.id);
      }).immediate(),
  };
}

/**
 * The terminal's heartbeat while a turn runs (a timer that never keeps the
 * process alive; a busy database skips one beat). Returns the stop function.
 */
export function startHeartbeat(db: Db, round: Round, memberId: number, me: Holder, now: () => Date, every = TERMINAL_HEARTBEAT_MS): () => void {
  const timer = setInterval(() => {
    try {
      heartbeat(db, round, memberId, me, now());
    } catch {
      // SQLITE_BUSY past the timeout (the server writing): the next beat comes in 20 s, well inside the expiry.
    }
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
