/** On a real terminal, `export` asks before it replaces an existing file; `--force` and a new file ask nothing. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';
import { KEYS, runPty } from '../support/pty.js';

describe('replacing a file on a terminal', () => {
  it('asks first (no by default): no leaves the file, yes replaces it, --force does not ask', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    const file = join(cell.dir, 'CB03-2026.csv');
    writeFileSync(file, 'the export sent yesterday\n');

    const no = runPty(['--db', cell.db, 'export'], { cwd: cell.dir });
    await no.waitFor(`Tệp ${file} đã có. Ghi đè? (c/K)`);
    no.type(KEYS.enter);
    expect((await no.exited).exitCode).toBe(1);
    expect(no.text()).toContain(`Chưa ghi gì: ${file} được giữ nguyên.`);
    expect(readFileSync(file, 'utf8')).toBe('the export sent yesterday\n');

    const yes = runPty(['--db', cell.db, 'export'], { cwd: cell.dir });
    await yes.waitFor('Ghi đè? (c/K)');
    yes.type('c' + KEYS.enter);
    await yes.waitFor('Đã xuất');
    expect((await yes.exited).exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('format,unit_code,round_label');
    expect(yes.text()).not.toContain('Đã ghi đè tệp cũ');

    writeFileSync(file, 'again\n');
    const forced = runPty(['--db', cell.db, 'export', '--force'], { cwd: cell.dir });
    expect((await forced.exited).exitCode).toBe(0);
    expect(forced.text()).not.toContain('Ghi đè?');
    expect(forced.text()).toContain(`Đã ghi đè tệp cũ: ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('format,unit_code,round_label');

    const fresh = runPty(['--db', cell.db, 'export', '--out', 'new.csv'], { cwd: cell.dir });
    expect((await fresh.exited).exitCode).toBe(0);
    expect(fresh.text()).not.toContain('Ghi đè?');
  }, 30_000);
});
