/**
 * Read-only use (issue 14, part 5): the commands that only read — status,
 * report, export, member list, round list — on a database tusoi may not
 * write, print what they print on a writable copy of it, and leave the file
 * and its folder as they were. Real read-only places (test/support/read-only.ts):
 * in-process on a folder this process cannot write (a read-only bind mount
 * as root, chmod otherwise), and the compiled CLI as an unprivileged user for
 * a 0444 file in a folder that user can write. Also: `--db` naming a FIFO or
 * a device, `questionnaire validate` going on past a FIFO, and the hidden
 * leftovers of an interrupted `init`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, chownSync, copyFileSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { expectClearFailure, expectNoInternalError, runCli, runMain, type CliResult } from '../support/cli.js';
import { isRoot, nobodyCli, sealFolder, shareFolder } from '../support/read-only.js';
import { tempDir } from '../support/temp.js';
import { leaveWal } from '../support/wal.js';
import { FIXTURE_DB_ROOT, SOLID_GROUND_BUILDS } from '../support/fixture-dbs.js';

const FIXTURES = FIXTURE_DB_ROOT;
const BUILDS = SOLID_GROUND_BUILDS;
const SMALL = resolve(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'small.yaml');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, sha(join(dir, f))]));

/** The commands that only read, as a secretary would run them. */
const READS: ReadonlyArray<ReadonlyArray<string>> = [
  ['status'],
  ['--json', 'status'],
  ['report'],
  ['report', '--format', 'json'],
  ['member', 'list'],
  ['round', 'list'],
  ['export', '--out', '-'],
];

/**
 * A folder holding a copy of a fixture database (test/fixtures/db), brought
 * to today's schema by a first command (as the cell's own tusoi would), and
 * its database file.
 */
async function currentCopy(fixture = 'cell-named.sqlite', build = 'v3-256b702'): Promise<{ dir: string; db: string }> {
  const dir = tempDir('tusoi-ro-');
  const db = join(dir, fixture);
  copyFileSync(join(FIXTURES, build, fixture), db);
  const r = await runMain(['--db', db, 'member', 'add', 'Võ Thị Em'], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return { dir, db };
}

type Run = (args: ReadonlyArray<string>) => Promise<CliResult>;

/**
 * Output without the unit's signing key (issue 17): each copy of an older
 * database is given its own key when upgraded in place, and none when read in
 * memory, so the fingerprint line, the JSON `key` and an export's public key
 * and signature are the one thing two copies legitimately differ in.
 */
const withoutKey = (s: string): string =>
  s
    .replace(/^(Khóa ký: .*|Cơ sở dữ liệu này chưa có khóa ký.*)\n/m, '')
    .replace(/"key": (null|\{[^}]*\}),?\n\s*/, '')
    .replace(/,'?[A-Za-z0-9_-]{43},'?[A-Za-z0-9_-]{86}\r\n/, ',,\r\n');

describe('reading commands on a database tusoi may not write', () => {
  let nobody: ReturnType<typeof nobodyCli>;
  beforeAll(() => {
    nobody = nobodyCli();
  });

  /**
   * Seals `dir` for this process and returns the in-process runner; where
   * that cannot be done (root without the right to mount) the folder is made
   * 0555 with 0444 files and the compiled CLI runs there as an unprivileged user.
   */
  function readOnly(dir: string): (db: string) => Run {
    if (sealFolder(dir)) return (db) => (args) => runMain(['--db', db, ...args], { cwd: dir });
    shareFolder(dir, 0o444);
    chmodSync(dir, 0o555);
    onTestFinished(() => chmodSync(dir, 0o755));
    return (db) => async (args) => nobody(['--db', db, ...args], dir);
  }

  it('in a read-only folder: status, report (text and json), member list, round list and export print what a writable copy prints; nothing changes', async () => {
    const rw = await currentCopy();
    const ro = await currentCopy();
    const before = snapshot(ro.dir);
    const run = readOnly(ro.dir)(ro.db);
    for (const args of READS) {
      const want = await runMain(['--db', rw.db, ...args], { cwd: rw.dir });
      expect(want.status, want.stderr).toBe(0);
      const got = await run(args);
      expect(got.status, `${args.join(' ')}: ${got.stderr}`).toBe(0);
      expect(withoutKey(got.stdout.replaceAll(ro.db, rw.db)), args.join(' ')).toBe(withoutKey(want.stdout));
      expectNoInternalError(got);
    }
    expect(snapshot(ro.dir)).toEqual(before);
    // A command that writes is still refused, with the message it always had.
    expectClearFailure(await run(['member', 'add', 'Lê Văn Mới']), /tệp hoặc thư mục chỉ cho đọc/);
    // The export of a read-only database goes to a writable folder of the user's.
    const outDir = tempDir('tusoi-ro-out-');
    chmodSync(outDir, 0o777);
    const exported = await run(['export', '--out', join(outDir, 'CB04.csv')]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(withoutKey(readFileSync(join(outDir, 'CB04.csv'), 'utf8'))).toBe(withoutKey((await runMain(['--db', rw.db, 'export', '--out', '-'], { cwd: rw.dir })).stdout));
  });

  it('the compiled CLI as an unprivileged user: a 0444 file in a folder it may write, and a 0555 folder; nothing is left beside the file', async () => {
    const rw = await currentCopy();
    const strip = (s: string) => withoutKey(s.replace(/"generatedOn": "[^"]*"/, '').replace(/Ngày lập: \S+/, ''));
    for (const layout of ['file 0444', 'folder 0555'] as const) {
      const ro = await currentCopy();
      shareFolder(ro.dir, 0o444);
      // The unprivileged user may create files in the folder (SQLite would leave a 0444 -shm and -wal there).
      if (layout === 'file 0444' && isRoot) chownSync(ro.dir, 65534, 65534);
      if (layout === 'folder 0555') chmodSync(ro.dir, 0o555);
      const before = snapshot(ro.dir);
      const reads = layout === 'file 0444' ? [['--json', 'status'], ['report'], ['report', '--format', 'json'], ['member', 'list'], ['round', 'list']] : [['status'], ['report', '--format', 'json']];
      for (const args of reads) {
        const want = await runMain(['--db', rw.db, ...args], { cwd: rw.dir });
        const got = nobody(['--db', ro.db, ...args], ro.dir);
        expect(got.status, `${layout}, ${args.join(' ')}: ${got.stderr}`).toBe(0);
        expect(strip(got.stdout), `${layout}, ${args.join(' ')}`).toBe(strip(want.stdout));
      }
      expect(snapshot(ro.dir), layout).toEqual(before);
      chmodSync(ro.dir, 0o755);
    }
  });

  it.each(BUILDS)('an older schema (%s), read-only: read without upgrading the file; the counts of a writable copy', async (build) => {
    for (const fixture of ['cell-named.sqlite', 'cell-anonymous.sqlite', 'bloc.sqlite']) {
      const rw = tempDir('tusoi-ro-old-rw-');
      const ro = tempDir('tusoi-ro-old-');
      for (const d of [rw, ro]) copyFileSync(join(FIXTURES, build, fixture), join(d, fixture));
      const before = snapshot(ro);
      const run = readOnly(ro)(join(ro, fixture));
      for (const args of [['report', '--format', 'json'], ['--json', 'status'], ['round', 'list'], ['member', 'list']]) {
        const want = await runMain(['--db', join(rw, fixture), ...args], { cwd: rw });
        expect(want.status, want.stderr).toBe(0);
        const got = await run(args);
        expect(got.status, `${fixture} ${args.join(' ')}: ${got.stderr}`).toBe(0);
        expect(withoutKey(got.stdout.replace(/"generatedOn": "[^"]*"/, '')), `${fixture} ${args.join(' ')}`).toBe(withoutKey(want.stdout.replace(/"generatedOn": "[^"]*"/, '')));
      }
      expect(snapshot(ro), fixture).toEqual(before);
    }
  });

  it('an older schema this build cannot upgrade in a copy, or a file too large to copy: refused, saying to copy it to a writable folder', async () => {
    const dir = tempDir('tusoi-ro-refused-');
    const broken = join(dir, 'bloc.sqlite');
    copyFileSync(join(FIXTURES, 'before-exported-at-c2c31c0', 'bloc.sqlite'), broken);
    execFileSync(process.execPath, ['-e', `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.exec('DROP TABLE merged_unit; DROP TABLE merged_file'); d.close();`, broken], { cwd: resolve(import.meta.dirname, '..', '..') });
    const large = join(dir, 'large.sqlite');
    copyFileSync(join(FIXTURES, 'v3-256b702', 'cell-named.sqlite'), large);
    truncateSync(large, 600 * 1024 * 1024);
    const on = readOnly(dir);
    expectClearFailure(await on(broken)(['status']), /phiên bản tusoi cũ hơn \(lược đồ 3.*sao chép tệp.*sang một thư mục ghi được/);
    expectClearFailure(await on(large)(['report']), /quá lớn \(600 MB.*sao chép tệp.*sang một thư mục ghi được/);
  });

  it('a -wal beside a read-only file, with committed changes not in the file: they are shown; a -wal that cannot be read is refused', async () => {
    const { dir, db } = await currentCopy();
    leaveWal(db, `INSERT INTO member (code, name, search_key, added_on) VALUES ('M9', 'Đỗ Văn Chín', 'do van chin', '2026-11-20')`);
    // As a colleague's backup: the database and its -wal, without the -shm.
    rmSync(`${db}-shm`);
    const run = readOnly(dir)(db);
    const list = await run(['member', 'list']);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('Đỗ Văn Chín');
    const status = JSON.parse((await run(['--json', 'status'])).stdout) as { members: number; notStarted: number };
    expect(status).toMatchObject({ members: 6, notStarted: 3 });
    expect(readdirSync(dir).sort()).toEqual(['cell-named.sqlite', 'cell-named.sqlite-wal']);

    // The same -wal, unreadable for the user running tusoi: refused, naming it.
    const other = await currentCopy();
    leaveWal(other.db, `INSERT INTO member (code, name, search_key, added_on) VALUES ('M9', 'Đỗ Văn Chín', 'do van chin', '2026-11-20')`);
    rmSync(`${other.db}-shm`);
    shareFolder(other.dir, 0o444);
    chmodSync(`${other.db}-wal`, 0o000);
    chmodSync(other.dir, 0o555);
    const r = nobody(['--db', other.db, 'member', 'list'], other.dir);
    expectClearFailure(r, /cell-named\.sqlite-wal chứa những thay đổi chưa ghi vào tệp chính, nhưng tusoi không đọc được tệp đó \(EACCES\)/);
    expect(r.stdout).toBe('');
    chmodSync(other.dir, 0o755);
  });
});

describe('--db naming a FIFO or a device', () => {
  it('is refused before SQLite opens it, by every kind of command, at once', async () => {
    const dir = tempDir('tusoi-fifo-db-');
    const fifo = join(dir, 'cell.sqlite');
    execFileSync('mkfifo', [fifo]);
    for (const args of [['status'], ['report'], ['member', 'add', 'An'], ['round', 'list'], ['export'], ['init', '--unit-code', 'CB1', '--unit-name', 'X']]) {
      expectClearFailure(await runMain(['--db', fifo, ...args], { cwd: dir }), /là một ống dẫn có tên \(FIFO\), không phải một tệp thông thường/);
    }
    expectClearFailure(await runMain(['--db', '/dev/zero', 'status'], { cwd: dir }), /\/dev\/zero là một tệp thiết bị/);
    // The real process too: it ends (a blocking open of the FIFO would wait for a writer for ever).
    expectClearFailure(runCli(['--db', fifo, '--lang', 'en', 'status'], { cwd: dir }), /cell\.sqlite is a named pipe \(FIFO\), not a regular file/);
  });
});

describe('questionnaire validate with a FIFO among the files', () => {
  it('reports the FIFO and validates the others; exit 1', async () => {
    const dir = tempDir('tusoi-validate-fifo-');
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const r = await runMain(['questionnaire', 'validate', SMALL, fifo, '/dev/zero', SMALL], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout.match(/hợp lệ/g)).toHaveLength(2);
    expect(r.stderr).toMatch(/pipe\.yaml là một ống dẫn có tên \(FIFO\)/);
    expect(r.stderr).toMatch(/\/dev\/zero là một tệp thiết bị/);
    expectNoInternalError(r);
    const j = await runMain(['--json', 'questionnaire', 'validate', fifo, SMALL], { cwd: dir });
    expect(j.status).toBe(1);
    const doc = JSON.parse(j.stdout) as { files: Array<{ file: string; valid: boolean; error?: { code: string } }> };
    expect(doc.files.map((f) => [f.file, f.valid, f.error?.code])).toEqual([[fifo, false, 'FILE_NOT_REGULAR'], [SMALL, true, undefined]]);
    const cli = runCli(['questionnaire', 'validate', fifo, SMALL], { cwd: dir });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/small\.yaml: hợp lệ/);
  });
});

describe('hidden leftovers of an interrupted init', () => {
  it('the next init of the same file removes those whose process is gone, keeps one that may still run, and says so', async () => {
    const dir = tempDir('tusoi-init-leftovers-');
    const db = join(dir, 'cell.sqlite');
    // A pid that ran and has ended.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    const now = new Date('2026-11-23T09:00:00Z');
    const files = {
      dead: `.cell.sqlite.${gone}-0a1b2c3d.init`,
      deadJournal: `.cell.sqlite.${gone}-0a1b2c3d.init-journal`,
      // This very process: as if another init were building right now.
      live: `.cell.sqlite.${process.pid}-99aa88bb.init`,
      oldStyle: '.cell.sqlite.deadbeef.init',
      oldStyleRecent: '.cell.sqlite.cafef00d.init',
      otherName: `.other.sqlite.${gone}-0a1b2c3d.init`,
    };
    for (const f of Object.values(files)) writeFileSync(join(dir, f), 'x');
    const hourAgo = new Date(now.getTime() - 3_600_000);
    utimesSync(join(dir, files.oldStyle), hourAgo, hourAgo);
    utimesSync(join(dir, files.oldStyleRecent), now, now);
    const r = await runMain(['--db', db, 'init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ'], { cwd: dir, now });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['cell.sqlite', files.oldStyleRecent, files.live, files.otherName].sort());
    for (const f of [files.dead, files.deadJournal, files.oldStyle]) expect(r.stderr).toContain(`Đã xóa ${join(dir, f)}: tệp tạm còn lại từ một lần tusoi init bị ngắt.`);
    for (const f of [files.live, files.oldStyleRecent]) expect(r.stderr).toContain(`Chưa xóa ${join(dir, f)}`);
    expect(r.stderr).not.toContain(files.otherName);
  });
});
