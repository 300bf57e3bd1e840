/**
 * The environment failing under tusoi: a database it may not write (the real
 * process, as an unprivileged user: root ignores file modes), a missing folder, a database from a newer tusoi, a file that is not SQLite.
 * Each: a clear message, exit 1, nothing damaged. (A full disk needs root to
 * mount a tiny filesystem: test/root/, run by `npm run test:root` in CI.)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/store/migrations.js';
import { tempCell } from '../support/cell.js';
import { BIN, runMain, expectClearFailure } from '../support/cli.js';
import { readableInstall } from '../support/readable-install.js';
import { tempDir } from '../support/temp.js';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const isRoot = process.getuid?.() === 0;


describe('environment faults', () => {
  it('a database the user may not write: refused with a message, unchanged', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    // A folder and file the unprivileged user can read but not write.
    const dir = tempDir('tusoi-ro-');
    const db = join(dir, 'cell.sqlite');
    copyFileSync(cell.db, db);
    chmodSync(dir, 0o755);
    chmodSync(db, 0o644);
    const before = sha(db);
    const env = { ...process.env, NO_COLOR: '1', TUSOI_LANG: '' };
    // As root, the real process runs as nobody (root ignores file modes), from a world-readable copy of
    // tusoi (readableInstall): the checkout itself may sit in a private folder (a fresh clone in a 0700 temp dir).
    const r = isRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, readableInstall(), '--db', db, 'member', 'add', 'Lê Văn Mới'], { encoding: 'utf8', cwd: dir, env })
      : (chmodSync(db, 0o444), spawnSync(process.execPath, [BIN, '--db', db, 'member', 'add', 'Lê Văn Mới'], { encoding: 'utf8', cwd: dir, env }));
    expectClearFailure(r, /tệp hoặc thư mục chỉ cho đọc/);
    expect(sha(db)).toBe(before);
  });

  it('a missing folder, a database from a newer tusoi, a file that is not SQLite', async () => {
    const dir = tempDir('tusoi-faults-');
    const run = (args: string[]) => runMain(args, { cwd: dir });
    expectClearFailure(await run(['--db', join(dir, 'no', 'such', 'x.sqlite'), 'init', '--unit-code', 'CB1', '--unit-name', 'X']), /Không có thư mục/);
    expectClearFailure(await run(['--db', join(dir, 'no', 'x.sqlite'), 'status']), /Chưa có cơ sở dữ liệu/);

    const cell = await tempCell();
    const newer = join(dir, 'newer.sqlite');
    copyFileSync(cell.db, newer);
    const d = new Database(newer);
    d.pragma(`user_version = ${LATEST_VERSION + 5}`);
    d.close();
    const before = sha(newer);
    expectClearFailure(await run(['--db', newer, 'status']), /phiên bản tusoi mới hơn/);
    expect(sha(newer)).toBe(before);

    const notDb = join(dir, 'notes.sqlite');
    writeFileSync(notDb, 'Biên bản họp chi bộ\n');
    expectClearFailure(await run(['--db', notDb, 'status']), /không phải cơ sở dữ liệu của tusoi/);
    expect(readFileSync(notDb, 'utf8')).toBe('Biên bản họp chi bộ\n');

    const otherSqlite = join(dir, 'other.sqlite');
    const o = new Database(otherSqlite);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expectClearFailure(await run(['--db', otherSqlite, 'member', 'list']), /không phải cơ sở dữ liệu của tusoi/);
  });
});
