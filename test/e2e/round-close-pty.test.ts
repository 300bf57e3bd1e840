/** `round close` in a real terminal: who has not finished, then a question whose default is No (issue 15, part 4). */
import { describe, expect, it } from 'vitest';
import { cellOfThree } from '../support/round-members.js';
import { KEYS, runPty } from '../support/pty.js';

describe('round close on a terminal', () => {
  it('lists who is in progress and who has not started, and closes only when told to', async () => {
    const cell = await cellOfThree();
    const open = () => cell.query<{ open: number }>('SELECT closed_on IS NULL AS open FROM round').map((r) => r.open);

    // Enter alone: the default, No. Nothing is closed.
    const s = runPty(['--db', cell.db, 'round', 'close'], { cwd: cell.dir });
    const head = await s.waitFor('Đợt "2026" (ghi tên): 3 đảng viên — 1 đã nộp, 1 đang làm dở, 1 chưa bắt đầu.');
    const listed = await s.waitFor(/Đang làm dở \(chưa nộp nên không được tính\):\n {2}M002 {2}Trần Thị Bích Ngọc\nChưa bắt đầu:\n {2}M003 {2}Lê Văn Cường\n/, { from: head });
    await s.waitFor('Đóng đợt "2026"? Sau khi đóng, không ai trả lời thêm được', { from: listed });
    await s.waitFor('(c/K)', { from: listed });
    s.type(KEYS.enter);
    await s.waitFor('Đợt "2026" vẫn mở: đồng chí đã chọn không đóng.', { from: listed });
    expect((await s.exited).exitCode).toBe(1);
    expect(open()).toEqual([1]);

    // "c": closed.
    const yes = runPty(['--db', cell.db, 'round', 'close'], { cwd: cell.dir });
    const asked = await yes.waitFor('(c/K)');
    yes.type('c' + KEYS.enter);
    await yes.waitFor('Đã đóng đợt "2026"', { from: asked });
    expect((await yes.exited).exitCode).toBe(0);
    expect(open()).toEqual([0]);

    // --yes: no question (the list is still shown).
    expect((await cell.cli(['round', 'reopen'])).status).toBe(0);
    const sure = runPty(['--db', cell.db, 'round', 'close', '--yes'], { cwd: cell.dir });
    await sure.waitFor('Đã đóng đợt "2026"');
    expect((await sure.exited).exitCode).toBe(0);
    expect(sure.text()).toContain('M003  Lê Văn Cường');
    expect(sure.text()).not.toContain('(c/K)');
    expect(open()).toEqual([0]);
  }, 60_000);
});
