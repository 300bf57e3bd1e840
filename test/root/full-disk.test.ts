/**
 * A full disk, for real: a 2 MB tmpfs filled up under the database. Needs root
 * (to mount), so it runs with `npm run test:root` (CI runs as root), not in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BIN, expectClearFailure } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

describe('a full disk', () => {
  it('a full disk: refused with a message; what was saved before is intact', () => {
    const mount = tempDir('tusoi-full-');
    const mounted = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount]).status === 0;
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: mount, env: { ...process.env, NO_COLOR: '1', TUSOI_LANG: '' } });
    const db = join(mount, 'cell.sqlite');
    // CI and developers run as root in this workplace, where a tmpfs can be mounted; anywhere
    // else this case needs root, and says so instead of passing silently.
    expect(mounted, 'mounting a small tmpfs needs root').toBe(true);
    // Unmounted before tempDir removes the folder (hooks registered later run first).
    onTestFinished(() => void spawnSync('umount', [mount]));
    expect(run(['--db', db, 'init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ']).status).toBe(0);
    expect(run(['--db', db, 'member', 'add', 'Nguyễn Văn An']).status).toBe(0);
    // Fill the disk, leaving the database a few pages (opening a round stores the questionnaire: ~150 KB).
    const filler = join(mount, 'filler.bin');
    const free = statfsSync(mount).bavail * statfsSync(mount).bsize;
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - 16 * 1024)));
    const r = run(['--db', db, 'round', 'open', '--label', '2026']);
    expectClearFailure(r, /đĩa đầy|Không ghi được|disk/i);
    rmSync(filler, { force: true });
    const d = new Database(db, { readonly: true });
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(d.prepare('SELECT name FROM member').all()).toEqual([{ name: 'Nguyễn Văn An' }]);
    d.close();
  });

});


const isRoot = process.getuid?.() === 0;
