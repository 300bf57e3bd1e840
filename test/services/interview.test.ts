/** The interview service on a real SQLite file: start, resume, anonymous codes, submit, commitments and follow-up. */
import { describe, expect, it } from 'vitest';
import { beginInterview, openResponse, pendingMembers, resumeWithCode, startOver, storingHooks } from '../../src/services/interview.js';
import { pendingFollowUpCount } from '../../src/services/commitments.js';
import { closeOpenRound } from '../../src/services/round-lifecycle.js';
import { removeMember } from '../../src/store/members.js';
import { participationOf } from '../../src/store/responses.js';
import { roundQuestionnaire, type Round } from '../../src/store/rounds.js';
import { NOW, serviceDb } from './support.js';

const now = () => NOW;
const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];

function cell(anonymous = false) {
  const s = serviceDb({ members: names, anonymous });
  const round = s.round as Round;
  return { ...s, round, q: roundQuestionnaire(s.db, round) };
}

describe('a named round', () => {
  it('saves every answer and move as it happens and resumes exactly there', () => {
    const c = cell();
    const an = c.members[0]!;
    expect(beginInterview(c.db, c.round, an)).toBe('open');
    const first = openResponse(c.db, c.round, c.q, an);
    expect(first.code).toBeUndefined();
    const hooks = storingHooks(c.db, c.round, an, first.response, now);
    hooks.onAnswer('A1.1', 'thinh-thoang', 'A1.2');
    hooks.onAnswer('A1.2', 'khong', 'A2.1');
    expect(participationOf(c.db, c.round.id, an.id)).toBe('in_progress');
    const again = openResponse(c.db, c.round, c.q, an);
    expect(again.response.id).toBe(first.response.id);
    expect([...again.state.answers]).toEqual([['A1.1', 'thinh-thoang'], ['A1.2', 'khong']]);
    expect(again.state.cursor).toBe(2);
  });

  it('after submitting, the member comes back to commitments (services/commitments.ts), never to the answers', () => {
    const c = cell();
    const an = c.members[0]!;
    const open = openResponse(c.db, c.round, c.q, an);
    storingHooks(c.db, c.round, an, open.response, now).onSubmit();
    expect(participationOf(c.db, c.round.id, an.id)).toBe('submitted');
    expect(pendingMembers(c.db, c.round).map((m) => m.name)).toEqual(names.slice(1));
    expect(beginInterview(c.db, c.round, an)).toBe('commitments');
  });

  it('refuses an inactive member, and answers once the round is closed', () => {
    const c = cell();
    const binh = c.members[1];
    const open = openResponse(c.db, c.round, c.q, binh!);
    removeMember(c.db, binh!.id); // took part, so only deactivated
    expect(() => beginInterview(c.db, c.round, { ...binh!, active: false })).toThrow(expect.objectContaining({ code: 'MEMBER_INACTIVE' }));
    closeOpenRound(c.db, NOW);
    expect(() => storingHooks(c.db, c.round, binh!, open.response, now).onSubmit()).toThrow(expect.objectContaining({ code: 'RESPONSE_CLOSED' }));
  });
});

describe('an anonymous round', () => {
  it('gives a code at the start, reopens the ballot only with it, and can start over', () => {
    const c = cell(true);
    const an = c.members[0]!;
    expect(beginInterview(c.db, c.round, an)).toBe('open');
    const first = openResponse(c.db, c.round, c.q, an);
    expect(first.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    storingHooks(c.db, c.round, an, first.response, now).onAnswer('A1.1', 'thuong-xuyen', 'A1.2');
    expect(beginInterview(c.db, c.round, an)).toBe('code');
    expect(resumeWithCode(c.db, c.round, c.q, 'WRONG1')).toBeUndefined();
    const resumed = resumeWithCode(c.db, c.round, c.q, first.code!.toLowerCase());
    expect(resumed?.response.id).toBe(first.response.id);
    expect([...resumed!.state.answers]).toEqual([['A1.1', 'thuong-xuyen']]);
    const fresh = startOver(c.db, c.round, c.q, an);
    expect(fresh.code).not.toBe(first.code);
    expect(fresh.state.answers.size).toBe(0);
  });

  it('refuses the member once they submitted: the ballot cannot be found again', () => {
    const c = cell(true);
    const an = c.members[0]!;
    const open = openResponse(c.db, c.round, c.q, an);
    const hooks = storingHooks(c.db, c.round, an, open.response, now);
    for (const b of ['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2']) hooks.onAnswer(b, 'khong', null);
    hooks.onSubmit();
    expect(() => beginInterview(c.db, c.round, an)).toThrow(expect.objectContaining({ code: 'RESPONSE_SUBMITTED' }));
    expect(resumeWithCode(c.db, c.round, c.q, open.code!)).toBeUndefined();
    expect(pendingFollowUpCount(c.db, c.round, an)).toBe(0);
  });
});
