/**
 * Entering a whole cell's paper forms from one sheet (`exchange/forms-sheet.ts`
 * reads it): all or nothing. A named round stores one submitted response per
 * member column (`replace` as for one form); an anonymous round adds every
 * column to the round's tally in one transaction (`enterAnonymousPapers`),
 * the members of the columns, or those named as participants for numbered
 * ballots, recorded as having taken part, and nothing stored says which
 * column was whose.
 */
import { isoDay } from '../clock.js';
import { UserError } from '../errors.js';
import type { SheetForm } from '../exchange/forms-sheet.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { enterAnonymousPapers } from '../store/anonymous.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import { enterPaperResponse, findMemberResponse, participationOf } from '../store/responses.js';
import type { Round } from '../store/rounds.js';
import { requireActive } from './member-check.js';

export interface SheetEntry {
  readonly forms: ReadonlyArray<SheetForm>;
  readonly replace: boolean;
  /** For numbered ballot columns: who handed in a form (as many as ballots). */
  readonly participants?: ReadonlyArray<Member>;
}

export function enterFormsSheet(db: Db, round: Round, q: Questionnaire, entry: SheetEntry, file: string, now: Date): void {
  const { forms, replace } = entry;
  const ballots = forms.filter((f) => f.column.kind === 'ballot').length;
  let members: Member[];
  if (ballots > 0) {
    const participants = entry.participants ?? [];
    if (participants.length !== ballots || new Set(participants.map((m) => m.id)).size !== participants.length) {
      throw new UserError('ANSWERS_PARTICIPANTS', { file, ballots, participants: new Set(participants.map((m) => m.id)).size });
    }
    members = [...participants];
  } else members = forms.map((f) => (f.column.kind === 'member' ? (f.column.member as Member) : undefined)).filter((m): m is Member => m !== undefined);
  members.forEach((m) => requireActive(m));
  if (round.anonymous) {
    if (replace) throw new UserError('ANONYMOUS_NO_REPLACE', { member: members[0]?.name ?? '' });
    const taken = members.filter((m) => participationOf(db, round.id, m.id) !== 'none');
    if (taken.length > 0) throw new UserError('ANSWERS_ALREADY_TAKEN', { members: taken.map((m) => `${m.name} (${m.code})`).join(', ') });
    enterAnonymousPapers(db, q, round.id, members.map((m) => m.id), forms.map((f) => f.answers));
    return;
  }
  const today = isoDay(now);
  db.transaction(() => {
    for (const [i, f] of forms.entries()) {
      const member = members[i]!;
      if (findMemberResponse(db, round, member.id) !== undefined && !replace) throw new UserError('RESPONSE_EXISTS', { member: member.name, code: member.code });
      enterPaperResponse(db, round, member.id, f.answers, { replace, today });
    }
  }).immediate();
}
