/**
 * The kiosk's traps (issue 15) through the real `tusoi session` in a
 * pseudo-terminal: a name that matches nobody, Ctrl+C during a member's turn,
 * a round closed in another process.
 */
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { answerRange } from '../support/interview-pty.js';
import { KEYS, runPty } from '../support/pty.js';

const BACKSPACE = '\x7f';

describe('tusoi session without traps', () => {
  it('stays in the picker on a name that matches nobody, ends only the turn on Ctrl+C, and stops when the round is closed elsewhere', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    const s = runPty(['--db', cell.db, 'session'], { cwd: cell.dir });
    let at = await s.waitFor('Còn 2 đồng chí chưa nộp.');
    at = await s.waitFor('bí thư: Ctrl+C để kết thúc phiên', { from: at });
    // A typo: said so; Enter does nothing (it used to end the session).
    s.type('xyz');
    at = await s.waitFor('Không có đồng chí nào chưa nộp khớp với "xyz"', { from: at });
    s.type(KEYS.enter.repeat(3));
    s.type(BACKSPACE.repeat(3) + 'tran');
    at = await s.waitFor(/tran\n❯ Trần Thị Bích Ngọc {2}M002\n/, { from: at });
    s.type(KEYS.enter);
    at = await s.waitFor('Đồng chí là Trần Thị Bích Ngọc (M002)? (C/k)', { from: at });
    s.type('c' + KEYS.enter);

    // Ctrl+C during the turn: what is saved, and that nothing was submitted; then the picker again.
    await answerRange(s, 1, 2, () => 'thuong-xuyen');
    at = await s.waitFor('Câu 3/111', { from: at });
    at = await s.waitFor('phím số', { from: at });
    s.type(KEYS.ctrlC);
    at = await s.waitFor('Đã dừng lượt: đã lưu 2/111 câu, phiếu CHƯA nộp.', { from: at });
    at = await s.waitFor('Nhấn Enter để tiếp tục', { from: at });
    expect(s.text().slice(at - 200)).not.toContain('Đã xong');
    s.type(KEYS.enter);
    at = await s.waitFor('Còn 2 đồng chí chưa nộp.', { from: at });
    at = await s.waitFor('bí thư: Ctrl+C để kết thúc phiên', { from: at });
    expect(cell.query("SELECT r.status, COUNT(a.behaviour_id) AS n FROM response r LEFT JOIN answer a ON a.response_id = r.id GROUP BY r.id")).toEqual([
      { status: 'in_progress', n: 2 },
    ]);

    // The round is closed in another process while the picker waits: the next choice ends the session.
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    s.type('nguyen');
    at = await s.waitFor(/nguyen\n❯ Nguyễn Văn An {2}M001\n/, { from: at });
    s.type(KEYS.enter);
    at = await s.waitFor('Đợt 2026 đã được đóng ở nơi khác', { from: at });
    await s.waitFor('Phiên kết thúc: 0/2 đã nộp.', { from: at });
    expect((await s.exited).exitCode).toBe(1);
  }, 60_000);
});
