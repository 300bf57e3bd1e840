/**
 * Interviewing a member, for any front end: start or resume a response (an
 * anonymous one only with its one-time code), save each answer and move as it
 * happens, submit. The member's commitments (tự sửa) and their follow-up are
 * in `commitments.ts`. The terminal asks through
 * Inquirer, the network form through HTML; both call these functions, which
 * commit every change before returning, so nothing acknowledged is lost.
 */
import { isoDay } from '../clock.js';
import { UserError } from '../errors.js';
import { resumeState, type InterviewState } from '../interview/engine.js';
import type { InterviewHooks } from '../interview/run.js';
import type { Questionnaire } from '../questionnaire/model.js';
import type { Db } from '../store/db.js';
import { listMembers, type Member } from '../store/members.js';
import { discardBallot, openBallot, saveBallot, startBallot, submitBallot, type BallotHandle } from '../store/anonymous.js';
import type { BallotState } from '../store/ballot-seal.js';
import { findMemberResponse, participationOf, roundParticipation, saveAnswer, saveCursor, startNamedResponse, submitResponse, type StoredResponse } from '../store/responses.js';
import type { Round } from '../store/rounds.js';
import { requireActive } from './member-check.js';
import { isTicked } from './web-slips.js';

/** Members ticked off for a slip (anonymous rounds on the network form): the kiosk lists them, to say why they cannot answer there. */
export function tickedMembers(db: Db, round: Round): Member[] {
  return round.anonymous ? listMembers(db).filter((m) => isTicked(db, round, m.id)) : [];
}

/** The active members who have not submitted yet: who the picker offers. */
export function pendingMembers(db: Db, round: Round): Member[] {
  const submitted = new Set(roundParticipation(db, round.id).submitted);
  return listMembers(db).filter((m) => !submitted.has(m.id));
}

/** A response being answered: where it stands, and the hooks that store each step of it. */
export interface OpenInterview {
  /** A named round's response (undefined in an anonymous round). */
  readonly response?: StoredResponse;
  /** An anonymous round's sealed ballot, open with its key (held in memory only). */
  readonly ballot?: { readonly handle: BallotHandle; readonly q: Questionnaire };
  /** Where the interview resumes (the saved answers and cursor). */
  readonly state: InterviewState;
  /** For a new anonymous response: the one-time code to show the member, the only way back to it. */
  readonly code?: string;
}

/**
 * The anonymous ballots this process has opened, by round and member: how a
 * member who starts again in the same kiosk has the abandoned ballot
 * discarded at once. Memory only: the file holds no link from a member to a
 * ballot, so after a restart a ballot whose code is lost cannot be found by
 * anyone; it is never counted and is purged when the round closes.
 */
const KNOWN = new WeakMap<Db, Map<string, BallotHandle>>();
const knownKey = (roundId: number, memberId: number) => `${roundId}:${memberId}`;

function remember(db: Db, h: BallotHandle): void {
  let m = KNOWN.get(db);
  if (!m) KNOWN.set(db, (m = new Map()));
  m.set(knownKey(h.roundId, h.memberId), h);
}

function forget(db: Db, h: BallotHandle): void {
  KNOWN.get(db)?.delete(knownKey(h.roundId, h.memberId));
}

function knownBallot(db: Db, round: Round, member: Member): BallotHandle | undefined {
  return KNOWN.get(db)?.get(knownKey(round.id, member.id));
}

function openedBallot(db: Db, q: Questionnaire, b: { handle: BallotHandle; state: BallotState }, code?: string): OpenInterview {
  remember(db, b.handle);
  return { ballot: { handle: b.handle, q }, state: resumeState(q, b.state), ...(code !== undefined ? { code } : {}) };
}

/**
 * How a member's interview can begin (a check only; nothing is written):
 * - `commitments`: a named round's member who already submitted comes back to their commitments;
 * - `code`: an anonymous response is in progress and can be reopened only with its code
 *   (`resumeWithCode`), or abandoned for a new one (`startOver`);
 * - `open`: `openResponse` starts (or, in a named round, resumes) the response.
 */
export type InterviewStart = 'commitments' | 'code' | 'open';

function opened(q: Questionnaire, response: StoredResponse, code?: string): OpenInterview {
  return { response, state: resumeState(q, response), ...(code !== undefined ? { code } : {}) };
}

/** Where a member's interview begins. Refuses an inactive member and a submitted anonymous response. */
export function beginInterview(db: Db, round: Round, member: Member): InterviewStart {
  requireActive(member);
  const part = participationOf(db, round.id, member.id);
  if (part === 'submitted') {
    // Ticked off for a slip of the network form: their one ballot is that slip (issue 18).
    if (round.anonymous && isTicked(db, round, member.id)) throw new UserError('SLIP_TICKED', { member: member.name });
    // An anonymous response cannot be found again once submitted.
    if (round.anonymous) throw new UserError('RESPONSE_SUBMITTED', { member: member.name, code: member.code });
    return 'commitments';
  }
  return round.anonymous && part === 'in_progress' ? 'code' : 'open';
}

/** Starts the member's response, or in a named round resumes it; an anonymous one comes with its one-time code. */
export function openResponse(db: Db, round: Round, q: Questionnaire, member: Member): OpenInterview {
  return round.anonymous ? startOver(db, round, q, member) : opened(q, startNamedResponse(db, round, member.id));
}

/**
 * An anonymous ballot in progress, reopened with its code by the member the
 * terminal has confirmed; undefined for a wrong code and for another member's
 * code (the key is derived from both, store/ballot-seal.ts).
 */
export function resumeWithCode(db: Db, round: Round, q: Questionnaire, member: Member, code: string): OpenInterview | undefined {
  const found = openBallot(db, q, round.id, member.id, code);
  return found ? openedBallot(db, q, found) : undefined;
}

/**
 * What starting again would lose: the number of saved answers of the
 * member's ballot when this process opened it (`known`); otherwise its code is
 * lost and nobody can tell which sealed ballot is theirs.
 */
export function abandonPreview(db: Db, round: Round, q: Questionnaire, member: Member): { readonly known: true; readonly saved: number } | { readonly known: false } {
  const h = knownBallot(db, round, member);
  const state = h && openBallot(db, q, round.id, member.id, h.code);
  return state ? { known: true, saved: state.state.answers.size } : { known: false };
}

/** A new anonymous ballot with a new one-time code; the member's abandoned ballot, if this process knows it, is discarded at once. */
export function startOver(db: Db, round: Round, q: Questionnaire, member: Member): OpenInterview & { readonly code: string } {
  const old = knownBallot(db, round, member);
  if (old) {
    discardBallot(db, old);
    forget(db, old);
  }
  const started = startBallot(db, q, round.id, member.id);
  return { ...openedBallot(db, q, started, started.handle.code), code: started.handle.code };
}

/**
 * The hooks that store an interview as it goes: each answer with its cursor,
 * each move, the submission (which also locks the response). The clock is
 * read at submission, for the day stored with it.
 */
export function storingHooks(db: Db, round: Round, member: Member, open: OpenInterview, now: () => Date): InterviewHooks {
  if (open.ballot) {
    const { handle, q } = open.ballot;
    return {
      onAnswer: (behaviourId, level, cursor) => saveBallot(db, q, handle, (s) => ({ answers: new Map(s.answers).set(behaviourId, level), cursor })),
      onMove: (cursor) => saveBallot(db, q, handle, (s) => ({ ...s, cursor })),
      onSubmit: () => {
        submitBallot(db, q, handle);
        forget(db, handle);
      },
    };
  }
  const response = open.response;
  if (!response) throw new UserError('RESPONSE_CLOSED', {});
  return {
    onAnswer: (behaviourId, level, cursor) => saveAnswer(db, response.id, behaviourId, level, cursor),
    onMove: (cursor) => saveCursor(db, response.id, cursor),
    onSubmit: () => submitResponse(db, round, response.id, member.id, isoDay(now())),
  };
}
