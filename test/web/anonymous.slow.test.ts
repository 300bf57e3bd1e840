/**
 * Anonymous rounds over the network form (issue 18, part 2), in-process on a
 * real SQLite file and the server on 127.0.0.1: slips linked to no member,
 * ticking off, no more ballots than ticks, the kiosk refusing a ticked
 * member, wrong and used slip codes, the tally written at submission.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { beginInterview, openResponse } from '../../src/services/interview.js';
import { enterPaperForm } from '../../src/services/paper-form.js';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { deriveBallotKey, deriveBallotKeyAsync } from '../../src/store/ballot-seal.js';
import { join } from 'node:path';
import { slipCounts, tickMember, untickMember } from '../../src/services/web-slips.js';
import { anonymousParticipation, anonymousSummary, countSealedBallots } from '../../src/store/anonymous.js';
import { deskLine } from '../../src/cli/serve-desk.js';
import { vi } from '../../src/i18n/vi.js';
import type { Context } from '../../src/cli/context.js';
import { answerBallot, servedAnonymous, submitBallot, type AnonymousServed } from '../support/web-anonymous.js';

const MEMBERS = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Đỗ Thị Bình'];
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'];

let s: AnonymousServed | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const ballot = (seed: number): Map<string, string> => new Map(allBehaviours(s!.q).map((b, i) => [b.id, LEVELS[(i * 7 + seed) % 3]!]));
const unit = { code: '', name: '', level: '', parentCode: null, members: 0 };

describe('an anonymous ballot over HTTP', () => {
  it('is refused beyond the members ticked off (the ballot stays in progress), then accepted once ticked; the tally equals the answers', async () => {
    s = await servedAnonymous(MEMBERS);
    const d = s.device();
    const answers = ballot(1);
    await answerBallot(d, s.q, s.slips[0]!, answers);
    // Nobody ticked off yet: no ballot may be counted.
    const early = await submitBallot(d);
    expect(early.status).toBe(409);
    expect(early.body).toContain(vi.anonWeb.exceededTitle);
    expect(countSealedBallots(s.db, s.round.id)).toBe(1);
    expect(anonymousSummary(s.db, s.q, s.round.id, unit).respondents).toBe(0);
    expect(tickMember(s.db, s.round, s.members[2]!)).toBe('ticked');
    const done = await submitBallot(d);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/done');
    expect(countSealedBallots(s.db, s.round.id)).toBe(0);
    const sum = anonymousSummary(s.db, s.q, s.round.id, unit);
    expect(sum.respondents).toBe(1);
    for (const [b, level] of answers) expect(sum.behaviours.get(b)?.[level], b).toBe(1);
    expect(slipCounts(s.db, s.round)).toEqual({ handedOut: 1, submitted: 1 });
    // The ticked member is the one counted as having taken part; the ballot named nobody.
    expect(anonymousParticipation(s.db, s.round.id)).toEqual({ submitted: [s.members[2]!.id], inProgress: [] });

    // A second slip with still one tick: refused, kept.
    const d2 = s.device();
    await answerBallot(d2, s.q, s.slips[1]!, ballot(2));
    expect((await submitBallot(d2)).status).toBe(409);
    expect(countSealedBallots(s.db, s.round.id)).toBe(1);
    expect(anonymousSummary(s.db, s.q, s.round.id, unit).respondents).toBe(1);
  });

  it('a wrong slip code and a used one each get their page', async () => {
    s = await servedAnonymous(MEMBERS.slice(0, 2));
    const wrong = await s.device().signIn('ABCDE-FGHJK');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain(vi.anonWeb.wrongCode);
    expect(wrong.body).toContain(vi.anonWeb.codeLabel);
    tickMember(s.db, s.round, s.members[0]!);
    const d = s.device();
    await answerBallot(d, s.q, s.slips[0]!, ballot(3));
    expect((await submitBallot(d)).status).toBe(303);
    // The submitting device is signed out; the code now opens nothing, on any device.
    expect((await d.get('/m/1')).headers.location).toBe('/');
    const used = await s.device().signIn(s.slips[0]!.toLowerCase());
    expect(used.status).toBe(403);
    expect(used.body).toContain(vi.anonWeb.usedTitle);
    // The other slip still works.
    expect((await s.device().signIn(s.slips[1]!)).status).toBe(303);
  });

  it('a slip resumes on another device with its code, where it was left; the device it left is signed out', async () => {
    s = await servedAnonymous(MEMBERS.slice(0, 2));
    const a = s.device();
    expect((await a.signIn(s.slips[0]!)).status).toBe(303);
    await a.get('/m/1');
    const fields: Record<string, string> = { csrf: a.csrf, go: 'next' };
    for (const b of s.q.groups[0]!.manifestations[0]!.behaviours) fields[`b:${b.id}`] = 'thuong-xuyen';
    expect((await a.post('/m/1', fields)).status).toBe(303);
    const b = s.device();
    expect((await b.signIn(s.slips[0]!)).status).toBe(303);
    expect((await b.get('/form')).headers.location).toBe('/m/2');
    const page1 = await b.get('/m/1');
    expect(page1.body).toContain(vi.anonWeb.badge);
    expect((page1.body.match(/value="thuong-xuyen" checked/g) ?? []).length).toBe(s.q.groups[0]!.manifestations[0]!.behaviours.length);
    // Two devices, one sealed ballot.
    expect(countSealedBallots(s.db, s.round.id)).toBe(1);
    // One device at a time: the first is signed out and saves nothing more.
    expect((await a.get('/form')).headers.location).toBe('/');
    const late: Record<string, string> = { csrf: a.csrf, go: 'next' };
    for (const x of s.q.groups[0]!.manifestations[0]!.behaviours) late[`b:${x.id}`] = 'khong';
    expect((await a.post('/m/1', late)).status).toBe(403);
    expect(((await b.get('/m/1')).body.match(/value="thuong-xuyen" checked/g) ?? []).length).toBe(s.q.groups[0]!.manifestations[0]!.behaviours.length);
  });
});

describe('printing slips (serve --codes in an anonymous round)', () => {
  it('prints --slips N nameless slips; printing again replaces the unused ones and keeps the used', async () => {
    s = await servedAnonymous(MEMBERS);
    tickMember(s.db, s.round, s.members[0]!);
    const d = s.device();
    await answerBallot(d, s.q, s.slips[0]!, ballot(6));
    expect((await submitBallot(d)).status).toBe(303);
    const sheet = join(s.cell.dir, 'again.html');
    const r = await s.cell.cli(['serve', '--host', '127.0.0.1', '--codes', sheet, '--slips', '2']);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(sheet, 'utf8');
    expect([...html.matchAll(/class="code">/g)]).toHaveLength(2);
    for (const name of MEMBERS) expect(html).not.toContain(name);
    expect(s.cell.query<{ used: number; n: number }>('SELECT used, count(*) AS n FROM web_slip GROUP BY used ORDER BY used')).toEqual([
      { used: 0, n: 2 },
      { used: 1, n: 1 },
    ]);
    // An old unused slip no longer opens anything; a new one does.
    expect((await s.device().signIn(s.slips[1]!)).status).toBe(401);
    const fresh = /class="code">([^<]+)</.exec(html)![1]!;
    expect((await s.device().signIn(fresh)).status).toBe(303);
    expect((await s.cell.cli(['serve', '--codes', join(s.cell.dir, 'x.html'), '--slips', '0'])).status).toBe(2);
  });
});

describe('ticking off', () => {
  it('a ticked member is refused at the kiosk, saying why; a member answering at the kiosk cannot be ticked', async () => {
    s = await servedAnonymous(MEMBERS);
    const [an, ngoc] = [s.members.find((m) => m.name === 'Nguyễn Văn An')!, s.members.find((m) => m.name === 'Trần Thị Bích Ngọc')!];
    expect(tickMember(s.db, s.round, an)).toBe('ticked');
    expect(tickMember(s.db, s.round, an)).toBe('already');
    expect(() => beginInterview(s!.db, s!.round, an)).toThrow(expect.objectContaining({ name: 'UserError', code: 'SLIP_TICKED' }));
    // Nor on a paper form entered for them.
    expect(() => enterPaperForm(s!.db, s!.round, { member: an, answers: ballot(5), replace: false }, new Date())).toThrow(expect.objectContaining({ code: 'SLIP_TICKED' }));
    // Ngọc starts at the kiosk: no slip for her.
    openResponse(s.db, s.round, s.q, ngoc);
    expect(tickMember(s.db, s.round, ngoc)).toBe('inProgress');
  });

  it('a member ticked off while their kiosk turn waits at a prompt cannot then start the kiosk ballot (checked in the write)', async () => {
    s = await servedAnonymous(MEMBERS);
    const binh = s.members.find((m) => m.name === 'Đỗ Thị Bình')!;
    // The kiosk has checked (not ticked yet) and waits at its follow-up prompt …
    expect(beginInterview(s.db, s.round, binh)).toBeDefined();
    // … the secretary ticks her off at the serve desk …
    expect(tickMember(s.db, s.round, binh)).toBe('ticked');
    // … and the ballot the kiosk then starts is refused: one person, one ballot.
    expect(() => openResponse(s!.db, s!.round, s!.q, binh)).toThrow(expect.objectContaining({ name: 'UserError', code: 'SLIP_TICKED' }));
    expect(countSealedBallots(s.db, s.round.id)).toBe(0);
  });

  it('an un-tick is allowed only while ballots submitted ≤ ticked − 1', async () => {
    s = await servedAnonymous(MEMBERS);
    const [a, b] = s.members as [typeof s.members[0], typeof s.members[0]];
    tickMember(s.db, s.round, a);
    tickMember(s.db, s.round, b);
    const d = s.device();
    await answerBallot(d, s.q, s.slips[0]!, ballot(4));
    expect((await submitBallot(d)).status).toBe(303);
    // 1 ballot, 2 ticked: one mistaken tick may go …
    expect(untickMember(s.db, s.round, b)).toBe('unticked');
    // … but not the last: 1 ballot would outnumber 0 ticks.
    expect(untickMember(s.db, s.round, a)).toBe('tooLate');
    expect(untickMember(s.db, s.round, b)).toBe('notTicked');
    expect(anonymousParticipation(s.db, s.round.id).submitted).toEqual([a.id]);
    expect(slipCounts(s.db, s.round)).toEqual({ handedOut: 1, submitted: 1 });
  });

  it('the desk finds a member by name without accents or by code, and asks for more when several match', async () => {
    s = await servedAnonymous(MEMBERS);
    const ctx = { m: vi } as unknown as Context;
    expect(deskLine(ctx, s.db, s.round, 'do thi')).toBe(vi.anonWeb.ticked('Đỗ Thị Bình (M004)'));
    expect(deskLine(ctx, s.db, s.round, 'thi')).toContain('Trần Thị Bích Ngọc (M002)');
    expect(deskLine(ctx, s.db, s.round, 'm002')).toBe(vi.anonWeb.ticked('Trần Thị Bích Ngọc (M002)'));
    expect(deskLine(ctx, s.db, s.round, '-do thi binh')).toBe(vi.anonWeb.unticked('Đỗ Thị Bình (M004)'));
    expect(deskLine(ctx, s.db, s.round, 'xyz')).toBe(vi.anonWeb.noMatch('xyz'));
    expect(slipCounts(s.db, s.round).handedOut).toBe(1);
  });
});

describe('the slip ballot key', () => {
  it('derived off the event loop is the kiosk\'s key for the same code, salt and member', async () => {
    const salt = randomBytes(16);
    const a = deriveBallotKey('k7qh2-mx9td', salt, 0);
    const b = await deriveBallotKeyAsync('K7QH2MX9TD', salt, 0);
    expect(b.lookup.equals(a.lookup) && b.key.equals(a.key)).toBe(true);
    expect((await deriveBallotKeyAsync('K7QH2MX9TD', salt, 1)).lookup.equals(a.lookup)).toBe(false);
  });
});
