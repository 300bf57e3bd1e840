/**
 * The network form over real HTTP on 127.0.0.1 (in-process server, real
 * SQLite file): access by personal code, sessions, CSRF, the guessing limits,
 * body limits, strict fields, paths, inert names, headers, logs without
 * answers, and a member answering, resuming on a second device and submitting.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { checkCode } from '../../src/services/web-access.js';
import { closeRound } from '../../src/store/rounds.js';
import { STACK_LINE } from '../support/cli.js';
import { Device, FORM, pageBehaviours, send, served, type Served } from '../support/web.js';

let s: Served | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;
/** The answer a test gives to the i-th behaviour (0-based). */
const chosen = (i: number) => LEVELS[i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : 0];

async function answerPage(d: Device, q: Served['q'], page: number, go = 'next', offset = 0) {
  await d.get(`/m/${page}`);
  const fields: Record<string, string> = { csrf: d.csrf, go };
  const all = allBehaviours(q).map((b) => b.id);
  for (const id of pageBehaviours(q, page)) fields[`b:${id}`] = chosen(all.indexOf(id) + offset);
  return d.post(`/m/${page}`, fields);
}

const stored = (x: Served) =>
  new Map(x.cell.query<{ b: string; level: string }>('SELECT a.behaviour_id AS b, a.level FROM answer a JOIN response r ON r.id = a.response_id').map((r) => [r.b, r.level]));

describe('access by personal code', () => {
  it('a right code opens the form once per device with an HttpOnly, SameSite=Strict cookie kept server-side as a hash', async () => {
    s = await served(['Nguyễn Văn An', 'Trần Thị Bích']);
    const d = s.device();
    const r = await d.signIn(s.codes.get('Nguyễn Văn An')!.toLowerCase());
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/form');
    const cookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('tusoi_session='))!;
    expect(cookie).toMatch(/; HttpOnly; SameSite=Strict; Path=\//);
    const token = d.jar.get('tusoi_session')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = s.cell.query<{ h: Buffer; csrf: string }>('SELECT token_hash AS h, csrf FROM web_session');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.h.toString('base64url')).not.toBe(token);
    const form = await d.get('/form');
    expect(form.status).toBe(303);
    expect(form.headers.location).toBe('/m/1');
    const page = await d.get('/m/1');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Nguyễn Văn An');
    // The code table holds hashes only.
    const codes = s.cell.query<{ h: Buffer }>('SELECT code_hash AS h FROM web_code');
    expect(codes).toHaveLength(2);
    for (const c of codes) expect(c.h.toString('latin1')).not.toContain(s.codes.get('Nguyễn Văn An'));
  });

  it('a wrong or malformed code gets a clear page and no cookie', async () => {
    s = await served(['Nguyễn Văn An']);
    for (const code of ['2222233333', 'not a code', '', s.codes.get('Nguyễn Văn An')!.slice(0, 9) + 'O']) {
      const d = s.device();
      const r = await d.signIn(code);
      expect(r.status, code).toBe(401);
      expect(r.body).toContain('Mã không đúng');
      expect(d.jar.has('tusoi_session')).toBe(false);
    }
  });

  it('a used code gets the "already submitted" page, and the submitting device is signed out', async () => {
    s = await served(['Nguyễn Văn An']);
    const code = s.codes.get('Nguyễn Văn An')!;
    const d = s.device();
    await d.signIn(code);
    for (let p = 1; p <= 27; p++) expect((await answerPage(d, s.q, p)).status).toBe(303);
    await d.get('/review');
    const done = await d.post('/submit', { csrf: d.csrf, confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/done');
    expect(d.jar.has('tusoi_session')).toBe(false);
    const again = await s.device().signIn(code);
    expect(again.status).toBe(403);
    expect(again.body).toContain('Phiếu đã nộp');
    expect(s.cell.query<{ n: number }>('SELECT count(*) AS n FROM web_session WHERE revoked_at IS NULL')[0]!.n).toBe(0);
  });

  it('a closed round refuses codes and sessions with a clear page, and revokes the sessions', async () => {
    s = await served(['Nguyễn Văn An', 'Trần Thị Bích']);
    const d = s.device();
    await d.signIn(s.codes.get('Nguyễn Văn An')!);
    closeRound(s.db, s.round.id, '2026-12-02', 2);
    const page = await d.get('/m/1');
    expect(page.status).toBe(410);
    expect(page.body).toContain('Đợt đã đóng');
    const late = await s.device().get('/');
    expect(late.status).toBe(410);
    expect(s.cell.query<{ n: number }>('SELECT count(*) AS n FROM web_session WHERE revoked_at IS NULL')[0]!.n).toBe(0);
  });
});

describe('guessing', () => {
  it('is limited per client before any code is checked; another client still gets in', async () => {
    let checks = 0;
    s = await served(['Nguyễn Văn An'], {
      limits: { perClient: { burst: 3, perSecond: 0 }, overall: { burst: 100, perSecond: 0 }, concurrent: 2, queue: 64 },
      verify: (...a) => {
        checks++;
        return checkCode(...a);
      },
    });
    const guesser = s.device();
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push((await guesser.signIn('2222233333')).status);
    expect(replies).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    expect(checks).toBe(3);
    // Even the right code is refused from the guessing client now, without a check.
    expect((await guesser.signIn(s.codes.get('Nguyễn Văn An')!)).status).toBe(429);
    expect(checks).toBe(3);
    const member = s.device('127.0.0.2');
    expect((await member.signIn(s.codes.get('Nguyễn Văn An')!)).status).toBe(303);
    expect(checks).toBe(4);
  });

  it('is limited overall, and only a few checks run at once', async () => {
    let running = 0;
    let most = 0;
    let checks = 0;
    s = await served(['Nguyễn Văn An'], {
      limits: { perClient: { burst: 100, perSecond: 0 }, overall: { burst: 12, perSecond: 0 }, concurrent: 2, queue: 64 },
      verify: async (...a) => {
        checks++;
        most = Math.max(most, ++running);
        try {
          return await checkCode(...a);
        } finally {
          running--;
        }
      },
    });
    const clients = Array.from({ length: 20 }, (_, i) => s!.device(`127.0.0.${2 + (i % 5)}`));
    const statuses = await Promise.all(clients.map((c) => c.signIn('2222233333').then((r) => r.status)));
    expect(statuses.filter((x) => x === 401)).toHaveLength(12);
    expect(statuses.filter((x) => x === 429)).toHaveLength(8);
    expect(checks).toBe(12);
    expect(most).toBe(2);
  });
});

describe('requests that change anything', () => {
  it('need the CSRF token and a same-origin Origin: nothing is stored otherwise', async () => {
    s = await served(['Nguyễn Văn An']);
    const d = s.device();
    await d.signIn(s.codes.get('Nguyễn Văn An')!);
    const id = pageBehaviours(s.q, 1)[0]!;
    expect((await d.post('/m/1', { [`b:${id}`]: 'thuong-xuyen', go: 'next' })).status).toBe(403);
    expect((await d.post('/m/1', { csrf: 'x'.repeat(32), [`b:${id}`]: 'thuong-xuyen' })).status).toBe(403);
    await d.get('/m/1');
    expect((await d.post('/m/1', { csrf: d.csrf, [`b:${id}`]: 'thuong-xuyen' }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await d.post('/m/1', { csrf: d.csrf, [`b:${id}`]: 'thuong-xuyen' }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await d.post('/submit', { confirm: 'yes' })).status).toBe(403);
    expect(stored(s).size).toBe(0);
    // The same request with its token and its own origin is taken.
    expect((await d.post('/m/1', { csrf: d.csrf, [`b:${id}`]: 'thuong-xuyen' }, { Origin: `http://127.0.0.1:${s.port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(303);
    expect(stored(s).get(id)).toBe('thuong-xuyen');
    // Signing in needs the token of the start page's cookie too.
    const other = s.device();
    expect((await other.post('/code', { code: s.codes.get('Nguyễn Văn An')! })).status).toBe(403);
    expect(other.jar.has('tusoi_session')).toBe(false);
  });

  it('refuse an oversized body (declared or streamed), another content type, unknown fields and levels: 4xx, no stack, nothing stored', async () => {
    s = await served(['Nguyễn Văn An']);
    const d = s.device();
    await d.signIn(s.codes.get('Nguyễn Văn An')!);
    await d.get('/m/1');
    const [b1] = pageBehaviours(s.q, 1);
    const [other] = pageBehaviours(s.q, 2);
    const big = `csrf=${d.csrf}&b:${b1}=khong&pad=${'x'.repeat(20_000)}`;
    const cookie = { Cookie: `tusoi_session=${d.jar.get('tusoi_session')}` };
    const declared = await send(s.port, { method: 'POST', path: '/m/1', body: big, headers: { 'Content-Type': FORM, 'Content-Length': String(big.length), ...cookie } });
    expect(declared.status).toBe(413);
    const streamed = await send(s.port, { method: 'POST', path: '/m/1', body: big, headers: { 'Content-Type': FORM, 'Transfer-Encoding': 'chunked', ...cookie } });
    expect(streamed.status).toBe(413);
    const json = await send(s.port, { method: 'POST', path: '/m/1', body: '{}', headers: { 'Content-Type': 'application/json', ...cookie } });
    expect(json.status).toBe(415);
    const bad: Array<Record<string, string>> = [
      { csrf: d.csrf, [`b:${b1}`]: 'always' },
      { csrf: d.csrf, [`b:${other}`]: 'khong' },
      { csrf: d.csrf, [`b:${b1}`]: 'khong', extra: '1' },
      { csrf: d.csrf, go: 'elsewhere' },
    ];
    for (const f of bad) {
      const r = await d.post('/m/1', f);
      expect(r.status, JSON.stringify(f)).toBe(400);
      expect(r.body).not.toMatch(STACK_LINE);
      expect(r.body).toContain('không hợp lệ');
    }
    const dup = await d.post('/m/1', `csrf=${d.csrf}&b:${b1}=khong&b:${b1}=thuong-xuyen`);
    expect(dup.status).toBe(400);
    expect(stored(s).size).toBe(0);
  });
});

describe('paths, names and headers', () => {
  it('serve no file from disk: traversal and listing attempts are 404', async () => {
    s = await served(['Nguyễn Văn An']);
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/style.css/../../package.json', '/..%2f..%2fpackage.json', '/src/', '/dist/', '/m/0', '/m/28', '/m/1/../../etc/passwd', '//etc/passwd', '/m/%2e%2e']) {
      const r = await send(s.port, { path });
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toMatch(/root:|"name": "tusoi"|Index of/);
    }
  });

  it('render a member name with HTML in it as text', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)> "Tư"';
    s = await served([evil]);
    const d = s.device();
    await d.signIn(s.codes.get(evil)!);
    const page = await d.get('/m/1');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &quot;Tư&quot;');
  });

  it('refuse another Host (DNS rebinding), and every response carries the security headers; answer pages no-store', async () => {
    s = await served(['Nguyễn Văn An']);
    for (const host of ['evil.example', `evil.example:${s.port}`, `localhost:${s.port}`, `127.0.0.1:${s.port + 1}`]) {
      const r = await send(s.port, { path: '/', headers: { Host: host } });
      expect(r.status, host).toBe(421);
    }
    const d = s.device();
    const replies = [await d.get('/'), await d.signIn(s.codes.get('Nguyễn Văn An')!), await d.get('/m/1'), await d.get('/review'), await d.get('/nothing'), await d.get('/style.css'), await send(s.port, { path: '/', headers: { Host: 'evil.example' } })];
    for (const r of replies) {
      expect(r.headers['content-security-policy']).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('same-origin');
      expect(r.headers['cache-control']).toBe('no-store');
    }
    // No external resource in any page.
    for (const r of replies) expect(r.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('a member answering', () => {
  it('answers every page (each answer stored before the page is acknowledged), resumes on a second device, reviews, confirms, submits; then locked; logs hold no answer', async () => {
    s = await served(['Nguyễn Văn An', 'Trần Thị Bích']);
    const code = s.codes.get('Nguyễn Văn An')!;
    const phone = s.device();
    await phone.signIn(code);
    const all = allBehaviours(s.q).map((b) => b.id);
    for (let p = 1; p <= 12; p++) {
      const r = await answerPage(phone, s.q, p);
      expect(r.status).toBe(303);
      // Acknowledged: already in the file, read by another connection.
      const now = stored(s);
      for (const id of pageBehaviours(s.q, p)) expect(now.get(id)).toBe(chosen(all.indexOf(id)));
    }
    // Back from page 12 lands on 11, answers kept.
    await phone.get('/m/12');
    const back = await phone.post('/m/12', { csrf: phone.csrf, go: 'back' });
    expect(back.headers.location).toBe('/m/11');
    // The tab is closed; the member goes on at a desk computer with the same code.
    const desk = s.device('127.0.0.3');
    await desk.signIn(code);
    // The phone still holds the form (one front end at a time): the desk is told so, and takes it over.
    const held = await desk.get('/form');
    expect(held.status).toBe(409);
    expect(held.body).toContain('đang mở trên một thiết bị khác');
    expect((await desk.post('/takeover', { csrf: desk.csrf })).headers.location).toBe('/form');
    expect((await desk.get('/form')).headers.location).toBe('/m/13');
    const page1 = await desk.get('/m/1');
    expect(page1.body).toContain(`value="${chosen(0)}" checked`);
    for (let p = 13; p <= 27; p++) expect((await answerPage(desk, s.q, p)).status).toBe(303);
    const review = await desk.get('/review');
    expect(review.status).toBe(200);
    const flagged = all.filter((_, i) => chosen(i) !== 'khong').length;
    expect(review.body).toContain(`${flagged} hành vi đồng chí đánh dấu có`);
    // Without the confirmation box: refused, nothing locked.
    const unconfirmed = await desk.post('/submit', { csrf: desk.csrf });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body).toContain('Đánh dấu ô xác nhận');
    expect(s.cell.query<{ status: string }>('SELECT status FROM response')[0]!.status).toBe('in_progress');
    expect((await desk.post('/submit', { csrf: desk.csrf, confirm: 'yes' })).headers.location).toBe('/done');
    expect(s.cell.query<{ status: string }>('SELECT status FROM response')[0]!.status).toBe('submitted');
    expect(stored(s)).toEqual(new Map(all.map((id, i) => [id, chosen(i)])));
    // Locked: the phone's session was revoked too, and nothing more is taken.
    const late = await phone.post('/m/1', { csrf: phone.csrf, [`b:${all[0]}`]: 'thuong-xuyen' });
    expect(late.status).toBe(403);
    expect(stored(s).get(all[0]!)).toBe(chosen(0));
    // A form sent by GET (a broken client) puts its fields in the query: the log leaves the query out.
    await desk.get(`/m/1?b:${all[0]}=thuong-xuyen&csrf=${desk.csrf}`);
    // The log: method, path and status only.
    expect(s.log.length).toBeGreaterThan(60);
    for (const line of s.log) {
      expect(line).toMatch(/^(GET|POST) \/[a-z0-9/.]* \d{3}( [a-z-]+)?$/);
      for (const word of [...LEVELS, ...all, code, 'csrf', '=']) expect(line).not.toContain(word);
    }
  });

  it('can refuse submission while behaviours are unanswered, listing them', async () => {
    s = await served(['Nguyễn Văn An']);
    const d = s.device();
    await d.signIn(s.codes.get('Nguyễn Văn An')!);
    await answerPage(d, s.q, 1);
    const review = await d.get('/review');
    expect(review.body).toContain(`Còn ${111 - pageBehaviours(s.q, 1).length} câu chưa trả lời`);
    expect(review.body).not.toContain('action="/submit"');
    expect((await d.post('/submit', { csrf: d.csrf, confirm: 'yes' })).status).toBe(400);
    expect(s.cell.query<{ status: string }>('SELECT status FROM response')[0]!.status).toBe('in_progress');
  });

  it('speaks English with ?lang=en, keeping it in links and forms', async () => {
    s = await served(['Nguyễn Văn An']);
    const d = s.device();
    const start = await d.get('/?lang=en');
    expect(start.body).toContain('<html lang="en">');
    expect(start.body).toContain('Enter your personal code');
    expect(start.body).toContain('action="/code?lang=en"');
    const r = await d.post('/code?lang=en', { csrf: d.csrf, code: s.codes.get('Nguyễn Văn An')! });
    expect(r.headers.location).toBe('/form?lang=en');
    const page = await d.get('/m/1?lang=en');
    expect(page.body).toContain('Save and go to the next manifestation');
    expect(page.body).toContain('action="/m/1?lang=en"');
  });
});
