/**
 * Careless and hostile input files (issue 14): a FIFO or /dev/zero where a
 * file belongs is refused by `fstat` before a byte is read, for every command
 * that reads one; a file over its cap is never read past it and is rejected
 * alone in a merge; folder entries that are not tables are listed, never
 * silently dropped; a workbook or a PDF is named as what it is; a YAML alias
 * bomb and absurd nesting are refused with their codes, fast.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_CAPS, readCapped } from '../../src/files/read-capped.js';
import { en } from '../../src/i18n/en.js';
import { loadQuestionnaireFile } from '../../src/questionnaire/load.js';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import { tempUnit, writeCells } from '../support/bloc.js';
import { tempCell } from '../support/cell.js';
import { ROOT, runMain, STACK_LINE } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const FIXTURES = join(ROOT, 'test/fixtures/questionnaires');
const posix = process.platform !== 'win32';

function mkfifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

/** A sparse file of `bytes` (no disk used): over every cap. */
function sparse(path: string, bytes: number): string {
  closeSync(openSync(path, 'w'));
  truncateSync(path, bytes);
  return path;
}

/** Bytes that start like an Excel workbook saved as .xlsx (a zip holding xl/…). */
const XLSX = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00', 'latin1'), Buffer.from('[Content_Types].xml xl/workbook.xml xl/worksheets/sheet1.xml', 'latin1')]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');

describe.skipIf(!posix)('a FIFO or a device where a file belongs', () => {
  it('is refused before reading by every command that reads a file', { timeout: 20_000 }, async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: [] });
    const fifo = mkfifo(join(cell.dir, 'pipe.csv'));
    symlinkSync('/dev/zero', join(cell.dir, 'zero.csv'));
    const inputs = [
      { file: 'pipe.csv', kind: 'fifo' as const },
      { file: 'zero.csv', kind: 'device' as const },
      { file: '/dev/zero', kind: 'device' as const },
    ];
    for (const { file, kind } of inputs) {
      const expected = en.errors.FILE_NOT_REGULAR({ file, kind });
      for (const args of [
        ['member', 'import', file],
        ['unit', 'import', file],
        ['answer', '--member', 'M001', '--answers', file],
        ['questionnaire', 'validate', file],
        ['questionnaire', 'show', file],
        ['round', 'open', '--label', 'x', '--questionnaire', file],
      ]) {
        const r = await cell.cli([...args, '--lang', 'en']);
        expect([args.join(' '), r.status, r.stderr]).toEqual([args.join(' '), 1, `tusoi: ${expected}\n`]);
      }
    }
    expect(existsSync(fifo)).toBe(true);
    expect(cell.query('SELECT COUNT(*) AS n FROM member')).toEqual([{ n: 1 }]);
  });

  it('is rejected with its code in a merge, the good files merged', { timeout: 20_000 }, async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    writeCells(join(bloc.dir, 'in'), { count: 2, seed: 4, parents: ['DUK'] });
    mkfifo(join(bloc.dir, 'in', 'pipe.csv'));
    symlinkSync('/dev/zero', join(bloc.dir, 'zero.csv'));
    const r = await bloc.cli(['merge', 'in', 'zero.csv', '/dev/zero', '--json']);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.counts).toEqual({ accepted: 2, skipped: 0, replaced: 0, rejected: 3 });
    expect(j.rejected.map((x: { file: string; problems: Array<{ code: string }> }) => [x.file, x.problems.map((p) => p.code)])).toEqual([
      [expect.stringMatching(/dev\/zero$/), ['FILE_NOT_REGULAR']],
      [join('in', 'pipe.csv'), ['FILE_NOT_REGULAR']],
      ['zero.csv', ['FILE_NOT_REGULAR']],
    ]);
  });
});

describe('a file over its cap', () => {
  it('is never read past the cap', () => {
    const dir = tempDir();
    const big = sparse(join(dir, 'big.csv'), 600 * 1024 * 1024);
    const r = readCapped(big, FILE_CAPS.export);
    expect(r).toEqual({ ok: false, refusal: { code: 'FILE_TOO_LARGE', size: 600 * 1024 * 1024, limit: FILE_CAPS.export } });
  });

  it('is rejected alone in a merge (600 MB among good files), the good ones merged', { timeout: 20_000 }, async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    writeCells(join(bloc.dir, 'in'), { count: 3, seed: 5, parents: ['DUK'] });
    sparse(join(bloc.dir, 'in', 'b-stray.txt'), 600 * 1024 * 1024);
    const r = await bloc.cli(['merge', 'in', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.counts).toEqual({ accepted: 3, skipped: 0, replaced: 0, rejected: 1 });
    expect(j.rejected).toEqual([{ file: join('in', 'b-stray.txt'), problems: [expect.objectContaining({ code: 'FILE_TOO_LARGE', line: 0 })] }]);
    expect(bloc.query('SELECT COUNT(*) AS n FROM merged_file')).toEqual([{ n: 3 }]);
  });

  it('is refused for a member list and a questionnaire', async () => {
    const cell = await tempCell();
    sparse(join(cell.dir, 'big.csv'), 600 * 1024 * 1024);
    const m = await cell.cli(['member', 'import', 'big.csv', '--lang', 'en']);
    expect([m.status, m.stderr]).toEqual([1, `tusoi: ${en.errors.FILE_TOO_LARGE({ file: 'big.csv', size: 600 * 1024 * 1024, limit: FILE_CAPS.table })}\n`]);
    sparse(join(cell.dir, 'big.yaml'), 600 * 1024 * 1024);
    const r = loadQuestionnaireFile(join(cell.dir, 'big.yaml'), 'big.yaml');
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
  });
});

describe.skipIf(!posix)('a merged folder', () => {
  it('lists what it did not read (symlink, .pdf, FIFO without a table name, hidden file) and rejects a FIFO named .csv', { timeout: 20_000 }, async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'in'), { count: 2, seed: 6, parents: ['DUK'] });
    const dir = join(bloc.dir, 'in');
    symlinkSync(join(dir, cells[0]!.fileName), join(dir, 'link.csv'));
    writeFileSync(join(dir, 'note.pdf'), PDF);
    mkfifo(join(dir, 'pipe'));
    mkfifo(join(dir, 'x-pipe.csv'));
    writeFileSync(join(dir, '.hidden.csv'), 'x');
    const r = await bloc.cli(['merge', 'in', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.counts).toEqual({ accepted: 2, skipped: 0, replaced: 0, rejected: 1 });
    expect(j.files).toBe(3);
    expect(j.rejected.map((x: { file: string; problems: Array<{ code: string }> }) => [x.file, x.problems[0]!.code])).toEqual([[join('in', 'x-pipe.csv'), 'FILE_NOT_REGULAR']]);
    expect(j.ignored).toEqual([
      { file: join('in', '.hidden.csv'), reason: 'hidden' },
      { file: join('in', 'link.csv'), reason: 'symlink' },
      { file: join('in', 'note.pdf'), reason: 'not-a-table' },
      { file: join('in', 'pipe'), reason: 'not-a-file' },
    ]);
    // In text, on stderr, with the four counts unchanged.
    const t = await bloc.cli(['merge', 'in', '--lang', 'en']);
    expect(t.stderr).toContain(`${en.files.ignored(join('in', 'note.pdf'), 'not-a-table')}\n`);
    expect(t.stderr).toContain(`${en.files.ignored(join('in', 'link.csv'), 'symlink')}\n`);
    expect(t.stdout).toContain('0 ');
  });
});

describe('a file that is not a text table', () => {
  it('is named as what it is: a workbook or a PDF renamed .csv, in member import and in a merge', async () => {
    const cell = await tempCell();
    writeFileSync(join(cell.dir, 'book.csv'), XLSX);
    writeFileSync(join(cell.dir, 'scan.csv'), PDF);
    const book = await cell.cli(['member', 'import', 'book.csv', '--lang', 'en']);
    // A workbook renamed .csv is read as the workbook it is (issue 16); this one is damaged.
    expect([book.status, book.stderr]).toEqual([1, `tusoi: ${en.errors.CSV_BAD_WORKBOOK({ file: 'book.csv', detail: 'no zip directory' })}\n`]);
    const scan = await cell.cli(['member', 'import', 'scan.csv', '--lang', 'en']);
    expect([scan.status, scan.stderr]).toEqual([1, `tusoi: ${en.errors.CSV_NOT_TEXT({ file: 'scan.csv', format: 'pdf' })}\n`]);

    const bloc = await tempUnit('DUK', 'khoi');
    writeFileSync(join(bloc.dir, 'book.csv'), XLSX);
    writeFileSync(join(bloc.dir, 'scan.csv'), PDF);
    writeFileSync(join(bloc.dir, 'db.csv'), readFileSync(bloc.db));
    const r = await bloc.cli(['merge', 'book.csv', 'scan.csv', 'db.csv', '--json']);
    const codes = JSON.parse(r.stdout).rejected.map((x: { file: string; problems: Array<{ code: string; message: string }> }) => [x.file, x.problems[0]!.code]);
    expect(codes).toEqual([
      ['book.csv', 'CSV_BAD_WORKBOOK'],
      ['db.csv', 'EXPORT_NOT_TEXT'],
      ['scan.csv', 'EXPORT_NOT_TEXT'],
    ]);
    expect(r.stdout).not.toMatch(/MOJIBAKE|LEGACY/);
  });
});

describe('a file with very many problems', () => {
  it('lists at most 100 of them, then how many more', async () => {
    const cell = await tempCell();
    const rows = Array.from({ length: 350 }, (_, i) => `bad code ${i}!,Nguyễn Văn ${i}`);
    writeFileSync(join(cell.dir, 'm.csv'), `Mã,Họ tên\n${rows.join('\n')}\n`);
    const r = await cell.cli(['member', 'import', 'm.csv', '--lang', 'en']);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('['));
    expect(lines.length).toBe(101);
    expect(lines[100]).toContain(`${en.csv.messages.MORE_PROBLEMS({ count: 250 })}  [MORE_PROBLEMS]`);
  });
});

describe('a padded export', () => {
  it('is rejected with at most 100 problems and how many more, in --json and in text', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const [cell] = writeCells(join(bloc.dir, 'in'), { count: 1, seed: 7, parents: ['DUK'] });
    const file = join(bloc.dir, 'in', cell!.fileName);
    const text = readFileSync(file, 'utf8');
    const header = text.split('\n')[0]!;
    const row = text.split('\n')[1]!.replace(/,\d+,/g, ',x,');
    writeFileSync(file, `${header}\n${Array.from({ length: 5000 }, () => row).join('\n')}\n${text.split('\n').slice(1).join('\n')}`);
    const r = await bloc.cli(['merge', 'in', '--json']);
    const problems = JSON.parse(r.stdout).rejected[0].problems as Array<{ code: string; message: string }>;
    expect(problems.length).toBe(101);
    expect(problems[100]!.code).toBe('MORE_PROBLEMS');
    const t = await bloc.cli(['merge', 'in', '--lang', 'en']);
    expect(t.stderr.split('\n').length).toBeLessThan(110);
    expect(t.stderr).toMatch(/… and [\d,]+ more \(not listed\)\.  \[MORE_PROBLEMS\]/u);
  });
});

describe('hostile questionnaires', () => {
  it('refuse a YAML alias bomb with its code before anything is expanded', { timeout: 10_000 }, () => {
    const file = join(FIXTURES, 'alias-bomb.yaml');
    expect(readFileSync(file).length).toBeLessThan(2500);
    // No timed assertion (machines are shared): expanded, this bomb would not
    // finish at all, so the test's own timeout is what catches a regression.
    const r = loadQuestionnaireFile(file, 'alias-bomb.yaml');
    expect(r.ok).toBe(false);
    const codes = !r.ok ? r.problems.map((p) => p.code) : [];
    expect(new Set(codes)).toEqual(new Set(['YAML_ALIAS', 'MORE_PROBLEMS']));
    // Each anchor and alias located; at most 100 listed, the rest counted.
    expect(codes.length).toBe(101);
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'YAML_ALIAS', line: 7, col: 11, params: { key: '&t' } });
  });

  it('refuse a lone alias too: the format has no use for them', () => {
    const r = parseQuestionnaire('format: 1\nid: &x a\nversion: *x\n', 'q.yaml');
    expect(!r.ok && r.problems.map((p) => `${p.code}@${p.line}:${p.col}`)).toEqual(['YAML_ALIAS@2:8', 'YAML_ALIAS@3:10']);
  });

  it('refuse absurd nesting as too deeply nested, located (without parsing it: the timeout catches a parse that runs away)', { timeout: 10_000 }, () => {
    const cases = {
      flow: `groups: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`,
      dashes: `groups:\n${'- '.repeat(200_000)}x\n`,
      // Indentation alone: the scan lets it through, the parser's own limit catches it.
      indented: Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    };
    for (const [name, text] of Object.entries(cases)) {
      const r = parseQuestionnaire(text, 'deep.yaml');
      expect([name, !r.ok && r.problems.map((p) => p.code)]).toEqual([name, ['TOO_DEEP']]);
    }
    const flow = parseQuestionnaire(cases.flow, 'deep.yaml');
    expect(!flow.ok && flow.problems[0]).toMatchObject({ line: 1, col: 9 + 64 });
  });

  it('say "too deeply nested" in the message, not a stack overflow', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.yaml'), `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const r = await runMain(['questionnaire', 'validate', 'deep.yaml', '--lang', 'en'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[TOO_DEEP]');
    expect(r.stderr).not.toMatch(/call stack|indentation/i);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('demo --dir', () => {
  it('on a folder that already holds a demo says so, and what to do', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'khoi.sqlite'), '');
    const r = await runMain(['demo', '--dir', 'old', '--lang', 'en'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([1, `tusoi: ${en.errors.DEMO_DIR_EXISTS({ dir: 'old' })}\n`]);
  });
});
