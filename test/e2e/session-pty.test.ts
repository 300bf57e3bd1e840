/**
 * The kiosk: after a member's turn, the screen and the scrollback are cleared
 * before the next one; the secretary ends the session (confirmed, with the tally).
 */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';

const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

describe('tusoi session (kiosk)', () => {
  it('runs members in turn and shows the next one nothing of the previous', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    const s = runPty(['--db', cell.db, 'session'], { cwd: cell.dir });
    await s.waitFor('Còn 2 đồng chí chưa nộp.');
    await s.waitFor('Mời đồng chí chọn tên');
    s.type('nguyen van');
    // Wait for the filtered list (the search runs after each key), then choose.
    await s.waitFor(/nguyen van\n❯ Nguyễn Văn An {2}M001\n\n/);
    s.type(KEYS.enter);
    await s.waitFor('(C/k)');
    s.type('c' + KEYS.enter);
    let offset = 0;
    for (let n = 1; n <= 111; n++) {
      offset = await s.waitFor(`Câu ${n}/111`, { from: offset });
      offset = await s.waitFor('phím số', { from: offset });
      s.type(n === 5 ? '2' + KEYS.enter : '1' + KEYS.enter);
      offset = await s.waitFor(`đã trả lời ${n} trên 111 câu`, { from: offset });
    }
    await s.waitFor('Xem lại trước khi nộp', { from: offset });
    await s.waitFor('TT2.1  [Thỉnh thoảng]', { from: offset });
    s.type(KEYS.enter);
    await s.waitFor('Nộp phiếu bây giờ?', { from: offset });
    s.type('c' + KEYS.enter);
    // One reported behaviour: the member may write a commitment, and skips it.
    await s.waitFor('khắc phục? (Enter: bỏ qua;', { from: offset });
    s.type(KEYS.enter);
    await s.waitFor('Mời đồng chí tiếp theo.', { from: offset });
    const handOverRaw = s.raw().length;
    s.type(KEYS.enter);
    const next = await s.waitFor('Còn 1 đồng chí chưa nộp.', { from: offset });
    await s.waitFor('Trần Thị Bích Ngọc  M002', { from: next });
    // Everything after the last clear before the hand-over must be free of the first member.
    const raw = s.raw();
    const lastClearBeforeHandOver = raw.lastIndexOf(CLEAR, handOverRaw);
    expect(lastClearBeforeHandOver).toBeGreaterThan(0);
    const after = stripVTControlCharacters(raw.slice(lastClearBeforeHandOver));
    expect(after).not.toContain('Nguyễn Văn An');
    expect(after).not.toContain('Thỉnh thoảng');
    expect(after).not.toContain('TT2.1');
    expect(after).toContain('Trần Thị Bích Ngọc');
    // The secretary ends the session: Ctrl+C at the picker, then a question whose default is No.
    await s.waitFor('bí thư: Ctrl+C để kết thúc phiên', { from: next });
    s.type(KEYS.ctrlC);
    const asked = await s.waitFor('Kết thúc phiên? (dành cho bí thư) (c/K)', { from: next });
    s.type(KEYS.enter);
    const again = await s.waitFor('Còn 1 đồng chí chưa nộp.', { from: asked });
    await s.waitFor('bí thư: Ctrl+C để kết thúc phiên', { from: again });
    s.type(KEYS.ctrlC);
    const second = await s.waitFor('Kết thúc phiên? (dành cho bí thư) (c/K)', { from: again });
    s.type('c' + KEYS.enter);
    await s.waitFor('Phiên kết thúc: 1/2 đã nộp.', { from: second });
    expect((await s.exited).exitCode).toBe(0);
    expect(cell.query("SELECT COUNT(*) AS n FROM response WHERE status = 'submitted'")).toEqual([{ n: 1 }]);
  }, 90_000);
});
