/**
 * `round close` off a terminal, `round reopen`, and `init` of a committee
 * (issue 15, part 4), through the CLI in-process.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/cli.js';
import { cellOfThree } from '../support/round-members.js';
import { tempDir } from '../support/temp.js';

const isOpen = async (cell: { cli: (a: string[]) => Promise<{ stdout: string }> }) =>
  (JSON.parse((await cell.cli(['round', 'list', '--json'])).stdout) as { rounds: Array<{ open: boolean }> }).rounds.map((r) => r.open);

describe('round close off a terminal', () => {
  it('closes at once, as scripts expect, and lists on stderr who is in progress and who has not started', async () => {
    const cell = await cellOfThree();
    const r = await cell.cli(['round', 'close']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('Đã đóng đợt "2026"; các câu trả lời được khóa.\n');
    expect(r.stderr).toBe(
      [
        'Đợt "2026" (ghi tên): 3 đảng viên — 1 đã nộp, 1 đang làm dở, 1 chưa bắt đầu.',
        'Đang làm dở (chưa nộp nên không được tính):',
        '  M002  Trần Thị Bích Ngọc',
        'Chưa bắt đầu:',
        '  M003  Lê Văn Cường',
        '',
      ].join('\n'),
    );
    expect(await isOpen(cell)).toEqual([false]);
  });

  it('keeps stdout for the JSON document under --json', async () => {
    const cell = await cellOfThree();
    const r = await cell.cli(['--json', 'round', 'close']);
    expect(JSON.parse(r.stdout)).toMatchObject({ label: '2026', open: false });
    expect(r.stderr).toContain('M003  Lê Văn Cường');
  });
});

describe('round reopen', () => {
  it('reopens the latest round until its final export, then refuses and says why', async () => {
    const cell = await cellOfThree();
    await cell.cli(['round', 'close']);
    const again = await cell.cli(['round', 'reopen']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Đã mở lại đợt "2026"');
    expect(await isOpen(cell)).toEqual([true]);
    const twice = await cell.cli(['round', 'reopen', '2026']);
    expect([twice.status, twice.stderr]).toEqual([1, 'tusoi: Đợt "2026" đang mở, không cần mở lại.\n']);

    await cell.cli(['round', 'close']);
    expect((await cell.cli(['export', '--out', join(cell.dir, 'CB03.csv')])).status).toBe(0);
    const refused = await cell.cli(['round', 'reopen', '2026']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Không mở lại được đợt "2026": tệp chính thức của đợt đã được xuất ngày \d\d\/\d\d\/\d{4}\./);
    expect(refused.stderr).toContain('tusoi round open --label "2026 (bổ sung)"');
    expect(await isOpen(cell)).toEqual([false]);
  });

  it('refuses an anonymous round once reported since it closed, in English too', async () => {
    const cell = await cellOfThree({ anonymous: true });
    await cell.cli(['round', 'close']);
    expect((await cell.cli(['report'])).status).toBe(0);
    const r = await cell.cli(['--lang', 'en', 'round', 'reopen', '2026']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^tusoi: Anonymous round "2026" cannot be reopened: it was reported on \d{4}-\d\d-\d\d, after it closed\./);
  });
});

describe('init', () => {
  it('of a committee prints the committee\'s next steps, with --db where the file is not the default', async () => {
    const dir = tempDir('tusoi-init-');
    const r = await runMain(['init', '--db', 'khoi.sqlite', '--unit-code', 'DUK', '--unit-name', 'Đảng ủy Khối', '--level', 'khoi'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const next = r.stdout.split('\n').slice(1).join('\n');
    expect(next).toContain('tusoi --db khoi.sqlite unit import don-vi.csv   #');
    expect(next).toContain('tusoi --db khoi.sqlite round open --label 2026   #');
    expect(next).toContain('tusoi --db khoi.sqlite merge nhan-ve/   #');
    expect(next).not.toContain('member');
    // The default file needs no --db; a cell still gets the cell's steps.
    const du = await runMain(['init', '--unit-code', 'DU01', '--unit-name', 'Đảng ủy Cơ quan', '--level', 'dang-uy-co-so'], { cwd: tempDir('tusoi-init-') });
    expect(du.stdout).toContain('\n  tusoi unit import don-vi.csv   #');
    const cb = await runMain(['init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng'], { cwd: tempDir('tusoi-init-') });
    expect(cb.stdout).toContain('tusoi member add');
    expect(cb.stdout).not.toContain('unit import');
  });
});
