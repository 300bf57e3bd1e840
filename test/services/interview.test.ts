/** The interview service on a real SQLite file: start, resume, anonymous codes, submit, commitments and follow-up. */
import { describe, expect, it } from 'vitest';
import { abandonPreview, beginInterview, openResponse, pendingMembers, resumeWithCode, startOver, storingHooks, type OpenInterview } from '../../src/services/interview.js';
import { pendingFollowUpCount } from '../../src/services/commitments.js';
import { closeOpenRound } from '../../src/services/round-lifecycle.js';
import { summariseRound } from '../../src/services/round-summary.js';
import { countSealedBallots } from '../../src/store/anonymous.js';
import { openDatabase } from '../../src/store/db.js';
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
    const hooks = storingHooks(c.db, c.round, an, first, now);
    hooks.onAnswer('A1.1', 'thinh-thoang', 'A1.2');
    hooks.onAnswer('A1.2', 'khong', 'A2.1');
    expect(participationOf(c.db, c.round.id, an.id)).toBe('in_progress');
    const again = openResponse(c.db, c.round, c.q, an);
    expect(again.response?.id).toBe(first.response?.id);
    expect([...again.state.answers]).toEqual([['A1.1', 'thinh-thoang'], ['A1.2', 'khong']]);
    expect(again.state.cursor).toBe(2);
  });

  it('after submitting, the member comes back to commitments (services/commitments.ts), never to the answers', () => {
    const c = cell();
    const an = c.members[0]!;
    const open = openResponse(c.db, c.round, c.q, an);
    storingHooks(c.db, c.round, an, open, now).onSubmit();
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
    expect(() => storingHooks(c.db, c.round, binh!, open, now).onSubmit()).toThrow(expect.objectContaining({ code: 'RESPONSE_CLOSED' }));
  });
});

describe('an anonymous round', () => {
  const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
  const lookupOf = (o: OpenInterview | undefined) => o?.ballot?.handle.key.lookup.toString('hex');

  it('gives a code at the start, reopens the ballot only with it, and can start over', () => {
    const c = cell(true);
    const an = c.members[0]!;
    expect(beginInterview(c.db, c.round, an)).toBe('open');
    const first = openResponse(c.db, c.round, c.q, an);
    expect(first.code).toMatch(CODE);
    expect(first.response).toBeUndefined();
    storingHooks(c.db, c.round, an, first, now).onAnswer('A1.1', 'thuong-xuyen', 'A1.2');
    expect(beginInterview(c.db, c.round, an)).toBe('code');
    expect(resumeWithCode(c.db, c.round, c.q, an, 'WRON-G234')).toBeUndefined();
    // Case, spaces and the dash do not matter.
    const resumed = resumeWithCode(c.db, c.round, c.q, an, ` ${first.code!.toLowerCase().replace('-', '')} `);
    expect(lookupOf(resumed)).toBe(lookupOf(first));
    expect([...resumed!.state.answers]).toEqual([['A1.1', 'thuong-xuyen']]);
    expect(resumed!.state.cursor).toBe(1);
    const fresh = startOver(c.db, c.round, c.q, an);
    expect(fresh.code).not.toBe(first.code);
    expect(fresh.state.answers.size).toBe(0);
  });

  it('a swapped code opens nothing: member B typing member A\'s code does not reach A\'s ballot', () => {
    const c = cell(true);
    const [an, binh] = [c.members[0]!, c.members[1]!];
    const a = openResponse(c.db, c.round, c.q, an);
    storingHooks(c.db, c.round, an, a, now).onAnswer('A1.1', 'thuong-xuyen', 'A1.2');
    const b = openResponse(c.db, c.round, c.q, binh);
    expect(resumeWithCode(c.db, c.round, c.q, binh, a.code!)).toBeUndefined();
    expect(resumeWithCode(c.db, c.round, c.q, an, b.code!)).toBeUndefined();
    expect([...resumeWithCode(c.db, c.round, c.q, an, a.code!)!.state.answers]).toEqual([['A1.1', 'thuong-xuyen']]);
    expect(resumeWithCode(c.db, c.round, c.q, binh, b.code!)!.state.answers.size).toBe(0);
  });

  it('starting again discards the abandoned ballot at once; one whose code is lost to every process is purged at close', () => {
    const c = cell(true);
    const an = c.members[0]!;
    const first = openResponse(c.db, c.round, c.q, an);
    const hooks = storingHooks(c.db, c.round, an, first, now);
    hooks.onAnswer('A1.1', 'thuong-xuyen', 'A1.2');
    hooks.onAnswer('A1.2', 'khong', 'A2.1');
    expect(abandonPreview(c.db, c.round, c.q, an)).toEqual({ known: true, saved: 2 });
    startOver(c.db, c.round, c.q, an);
    expect(countSealedBallots(c.db, c.round.id)).toBe(1);
    expect(resumeWithCode(c.db, c.round, c.q, an, first.code!)).toBeUndefined();
    // The abandoned ballot's hooks can no longer write into it.
    expect(() => hooks.onAnswer('A2.1', 'khong', null)).toThrow(expect.objectContaining({ code: 'RESPONSE_CLOSED' }));
    // Another process (a new connection) does not know the member's ballot: nobody can find it without the code.
    const other = openDatabase(c.file);
    try {
      expect(abandonPreview(other, c.round, c.q, an)).toEqual({ known: false });
      startOver(other, c.round, c.q, an);
      expect(countSealedBallots(other, c.round.id)).toBe(2);
      closeOpenRound(other, NOW);
      expect(countSealedBallots(other, c.round.id)).toBe(0);
      expect(participationOf(other, c.round.id, an.id)).toBe('none');
    } finally {
      other.close();
    }
  });

  it('refuses the member once they submitted: the ballot cannot be found again, and only the tally keeps its answers', () => {
    const c = cell(true);
    const an = c.members[0]!;
    const open = openResponse(c.db, c.round, c.q, an);
    const hooks = storingHooks(c.db, c.round, an, open, now);
    for (const b of ['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2']) hooks.onAnswer(b, b === 'A2.1' ? 'thinh-thoang' : 'khong', null);
    hooks.onSubmit();
    expect(() => beginInterview(c.db, c.round, an)).toThrow(expect.objectContaining({ code: 'RESPONSE_SUBMITTED' }));
    expect(resumeWithCode(c.db, c.round, c.q, an, open.code!)).toBeUndefined();
    expect(countSealedBallots(c.db, c.round.id)).toBe(0);
    expect(pendingFollowUpCount(c.db, c.round, an)).toBe(0);
    const s = summariseRound(c.db, c.round).summary;
    expect([s.respondents, s.behaviours.get('A2.1'), s.overall]).toEqual([1, { khong: 0, 'thinh-thoang': 1, 'thuong-xuyen': 0 }, { khong: 0, 'thinh-thoang': 1, 'thuong-xuyen': 0 }]);
  });
});
