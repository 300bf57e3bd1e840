/**
 * `tusoi questionnaire export … --format csv` and `tusoi questionnaire import`
 * through the real compiled CLI (issue 16, part 4): the bundled questionnaire
 * goes out and comes back with the same content hash, the bundled file itself
 * is untouched, workbooks LibreOffice saved are read, and a broken sheet gets
 * located problems and writes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const BUNDLED = join(ROOT, 'questionnaires', 'nq4-khoa-xii.yaml');
/** The bundled file's bytes and its content hash, as committed: neither may change. */
const BUNDLED_FILE_SHA256 = '4e370062b43f3a27f704a5ea0a0a281628435e24dc17c1551c4561f8715d1f15';
const CONTENT_SHA256 = 'e17782f2bdf53df97c9213aac2d00b3cd40e8ad24e254c32dc0c1edf4741b75e';
const FIXTURES = join(ROOT, 'test', 'fixtures', 'sheets', 'questionnaire');

function validatedSha(dir: string, file: string): string {
  const r = runCli(['questionnaire', 'validate', file, '--json'], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { files: Array<{ sha256: string }> }).files[0]!.sha256;
}

describe('questionnaire export --format csv → import', () => {
  it('gives back the bundled questionnaire with the same content hash; the bundled file is unchanged', () => {
    const dir = tempDir();
    const out = runCli(['questionnaire', 'export', 'nq4-khoa-xii', '--format', 'csv', '--out', 'hanh-vi.csv'], { cwd: dir });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('hanh-vi.csv, hanh-vi-settings.csv');
    for (const f of ['hanh-vi.csv', 'hanh-vi-settings.csv']) {
      const bytes = readFileSync(join(dir, f));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      if (process.platform !== 'win32') expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    }
    const back = runCli(['questionnaire', 'import', 'hanh-vi.csv', '--levels', 'hanh-vi-settings.csv', '--out', 'bo.yaml'], { cwd: dir });
    expect(back.status, back.stderr).toBe(0);
    expect(back.stderr).toBe('');
    expect(back.stdout).toContain(CONTENT_SHA256);
    expect(validatedSha(dir, 'bo.yaml')).toBe(CONTENT_SHA256);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'bo.yaml')).mode & 0o777).toBe(0o600);
    expect(createHash('sha256').update(readFileSync(BUNDLED)).digest('hex')).toBe(BUNDLED_FILE_SHA256);
    expect(validatedSha(dir, BUNDLED)).toBe(CONTENT_SHA256);
  });

  it('a CSV without --levels is refused with what to give; --format must be one of the three', () => {
    const dir = tempDir();
    runCli(['questionnaire', 'export', 'nq4-khoa-xii', '--out', 'q.csv'], { cwd: dir });
    expect(existsSync(join(dir, 'q-settings.csv'))).toBe(true);
    const r = runCli(['questionnaire', 'import', 'q.csv', '--out', 'q.yaml', '--lang', 'en'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([1, expect.stringContaining('the settings (title, version, source, levels) are a second CSV file, given with --levels')]);
    const bad = runCli(['questionnaire', 'export', 'nq4-khoa-xii', '--format', 'xls', '--out', 'q.xls'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(existsSync(join(dir, 'q.yaml')) || existsSync(join(dir, 'q.xls'))).toBe(false);
  });

  it('a broken sheet: every problem located by file, row and column, nothing written, an existing file kept', () => {
    const dir = tempDir();
    runCli(['questionnaire', 'export', 'nq4-khoa-xii', '--out', 'q.csv'], { cwd: dir });
    const rows = readFileSync(join(dir, 'q.csv'), 'utf8').split('\r\n');
    // Row 2 (TT1) says status "verified"; row 3's behaviour id is TT1.1 again.
    rows[1] = rows[1]!.replace(',verbatim,', ',verified,');
    rows[2] = rows[2]!.replace(',TT1.2,', ',TT1.1,');
    writeFileSync(join(dir, 'bad.csv'), rows.join('\r\n'));
    writeFileSync(join(dir, 'q.yaml'), 'kept\n');
    const r = runCli(['questionnaire', 'import', 'bad.csv', '--levels', 'q-settings.csv', '--out', 'q.yaml', '--force', '--lang', 'en'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bad\.csv:2:7\n {2}error: [^\n]*"verified"[^\n]*\[BAD_STATUS\]$/mu);
    // "The first" is named by its row in the sheet, not by a line of the YAML nobody saw.
    expect(r.stderr).toMatch(/^bad\.csv:3:12\n {2}error: [^\n]*"TT1\.1"[^\n]*first used on line 2\)[^\n]*\[DUPLICATE_ID\]$/mu);
    expect(r.stderr).toContain('bad.csv: 2 problem(s) (listed above). No YAML file was written');
    expect(readFileSync(join(dir, 'q.yaml'), 'utf8')).toBe('kept\n');
  });
});

describe('questionnaire import of workbooks LibreOffice saved (test/fixtures/sheets/questionnaire/make.sh)', () => {
  it('the .xlsx and the .ods give the bundled questionnaire with the same content hash', () => {
    const dir = tempDir();
    for (const f of ['nq4.xlsx', 'nq4.ods']) {
      const r = runCli(['questionnaire', 'import', join(FIXTURES, f), '--out', `${f}.yaml`, '--json'], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ written: true, id: 'nq4-khoa-xii', version: '2026.1', sha256: CONTENT_SHA256, counts: { groups: 3, manifestations: 27, behaviours: 111 } });
      expect(validatedSha(dir, `${f}.yaml`)).toBe(CONTENT_SHA256);
    }
  });

  it('a broken workbook: problems by sheet, row and column letter; no YAML written', () => {
    const dir = tempDir();
    const r = runCli(['questionnaire', 'import', join(FIXTURES, 'nq4-broken.xlsx'), '--out', 'q.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    const where = [...r.stderr.matchAll(/trang "(\w+)", dòng (\d+), cột ([A-Z]+)\n {2}lỗi: [^\n]*\[(\w+)\]/gu)].map((m) => m.slice(1).join(' '));
    expect(where).toEqual(['behaviours 2 G BAD_STATUS', 'behaviours 4 L DUPLICATE_ID', 'settings 14 B QSHEET_UNKNOWN_LEVEL']);
    expect(existsSync(join(dir, 'q.yaml'))).toBe(false);
    const json = runCli(['questionnaire', 'import', join(FIXTURES, 'nq4-broken.xlsx'), '--out', 'q.yaml', '--json'], { cwd: dir });
    expect(json.status).toBe(1);
    const doc = JSON.parse(json.stdout) as { written: boolean; problems: Array<{ code: string; sheet: string; line: number; col: number }> };
    expect(doc.written).toBe(false);
    expect(doc.problems.map((p) => [p.code, p.sheet, p.line, p.col])).toEqual([
      ['BAD_STATUS', 'behaviours', 2, 7],
      ['DUPLICATE_ID', 'behaviours', 4, 12],
      ['QSHEET_UNKNOWN_LEVEL', 'settings', 14, 2],
    ]);
  });
});
