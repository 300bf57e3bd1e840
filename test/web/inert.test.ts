/**
 * Security list of issue 18, the parts the other web tests leave open: a
 * member name, a round label and a unit name with HTML in them are inert in
 * every page the form can give (the take-over pages included) and on the
 * slip sheet; the security headers are on those pages too; and the log of a
 * take-over holds no answer. Real HTTP on 127.0.0.1, a real SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { takeOver, terminalHolder } from '../../src/services/response-holder.js';
import { findOpenRound } from '../../src/store/rounds.js';
import { startFormServer, type FormServer } from '../../src/web/server.js';
import { slipSheet } from '../../src/web/slips.js';
import { Device, pageBehaviours, served, type Reply, type Served } from '../support/web.js';

let s: Served | undefined;
let second: FormServer | undefined;
afterEach(async () => {
  await second?.close();
  second = undefined;
  await s?.close();
  s = undefined;
});

const EVIL_MEMBER = '<script>alert(1)</script><img src=x onerror=alert(2)> "Tư"';
const EVIL_ROUND = '2026<svg onload=alert(3)>';
const EVIL_UNIT = 'Chi bộ <iframe src=//evil.example></iframe>';
/** What must never reach a page as markup. */
const RAW = ['<script>alert', '<img src=x', '<svg onload', '<iframe'];

function inert(r: Reply, where: string): void {
  for (const bad of RAW) expect(r.body, `${where}: ${bad}`).not.toContain(bad);
  expect(r.headers['content-security-policy'], where).toContain("default-src 'none'");
  expect(r.headers['x-content-type-options'], where).toBe('nosniff');
  expect(r.headers['x-frame-options'], where).toBe('DENY');
  expect(r.headers['cache-control'], where).toBe('no-store');
}

describe('names with HTML in them', () => {
  it('are text in every page of the form, the take-over pages included, and on the slip sheet', async () => {
    s = await served([EVIL_MEMBER, 'Trần Thị Bích']);
    s.db.prepare('UPDATE unit SET name = ?').run(EVIL_UNIT);
    s.db.prepare('UPDATE round SET label = ?').run(EVIL_ROUND);
    const round = findOpenRound(s.db)!;
    expect(round.label).toBe(EVIL_ROUND);
    second = await startFormServer({ db: s.db, round, q: s.q, host: '127.0.0.1', port: 0, messages: { vi, en }, now: () => new Date(), log: (l) => s!.log.push(l) });
    const port = Number(new URL(second.url).port);
    const phone = new Device(port);
    const desk = new Device(port, '127.0.0.3');
    const pages: Array<[string, Reply]> = [];
    pages.push(['start', await phone.get('/')]);
    pages.push(['wrong code', await phone.signIn('2222233333')]);
    await phone.signIn(s.codes.get(EVIL_MEMBER)!);
    pages.push(['manifestation', await phone.get('/m/1')]);
    pages.push(['review', await phone.get('/review')]);
    pages.push(['not found', await phone.get('/nothing')]);
    await desk.signIn(s.codes.get(EVIL_MEMBER)!);
    pages.push(['open elsewhere', await desk.get('/form')]);
    await desk.post('/takeover', { csrf: desk.csrf });
    pages.push(['taken over', await phone.get('/m/1')]);
    pages.push(['taken over (en)', await phone.get('/m/1?lang=en')]);
    for (const [where, r] of pages) inert(r, where);
    // They are there, as text.
    expect(pages.find(([w]) => w === 'manifestation')![1].body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &quot;Tư&quot;');
    expect(pages.find(([w]) => w === 'open elsewhere')![1].body).toContain('2026&lt;svg onload=alert(3)&gt;');
    expect(pages.find(([w]) => w === 'taken over')![1].body).toContain('&lt;script&gt;alert(1)');
    // The unit's name is on no page at all.
    for (const [where, r] of pages) expect(r.body, where).not.toContain('evil.example');
    const sheet = slipSheet(vi, 'vi', EVIL_ROUND, second.url, [{ name: EVIL_MEMBER, code: 'K7QH2-MX9TD' }, { name: EVIL_UNIT, code: 'AAAAA-BBBBB' }]);
    for (const bad of RAW) expect(sheet).not.toContain(bad);
    expect(sheet).toContain('&lt;iframe src=//evil.example&gt;&lt;/iframe&gt;');
    expect(sheet).toContain('2026&lt;svg onload=alert(3)&gt;');
  });
});

describe('the log of a take-over', () => {
  it('names method, path and status only: no answer, no code, no token', async () => {
    s = await served(['Nguyễn Văn An']);
    const code = s.codes.get('Nguyễn Văn An')!;
    const phone = s.device();
    await phone.signIn(code);
    await phone.get('/m/1');
    const ids = pageBehaviours(s.q, 1);
    await phone.post('/m/1', { csrf: phone.csrf, go: 'next', ...Object.fromEntries(ids.map((id) => [`b:${id}`, 'thinh-thoang'])) });
    takeOver(s.db, s.round, s.db.prepare<[], { id: number }>('SELECT id FROM member').get()!.id, terminalHolder(), new Date());
    await phone.post('/m/2', { csrf: phone.csrf, go: 'next', ...Object.fromEntries(pageBehaviours(s.q, 2).map((id) => [`b:${id}`, 'thuong-xuyen'])) });
    await phone.get('/form');
    await phone.post('/takeover', { csrf: phone.csrf });
    const all = allBehaviours(s.q).map((b) => b.id);
    expect(s.log).toContain('POST /takeover 303');
    expect(s.log).toContain('POST /m/2 409');
    for (const line of s.log) {
      expect(line).toMatch(/^(GET|POST) \/[a-z0-9/.]* \d{3}( [a-z-]+)?$/);
      for (const word of ['khong', 'thinh-thoang', 'thuong-xuyen', ...all, code, phone.csrf, phone.jar.get('tusoi_session')!, 'csrf', '=', 'kiosk:', 'web:']) expect(line).not.toContain(word);
    }
  });
});
