/**
 * `init` builds the database under a temporary name in the same folder and
 * moves it into place only when it is complete: a failure at any point leaves
 * nothing at the target, and an empty leftover (an older tusoi's interrupted
 * init) is named as such, with the advice to delete it.
 */
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/store/db.js';
import { saveUnit } from '../../src/store/unit.js';
import { expectClearFailure, runMain } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

describe('createDatabase', () => {
  it('builds the file under a hidden temporary name (0600) and shows it at the target only when complete', () => {
    const dir = tempDir();
    const file = join(dir, 'cell.sqlite');
    let during: string[] = [];
    const db = createDatabase(file, (d) => {
      expect(existsSync(file)).toBe(false);
      during = readdirSync(dir);
      saveUnit(d, { code: 'CB03', name: 'Chi bộ', level: 'chi-bo', parentCode: null }, '2026-11-23');
    });
    db.close();
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.cell\.sqlite\.[0-9a-f]{8}\.init$/);
    expect(readdirSync(dir)).toEqual(['cell.sqlite']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves nothing behind, neither at the target nor a temporary file, when the build fails', () => {
    const dir = tempDir();
    const file = join(dir, 'cell.sqlite');
    expect(() =>
      createDatabase(file, (d) => {
        d.exec('CREATE TABLE half (x)');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never replaces a file that appeared at the target while it was built', () => {
    const dir = tempDir();
    const file = join(dir, 'cell.sqlite');
    expect(() => createDatabase(file, () => writeFileSync(file, 'someone else’s'))).toThrow(expect.objectContaining({ code: 'DB_EXISTS' }));
    expect(readdirSync(dir)).toEqual(['cell.sqlite']);
  });

  it('keeps its refusals: an existing file, a missing folder, a read-only folder', () => {
    const dir = tempDir();
    const file = join(dir, 'cell.sqlite');
    writeFileSync(file, 'x');
    expect(() => createDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_EXISTS' }));
    expect(() => createDatabase(join(dir, 'none', 'x.sqlite'))).toThrow(expect.objectContaining({ code: 'DIR_NOT_FOUND' }));
    if (process.getuid?.() !== 0) {
      const ro = tempDir();
      chmodSync(ro, 0o500);
      expect(() => createDatabase(join(ro, 'x.sqlite'))).toThrow(expect.objectContaining({ code: 'DB_READONLY' }));
      chmodSync(ro, 0o700);
    }
  });
});

describe('tusoi init and an interrupted init', () => {
  it('leaves the database alone in its folder (no temporary file), and is not run twice', async () => {
    const dir = tempDir();
    const db = join(dir, 'cell.sqlite');
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const ok = await runMain(['--db', db, 'init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng'], { cwd: dir });
    expect(ok.status, ok.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['cell.sqlite', 'keep.txt']);
    const again = await runMain(['--db', db, 'init', '--unit-code', 'CB03', '--unit-name', 'x'], { cwd: dir });
    expectClearFailure(again, /đã có; tusoi không ghi đè/);
  });

  it('an empty file left by an older tusoi is recognised, by init and by any other command, as deletable', async () => {
    const dir = tempDir();
    const db = join(dir, 'cell.sqlite');
    writeFileSync(db, '');
    expectClearFailure(await runMain(['--db', db, 'init', '--unit-code', 'CB03', '--unit-name', 'X'], { cwd: dir }), /trống hoặc chưa được tạo xong.*có thể xóa tệp rồi tạo lại:\n  tusoi --db \S*cell\.sqlite init --unit-code/);
    expectClearFailure(await runMain(['--db', db, 'status'], { cwd: dir }), /trống hoặc chưa được tạo xong/);
    expectClearFailure(await runMain(['--lang', 'en', '--db', db, 'status'], { cwd: dir }), /is empty or half-made .* You can delete it and make it again:\n  tusoi --db \S*cell\.sqlite init/);
    expect(statSync(db).size).toBe(0);
  });
});
