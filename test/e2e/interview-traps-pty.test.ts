/**
 * The traps a new member met in a real terminal (issue 15), through the real
 * `tusoi answer` in a pseudo-terminal: a held Enter answering unread, the
 * review that came back after every answer and after a resume.
 */
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { answerRange, startAnswer } from '../support/interview-pty.js';
import { KEYS } from '../support/pty.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'];
/** The digit of "☰ Xem lại và nộp" from question 2 on: three levels, then "← Câu trước". */
const REVIEW_KEY = '5';

describe('tusoi answer without traps', () => {
  it('a held Enter answers nothing; continuing from the review goes question by question; resume lands on the next unanswered question', async () => {
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    const answers = () => cell.query<{ b: string; level: string }>('SELECT behaviour_id AS b, level FROM answer ORDER BY behaviour_id');
    const s = await startAnswer(cell, 'M001');
    let at = await s.waitFor('Câu 1/111 · TT1.1');
    at = await s.waitFor('phím số', { from: at });
    // Enter held down on an unanswered question: no level is highlighted, so nothing is answered.
    s.type(KEYS.enter.repeat(30));
    at = await s.waitFor('Chưa chọn mức nào', { from: at });
    // A key typed after the Enters is read after them: its answer is the first one saved.
    s.type('2');
    s.type(KEYS.enter);
    at = await s.waitFor('✓ Đã lưu TT1.1: Thỉnh thoảng · đã trả lời 1 trên 111 câu', { from: at });
    expect(s.text().slice(0, at)).not.toContain('Câu 2/111');
    expect(answers()).toEqual([{ b: 'TT1.1', level: 'thinh-thoang' }]);

    await answerRange(s, 2, 3, () => 'khong');
    at = await s.waitFor('Câu 4/111 · TT1.4', { from: at });
    at = await s.waitFor('phím số', { from: at });
    s.type(REVIEW_KEY + KEYS.enter);
    at = await s.waitFor('Xem lại trước khi nộp — đã trả lời 3/111 câu', { from: at });
    at = await s.waitFor('❯ ↩ Trả lời tiếp các câu còn thiếu', { from: at });
    s.type(KEYS.enter);
    at = await s.waitFor('Câu 4/111 · TT1.4', { from: at });
    at = await s.waitFor('phím số', { from: at });
    s.type('1' + KEYS.enter);
    // The next question, not the review again.
    const next = await s.waitFor(/Câu 5\/111 · TT2\.1|Xem lại trước khi nộp/, { from: at });
    expect(s.text().slice(at, next)).toContain('Câu 5/111 · TT2.1');
    at = await s.waitFor('phím số', { from: next });
    s.type('1' + KEYS.enter);
    at = await s.waitFor('Câu 6/111 · TT2.2', { from: at });
    at = await s.waitFor('phím số', { from: at });

    // Opened again at question 6, then the window is closed: the next run starts at question 6.
    s.type(REVIEW_KEY + KEYS.enter);
    at = await s.waitFor('Xem lại trước khi nộp — đã trả lời 5/111 câu', { from: at });
    await s.waitFor('phím số', { from: at });
    s.kill('SIGKILL');
    await s.exited;
    expect(cell.query('SELECT cursor FROM response')).toEqual([{ cursor: '#review' }]);

    const again = await startAnswer(cell, 'M001');
    const resumed = await again.waitFor('Tiếp tục từ chỗ đã dừng: đã lưu 5/111 câu.');
    const first = await again.waitFor(/Câu \d+\/111 · \S+|Xem lại trước khi nộp/, { from: resumed });
    expect(again.text().slice(resumed, first)).toContain('Câu 6/111 · TT2.2');
    again.kill('SIGKILL');
    await again.exited;
  }, 60_000);

  it('marks a manifestation whose wording is not verbatim at its first question, after a jump from the review, and on resume', async () => {
    const MARK = '[lời văn mới đối chiếu được một phần với văn bản chính thức]';
    const cell = await tempCell({ members: NAMES, round: ['--label', '2026'] });
    const s = await startAnswer(cell, 'M002');
    await answerRange(s, 1, 18, () => 'khong');
    // TT5 (partial) begins at question 19.
    let at = await s.waitFor('Biểu hiện TT5 (5/27)');
    at = await s.waitFor(MARK, { from: at });
    await answerRange(s, 19, 20, (n) => (n === 19 ? 'thinh-thoang' : 'khong'));
    at = await s.waitFor('Câu 21/111 · TT5.3', { from: at });
    at = await s.waitFor('phím số', { from: at });
    s.type(REVIEW_KEY + KEYS.enter);
    at = await s.waitFor('TT5.1  [Thỉnh thoảng]', { from: at });
    await s.waitFor('phím số', { from: at });
    s.type(KEYS.down + KEYS.enter);
    at = await s.waitFor('Biểu hiện TT5 (5/27)', { from: at });
    at = await s.waitFor(MARK, { from: at });
    at = await s.waitFor('Câu 19/111 · TT5.1', { from: at });
    // The saved level is highlighted when coming back to an answer.
    at = await s.waitFor('❯ 2. Thỉnh thoảng', { from: at });
    s.type(KEYS.ctrlC);
    await s.waitFor(/Đã lưu 20\/111 câu; phiếu chưa nộp\. Làm tiếp:\s+tusoi --db cell\.sqlite answer --member M002/, { from: at });
    expect((await s.exited).exitCode).toBe(130);

    const again = await startAnswer(cell, 'M002');
    at = await again.waitFor('Tiếp tục từ chỗ đã dừng: đã lưu 20/111 câu.');
    at = await again.waitFor('Biểu hiện TT5 (5/27)', { from: at });
    at = await again.waitFor(MARK, { from: at });
    await again.waitFor('Câu 21/111 · TT5.3', { from: at });
    again.kill('SIGKILL');
    await again.exited;
  }, 60_000);
});
