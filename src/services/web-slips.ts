/**
 * Anonymous rounds on the network form (issue 18, part 2): slips, ticking
 * off, and a slip's ballot.
 *
 * The secretary prints one slip per member present and hands them out at
 * random; handing each out, ticks that member off, which records them as
 * having taken part (as a paper ballot does) and keeps them from also
 * answering at the kiosk. A slip's code is linked to no member: stored only
 * as its scrypt hash under the round's salt (as personal codes are). The
 * slip's ballot is sealed in progress (store/ballot-seal.ts, the member id
 * being SLIP_MEMBER) and, at submission, added to the tally with no row
 * left (store/anonymous.ts). The round accepts no more slip ballots than
 * members ticked off.
 */
import { UserError } from '../errors.js';
import type { Questionnaire } from '../questionnaire/model.js';
import type { InterviewHooks } from '../interview/run.js';
import { anonymousParticipationOf, anonymousRoundSalt, markTakenPart, openOrStartSlipBallot, readBallotWithKey, saveBallot, SLIP_MEMBER, submitSlipBallot, type BallotHandle } from '../store/anonymous.js';
import { deriveBallotKeyAsync, type BallotState } from '../store/ballot-seal.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import type { Round } from '../store/rounds.js';
import { roundCodeSalt } from '../store/web-access.js';
import { countUnusedSlips, createSlipSession, dropRoundSlips, findSlipSession, replaceUnusedSlips, slipState, slipTally, useSlip, writeSlipTally } from '../store/web-slips.js';
import { newCode, normaliseCode, stretch } from './web-access.js';

/** Prints `n` new slips: returns their codes (never stored); the round's unused slips are replaced. */
export async function issueSlips(db: Db, round: Round, n: number): Promise<string[]> {
  const salt = roundCodeSalt(db, round.id);
  const codes: string[] = [];
  const hashes: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const code = newCode();
    codes.push(code);
    hashes.push(await stretch(code, salt));
  }
  replaceUnusedSlips(db, round.id, hashes);
  return codes;
}

export const unusedSlips = (db: Db, round: Round): number => countUnusedSlips(db, round.id);

export type SlipCheck = { readonly kind: 'ok'; readonly token: string } | { readonly kind: 'wrong' } | { readonly kind: 'used' };

/**
 * Checks a typed slip code (two scrypt runs: the slip's hash, then the
 * ballot's key); a right one opens (or starts) the slip's sealed ballot and a
 * session for the device, which holds the ballot's key sealed under its cookie.
 */
export async function checkSlip(db: Db, q: Questionnaire, round: Round, typed: string): Promise<SlipCheck> {
  const code = normaliseCode(typed);
  if (!code) return { kind: 'wrong' };
  const hash = await stretch(code, roundCodeSalt(db, round.id));
  const state = slipState(db, round.id, hash);
  if (state === undefined) return { kind: 'wrong' };
  if (state === 'used') return { kind: 'used' };
  const key = await deriveBallotKeyAsync(code, anonymousRoundSalt(db, round.id), SLIP_MEMBER);
  const { handle } = openOrStartSlipBallot(db, q, round.id, key);
  const { token } = createSlipSession(db, round.id, hash, Buffer.concat([handle.key.lookup, handle.key.key]));
  return { kind: 'ok', token };
}

export interface SlipBallot {
  readonly slipHash: Buffer;
  readonly csrf: string;
  readonly handle: BallotHandle;
  readonly state: BallotState;
}

/** The ballot a device's cookie opens, or undefined (no such session, submitted, closed). */
export function slipBallot(db: Db, q: Questionnaire, round: Round, token: string): SlipBallot | undefined {
  const s = findSlipSession(db, round.id, token);
  if (!s) return undefined;
  const handle: BallotHandle = { roundId: round.id, memberId: SLIP_MEMBER, key: { lookup: s.ballotKey.subarray(0, 16), key: s.ballotKey.subarray(16) }, code: '' };
  const state = readBallotWithKey(db, q, handle);
  return state && { slipHash: s.slipHash, csrf: s.csrf, handle, state };
}

/**
 * The hooks storing a slip's ballot: each answer and move re-sealed; the
 * submission refused (SLIPS_EXCEEDED, the ballot kept in progress) when as
 * many slip ballots as members ticked off are already in.
 */
export function slipHooks(db: Db, q: Questionnaire, round: Round, b: SlipBallot): InterviewHooks {
  return {
    onAnswer: (behaviourId, level, cursor) => saveBallot(db, q, b.handle, (s) => ({ answers: new Map(s.answers).set(behaviourId, level), cursor })),
    onMove: (cursor) => saveBallot(db, q, b.handle, (s) => ({ ...s, cursor })),
    onSubmit: () =>
      submitSlipBallot(db, q, b.handle, () => {
        const t = slipTally(db, round.id);
        if (t.ballots >= t.ticked.length) throw new UserError('SLIPS_EXCEEDED', { ticked: t.ticked.length });
        if (slipState(db, round.id, b.slipHash) !== 'unused') throw new UserError('RESPONSE_CLOSED', {});
        useSlip(db, round.id, b.slipHash);
        writeSlipTally(db, round.id, { ...t, ballots: t.ballots + 1 });
      }),
  };
}

/** Slips handed out (members ticked off) and slip ballots submitted: all the secretary's screen shows. */
export function slipCounts(db: Db, round: Round): { readonly handedOut: number; readonly submitted: number } {
  const t = slipTally(db, round.id);
  return { handedOut: t.ticked.length, submitted: t.ballots };
}

/** Whether a member was ticked off for a slip in this round. */
export const isTicked = (db: Db, round: Round, memberId: number): boolean => slipTally(db, round.id).ticked.includes(memberId);

export type TickResult = 'ticked' | 'already' | 'answered' | 'inProgress';

/** Ticks a member off as their slip is handed out: they have taken part, and cannot also answer at the kiosk. */
export function tickMember(db: Db, round: Round, member: Member): TickResult {
  return db.transaction((): TickResult => {
    const t = slipTally(db, round.id);
    if (t.ticked.includes(member.id)) return 'already';
    const part = anonymousParticipationOf(db, round.id, member.id);
    if (part === 'submitted') return 'answered';
    if (part === 'in_progress') return 'inProgress';
    markTakenPart(db, round.id, member.id, true);
    writeSlipTally(db, round.id, { ...t, ticked: [...t.ticked, member.id] });
    return 'ticked';
  }).immediate();
}

export type UntickResult = 'unticked' | 'notTicked' | 'tooLate';

/**
 * Undoes a mistaken tick, only while submitted slip ballots ≤ ticked − 1: so
 * that afterwards there are still no more ballots than members ticked off.
 */
export function untickMember(db: Db, round: Round, member: Member): UntickResult {
  return db.transaction((): UntickResult => {
    const t = slipTally(db, round.id);
    if (!t.ticked.includes(member.id)) return 'notTicked';
    if (t.ballots > t.ticked.length - 1) return 'tooLate';
    markTakenPart(db, round.id, member.id, false);
    writeSlipTally(db, round.id, { ...t, ticked: t.ticked.filter((m) => m !== member.id) });
    return 'unticked';
  }).immediate();
}

/** Part of closing an anonymous round (inside its transaction): every slip and slip session deleted. */
export const closeSlips = (db: Db, round: Pick<Round, 'id'>): void => dropRoundSlips(db, round.id);
