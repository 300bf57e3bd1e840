/**
 * A whole cell's paper forms from one sheet (issue 16, part 2): named and
 * anonymous, CSV and .xlsx (made by LibreOffice from the CSV, make.sh), counts
 * against an independent count of the CSV here; one bad cell stores nothing
 * and names row, column and member; the layout the options do not call for is
 * refused; the template is written owner-only.
 */
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { reportOf, type ReportJson } from '../support/bloc.js';
import { tempCell, type TempCell } from '../support/cell.js';

const FIX = new URL('../fixtures/sheets/', import.meta.url).pathname;
const fixture = (f: string): string => join(FIX, f);
const posix = process.platform !== 'win32';

/** The sheet's cells, read here without tusoi. */
function csvRows(f: string): string[][] {
  return parse(readFileSync(fixture(f), 'utf8').replace(/^\uFEFF/u, ''), { delimiter: ';', relaxColumnCount: true }) as string[][];
}

const LEVEL: Record<string, string> = {
  '1': 'khong', khong: 'khong', 'không': 'khong', '': 'khong',
  '2': 'thinh-thoang', 'thinh-thoang': 'thinh-thoang', 'thỉnh thoảng': 'thinh-thoang', 'thinh thoang': 'thinh-thoang',
  '3': 'thuong-xuyen', 'thuong-xuyen': 'thuong-xuyen', 'thường xuyên': 'thuong-xuyen', 'thuong xuyen': 'thuong-xuyen',
};

/** Counts per behaviour × level from the fixture's rows below the header, member columns from `first`. */
function independentCount(f: string, first: number): { counts: Map<string, Record<string, number>>; blanks: number[] } {
  const rows = csvRows(f);
  const h = rows.findIndex((r) => /^[A-Z]+\d+\.\d+$/u.test(r[0] ?? '')) - 1;
  const width = rows[h]!.length;
  const counts = new Map<string, Record<string, number>>();
  const blanks = Array.from({ length: width - first }, () => 0);
  for (const r of rows.slice(h + 1)) {
    const c = { khong: 0, 'thinh-thoang': 0, 'thuong-xuyen': 0 } as Record<string, number>;
    for (let i = first; i < width; i++) {
      const v = (r[i] ?? '').trim();
      if (v === '') blanks[i - first]!++;
      c[LEVEL[v.toLowerCase()]!]!++;
    }
    counts.set(r[0]!, c);
  }
  return { counts, blanks };
}

const behaviourCounts = (j: ReportJson): Map<string, Record<string, number>> => new Map(j.behaviours.map((b) => [b.id, b.counts]));

async function cellWithMembers(round: string[]): Promise<TempCell> {
  const cell = await tempCell({ round });
  const r = await cell.cli(['member', 'import', fixture('members.csv')]);
  if (r.status !== 0) throw new Error(r.stderr);
  return cell;
}

describe('a named round: one sheet, one column per member', () => {
  for (const f of ['forms-named.csv', 'forms-named.xlsx']) {
    it(`enters ${f} whole, blanks as none only when asked, with the count per form and the reminder`, async () => {
      const cell = await cellWithMembers(['--label', '2026']);
      const refused = await cell.cli(['answer', '--answers', fixture(f), '--lang', 'en']);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('[SHEET_BLANK]');
      expect(cell.query('SELECT * FROM response')).toEqual([]);

      const r = await cell.cli(['answer', '--answers', fixture(f), '--blank-is-none', '--lang', 'en']);
      expect([r.status, r.stderr]).toEqual([0, '']);
      const { counts, blanks } = independentCount('forms-named.csv', 2);
      expect(behaviourCounts(await reportOf(cell))).toEqual(counts);
      expect(r.stdout).toContain(en.sheets.formEntered('Trần Thị Bích Ngọc (CB03-002)', 111, blanks[1]!));
      expect(r.stdout).toContain(en.sheets.namedReminder(fixture(f)));
      expect(cell.query<{ n: number }>("SELECT COUNT(*) AS n FROM response WHERE status = 'submitted'")).toEqual([{ n: 5 }]);
    });
  }

  it('stores nothing for a sheet with one bad cell, and names its row, column and member (CSV; .xlsx by sheet)', async () => {
    const cell = await cellWithMembers(['--label', '2026']);
    const rows = csvRows('forms-named.csv');
    rows[10]![4] = 'hay';
    writeFileSync(join(cell.dir, 'bad.csv'), rows.map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n'));
    const r = await cell.cli(['answer', '--answers', 'bad.csv', '--blank-is-none', '--lang', 'en']);
    expect(r.status).toBe(1);
    const expected = rows.length > 0 ? en.csv.messages.SHEET_BAD_LEVEL({ column: 'E11', name: 'Lê Đức Thắng, CB03-003', value: 'hay', expected: '1 / khong / "Không", 2 / thinh-thoang / "Thỉnh thoảng", 3 / thuong-xuyen / "Thường xuyên"' }) : '';
    expect(r.stderr).toContain(`bad.csv:11:5  ${expected}  [SHEET_BAD_LEVEL]`);
    expect(r.stderr).toContain(en.errors.ANSWERS_REJECTED({ file: 'bad.csv', errors: 1 }));
    expect(cell.query('SELECT * FROM response')).toEqual([]);

    const x = await cell.cli(['answer', '--answers', fixture('forms-named.xlsx'), '--lang', 'en']);
    const firstBlank = rows.findIndex((row, i) => i > 2 && row.slice(2).some((c) => c === '')) + 1;
    expect(x.stderr).toMatch(new RegExp(`forms-named\\.xlsx, sheet "forms-named", row ${firstBlank}, column [C-G]  Cell [C-G]${firstBlank} \\(`, 'u'));
  });

  it('refuses a form already entered unless --replace, and then replaces every member of the sheet', async () => {
    const cell = await cellWithMembers(['--label', '2026']);
    expect((await cell.cli(['answer', '--answers', fixture('forms-named.csv'), '--blank-is-none'])).status).toBe(0);
    const again = await cell.cli(['answer', '--answers', fixture('forms-named.csv'), '--blank-is-none', '--lang', 'en']);
    expect([again.status, again.stderr]).toEqual([1, `tusoi: ${en.errors.RESPONSE_EXISTS({ member: 'Nguyễn Văn An', code: 'CB03-001' })}\n`]);
    const replaced = await cell.cli(['answer', '--answers', fixture('forms-named.csv'), '--blank-is-none', '--replace']);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(cell.query<{ n: number }>('SELECT COUNT(*) AS n FROM response')).toEqual([{ n: 5 }]);
  });

  it('refuses the layout the options do not call for, naming the option to use', async () => {
    const cell = await cellWithMembers(['--label', '2026']);
    const form = ['behaviour,level', ...csvRows('forms-named.csv').slice(3).map((r) => `${r[0]},1`)].join('\n');
    writeFileSync(join(cell.dir, 'one.csv'), form);
    const a = await cell.cli(['answer', '--answers', 'one.csv', '--lang', 'en']);
    expect([a.status, a.stderr]).toEqual([1, `tusoi: ${en.errors.ANSWERS_LAYOUT({ file: 'one.csv', found: 'form' })}\n`]);
    const b = await cell.cli(['answer', '--answers', fixture('forms-named.csv'), '--member', 'CB03-001', '--lang', 'en']);
    expect([b.status, b.stderr]).toEqual([1, `tusoi: ${en.errors.ANSWERS_LAYOUT({ file: fixture('forms-named.csv'), found: 'sheet' })}\n`]);
    expect(cell.query('SELECT * FROM response')).toEqual([]);
    // The two-column form takes levels by number too (1 = none).
    const one = await cell.cli(['answer', '--answers', 'one.csv', '--member', 'CB03-001']);
    expect([one.status, one.stderr]).toEqual([0, '']);
    expect(cell.query<{ level: string }>('SELECT DISTINCT level FROM answer')).toEqual([{ level: 'khong' }]);
  });

  it('writes the blank template owner-only; filled in, it enters', async () => {
    const cell = await cellWithMembers(['--label', '2026']);
    const pdf = await cell.cli(['answer', '--template', 'phieu.pdf', '--lang', 'en']);
    expect([pdf.status, pdf.stderr]).toEqual([2, `tusoi: ${en.errors.BAD_OPTION_VALUE({ option: '--template', value: 'phieu.pdf', allowed: '.csv, .xlsx, .ods' })}\n`]);
    const r = await cell.cli(['answer', '--template', 'phieu.csv', '--lang', 'en']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    // Windows has no mode bits to check; everything else holds there too.
    if (posix) expect(statSync(join(cell.dir, 'phieu.csv')).mode & 0o777).toBe(0o600);
    const rows = parse(readFileSync(join(cell.dir, 'phieu.csv'), 'utf8').replace(/^\uFEFF/u, ''), { relaxColumnCount: true }) as string[][];
    // Members in Vietnamese name order (by given name): An, Đức, Hương, Ngọc, Thắng.
    expect(rows[0]).toEqual(['', '', 'Nguyễn Văn An', 'Hoàng Minh Đức', 'Phạm Thị Hương', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng']);
    expect(rows[1]).toEqual(['Behaviour id', 'Text', 'CB03-001', 'CB03-005', 'CB03-004', 'CB03-002', 'CB03-003']);
    expect(rows.length).toBe(2 + 111);
    const filled = rows.map((row, i) => (i < 2 ? row : row.map((c, j) => (j >= 2 ? '3' : c))));
    writeFileSync(join(cell.dir, 'phieu.csv'), filled.map((row) => row.map((c) => `"${c}"`).join(',')).join('\n'));
    const e = await cell.cli(['answer', '--answers', 'phieu.csv']);
    expect(e.status, e.stderr).toBe(0);
    const j = await reportOf(cell);
    expect(j.behaviours.every((b) => b.counts['thuong-xuyen'] === 5)).toBe(true);
  });
});

describe('an anonymous round: straight into the tallies', () => {
  it('numbered ballot columns with --participants (.xlsx): counts equal, the participants recorded, no ballot stored', async () => {
    const cell = await cellWithMembers(['--label', '2026', '--anonymous']);
    const few = await cell.cli(['answer', '--answers', fixture('forms-ballots.xlsx'), '--participants', 'CB03-001,CB03-002', '--lang', 'en']);
    expect([few.status, few.stderr]).toEqual([1, `tusoi: ${en.errors.ANSWERS_PARTICIPANTS({ file: fixture('forms-ballots.xlsx'), ballots: 4, participants: 2 })}\n`]);
    copyFileSync(fixture('forms-ballots.xlsx'), join(cell.dir, 'b.xlsx'));
    writeFileSync(join(cell.dir, 'nop.txt'), 'CB03-001\nCB03-002\nLê Đức Thắng\ncb03-005\n');
    const r = await cell.cli(['answer', '--answers', 'b.xlsx', '--participants', 'nop.txt', '--lang', 'en']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).not.toContain(en.sheets.namedReminder('b.xlsx'));
    const again = await cell.cli(['answer', '--answers', 'b.xlsx', '--participants', 'nop.txt', '--lang', 'en']);
    expect([again.status, again.stderr]).toEqual([1, `tusoi: ${en.errors.ANSWERS_ALREADY_TAKEN({ members: 'Nguyễn Văn An (CB03-001), Trần Thị Bích Ngọc (CB03-002), Lê Đức Thắng (CB03-003), Hoàng Minh Đức (CB03-005)' })}\n`]);
    const status = JSON.parse((await cell.cli(['status', '--json'])).stdout) as { submitted: number; memberStatus: Array<{ code: string; status: string }> };
    expect(status.submitted).toBe(4);
    expect(status.memberStatus.filter((m) => m.status === 'submitted').map((m) => m.code).sort()).toEqual(['CB03-001', 'CB03-002', 'CB03-003', 'CB03-005']);
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect(behaviourCounts(await reportOf(cell))).toEqual(independentCount('forms-ballots.csv', 2).counts);
    expect(cell.query('SELECT * FROM anon_ballot')).toEqual([]);
    expect(cell.query('SELECT * FROM response')).toEqual([]);
  });

  it('member-headed columns (CSV): counts equal an independent count; a bad cell stores nothing', async () => {
    const cell = await cellWithMembers(['--label', '2026', '--anonymous']);
    const rows = csvRows('forms-named.csv');
    rows[20]![6] = '7';
    writeFileSync(join(cell.dir, 'bad.csv'), rows.map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n'));
    const bad = await cell.cli(['answer', '--answers', 'bad.csv', '--blank-is-none', '--lang', 'en']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.csv:21:7  Cell G21 (Hoàng Minh Đức, CB03-005): "7" is not a level.');
    expect(cell.query<{ respondents: number }>('SELECT respondents FROM anon_round')).toEqual([]);
    const r = await cell.cli(['answer', '--answers', fixture('forms-named.csv'), '--blank-is-none', '--lang', 'en']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    // No member's column on its own (its blanks are its "none" answers): the sheet's total only.
    const { blanks } = independentCount('forms-named.csv', 2);
    expect(r.stdout).not.toContain('CB03-00');
    expect(r.stdout).toContain(en.sheets.formEntered(en.sheets.allForms, 5 * 111, blanks.reduce((a, b) => a + b, 0)));
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    const j = await reportOf(cell);
    expect(j.respondents).toBe(5);
    expect(behaviourCounts(j)).toEqual(independentCount('forms-named.csv', 2).counts);
  });
});
