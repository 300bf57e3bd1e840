/**
 * The secretary's desk of `tusoi serve` in an anonymous round, on a real
 * terminal (issue 18, part 2): the line prompt ticks a member off by a name
 * typed without accents, undoes it, ticks again, shows only the two counts,
 * and Ctrl+C (which readline takes from the terminal) stops the server
 * saying what is saved.
 */
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';

describe('tusoi serve, anonymous round, on a terminal', () => {
  it('ticks off, un-ticks and stops on Ctrl+C with the counts', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Lê Đức Thắng'], round: ['--label', '2026', '--anonymous'] });
    expect(cell.bin(['serve', '--host', '127.0.0.1', '--codes', 'phieu.html', '--slips', '2']).status).toBe(0);
    const t = runPty(['--db', cell.db, 'serve', '--host', '127.0.0.1', '--port', '0'], { cwd: cell.dir, env: { NO_COLOR: '1' } });
    try {
      let at = await t.waitFor('2 phiếu ẩn danh đã in, chưa dùng.');
      at = await t.waitFor('Phiếu đã phát 0 · phiếu đã nộp 0', { from: at });
      at = await t.waitFor('Người nhận phiếu: ', { from: at });
      t.type(`le duc${KEYS.enter}`);
      at = await t.waitFor('Đã đánh dấu Lê Đức Thắng (M002) nhận phiếu.', { from: at });
      at = await t.waitFor('Phiếu đã phát 1 · phiếu đã nộp 0', { from: at });
      t.type(`-le duc${KEYS.enter}`);
      at = await t.waitFor('Đã bỏ đánh dấu Lê Đức Thắng (M002).', { from: at });
      at = await t.waitFor('Phiếu đã phát 0 · phiếu đã nộp 0', { from: at });
      t.type(`M001${KEYS.enter}`);
      at = await t.waitFor('Đã đánh dấu Nguyễn Văn An (M001) nhận phiếu.', { from: at });
      at = await t.waitFor('Phiếu đã phát 1 · phiếu đã nộp 0', { from: at });
      await t.waitFor('Người nhận phiếu: ', { from: at });
      t.type(KEYS.ctrlC);
      await t.waitFor('Đã dừng. 1 phiếu đã phát, 0 phiếu đã nộp', { from: at });
      expect((await t.exited).exitCode).toBe(0);
      // No time on the anonymous live line.
      expect(t.text()).not.toMatch(/\d\d:\d\d:\d\d/);
      expect(cell.query<{ ticked: string }>('SELECT ticked FROM web_slip_round')).toEqual([{ ticked: '[1]' }]);
    } finally {
      t.kill();
    }
  });
});
