/**
 * Entering a member's paper form: the whole response at once, submitted and
 * locked, all or nothing. A named round's form may replace the member's
 * earlier response; an anonymous round's may not (it goes straight into the
 * round's tally: no ballot of it is ever stored).
 */
import { isoDay } from '../clock.js';
import { UserError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import { enterPaperResponse, findMemberResponse, participationOf } from '../store/responses.js';
import { isTicked } from './web-slips.js';
import { roundQuestionnaire, type Round } from '../store/rounds.js';
import { enterAnonymousPaper } from '../store/anonymous.js';
import { requireActive } from './member-check.js';

export interface PaperForm {
  readonly member: Member;
  /** Behaviour id → level id, every behaviour answered (checked by the reader of the form). */
  readonly answers: ReadonlyMap<string, string>;
  readonly replace: boolean;
}

export function enterPaperForm(db: Db, round: Round, form: PaperForm, now: Date): void {
  const { member, replace } = form;
  requireActive(member);
  // Ticked off for a slip of the network form: their one ballot is that slip (issue 18).
  if (round.anonymous && isTicked(db, round, member.id)) throw new UserError('SLIP_TICKED', { member: member.name });
  const taken = round.anonymous ? participationOf(db, round.id, member.id) !== 'none' : findMemberResponse(db, round, member.id) !== undefined;
  if (taken && round.anonymous) throw new UserError(replace ? 'ANONYMOUS_NO_REPLACE' : 'RESPONSE_EXISTS', { member: member.name, code: member.code });
  if (taken && !replace) throw new UserError('RESPONSE_EXISTS', { member: member.name, code: member.code });
  if (round.anonymous) enterAnonymousPaper(db, roundQuestionnaire(db, round), round.id, member.id, form.answers);
  else enterPaperResponse(db, round, member.id, form.answers, { replace, today: isoDay(now) });
}
