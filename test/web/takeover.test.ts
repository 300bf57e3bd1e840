/**
 * One front end at a time (issue 18, part 5) over real HTTP on 127.0.0.1:
 * a second device, or the kiosk (driven in-process through the same service
 * as `tusoi session`), holding a member's form; the page saying where it is
 * open, the take-over button (POST, CSRF), and the device that lost the form
 * told so at its next request, writing nothing and showing no answer.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openResponse, storingHooks } from '../../src/services/interview.js';
import { claim, clockTime, heldHooks, takeOver, terminalHolder } from '../../src/services/response-holder.js';
import { findMemberResponse } from '../../src/store/responses.js';
import { FORM, pageBehaviours, served, type Device, type Reply, type Served } from '../support/web.js';

let s: Served | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const AN = 'Nguyễn Văn An';
const answers = (x: Served) => findMemberResponse(x.db, x.round, x.db.prepare<[], { id: number }>('SELECT id FROM member ORDER BY id LIMIT 1').get()!.id)?.answers ?? new Map();
const holderRow = (x: Served) => x.db.prepare<[], { since: string; seen_at: string }>('SELECT since, seen_at FROM response_holder').get()!;
const anId = (x: Served) => x.db.prepare<[], { id: number }>('SELECT id FROM member ORDER BY id LIMIT 1').get()!.id;

/** Answers a whole manifestation page with one level. */
async function answerPage(d: Device, x: Served, page: number, level: string): Promise<Reply> {
  await d.get(`/m/${page}`);
  const fields: Record<string, string> = { csrf: d.csrf, go: 'next' };
  for (const id of pageBehaviours(x.q, page)) fields[`b:${id}`] = level;
  return d.post(`/m/${page}`, fields);
}

/** A page with no answer on it: no radio checked, no level of a behaviour. */
function showsNoAnswer(r: Reply): void {
  expect(r.body).not.toContain('checked');
  expect(r.body).not.toMatch(/name="b:/);
}

describe('a second device of the same member', () => {
  it('is told the form is open on another device, and takes it over only by a POST with its CSRF token; the first device then writes nothing', async () => {
    s = await served([AN, 'Trần Thị Bích']);
    const phone = s.device();
    await phone.signIn(s.codes.get(AN)!);
    expect((await answerPage(phone, s, 1, 'thinh-thoang')).status).toBe(303);
    const desk = s.device('127.0.0.3');
    await desk.signIn(s.codes.get(AN)!);
    const held = await desk.get('/form');
    expect(held.status).toBe(409);
    expect(held.body).toContain(`Phiếu của đồng chí đang mở trên một thiết bị khác (lần cuối lúc ${clockTime(new Date(holderRow(s).seen_at))})`);
    expect(held.body).toContain('<form method="post" action="/takeover">');
    showsNoAnswer(held);
    // Every page of the form gives the same answer-free page while the phone holds it.
    for (const path of ['/m/1', '/review']) {
      const r = await desk.get(path);
      expect(r.status, path).toBe(409);
      showsNoAnswer(r);
    }
    // No CSRF token, a wrong one, another site, extra fields: refused, the phone still holds the form.
    const good = desk.csrf;
    expect((await desk.post('/takeover', {})).status).toBe(403);
    expect((await desk.post('/takeover', { csrf: 'x'.repeat(good.length) })).status).toBe(403);
    expect((await desk.post('/takeover', { csrf: good }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await desk.post('/takeover', { csrf: good, member: '2' })).status).toBe(400);
    expect((await s.device().post('/takeover', { csrf: good })).status).toBe(403);
    expect((await phone.get('/m/2')).status).toBe(200);
    // Taken over: the desk goes on where the member was.
    const took = await desk.post('/takeover', { csrf: good });
    expect(took.status).toBe(303);
    expect(took.headers.location).toBe('/form');
    expect((await desk.get('/form')).headers.location).toBe('/m/2');
    // The phone's next request: the form was taken over, no answer shown; its page of answers is not stored.
    const lost = await phone.post('/m/2', { csrf: phone.csrf, go: 'next', ...Object.fromEntries(pageBehaviours(s.q, 2).map((id) => [`b:${id}`, 'thuong-xuyen'])) });
    expect(lost.status).toBe(409);
    expect(lost.body).toContain(`Phiếu này đã được mở tiếp trên một thiết bị khác lúc ${clockTime(new Date(holderRow(s).since))}`);
    showsNoAnswer(lost);
    expect([...answers(s).keys()]).toEqual(pageBehaviours(s.q, 1));
    // The desk writes.
    expect((await answerPage(desk, s, 2, 'khong')).status).toBe(303);
    expect(answers(s).get(pageBehaviours(s.q, 2)[0]!)).toBe('khong');
  });
});

describe('the kiosk and the network form on the same round', () => {
  it('a member signing in while the kiosk holds the form is told it is open at the laptop; taking it over makes the kiosk’s next answer refused', async () => {
    s = await served([AN]);
    const member = { id: anId(s), code: 'DV001', name: AN, active: true };
    const kiosk = terminalHolder();
    const open = openResponse(s.db, s.round, s.q, member);
    expect(claim(s.db, s.round, member.id, kiosk, new Date()).kind).toBe('held');
    const kioskHooks = heldHooks(s.db, s.round, member.id, kiosk, () => new Date(), storingHooks(s.db, s.round, member, open, () => new Date()));
    const [b1, b2] = pageBehaviours(s.q, 1) as [string, string];
    kioskHooks.onAnswer(b1, 'khong', b2);
    const phone = s.device();
    await phone.signIn(s.codes.get(AN)!);
    const held = await phone.get('/form');
    expect(held.status).toBe(409);
    expect(held.body).toContain('Phiếu của đồng chí đang mở ở máy tính của bí thư');
    showsNoAnswer(held);
    expect((await phone.post('/takeover', { csrf: phone.csrf })).status).toBe(303);
    expect((await phone.get('/form')).headers.location).toBe('/m/1');
    expect(() => kioskHooks.onAnswer(b2, 'thuong-xuyen', null)).toThrow('RESPONSE_TAKEN_OVER');
    expect([...answers(s)]).toEqual([[b1, 'khong']]);
  });

  it('the kiosk taking over: the device’s next page says "taken over at the laptop at HH:MM", in English too, and its answers are not stored', async () => {
    s = await served([AN]);
    const phone = s.device();
    await phone.signIn(s.codes.get(AN)!);
    expect((await answerPage(phone, s, 1, 'khong')).status).toBe(303);
    await phone.get('/m/2');
    const when = new Date();
    takeOver(s.db, s.round, anId(s), terminalHolder(), when);
    const lost = await phone.post('/m/2', { csrf: phone.csrf, go: 'next', ...Object.fromEntries(pageBehaviours(s.q, 2).map((id) => [`b:${id}`, 'thuong-xuyen'])) });
    expect(lost.status).toBe(409);
    expect(lost.body).toContain(`Phiếu này đã được mở tiếp ở máy tính của bí thư lúc ${clockTime(when)}. Trang này không lưu thêm câu trả lời.`);
    showsNoAnswer(lost);
    expect([...answers(s).keys()]).toEqual(pageBehaviours(s.q, 1));
    const en = await phone.get('/m/1?lang=en');
    expect(en.status).toBe(409);
    expect(en.body).toContain(`This form was taken over at the laptop at ${clockTime(when)}.`);
    expect(en.body).toContain('action="/takeover?lang=en"');
    showsNoAnswer(en);
  });

  it('taken over between reading the page and writing it: the write’s own transaction refuses it, and nothing of the page is stored', async () => {
    s = await served([AN]);
    const phone = s.device();
    await phone.signIn(s.codes.get(AN)!);
    await phone.get('/m/1');
    const seen = () => s!.db.prepare<[], { at: string }>('SELECT seen_at AS at FROM response_holder').get()?.at;
    // A heartbeat a minute old (past the 30 s a beat is skipped for, well inside the expiry), so the POST's own beat is written and seen.
    const before = new Date(Date.now() - 60_000).toISOString();
    s.db.prepare('UPDATE response_holder SET seen_at = ?').run(before);
    const body = new URLSearchParams({ csrf: phone.csrf, go: 'next', ...Object.fromEntries(pageBehaviours(s.q, 1).map((id) => [`b:${id}`, 'thuong-xuyen'])) }).toString();
    // The headers go first; the server checks the holder (its heartbeat moves seen_at) and waits for the body.
    const port = s.port;
    const reply = new Promise<Reply>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/m/1', agent: false, headers: { Host: `127.0.0.1:${port}`, 'Content-Type': FORM, 'Content-Length': String(Buffer.byteLength(body)), Cookie: [...phone.jar].map(([k, v]) => `${k}=${v}`).join('; ') } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      const wait = () => {
        if (seen() === before) return setTimeout(wait, 5);
        takeOver(s!.db, s!.round, anId(s!), terminalHolder(), new Date());
        req.end(body);
      };
      setTimeout(wait, 5);
    });
    const r = await reply;
    expect(r.status).toBe(409);
    expect(r.body).toContain('Phiếu đã được mở tiếp ở nơi khác');
    expect(r.body).toContain('máy tính của bí thư');
    expect(answers(s).size).toBe(0);
  });
});
