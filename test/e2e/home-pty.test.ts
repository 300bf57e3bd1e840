/** `tusoi` alone in a real terminal: the home menu, to the status screen and out again. */
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { runMain } from '../support/cli.js';
import { KEYS, runPty } from '../support/pty.js';

describe('the home menu', () => {
  it('opens on a terminal, shows each command line, runs status and quits', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    const s = runPty(['--db', cell.db], { cwd: cell.dir });
    await s.waitFor('Chọn việc cần làm:');
    await s.waitFor(`tusoi --db ${cell.db} session`);
    s.type('3');
    await s.waitFor(`tusoi --db ${cell.db} status`);
    s.type(KEYS.enter);
    const at = await s.waitFor(`→ tusoi --db ${cell.db} status`);
    await s.waitFor('2 đảng viên: 0 đã nộp, 0 đang làm, 2 chưa bắt đầu.', { from: at });
    await s.waitFor('Nhấn Enter để quay lại menu', { from: at });
    s.type(KEYS.enter);
    const back = await s.waitFor('Chọn việc cần làm:', { from: at });
    s.type('10');
    await s.waitFor('❯ 10. Thoát', { from: back });
    s.type(KEYS.enter);
    expect((await s.exited).exitCode).toBe(0);
    // NO_COLOR on a real terminal: no colour codes at all (chalk ignores NO_COLOR, so a stray default import would show here).
    expect(s.raw()).not.toMatch(/\x1b\[[0-9;]*m/);
  }, 30_000);

  it('is not shown off a terminal: tusoi alone prints the help', async () => {
    const r = await runMain([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cách dùng: tusoi');
  });
});
