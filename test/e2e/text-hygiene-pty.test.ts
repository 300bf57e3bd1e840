/**
 * The kiosk picker on a real terminal (issue 14, part 4): a member or unit
 * name that an older database holds with terminal sequences in it (written
 * here with SQL) is shown as visible escapes, never sent to the terminal raw.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';

describe('tusoi session (kiosk) with hostile names in the database', () => {
  it('shows the unit and member names escaped in the title, the picker and the confirmation', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bình'], round: ['--label', '2026'] });
    const d = new Database(cell.db);
    d.prepare('UPDATE unit SET name = ?').run('Chi bộ\x1b]0;pwned\x07');
    d.prepare("UPDATE member SET name = ? WHERE code = 'M001'").run('Nguyễn\x1b[2J Văn An\u202e');
    d.close();
    const s = runPty(['--db', cell.db, 'session'], { cwd: cell.dir });
    await s.waitFor('Chi bộ\\u001b]0;pwned\\u0007');
    await s.waitFor('Mời đồng chí chọn tên');
    await s.waitFor('Nguyễn\\u001b[2J Văn An\\u202e  M001');
    s.type('van an');
    await s.waitFor(/van an\n❯ Nguyễn\\u001b\[2J Văn An\\u202e {2}M001/);
    s.type(KEYS.enter);
    await s.waitFor('(C/k)');
    // The raw output carries the program's own sequences (cursor, clear) but none of the names'.
    const raw = s.raw();
    expect(raw).not.toContain('\x1b]0;pwned');
    expect(raw).not.toContain('\x1b[2J Văn');
    expect(raw).not.toContain('\u202e');
    // Ctrl+C at the confirmation only goes back to the picker (the kiosk goes on): end it here.
    s.kill();
    await s.exited;
  }, 60_000);
});
