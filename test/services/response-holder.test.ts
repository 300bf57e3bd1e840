/**
 * One front end at a time (issue 18, part 5), on a real SQLite file: who
 * holds a member's response, taking over, the heartbeat and its expiry, and
 * every write checked in its own transaction to come from the holder.
 */
import { describe, expect, it } from 'vitest';
import { openResponse, storingHooks } from '../../src/services/interview.js';
import { claim, clockTime, EXPIRY_MS, heartbeat, heldHooks, openElsewhere, release, takeOver, terminalHolder, webHolder } from '../../src/services/response-holder.js';
import { findMemberResponse } from '../../src/store/responses.js';
import { roundQuestionnaire, type Round } from '../../src/store/rounds.js';
import { NOW, serviceDb } from './support.js';

const at = (ms: number) => new Date(NOW.getTime() + ms);

function cell() {
  const s = serviceDb({ members: ['Nguyễn Văn An', 'Trần Thị Bình'] });
  const round = s.round as Round;
  const q = roundQuestionnaire(s.db, round);
  const an = s.members[0]!;
  const open = openResponse(s.db, round, q, an);
  const answers = () => findMemberResponse(s.db, round, an.id)!.answers;
  return { ...s, round, q, an, open, answers };
}

describe('holding a response', () => {
  it('the first front end takes it; the second is told where it is open and since when, until it takes it over', () => {
    const c = cell();
    const phone = webHolder('phone-cookie');
    const kiosk = terminalHolder();
    expect(claim(c.db, c.round, c.an.id, phone, NOW)).toEqual({ kind: 'held' });
    // Its own next page is a heartbeat, not a conflict; written at most every 30 s (a page read costs no commit).
    expect(claim(c.db, c.round, c.an.id, phone, at(10_000))).toEqual({ kind: 'held' });
    expect(openElsewhere(c.db, c.round, c.an.id, kiosk, at(10_000))?.seenAt).toEqual(NOW);
    expect(claim(c.db, c.round, c.an.id, phone, at(60_000))).toEqual({ kind: 'held' });
    expect(claim(c.db, c.round, c.an.id, kiosk, at(61_000))).toEqual({ kind: 'elsewhere', where: 'web', since: NOW, seenAt: at(60_000), takenFromMe: false });
    // Another member's response is another matter.
    expect(claim(c.db, c.round, c.members[1]!.id, kiosk, at(61_000))).toEqual({ kind: 'held' });
    takeOver(c.db, c.round, c.an.id, kiosk, at(62_000));
    // The phone lost it: told so, with the time it was taken over, even after the kiosk lets go.
    expect(claim(c.db, c.round, c.an.id, phone, at(63_000))).toMatchObject({ kind: 'elsewhere', where: 'kiosk', since: at(62_000), takenFromMe: true });
    release(c.db, c.round, c.an.id, kiosk);
    expect(claim(c.db, c.round, c.an.id, phone, at(64_000))).toMatchObject({ kind: 'elsewhere', where: 'kiosk', takenFromMe: true });
    expect(openElsewhere(c.db, c.round, c.an.id, phone, at(64_000))).toMatchObject({ where: 'kiosk', takenFromMe: true });
    // A third device finds it free once the kiosk let go.
    expect(claim(c.db, c.round, c.an.id, webHolder('desk-cookie'), at(64_000))).toEqual({ kind: 'held' });
  });

  it('a holder not seen for its expiry is gone (a crashed kiosk after 90 s, a phone put away after 15 min): taken without asking', () => {
    const c = cell();
    const kiosk = terminalHolder();
    const phone = webHolder('phone-cookie');
    claim(c.db, c.round, c.an.id, kiosk, NOW);
    expect(claim(c.db, c.round, c.an.id, phone, at(EXPIRY_MS.kiosk)).kind).toBe('elsewhere');
    // The kiosk's heartbeat keeps it: 20 s beats.
    expect(heartbeat(c.db, c.round, c.an.id, kiosk, at(EXPIRY_MS.kiosk))).toBe(true);
    expect(claim(c.db, c.round, c.an.id, phone, at(2 * EXPIRY_MS.kiosk)).kind).toBe('elsewhere');
    expect(claim(c.db, c.round, c.an.id, phone, at(2 * EXPIRY_MS.kiosk + 1)).kind).toBe('held');
    // The crashed kiosk's beat no longer holds anything.
    expect(heartbeat(c.db, c.round, c.an.id, kiosk, at(2 * EXPIRY_MS.kiosk + 2))).toBe(false);
    const base = 2 * EXPIRY_MS.kiosk + 1;
    const kiosk2 = terminalHolder();
    expect(claim(c.db, c.round, c.an.id, kiosk2, at(base + EXPIRY_MS.web)).kind).toBe('elsewhere');
    expect(claim(c.db, c.round, c.an.id, kiosk2, at(base + EXPIRY_MS.web + 1)).kind).toBe('held');
  });
});

describe('every write', () => {
  it('is checked in its own transaction: a writer that lost the response is told where and when, and writes nothing', () => {
    const c = cell();
    const kiosk = terminalHolder();
    const phone = webHolder('phone-cookie');
    claim(c.db, c.round, c.an.id, kiosk, NOW);
    const kioskHooks = heldHooks(c.db, c.round, c.an.id, kiosk, () => NOW, storingHooks(c.db, c.round, c.an, c.open, () => NOW));
    kioskHooks.onAnswer('A1.1', 'khong', 'A1.2');
    expect(c.answers().get('A1.1')).toBe('khong');
    // The phone takes over while the kiosk's question is on screen.
    takeOver(c.db, c.round, c.an.id, phone, at(5 * 60_000));
    const caught = (() => {
      try {
        kioskHooks.onAnswer('A1.2', 'thuong-xuyen', 'A2.1');
      } catch (error) {
        return error as { name: string; code: string; params: unknown };
      }
      return undefined;
    })();
    expect(caught).toMatchObject({ name: 'UserError', code: 'RESPONSE_TAKEN_OVER', params: { where: 'web', at: clockTime(at(5 * 60_000)) } });
    expect(() => kioskHooks.onMove('A1.1')).toThrow('RESPONSE_TAKEN_OVER');
    expect(() => kioskHooks.onSubmit()).toThrow('RESPONSE_TAKEN_OVER');
    expect([...c.answers()]).toEqual([['A1.1', 'khong']]);
    expect(findMemberResponse(c.db, c.round, c.an.id)!.status).toBe('in_progress');
    expect(findMemberResponse(c.db, c.round, c.an.id)!.cursor).toBe('A1.2');
    // The holder writes.
    const phoneHooks = heldHooks(c.db, c.round, c.an.id, phone, () => NOW, storingHooks(c.db, c.round, c.an, c.open, () => NOW));
    phoneHooks.onAnswer('A1.2', 'thinh-thoang', 'A2.1');
    expect(c.answers().get('A1.2')).toBe('thinh-thoang');
  });
});
