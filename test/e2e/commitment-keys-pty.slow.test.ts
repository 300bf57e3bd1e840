/**
 * Submitting and the commitment step in a real terminal (issue 15): Enter
 * alone does not confirm a submission; a deadline that
 * is no real day is refused and asked again, Esc skips all the remaining
 * behaviours, and the closing hint names the member's own code.
 */
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { answerRange, startAnswer } from '../support/interview-pty.js';
import { KEYS } from '../support/pty.js';

const ESC = '\x1b';
const SECRET = /Mã bí mật cam kết của đồng chí:\s+([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/;

describe('the commitment step', () => {
  it('does not submit on Enter alone; refuses 31/2/2027, skips the rest on Esc, and ends naming the member code', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    const s = await startAnswer(cell, 'M002');
    // Three reported behaviours: questions 2, 5 and 9.
    await answerRange(s, 1, 111, (n) => ([2, 5, 9].includes(n) ? 'thinh-thoang' : 'khong'));
    let at = await s.waitFor('Xem lại trước khi nộp — đã trả lời 111/111 câu');
    at = await s.waitFor('phím số', { from: at });
    s.type(KEYS.enter);
    // Enter alone at the confirmation does not submit (a held Enter must not): back to the review.
    at = await s.waitFor('Nộp phiếu bây giờ? (c/K)', { from: at });
    s.type(KEYS.enter);
    at = await s.waitFor('Xem lại trước khi nộp — đã trả lời 111/111 câu', { from: at });
    expect(cell.query('SELECT status FROM response')).toEqual([{ status: 'in_progress' }]);
    at = await s.waitFor('phím số', { from: at });
    s.type(KEYS.enter);
    at = await s.waitFor('Nộp phiếu bây giờ? (c/K)', { from: at });
    s.type('c' + KEYS.enter);
    at = await s.waitFor('Tự sửa: đồng chí đã tự nhận 3 hành vi', { from: at });
    at = await s.waitFor('khắc phục? (Enter: bỏ qua; Esc: bỏ qua tất cả)', { from: at });
    s.type('Đọc lại Điều lệ' + KEYS.enter);
    at = await s.waitFor('Đến khi nào?', { from: at });
    s.type('31/2/2027' + KEYS.enter);
    at = await s.waitFor('"31/2/2027" không phải một ngày có thật.', { from: at });
    // The refused value stays on the line to be corrected: erase it and type a real day.
    s.type('\x7f'.repeat(9) + '28/2/2027' + KEYS.enter);
    // The first commitment gives the member their secret (issue 13): noted, typed back.
    at = await s.waitFor(SECRET, { from: at });
    const secret = SECRET.exec(s.text().slice(0, at))![1]!;
    at = await s.waitFor('Gõ lại mã để xác nhận đã ghi:', { from: at });
    s.type(secret + KEYS.enter);
    at = await s.waitFor('✓ Đã lưu cam kết cho TT1.2', { from: at });
    at = await s.waitFor('khắc phục? (Enter: bỏ qua; Esc: bỏ qua tất cả)', { from: at });
    s.type(ESC);
    at = await s.waitFor('Đã bỏ qua 2 hành vi còn lại.', { from: at });
    await s.waitFor(/Đã lưu 1 cam kết\. Xem và sửa sau:\s+tusoi answer --member M002/, { from: at });
    expect((await s.exited).exitCode).toBe(0);
    // Sealed: the deadline in clear (the secretary sees it), the behaviour and the text not.
    expect(cell.query('SELECT due FROM sealed_commitment')).toEqual([{ due: '28/2/2027' }]);
  }, 60_000);
});
