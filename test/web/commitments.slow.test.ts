/**
 * Tự sửa over the network form, over real HTTP on 127.0.0.1 (in-process
 * server, real SQLite file): a member submits, makes a secret, writes a
 * commitment, reopens it later with the personal code and the secret, reads
 * it back. The file holds it only sealed; a wrong secret, guessing, CSRF and
 * the text rules are refused; no answer is reachable from these pages; the
 * key is forgotten after an idle time; without the flag, the last page says
 * commitments are written later at the laptop.
 *
 * NOTE: these tests construct the server with `commitments: true` on plain
 * HTTP: the flag is what `serve --https` sets, and TLS itself changes nothing
 * in these pages; plain HTTP keeps the tests free of certificates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allBehaviours, localText } from '../../src/questionnaire/model.js';
import { commitmentsOf, unlockSecret } from '../../src/services/commitments.js';
import { REVIEW_CURSOR } from '../../src/interview/engine.js';
import { reopenResponse, saveAnswer, startNamedResponse } from '../../src/store/responses.js';
import { activeMemberById } from '../../src/store/web-access.js';
import { bytes, rawFiles } from '../support/raw-files.js';
import { besideDue } from '../support/raw-search.js';
import { pageBehaviours, served, type Device, type Served } from '../support/web.js';

let s: Served | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const AN = 'Nguyễn Văn An';
const ACTION = 'Đến họp đúng giờ, báo trước khi vắng';
const DUE = '30/6/2027';

/** Behaviours 0, 7, 14… "thường xuyên", 5, 10… "thỉnh thoảng", the rest "không". */
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;
const chosen = (i: number) => LEVELS[i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : 0];

async function answerAll(x: Served, d: Device): Promise<void> {
  const all = allBehaviours(x.q).map((b) => b.id);
  for (let p = 1; p <= 27; p++) {
    await d.get(`/m/${p}`);
    const fields: Record<string, string> = { csrf: d.csrf, go: 'next' };
    for (const id of pageBehaviours(x.q, p)) fields[`b:${id}`] = chosen(all.indexOf(id))!;
    expect((await d.post(`/m/${p}`, fields)).status).toBe(303);
  }
}

/**
 * Signs in, answers everything and submits; the reply to the submission.
 * The answers go over HTTP page by page (`overHttp`), or for the tests about
 * what follows straight into the store, as the form's pages would write them
 * (the answering pages have their own tests): 27 fsync'd pages a test is the slow part.
 */
async function submitAll(x: Served, d: Device, overHttp = false) {
  expect((await d.signIn(x.codes.get(AN)!)).status).toBe(303);
  if (overHttp) await answerAll(x, d);
  else {
    const id = x.cell.query<{ id: number }>('SELECT id FROM member WHERE name = ?', AN)[0]!.id;
    const r = startNamedResponse(x.db, x.round, id);
    x.db.transaction(() => allBehaviours(x.q).forEach((b, i) => saveAnswer(x.db, r.id, b.id, chosen(i)!, REVIEW_CURSOR)))();
  }
  const review = await d.get('/review');
  expect(review.status).toBe(200);
  return d.post('/submit', { csrf: d.csrf, confirm: 'yes' });
}

const secretOf = (body: string) => /<p class="secret"[^>]*>([2-9A-Z-]{14})<\/p>/.exec(body)?.[1];

/** From the just-submitted device's /c page: makes a secret and types it back; returns it. */
async function makeSecret(d: Device): Promise<string> {
  await d.get('/c');
  const shown = await d.post('/c/secret', { csrf: d.csrf });
  expect(shown.status).toBe(200);
  const secret = secretOf(shown.body)!;
  expect(secret).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  const noted = await d.post('/c/confirm', { csrf: d.csrf, secret: secret.toLowerCase().replaceAll('-', ' ') });
  expect(noted.status).toBe(303);
  expect(noted.headers.location).toBe('/c?ok=noted');
  return secret;
}

const sealedRows = (x: Served) => x.cell.query<{ round: number; member: number; due: string | null }>('SELECT round_id AS round, member_id AS member, due FROM sealed_commitment');
/** The 1-based page number of a behaviour in the commitment pages (its place in the questionnaire). */
const numberOf = (x: Served, id: string) => allBehaviours(x.q).findIndex((b) => b.id === id) + 1;

describe('commitments over the form (commitments: true)', () => {
  it('after submitting, the device writes a commitment with a new secret; later the code and the secret reopen it, and the file holds it only sealed', async () => {
    s = await served([AN, 'Trần Thị Bích'], { commitments: true });
    const phone = s.device();
    const done = await submitAll(s, phone, true);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/c');
    // A fresh session for this device; the answering session is revoked.
    expect(s.cell.query<{ n: number }>('SELECT count(*) AS n FROM web_session WHERE revoked_at IS NULL')[0]!.n).toBe(1);

    const list = await phone.get('/c');
    expect(list.status).toBe(200);
    expect(list.body).toContain('Phiếu đã nộp và khóa');
    // Before anything is written the member is told a lost secret loses the text.
    expect(list.body).toContain('mất mã là mất nội dung cam kết');
    const all = allBehaviours(s.q);
    const reported = all.filter((_, i) => chosen(i) !== 'khong');
    expect(list.body).toContain(localText(reported[0]!.text, 'vi'));
    // No link to write before the secret exists.
    expect(list.body).not.toContain('/c/e/');

    const secret = await makeSecret(phone);
    const first = reported[0]!;
    const edit = await phone.get(`/c/e/${numberOf(s, first.id)}`);
    expect(edit.status).toBe(200);
    expect(edit.body).toContain(localText(first.text, 'vi'));
    const saved = await phone.post(`/c/e/${numberOf(s, first.id)}`, { csrf: phone.csrf, action: `  ${ACTION}\r\n`, due: DUE, op: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/c?ok=saved');
    expect((await phone.get('/c?ok=saved')).body).toContain(ACTION);

    // Stored sealed: the row says round, member and deadline; the text, the behaviour and the secret are nowhere in the file.
    const an = s.cell.query<{ id: number }>('SELECT id FROM member WHERE name = ?', AN)[0]!;
    expect(sealedRows(s)).toEqual([{ round: s.round.id, member: an.id, due: DUE }]);
    expect(s.cell.query<{ n: number }>('SELECT count(*) AS n FROM member_key')[0]!.n).toBe(1);
    const raw = rawFiles(s.cell.db);
    expect(raw).not.toContain(bytes(ACTION));
    expect(raw).not.toContain(secret.replaceAll('-', ''));
    expect(raw).not.toContain(secret);
    expect(besideDue(raw, first.id, DUE)).toBe(0);
    expect(raw).toContain(DUE);

    // Later, another device: the personal code opens the commitments only, locked.
    const later = s.device('127.0.0.2');
    const back = await later.signIn(s.codes.get(AN)!);
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/c');
    const locked = await later.get('/c');
    expect(locked.status).toBe(200);
    expect(locked.body).toContain('Mã bí mật cam kết');
    expect(locked.body).not.toContain(ACTION);
    for (const b of reported) expect(locked.body).not.toContain(localText(b.text, 'vi'));
    const opened = await later.post('/c/unlock', { csrf: later.csrf, secret });
    expect(opened.status).toBe(303);
    const read = await later.get('/c');
    expect(read.body).toContain(ACTION);
    expect(read.body).toContain(DUE);
    // And updates it: the same sealed row, a new text.
    const changed = await later.post(`/c/e/${numberOf(s, first.id)}`, { csrf: later.csrf, action: 'Sửa lại cam kết', due: '', op: 'save' });
    expect(changed.status).toBe(303);
    expect((await later.get('/c')).body).toContain('Sửa lại cam kết');
    expect(sealedRows(s)).toEqual([{ round: s.round.id, member: an.id, due: null }]);
    // The very commitment the terminal reads: the same service opens it with the same secret.
    const member = activeMemberById(s.db, an.id)!;
    const unlocked = await unlockSecret(s.db, member, secret);
    expect(unlocked.ok && commitmentsOf(s.db, s.round, member, unlocked.key).map((x) => [x.behaviourId, x.action, x.due])).toEqual([[first.id, 'Sửa lại cam kết', null]]);
    // The secret never went into a cookie.
    for (const v of [...phone.jar.values(), ...later.jar.values()]) expect(v).not.toContain(secret.replaceAll('-', ''));
    // Nor into a log line, and neither did the text.
    for (const l of s.log) {
      expect(l).not.toContain(secret.replaceAll('-', ''));
      expect(l).not.toContain(secret);
      expect(l).not.toContain(ACTION);
    }
  });

  it('a wrong secret gets a clear page and opens nothing', async () => {
    s = await served([AN], { commitments: true });
    const phone = s.device();
    await submitAll(s, phone);
    const secret = await makeSecret(phone);
    const first = allBehaviours(s.q).find((_, i) => chosen(i) !== 'khong')!;
    await phone.get(`/c/e/${numberOf(s, first.id)}`);
    await phone.post(`/c/e/${numberOf(s, first.id)}`, { csrf: phone.csrf, action: ACTION, due: DUE, op: 'save' });

    const other = s.device('127.0.0.2');
    await other.signIn(s.codes.get(AN)!);
    await other.get('/c');
    const wrongOne = secret.startsWith('2') ? `3${secret.slice(1)}` : `2${secret.slice(1)}`;
    const wrong = await other.post('/c/unlock', { csrf: other.csrf, secret: wrongOne });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('Mã bí mật không đúng');
    expect(wrong.body).not.toContain(ACTION);
    const malformed = await other.post('/c/unlock', { csrf: other.csrf, secret: 'ÂBCD' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toContain('tắt bộ gõ tiếng Việt');
    const still = await other.get(`/c/e/${numberOf(s, first.id)}`);
    expect(still.body).not.toContain(ACTION);
    expect(still.body).toContain('Mã bí mật cam kết');
  });

  it('no answer is reachable: answer pages of a submitted response lead to the commitments, and only reported behaviours show, behind the secret', async () => {
    s = await served([AN], { commitments: true });
    const phone = s.device();
    await submitAll(s, phone);
    const secret = await makeSecret(phone);
    // The key is stored with the first commitment: one is written.
    const first = allBehaviours(s.q).findIndex((_, i) => chosen(i) !== 'khong') + 1;
    await phone.post(`/c/e/${first}`, { csrf: phone.csrf, action: ACTION, due: '', op: 'save' });
    const later = s.device('127.0.0.2');
    await later.signIn(s.codes.get(AN)!);
    for (const path of ['/form', '/m/1', '/m/27', '/review']) {
      const r = await later.get(path);
      expect(r.status, path).toBe(303);
      expect(r.headers.location, path).toBe('/c');
    }
    expect((await later.get('/c')).body).toContain('Mã bí mật cam kết');
    expect((await later.post('/m/1', { csrf: later.csrf, go: 'next' })).status).toBe(403);
    expect((await later.post('/submit', { csrf: later.csrf, confirm: 'yes' })).status).toBe(403);
    const un = await later.post('/c/unlock', { csrf: later.csrf, secret });
    expect(un.status, un.body).toBe(303);
    const list = await later.get('/c');
    const all = allBehaviours(s.q);
    all.forEach((b, i) => {
      if (chosen(i) === 'khong') expect(list.body, b.id).not.toContain(`>${b.id}<`);
      else expect(list.body, b.id).toContain(`/c/e/${i + 1}"`);
    });
    // No radio button, no level choice: nothing of the form itself.
    expect(list.body).not.toContain('type="radio"');
    // A behaviour answered "không" has no commitment page.
    const none = all.findIndex((_, i) => chosen(i) === 'khong') + 1;
    const page = await later.get(`/c/e/${none}`);
    expect(page.status).toBe(404);
    expect(page.body).not.toContain(localText(all[none - 1]!.text, 'vi'));
  });

  it('after the secretary reopens the response, a device left on the commitments reaches no answer: it must sign in again with the code', async () => {
    s = await served([AN], { commitments: true });
    const shared = s.device();
    await submitAll(s, shared);
    expect((await shared.get('/c')).status).toBe(200);
    const id = s.cell.query<{ id: number }>('SELECT id FROM member WHERE name = ?', AN)[0]!.id;
    expect(reopenResponse(s.db, s.round, id, new Date())).toBe(true);
    for (const path of ['/review', '/m/1', '/form', '/c']) {
      const r = await shared.get(path);
      expect([r.status, r.headers.location], path).toEqual([303, '/']);
    }
    expect((await shared.post('/m/1', { csrf: shared.csrf, go: 'next' })).status).toBe(403);
  });

  it('a member who made no commitment gets nothing shown when coming back with the code', async () => {
    s = await served([AN], { commitments: true });
    await submitAll(s, s.device());
    const later = s.device('127.0.0.2');
    await later.signIn(s.codes.get(AN)!);
    const page = await later.get('/c');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Không có gì để hiện');
    expect((await later.get('/c?lang=en')).body).toContain('Nothing to show');
    for (const b of allBehaviours(s.q)) expect(page.body).not.toContain(localText(b.text, 'vi'));
    expect((await later.post('/c/secret', { csrf: later.csrf })).body).not.toContain('class="secret"');
  });

  it('guessing the secret is limited per client and per member before scrypt runs: even the right secret is refused then', async () => {
    s = await served([AN], { commitments: true, limits: { perClient: { burst: 3, perSecond: 0 }, overall: { burst: 100, perSecond: 0 }, concurrent: 2, queue: 64 } });
    const phone = s.device();
    await submitAll(s, phone);
    const secret = await makeSecret(phone);
    const first = allBehaviours(s.q).find((_, i) => chosen(i) !== 'khong')!;
    await phone.post(`/c/e/${numberOf(s, first.id)}`, { csrf: phone.csrf, action: ACTION, due: '', op: 'save' });

    const guesser = s.device('127.0.0.2');
    await guesser.signIn(s.codes.get(AN)!);
    await guesser.get('/c');
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push((await guesser.post('/c/unlock', { csrf: guesser.csrf, secret: '2222-3333-4444' })).status);
    expect(replies).toEqual([401, 401, 401, 429, 429]);
    const right = await guesser.post('/c/unlock', { csrf: guesser.csrf, secret });
    expect(right.status).toBe(429);
    expect(right.body).toContain('Đã nhập sai quá nhiều lần');
    // Another client, same member: the member's own budget is spent too.
    const third = s.device('127.0.0.3');
    await third.signIn(s.codes.get(AN)!);
    await third.get('/c');
    expect((await third.post('/c/unlock', { csrf: third.csrf, secret })).status).toBe(429);
    expect(s.log.some((l) => l.includes('POST /c/unlock 429'))).toBe(true);
  });

  it('making secret after secret is limited per client too (each is a scrypt)', async () => {
    s = await served([AN], { commitments: true, limits: { perClient: { burst: 2, perSecond: 0 }, overall: { burst: 100, perSecond: 0 }, concurrent: 2, queue: 64 } });
    const phone = s.device();
    await submitAll(s, phone);
    await phone.get('/c');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await phone.post('/c/secret', { csrf: phone.csrf })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('every state-changing request needs the session’s CSRF token and a same-origin Origin', async () => {
    s = await served([AN], { commitments: true });
    const phone = s.device();
    await submitAll(s, phone);
    await phone.get('/c');
    expect((await phone.post('/c/secret', { csrf: 'x'.repeat(32) })).status).toBe(403);
    expect((await phone.post('/c/secret', {})).status).toBe(403);
    expect((await phone.post('/c/secret', { csrf: phone.csrf }, { Origin: 'http://evil.example' })).status).toBe(403);
    const secret = await makeSecret(phone);
    const n = numberOf(s, allBehaviours(s.q).find((_, i) => chosen(i) !== 'khong')!.id);
    await phone.get(`/c/e/${n}`);
    const token = phone.csrf;
    expect((await phone.post(`/c/e/${n}`, { csrf: 'y'.repeat(32), action: ACTION, op: 'save' })).status).toBe(403);
    expect((await phone.post(`/c/e/${n}`, { csrf: token, action: ACTION, op: 'save', extra: '1' })).status).toBe(400);
    expect((await phone.post('/c/unlock', { secret })).status).toBe(403);
    expect((await phone.post('/c/lock', { csrf: 'z' })).status).toBe(403);
    expect(sealedRows(s)).toEqual([]);
  });

  it('the text and the deadline follow the terminal’s rules: real dates only, no hidden characters, a length cap', async () => {
    s = await served([AN], { commitments: true });
    const phone = s.device();
    await submitAll(s, phone);
    await makeSecret(phone);
    const n = numberOf(s, allBehaviours(s.q).find((_, i) => chosen(i) !== 'khong')!.id);
    await phone.get(`/c/e/${n}`);
    const post = (action: string, due: string) => phone.post(`/c/e/${n}`, { csrf: phone.csrf, action, due, op: 'save' });
    const badDate = await post(ACTION, '31/2/2027');
    expect(badDate.status).toBe(400);
    expect(badDate.body).toContain('&quot;31/2/2027&quot; không phải một ngày có thật');
    // The typed text is kept in the box, to correct the date.
    expect(badDate.body).toContain(ACTION);
    const bidi = await post('Sửa\u202Eđổi', DUE);
    expect(bidi.status).toBe(400);
    expect(bidi.body).toContain('U+202E');
    const long = await post('a'.repeat(501), DUE);
    expect(long.status).toBe(400);
    expect(long.body).toContain('501');
    const empty = await post('   ', DUE);
    expect(empty.status).toBe(400);
    expect(sealedRows(s)).toEqual([]);
    expect((await post('b'.repeat(500), '6/2027')).status).toBe(303);
    expect(sealedRows(s).map((r) => r.due)).toEqual(['6/2027']);
    // Deleting it.
    await phone.get(`/c/e/${n}`);
    expect((await phone.post(`/c/e/${n}`, { csrf: phone.csrf, action: '', due: '', op: 'remove' })).headers.location).toBe('/c?ok=removed');
    expect(sealedRows(s)).toEqual([]);
  });

  it('the opened key is dropped after the idle time and on "lock"; the secret is then asked again', async () => {
    let now = Date.parse('2026-12-02T08:00:00Z');
    s = await served([AN], { commitments: true, now: () => new Date(now) });
    const phone = s.device();
    await submitAll(s, phone);
    const secret = await makeSecret(phone);
    const n = numberOf(s, allBehaviours(s.q).find((_, i) => chosen(i) !== 'khong')!.id);
    await phone.post(`/c/e/${n}`, { csrf: phone.csrf, action: ACTION, due: '', op: 'save' });
    expect((await phone.get('/c')).body).toContain(ACTION);
    now += 9 * 60_000;
    expect((await phone.get('/c')).body).toContain(ACTION);
    now += 11 * 60_000;
    const idle = await phone.get('/c');
    expect(idle.body).not.toContain(ACTION);
    expect(idle.body).toContain('tự khóa sau một lúc không dùng');
    await phone.post('/c/unlock', { csrf: phone.csrf, secret });
    expect((await phone.get('/c')).body).toContain(ACTION);
    const lock = await phone.post('/c/lock', { csrf: phone.csrf });
    expect(lock.status).toBe(200);
    const after = await phone.get('/c');
    expect(after.body).not.toContain(ACTION);
    expect(after.body).toContain('Mã bí mật cam kết');
  });
});

describe('without the flag (plain HTTP)', () => {
  it('the last page says commitments are written later at the laptop; a used code gets the used page; no commitment page exists', async () => {
    s = await served([AN]);
    const phone = s.device();
    const done = await submitAll(s, phone);
    expect(done.headers.location).toBe('/done');
    const last = await phone.get('/done');
    expect(last.body).toContain('Phần tự sửa (cam kết) đồng chí ghi sau ở máy của bí thư chi bộ');
    const again = await s.device('127.0.0.2').signIn(s.codes.get(AN)!);
    expect(again.status).toBe(403);
    expect(again.body).toContain('Phiếu đã nộp');
    expect((await s.device().get('/c')).status).toBe(404);
    expect((await s.device().post('/c/unlock', { secret: 'x' })).status).toBe(404);
  });
});
