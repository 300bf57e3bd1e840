/**
 * Where `report` and `export` may write (`--out`, or the default name): never
 * over the unit's database, its -wal/-shm, another SQLite file, a device node,
 * a FIFO or a folder; an existing report is replaced with a note off a
 * terminal, and `--force` replaces it on a terminal without a question.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkOutputTarget, overwriteStep } from '../../src/cli/output-file.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { expectClearFailure } from '../support/cli.js';
import { memoryIo } from '../support/memory-io.js';
import { tempDir } from '../support/temp.js';

const bytes = (f: string) => readFileSync(f);
const cellWithRound = () => tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });

/** Runs every writer at `target` and checks each one is refused with `pattern`, the target left as it was. */
async function refusedEverywhere(cell: TempCell, target: string, pattern: RegExp): Promise<void> {
  for (const args of [
    ['export', '--out', target],
    ['export', '--out', target, '--force'],
    ['report', '--format', 'html', '--out', target],
    ['report', '--out', target, '--force'],
    ['report', '--format', 'json', '--out', target],
  ]) {
    const r = await cell.cli(args);
    expectClearFailure(r, pattern);
    expect(r.stdout, args.join(' ')).toBe('');
  }
}

describe('--out refuses', () => {
  it('the unit’s own database, by any name, leaving its bytes unchanged', async () => {
    const cell = await cellWithRound();
    const before = bytes(cell.db);
    await refusedEverywhere(cell, cell.db, /là cơ sở dữ liệu của đơn vị/);
    await refusedEverywhere(cell, 'cell.sqlite', /là cơ sở dữ liệu của đơn vị/);
    await refusedEverywhere(cell, join(cell.dir, 'sub', '..', 'cell.sqlite'), /là cơ sở dữ liệu của đơn vị/);
    const link = join(cell.dir, 'link.csv');
    symlinkSync(cell.db, link);
    await refusedEverywhere(cell, link, /là cơ sở dữ liệu của đơn vị/);
    expect(bytes(cell.db).equals(before)).toBe(true);
    expect((await cell.cli(['status'])).status).toBe(0);
  });

  it('its -wal and -shm, present or not (a stray -wal beside a database is read as its log)', async () => {
    const cell = await cellWithRound();
    const before = bytes(cell.db);
    for (const suffix of ['-wal', '-shm', '-journal']) {
      await refusedEverywhere(cell, `${cell.db}${suffix}`, /là cơ sở dữ liệu của đơn vị/);
      expect(existsSync(`${cell.db}${suffix}`)).toBe(false);
    }
    expect(bytes(cell.db).equals(before)).toBe(true);
    // With the -wal and -shm really there (a reader holds the database open).
    const reader = new Database(cell.db);
    try {
      reader.pragma('journal_mode = WAL');
      reader.exec('CREATE TABLE IF NOT EXISTS keep_wal (x)');
      expect(existsSync(`${cell.db}-wal`)).toBe(true);
      const wal = bytes(`${cell.db}-wal`);
      await refusedEverywhere(cell, `${cell.db}-wal`, /là cơ sở dữ liệu của đơn vị/);
      await refusedEverywhere(cell, `${cell.db}-shm`, /là cơ sở dữ liệu của đơn vị/);
      expect(bytes(`${cell.db}-wal`).equals(wal)).toBe(true);
      reader.exec('DROP TABLE keep_wal');
    } finally {
      reader.close();
    }
    expect((await cell.cli(['status'])).status).toBe(0);
  });

  it('any other SQLite file (another unit’s database), by its header', async () => {
    const cell = await cellWithRound();
    const other = join(cell.dir, 'other-unit.csv');
    const d = new Database(other);
    d.exec('CREATE TABLE t (a); INSERT INTO t VALUES (1)');
    d.close();
    const before = bytes(other);
    expect(before.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    await refusedEverywhere(cell, other, /là một cơ sở dữ liệu SQLite/);
    expect(bytes(other).equals(before)).toBe(true);
    expect(() => checkOutputTarget(other)).toThrow(expect.objectContaining({ code: 'OUTPUT_IS_SQLITE', params: { file: other } }));
  });

  it('a device node made in a temporary folder (as root; a FIFO otherwise), which stays what it was', async () => {
    const cell = await cellWithRound();
    const dir = tempDir();
    const root = process.getuid?.() === 0;
    const node = join(dir, root ? 'null' : 'fifo');
    if (root) execFileSync('mknod', [node, 'c', '1', '3']);
    else execFileSync('mkfifo', [node]);
    const isNode = () => (root ? statSync(node).isCharacterDevice() : statSync(node).isFIFO());
    expect(isNode()).toBe(true);
    await refusedEverywhere(cell, node, root ? /là một thiết bị, không phải tệp thông thường/ : /là một đường ống \(FIFO\)/);
    expect(isNode()).toBe(true);
    expect(() => checkOutputTarget(node)).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_FILE', params: { file: node, kind: root ? 'device' : 'fifo' } }));
    // A symlink to it, too.
    const link = join(dir, 'report.html');
    symlinkSync(node, link);
    await refusedEverywhere(cell, link, /không phải tệp thông thường/);
    expect(isNode()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([root ? 'null' : 'fifo', 'report.html']);
  });

  it('a folder, and a symlink to one; the default name too when a folder holds it', async () => {
    const cell = await cellWithRound();
    const folder = join(cell.dir, 'reports');
    mkdirSync(folder);
    await refusedEverywhere(cell, folder, /là một thư mục, không phải tệp thông thường/);
    symlinkSync(folder, join(cell.dir, 'to-reports'));
    await refusedEverywhere(cell, 'to-reports', /là một thư mục/);
    expect(readdirSync(folder)).toEqual([]);
    mkdirSync(join(cell.dir, 'CB03-2026.csv'));
    expectClearFailure(await cell.cli(['export']), /CB03-2026\.csv là một thư mục/);
    expect(() => checkOutputTarget(folder)).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_FILE', params: { file: folder, kind: 'folder' } }));
  });

  it('in English too', async () => {
    const cell = await cellWithRound();
    const r = await cell.cli(['--lang', 'en', 'export', '--out', cell.db]);
    expectClearFailure(r, /is the unit's database .* never writes a report or an export over it\. Choose another name with --out/);
  });
});

describe('an existing report or export', () => {
  it('is replaced off a terminal, with a note on stderr (the provisional export, then the final one)', async () => {
    const cell = await cellWithRound();
    const file = join(cell.dir, 'CB03-2026.csv');
    const first = await cell.cli(['export']);
    expect(first.stderr).not.toContain('Đã ghi đè');
    writeFileSync(file, 'an older export\n');
    const again = await cell.cli(['export']);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain(`Đã ghi đè tệp cũ: ${file}\n`);
    expect(readFileSync(file, 'utf8')).toContain('format,unit_code,round_label');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const html = join(cell.dir, 'old.html');
    writeFileSync(html, 'old');
    const r = await cell.cli(['--lang', 'en', 'report', '--format', 'html', '--out', 'old.html']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`Replaced the existing file: ${html}\n`);
    expect(readFileSync(html, 'utf8')).toContain('<html');
  });

  it('is replaced on a terminal without a question with --force', async () => {
    const cell = await cellWithRound();
    const file = join(cell.dir, 'r.txt');
    writeFileSync(file, 'old');
    // A terminal memory Io: a question here would wait on the real stdin and time the test out.
    const io = memoryIo({ cwd: cell.dir, tty: true });
    expect(await main(['--db', cell.db, 'report', '--out', 'r.txt', '--force'], io)).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe('old');
    expect(io.err()).toContain('Đã ghi đè tệp cũ');
    const io2 = memoryIo({ cwd: cell.dir, tty: true });
    expect(await main(['--db', cell.db, 'export', '--force'], io2)).toBe(0);
    expect(await main(['--db', cell.db, 'export', '--force'], io2)).toBe(0);
    expect(io2.err()).toContain(`Đã ghi đè tệp cũ: ${join(cell.dir, 'CB03-2026.csv')}`);
  });

  it('is asked about on a terminal only, never for a new file, never with --force', () => {
    expect(overwriteStep('new', { interactive: true, force: false })).toBe('write');
    expect(overwriteStep('new', { interactive: false, force: false })).toBe('write');
    expect(overwriteStep('existing', { interactive: true, force: false })).toBe('ask');
    expect(overwriteStep('existing', { interactive: true, force: true })).toBe('note');
    expect(overwriteStep('existing', { interactive: false, force: false })).toBe('note');
    const dir = tempDir();
    expect(checkOutputTarget(join(dir, 'new.csv'))).toBe('new');
    writeFileSync(join(dir, 'old.csv'), 'x');
    expect(checkOutputTarget(join(dir, 'old.csv'))).toBe('existing');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.csv'));
    expect(checkOutputTarget(join(dir, 'dangling.csv'))).toBe('new');
  });
});

describe('report --format json --out FILE', () => {
  it('writes the document to the file (0600) and leaves stdout empty; without --out it prints it', async () => {
    const cell = await cellWithRound();
    const printed = await cell.cli(['report', '--format', 'json']);
    expect(printed.status).toBe(0);
    const doc = JSON.parse(printed.stdout) as { schema: number };
    expect(doc.schema).toBe(3); // the report's own schema (README)
    const r = await cell.cli(['report', '--format', 'json', '--out', 'report.json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const file = join(cell.dir, 'report.json');
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const g = await cell.cli(['--json', 'report', '--out', 'global.json']);
    expect(g.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(cell.dir, 'global.json'), 'utf8'))).toEqual(doc);
    expect((await cell.cli(['report', '--format', 'json', '--out', '-'])).stdout).toBe(printed.stdout);
  });
});
