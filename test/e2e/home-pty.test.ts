/** `tusoi` alone in a real terminal: the home menu, to the status screen and out again. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { queryFile, runMain } from '../support/cli.js';
import { KEYS, runPty } from '../support/pty.js';
import { tempDir } from '../support/temp.js';

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

  it('in a new folder offers init (and the demo, help, quit) only; then a named or anonymous round, and a close that lists and asks', async () => {
    const dir = tempDir('tusoi-home-');
    const db = join(dir, 'tusoi.sqlite');
    const s = runPty([], { cwd: dir });
    const first = await s.waitFor('Chọn việc cần làm:');
    expect(s.text()).toContain(`Chưa có cơ sở dữ liệu ${db}.`);
    for (const item of ['1. Tạo cơ sở dữ liệu cho đơn vị', '2. Chạy thử với dữ liệu mẫu', '3. Trợ giúp', '4. Thoát']) await s.waitFor(item);
    expect(s.text()).not.toContain('Bắt đầu phiên họp');
    s.type(KEYS.enter);
    await s.waitFor('Mã đơn vị (do cấp trên quy định', { from: first });
    s.type('CB03' + KEYS.enter);
    await s.waitFor('Tên đơn vị', { from: first });
    s.type('Chi bộ Văn phòng' + KEYS.enter);
    const level = await s.waitFor('Cấp của đơn vị:', { from: first });
    await s.waitFor('Đảng ủy khối / cấp trên', { from: level });
    s.type(KEYS.enter);
    await s.waitFor('Mã đơn vị cấp trên (Enter: bỏ qua):', { from: level });
    s.type('DU01' + KEYS.enter);
    const made = await s.waitFor("→ tusoi init --unit-code CB03 --unit-name 'Chi bộ Văn phòng' --level chi-bo --parent DU01", { from: level });
    await s.waitFor(`Đã tạo ${db} cho Chi bộ Văn phòng (CB03)`, { from: made });
    await s.waitFor('Nhấn Enter để quay lại menu', { from: made });
    s.type(KEYS.enter);
    // The database exists: the whole menu, without init.
    const full = await s.waitFor('8. Các đợt tự đánh giá', { from: made });
    expect(s.text().slice(made)).not.toContain('Tạo cơ sở dữ liệu');
    s.type('8' + KEYS.enter);
    await s.waitFor('4. Mở lại đợt đã đóng', { from: full });
    s.type('2' + KEYS.enter);
    await s.waitFor('Tên đợt (Enter: 2026):', { from: full });
    s.type(KEYS.enter);
    const kind = await s.waitFor('Đợt ghi tên hay ẩn danh? (không đổi được sau khi mở)', { from: full });
    await s.waitFor('2. Ẩn danh', { from: kind });
    s.type('2' + KEYS.enter);
    const opened = await s.waitFor('→ tusoi round open --label 2026 --anonymous', { from: kind });
    await s.waitFor('(ẩn danh)', { from: opened });
    s.type(KEYS.enter);
    // Closing from the menu: the command lists and asks.
    const menu = await s.waitFor('Chọn việc cần làm:', { from: opened });
    s.type('8' + KEYS.enter);
    await s.waitFor('3. Đóng đợt đang mở', { from: menu });
    s.type('3' + KEYS.enter);
    const closing = await s.waitFor('→ tusoi round close', { from: menu });
    await s.waitFor('(c/K)', { from: closing });
    s.type('c' + KEYS.enter);
    const closed = await s.waitFor('Đã đóng đợt "2026"', { from: closing });
    // The command's own question, after its list (the menu no longer asks a question of its own).
    expect(s.text().slice(closing, closed)).toMatch(/Đợt "2026" \(ẩn danh\): 0 đảng viên[^]*Đóng đợt "2026"\? Sau khi đóng/);
    await s.waitFor('Nhấn Enter để quay lại menu', { from: closed });
    s.type(KEYS.enter);
    await s.waitFor('Chọn việc cần làm:', { from: closed });
    s.type('10' + KEYS.enter);
    expect((await s.exited).exitCode).toBe(0);
    expect(queryFile(db, 'SELECT label, anonymous, closed_on IS NOT NULL AS closed FROM round', [])).toEqual([{ label: '2026', anonymous: 1, closed: 1 }]);
    expect(queryFile(db, 'SELECT code, name, level, parent_code AS parent FROM unit', [])).toEqual([{ code: 'CB03', name: 'Chi bộ Văn phòng', level: 'chi-bo', parent: 'DU01' }]);
  }, 60_000);

  it('is not shown off a terminal: tusoi alone prints the help', async () => {
    const r = await runMain([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cách dùng: tusoi');
  });
});
