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
import {
  participationOf,
  resumeAnonymousResponse,
  roundParticipation,
  saveAnswer,
  saveCursor,
  startAnonymousResponse,
  startNamedResponse,
  submitResponse,
  type StoredResponse,
} from '../store/responses.js';
import type { Round } from '../store/rounds.js';
import { requireActive } from './member-check.js';

/** The active members who have not submitted yet: who the picker offers. */
export function pendingMembers(db: Db, round: Round): Member[] {
  const submitted = new Set(roundParticipation(db, round.id).submitted);
  return listMembers(db).filter((m) => !submitted.has(m.id));
}

/** A response being answered: where it stands, and the hooks that store each step of it. */
export interface OpenInterview {
  readonly response: StoredResponse;
  /** Where the interview resumes (the saved answers and cursor). */
  readonly state: InterviewState;
  /** For a new anonymous response: the one-time code to show the member, the only way back to it. */
  readonly code?: string;
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

/** An anonymous response in progress, reopened with its code; undefined for a wrong code. */
export function resumeWithCode(db: Db, round: Round, q: Questionnaire, code: string): OpenInterview | undefined {
  const found = resumeAnonymousResponse(db, round, code);
  return found ? opened(q, found) : undefined;
}

/** A new anonymous response, with a new one-time code. */
export function startOver(db: Db, round: Round, q: Questionnaire, member: Member): OpenInterview & { readonly code: string } {
  const { response, code } = startAnonymousResponse(db, round, member.id);
  return { ...opened(q, response), code };
}

/**
 * The hooks that store an interview as it goes: each answer with its cursor,
 * each move, the submission (which also locks the response). The clock is
 * read at submission, for the day stored with it.
 */
export function storingHooks(db: Db, round: Round, member: Member, response: StoredResponse, now: () => Date): InterviewHooks {
  return {
    onAnswer: (behaviourId, level, cursor) => saveAnswer(db, response.id, behaviourId, level, cursor),
    onMove: (cursor) => saveCursor(db, response.id, cursor),
    onSubmit: () => submitResponse(db, round, response.id, member.id, isoDay(now())),
  };
}
