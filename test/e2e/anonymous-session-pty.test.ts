/**
 * The kiosk in an anonymous round (issue 13): after Ctrl+C the member's resume
 * code stays on screen until they press Enter; starting again without the
 * code asks first, saying how many saved answers will be lost, and discards
 * the abandoned ballot at once.
 */
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty, type PtySession } from '../support/pty.js';

const CLEAR = '\x1b[2J\x1b[3J\x1b[H';
const CODE = /Mã tiếp tục của đồng chí: ([2-9A-Z]{4}-[2-9A-Z]{4})/g;

async function answer(s: PtySession, n: number, from: number): Promise<number> {
  let offset = from;
  for (let i = 1; i <= n; i++) {
    offset = await s.waitFor(`Câu ${i}/111`, { from: offset });
    offset = await s.waitFor('phím số', { from: offset });
    s.type('2' + KEYS.enter);
    offset = await s.waitFor(`đã trả lời ${i} trên 111 câu`, { from: offset });
  }
  // The next question's prompt is up: a key typed before it is drawn (Ctrl+C next) would not reach it.
  offset = await s.waitFor(`Câu ${n + 1}/111`, { from: offset });
  return s.waitFor('phím số', { from: offset });
}

async function pick(s: PtySession, from: number): Promise<number> {
  let at = await s.waitFor('Mời đồng chí chọn tên', { from });
  s.type('nguyen van');
  at = await s.waitFor(/nguyen van\n❯ Nguyễn Văn An {2}M001/, { from: at });
  s.type(KEYS.enter);
  at = await s.waitFor('(C/k)', { from: at });
  s.type('c' + KEYS.enter);
  return at;
}

describe('tusoi session in an anonymous round', () => {
  it('keeps the code on screen after Ctrl+C until Enter, and confirms before discarding an abandoned ballot', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026-an', '--anonymous'] });
    const s = runPty(['--db', cell.db, 'session'], { cwd: cell.dir });
    let at = await pick(s, 0);
    at = await s.waitFor(CODE, { from: at });
    const code = [...s.text().matchAll(CODE)].at(-1)![1]!;
    at = await answer(s, 2, at);
    const rawAtInterrupt = s.raw().length;
    s.type(KEYS.ctrlC);
    at = await s.waitFor(`Mã tiếp tục của đồng chí: ${code} — hãy ghi lại`, { from: at });
    at = await s.waitFor('Nhấn Enter để tiếp tục', { from: at });
    // Nothing has cleared the screen since Ctrl+C: the code is still there, waiting for Enter.
    expect(s.raw().slice(rawAtInterrupt)).not.toContain(CLEAR);
    s.type(KEYS.enter);
    await s.waitFor('Mời đồng chí chọn tên', { from: at });
    expect(s.raw().slice(rawAtInterrupt)).toContain(CLEAR);
    expect(cell.query('SELECT COUNT(*) AS n FROM anon_ballot')).toEqual([{ n: 1 }]);

    // The same member again, without the code: asked first (default no), told what is lost.
    at = await pick(s, at);
    at = await s.waitFor('Nhập mã tiếp tục', { from: at });
    s.type(KEYS.enter);
    at = await s.waitFor('(2 câu đã lưu sẽ mất). Làm lại?', { from: at });
    s.type(KEYS.enter); // no: back to the code
    at = await s.waitFor('Nhập mã tiếp tục', { from: at });
    s.type(KEYS.enter);
    at = await s.waitFor('(2 câu đã lưu sẽ mất). Làm lại?', { from: at });
    s.type('c' + KEYS.enter);
    at = await s.waitFor(CODE, { from: at });
    const fresh = [...s.text().matchAll(CODE)].at(-1)![1]!;
    expect(fresh).not.toBe(code);
    at = await s.waitFor('Câu 1/111', { from: at });
    at = await s.waitFor('phím số', { from: at });
    // The abandoned ballot is gone at once: only the new one is stored.
    expect(cell.query('SELECT COUNT(*) AS n FROM anon_ballot')).toEqual([{ n: 1 }]);
    s.type(KEYS.ctrlC);
    at = await s.waitFor('phiếu CHƯA nộp', { from: at });
    at = await s.waitFor('Nhấn Enter để tiếp tục', { from: at });
    s.type(KEYS.enter);
    // The secretary ends the session: Ctrl+C at the picker, then yes.
    at = await s.waitFor('bí thư: Ctrl+C để kết thúc phiên', { from: at });
    s.type(KEYS.ctrlC);
    at = await s.waitFor('Kết thúc phiên? (dành cho bí thư)', { from: at });
    s.type('c' + KEYS.enter);
    await s.waitFor('Phiên kết thúc: 0/2 đã nộp.', { from: at });
    expect((await s.exited).exitCode).toBe(0);
  }, 90_000);
});
