/**
 * The environment failing under tusoi: a database it may not write (as an
 * unprivileged user: root ignores file modes), a missing folder, a database from a newer tusoi, a file that is not SQLite.
 * Each: a clear message, exit 1, nothing damaged. (A full disk needs root to
 * mount a tiny filesystem: test/root/, run by `npm run test:root` in CI.)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/store/migrations.js';
import { tempCell } from '../support/cell.js';
import { BIN, STACK_LINE } from '../support/cli.js';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const isRoot = process.getuid?.() === 0;

function expectClearFailure(r: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK_LINE);
}

describe('environment faults', () => {
  it('a database the user may not write: refused with a message, unchanged', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    // A folder and file the unprivileged user can read but not write.
    const dir = mkdtempSync(join(tmpdir(), 'tusoi-ro-'));
    const db = join(dir, 'cell.sqlite');
    copyFileSync(cell.db, db);
    chmodSync(dir, 0o755);
    chmodSync(db, 0o644);
    const before = sha(db);
    const args = [BIN, '--db', db, 'member', 'add', 'Lê Văn Mới'];
    const r = isRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1', TUSOI_LANG: '' } })
      : (chmodSync(db, 0o444), spawnSync(process.execPath, args, { encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1', TUSOI_LANG: '' } }));
    expectClearFailure(r, /chỉ cho đọc|Không ghi được|không đọc được/i);
    expect(sha(db)).toBe(before);
  });

  it('a missing folder, a database from a newer tusoi, a file that is not SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tusoi-faults-'));
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1', TUSOI_LANG: '' } });
    expectClearFailure(run(['--db', join(dir, 'no', 'such', 'x.sqlite'), 'init', '--unit-code', 'CB1', '--unit-name', 'X']), /Không có thư mục/);
    expectClearFailure(run(['--db', join(dir, 'no', 'x.sqlite'), 'status']), /Chưa có cơ sở dữ liệu/);

    const cell = await tempCell();
    const newer = join(dir, 'newer.sqlite');
    copyFileSync(cell.db, newer);
    const d = new Database(newer);
    d.pragma(`user_version = ${LATEST_VERSION + 5}`);
    d.close();
    const before = sha(newer);
    expectClearFailure(run(['--db', newer, 'status']), /phiên bản tusoi mới hơn/);
    expect(sha(newer)).toBe(before);

    const notDb = join(dir, 'notes.sqlite');
    writeFileSync(notDb, 'Biên bản họp chi bộ\n');
    expectClearFailure(run(['--db', notDb, 'status']), /không phải cơ sở dữ liệu của tusoi/);
    expect(readFileSync(notDb, 'utf8')).toBe('Biên bản họp chi bộ\n');

    const otherSqlite = join(dir, 'other.sqlite');
    const o = new Database(otherSqlite);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expectClearFailure(run(['--db', otherSqlite, 'member', 'list']), /không phải cơ sở dữ liệu của tusoi/);
  });
});
