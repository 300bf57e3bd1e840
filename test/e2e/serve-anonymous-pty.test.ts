/**
 * The secretary's desk of `tusoi serve` in an anonymous round, on a real
 * terminal (issue 18, part 2): the line prompt ticks a member off by a name
 * typed without accents, undoes it, ticks again, shows only the two counts,
 * and Ctrl+C (which readline takes from the terminal) stops the server
 * saying what is saved.
 */
import { describe, expect, it } from 'vitest';
import { tickMember } from '../../src/services/web-slips.js';
import { openDatabase } from '../../src/store/db.js';
import { listMembers } from '../../src/store/members.js';
import { findOpenRound } from '../../src/store/rounds.js';
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

  it('the kiosk lists a ticked member as having a slip and, picked, says why they cannot answer there', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026', '--anonymous'] });
    const db = openDatabase(cell.db);
    try {
      expect(tickMember(db, findOpenRound(db)!, listMembers(db).find((m) => m.code === 'M001')!)).toBe('ticked');
    } finally {
      db.close();
    }
    const t = runPty(['--db', cell.db, 'session'], { cwd: cell.dir });
    try {
      let at = await t.waitFor('Mời đồng chí chọn tên');
      t.type('nguyen van');
      at = await t.waitFor(/nguyen van\n❯ Nguyễn Văn An {2}M001 {2}\(đã nhận phiếu\)/, { from: at });
      t.type(KEYS.enter);
      at = await t.waitFor('(C/k)', { from: at });
      t.type('c' + KEYS.enter);
      at = await t.waitFor('Nguyễn Văn An đã nhận phiếu để trả lời trên điện thoại', { from: at });
      await t.waitFor('Nhấn Enter để tiếp tục', { from: at });
      expect(cell.query('SELECT COUNT(*) AS n FROM anon_ballot')).toEqual([{ n: 0 }]);
    } finally {
      t.kill();
    }
  });
});
