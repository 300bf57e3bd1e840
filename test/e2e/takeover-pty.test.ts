/**
 * One front end at a time (issue 18, part 5) with both front ends real: the
 * compiled kiosk (`tusoi session`) under a pseudo-terminal, and the network
 * form served in this process on 127.0.0.1 on the same database file, driven
 * over HTTP. The kiosk picking a member whose form is open on a phone says so
 * and asks (No by default); taking over makes the phone's next page say so;
 * the phone taking it back makes the kiosk's next answer refused, with a
 * message, then the picker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { clockTime } from '../../src/services/response-holder.js';
import { issueCodes } from '../../src/services/web-access.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { findOpenRound, roundQuestionnaire } from '../../src/store/rounds.js';
import { startFormServer, type FormServer } from '../../src/web/server.js';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';
import { Device, pageBehaviours } from '../support/web.js';

let server: FormServer | undefined;
let db: Db | undefined;
afterEach(async () => {
  await server?.close();
  db?.close();
  server = undefined;
  db = undefined;
});

describe('the kiosk and a phone on the same member', () => {
  it('the kiosk offers to take over from the phone (No by default), takes it over, and loses it back with a message', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    db = openDatabase(cell.db, { durable: true });
    const round = findOpenRound(db)!;
    const q = roundQuestionnaire(db, round);
    const codes = new Map((await issueCodes(db, round, new Date())).map((x) => [x.member.name, x.code]));
    server = await startFormServer({ db, round, q, host: '127.0.0.1', port: 0, messages: { vi, en }, now: () => new Date(), log: () => {} });
    const phone = new Device(Number(new URL(server.url).port));
    const answered = () => cell.query<{ n: number }>('SELECT count(*) AS n FROM answer')[0]!.n;
    const holder = () => cell.query<{ front_end: string; since: string; seen_at: string }>('SELECT front_end, since, seen_at FROM response_holder')[0]!;

    // The member starts on the phone: one page answered.
    await phone.signIn(codes.get('Nguyễn Văn An')!);
    await phone.get('/m/1');
    const page1 = pageBehaviours(q, 1);
    expect((await phone.post('/m/1', { csrf: phone.csrf, go: 'next', ...Object.fromEntries(page1.map((id) => [`b:${id}`, 'khong'])) })).status).toBe(303);
    expect(answered()).toBe(page1.length);

    const s = runPty(['--db', cell.db, 'session'], { cwd: cell.dir });
    const pick = async (from: number) => {
      await s.waitFor('Mời đồng chí chọn tên', { from });
      s.type('nguyen van');
      await s.waitFor(/nguyen van\n❯ Nguyễn Văn An {2}M001\n\n/, { from });
      s.type(KEYS.enter);
      const at = await s.waitFor('Đồng chí là Nguyễn Văn An (M001)? (C/k)', { from });
      s.type('c' + KEYS.enter);
      return at;
    };
    let at = await pick(0);
    // Open on the phone: said, with the time it was last seen; Enter keeps it there.
    const seen = clockTime(new Date(holder().seen_at));
    at = await s.waitFor(`Phiếu của đồng chí này đang mở trên một thiết bị lúc ${seen}.`, { from: at });
    at = await s.waitFor('Mở tiếp phiếu ở đây? (thiết bị kia sẽ không lưu thêm được câu trả lời) (c/K)', { from: at });
    s.type(KEYS.enter);
    at = await s.waitFor('Còn 2 đồng chí chưa nộp.', { from: at });
    // Still the phone's: its next page is stored.
    expect((await phone.get('/m/2')).status).toBe(200);
    expect(holder().front_end).toBe('web');

    // Again, and take it over.
    at = await pick(at);
    at = await s.waitFor('(c/K)', { from: at });
    s.type('c' + KEYS.enter);
    at = await s.waitFor(`Tiếp tục từ chỗ đã dừng: đã lưu ${page1.length}/111 câu.`, { from: at });
    at = await s.waitFor(`Câu ${page1.length + 1}/111`, { from: at });
    expect(holder().front_end).toBe('kiosk');
    const took = clockTime(new Date(holder().since));
    // The phone's next page: taken over at the laptop, no answer shown, nothing stored.
    const lost = await phone.post('/m/2', { csrf: phone.csrf, go: 'next', ...Object.fromEntries(pageBehaviours(q, 2).map((id) => [`b:${id}`, 'thuong-xuyen'])) });
    expect(lost.status).toBe(409);
    expect(lost.body).toContain(`Phiếu này đã được mở tiếp ở máy tính của bí thư lúc ${took}.`);
    expect(lost.body).not.toContain('checked');
    expect(answered()).toBe(page1.length);
    // The kiosk answers one.
    at = await s.waitFor('phím số', { from: at });
    s.type('1' + KEYS.enter);
    at = await s.waitFor(`đã trả lời ${page1.length + 1} trên 111 câu`, { from: at });
    expect(answered()).toBe(page1.length + 1);

    // The member takes it back on the phone; the kiosk's next answer is refused, said, then the picker.
    expect((await phone.post('/takeover', { csrf: phone.csrf })).status).toBe(303);
    const back = clockTime(new Date(holder().since));
    at = await s.waitFor('phím số', { from: at });
    s.type('2' + KEYS.enter);
    at = await s.waitFor(`Phiếu này đã được mở tiếp trên một thiết bị lúc ${back}; câu trả lời vừa rồi không được lưu`, { from: at });
    expect(answered()).toBe(page1.length + 1);
    s.type(KEYS.enter);
    at = await s.waitFor('Còn 2 đồng chí chưa nộp.', { from: at });
    await s.waitFor('bí thư: Ctrl+C để kết thúc phiên', { from: at });
    // The phone goes on where the kiosk left it.
    expect((await phone.get('/form')).headers.location).toBe('/m/2');
    s.type(KEYS.ctrlC);
    at = await s.waitFor('Kết thúc phiên? (dành cho bí thư) (c/K)', { from: at });
    s.type('c' + KEYS.enter);
    await s.waitFor('Phiên kết thúc: 0/2 đã nộp.', { from: at });
    expect((await s.exited).exitCode).toBe(0);
  }, 90_000);
});
