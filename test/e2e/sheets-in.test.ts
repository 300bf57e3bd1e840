/**
 * Workbooks in (issue 16, part 1): member lists as .xlsx and .ods made by
 * LibreOffice, legacy formats named, sheets chosen, caps before parsing, cell
 * exports re-saved as workbooks merged with the CSV's totals.
 * Fixtures: test/fixtures/sheets (make.sh holds the commands that made them).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { readExport } from '../../src/exchange/import.js';
import { readWorkbookSheets } from '../../src/exchange/xlsx-source.js';
import { figures, reportOf, tempUnit, writeCells, type ReportJson } from '../support/bloc.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { zip } from '../support/hand-zip.js';
import { OFFICE_LIST_MEMBERS } from '../support/office-list-members.js';

const FIX = new URL('../fixtures/sheets/', import.meta.url).pathname;
const fixture = (f: string): string => join(FIX, f);

const stored = (cell: TempCell) => cell.query<{ code: string; name: string }>('SELECT code, name FROM member ORDER BY code');

/** A moment after every fixture here was exported (test/fixtures/sheets/make.sh). */
const AFTER_FIXTURES = new Date('2027-01-01T00:00:00Z');

describe('member lists as workbooks', () => {
  it('reads the LibreOffice .xlsx and .ods of a list (a title row above the header) as the CSV', async () => {
    for (const f of ['members.csv', 'members.xlsx', 'members.ods']) {
      const cell = await tempCell();
      const r = await cell.cli(['member', 'import', fixture(f), '--lang', 'en']);
      // Unsigned (format 1, made before signing): merged with the EXPORT_UNSIGNED warning only.
      expect([r.status, r.stderr.replace(/^.*\[EXPORT_UNSIGNED\]\n/gm, '')], f).toEqual([0, '']);
      expect(stored(cell), f).toEqual(OFFICE_LIST_MEMBERS);
    }
  });

  it('reads split names (.ods) and takes numeric codes as the lost-zeros case, located by sheet and row', async () => {
    const split = await tempCell();
    expect((await split.cli(['member', 'import', fixture('split-3.ods')])).status).toBe(0);
    expect(stored(split).map((m) => m.name)).toContain('Mã Văn Lực');
    const cell = await tempCell();
    expect((await cell.cli(['member', 'import', join(FIX, '../csv/members/original.csv')])).status).toBe(0);
    const r = await cell.cli(['member', 'import', fixture('original.ods'), '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(stored(cell).map((m) => m.code)).toEqual(['0123', '0124', 'CB03-030']);
    expect(r.stdout).toContain(`${en.sheets.where(fixture('original.ods'), 'original', 2)}  ${en.memberLists.skipped('leading-zeros', { name: 'Dương Văn Lưỡng', listed: '0123', code: '123' })}`);
    expect(r.stderr).toContain(`${en.sheets.where(fixture('original.ods'), 'original', 2, 'A')}  warning: ${en.csv.messages.CSV_NUMERIC_MEMBER_CODE({ value: '123' })}`);
  });

  it('names a legacy .xls, a .doc and a .pdf with what to do, and never parses them', async () => {
    const cell = await tempCell();
    copyFileSync(fixture('members.xls'), join(cell.dir, 'ds.xls'));
    copyFileSync(fixture('members.xls'), join(cell.dir, 'ds.doc'));
    writeFileSync(join(cell.dir, 'ds.pdf'), '%PDF-1.7\n%âãÏÓ\n');
    const xls = await cell.cli(['member', 'import', 'ds.xls', '--lang', 'en']);
    expect([xls.status, xls.stderr]).toEqual([1, `tusoi: ${en.errors.CSV_WORKBOOK({ file: 'ds.xls', format: 'xls' })}\n`]);
    expect(xls.stderr).toContain('save it as .xlsx or CSV UTF-8');
    const doc = await cell.cli(['member', 'import', 'ds.doc', '--lang', 'en']);
    expect([doc.status, doc.stderr]).toEqual([1, `tusoi: ${en.errors.CSV_NOT_TEXT({ file: 'ds.doc', format: 'doc' })}\n`]);
    const pdf = await cell.cli(['member', 'import', 'ds.pdf', '--lang', 'en']);
    expect([pdf.status, pdf.stderr]).toEqual([1, `tusoi: ${en.errors.CSV_NOT_TEXT({ file: 'ds.pdf', format: 'pdf' })}\n`]);
    expect(stored(cell)).toEqual([]);
  });
});

const sheetXml = (rows: string[][]): string =>
  `<worksheet><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((c) => `<c t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`).join('')}</sheetData></worksheet>`;

function workbook(sheets: Array<[string, string[][]]>): Buffer {
  const entries: Record<string, string> = {
    'xl/workbook.xml': `<workbook><sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships>${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/s${i + 1}.xml"/>`).join('')}</Relationships>`,
  };
  sheets.forEach(([, rows], i) => (entries[`xl/worksheets/s${i + 1}.xml`] = sheetXml(rows)));
  return zip(entries);
}

describe('a workbook of several sheets', () => {
  const notes: [string, string[][]] = ['Ghi chú', [['Danh sách lập ngày 01/12/2026'], ['Người lập: Văn phòng']]];
  const list = (name: string, who: string): [string, string[][]] => [name, [['STT', 'Họ và tên', 'Mã'], ['1', who, 'CB03-001']]];

  it('takes the sheet with a member-list header; asks for --sheet when two have one; --sheet picks by name', async () => {
    const cell = await tempCell();
    writeFileSync(join(cell.dir, 'one.xlsx'), workbook([notes, list('Danh sách', 'Nguyễn Văn An')]));
    const one = await cell.cli(['member', 'import', 'one.xlsx']);
    expect([one.status, one.stderr]).toEqual([0, '']);
    expect(stored(cell)).toEqual([{ code: 'CB03-001', name: 'Nguyễn Văn An' }]);

    const other = await tempCell();
    writeFileSync(join(other.dir, 'two.xlsx'), workbook([notes, list('Chi bộ 1', 'Nguyễn Văn An'), list('Chi bộ 2', 'Trần Thị Bình')]));
    const two = await other.cli(['member', 'import', 'two.xlsx', '--lang', 'en']);
    expect([two.status, two.stderr]).toEqual([1, `tusoi: ${en.errors.WORKBOOK_SHEET_AMBIGUOUS({ file: 'two.xlsx', sheets: 'Chi bộ 1", "Chi bộ 2' })}\n`]);
    const missing = await other.cli(['member', 'import', 'two.xlsx', '--sheet', 'Chi bộ 3', '--lang', 'en']);
    expect(missing.stderr).toBe(`tusoi: ${en.errors.WORKBOOK_SHEET_NOT_FOUND({ file: 'two.xlsx', sheet: 'Chi bộ 3', sheets: 'Ghi chú", "Chi bộ 1", "Chi bộ 2' })}\n`);
    expect(stored(other)).toEqual([]);
    const picked = await other.cli(['member', 'import', 'two.xlsx', '--sheet', 'Chi bộ 2']);
    expect([picked.status, picked.stderr]).toEqual([0, '']);
    expect(stored(other)).toEqual([{ code: 'CB03-001', name: 'Trần Thị Bình' }]);
  });
});

describe('caps before parsing', () => {
  it('refuses a zip whose entries claim more than 64 MB, a workbook of 65 sheets and a sheet past the cell cap, located by file', async () => {
    const cell = await tempCell();
    const big = zip({ 'xl/workbook.xml': '<workbook/>' }, 65 * 1024 * 1024);
    writeFileSync(join(cell.dir, 'bomb.xlsx'), big);
    const r = await cell.cli(['member', 'import', 'bomb.xlsx', '--lang', 'en']);
    expect([r.status, r.stderr]).toEqual([1, `tusoi: ${en.errors.WORKBOOK_TOO_LARGE({ file: 'bomb.xlsx', detail: '65 MB once uncompressed (at most 64 MB)' })}\n`]);

    const many = workbook(Array.from({ length: 65 }, (_, i) => [`S${i}`, [['x']]] as [string, string[][]]));
    const m = readWorkbookSheets(many, 'many.xlsx', 'xlsx');
    expect(m).toEqual({ ok: false, detail: '65 sheets (at most 64)', tooLarge: true });

    // 200,001 cells: 3 MB of XML that deflates to a few kB.
    const row = '<c><v>1</v></c>'.repeat(1000);
    const cells = zip({
      'xl/workbook.xml': '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>',
      'xl/worksheets/s.xml': `<worksheet><sheetData>${`<row>${row}</row>`.repeat(200)}<row><c><v>1</v></c></row></sheetData></worksheet>`,
    });
    expect(readWorkbookSheets(cells, 'cells.xlsx', 'xlsx')).toEqual({ ok: false, detail: 'sheet "S" has more than 200,000 cells', tooLarge: true });
  });
});

describe('a cell export re-saved as a workbook', () => {
  const csv = readExport(readFileSync(fixture('cb10.csv')), 'cb10.csv');

  it('reads back typed: the same identity and counts as the CSV; a date-formatted exported_at comes back as ISO', () => {
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    for (const f of ['cb10.xlsx', 'cb10.ods', 'cb10-dated.xlsx']) {
      const r = readExport(readFileSync(fixture(f)), f);
      expect(r.ok, JSON.stringify(!r.ok && r.problems)).toBe(true);
      if (!r.ok) continue;
      expect([r.parsed.unit, r.parsed.roundLabel, r.parsed.questionnaire, r.parsed.integrity, r.parsed.packed], f).toEqual([
        csv.parsed.unit,
        csv.parsed.roundLabel,
        csv.parsed.questionnaire,
        csv.parsed.integrity,
        csv.parsed.packed,
      ]);
      expect(r.parsed.exportedAt, f).toBe('2026-12-02T02:20:25Z');
    }
    // LibreOffice stored the dated file's exported_at as a date, not text.
    const sheet = readWorkbookSheets(readFileSync(fixture('cb10-dated.xlsx')), 'd', 'xlsx');
    expect(sheet.ok && sheet.sheets[0]!.rows[1]!.kinds![24]).toBe('date');
  });

  it('names an identity field the re-save changed beyond recovery (2026.10 became 2026.1), by sheet, row and column', () => {
    const r = readExport(readFileSync(fixture('cb10-version.xlsx')), 'cb10-version.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { code: 'EXPORT_RESAVED_VALUE', file: 'cb10-version.xlsx', line: 2, col: 19, sheet: 'cb10-version', params: { column: 'questionnaire_version', value: '2026.1', kind: 'number' } },
    ]);
  });

  it('merges with totals identical to the CSV original, and a folder mixing .csv and .xlsx merges', async () => {
    const totals: ReportJson[] = [];
    for (const f of ['cb10.csv', 'cb10.xlsx', 'cb10.ods']) {
      const bloc = await tempUnit('DUK', 'khoi');
      // The fixtures were exported on the day they were made: merge after that (exported_at is checked against the merge time).
      const r = await bloc.cli(['merge', fixture(f)], { now: AFTER_FIXTURES });
      // Unsigned (format 1, made before signing): merged with the EXPORT_UNSIGNED warning only.
      expect([r.status, r.stderr.replace(/^.*\[EXPORT_UNSIGNED\]\n/gm, '')], f).toEqual([0, '']);
      totals.push(await reportOf(bloc));
    }
    expect(figures(totals[1]!)).toEqual(figures(totals[0]!));
    expect(figures(totals[2]!)).toEqual(figures(totals[0]!));

    const bloc = await tempUnit('DUK', 'khoi');
    const inbox = join(bloc.dir, 'inbox');
    mkdirSync(inbox);
    writeCells(inbox, { count: 2, parents: ['DUK'] });
    copyFileSync(fixture('cb10.xlsx'), join(inbox, 'cb10.xlsx'));
    const r = await bloc.cli(['merge', 'inbox', '--json'], { now: AFTER_FIXTURES });
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { accepted: Array<{ file: string }> };
    expect(j.accepted.map((a) => a.file.split('/').pop()).sort()).toEqual(['CB0001-2026.csv', 'CB0002-2026.csv', 'cb10.xlsx']);
    const report = await reportOf(bloc);
    expect(report.units.map((u) => u.code).sort()).toEqual(['CB0001', 'CB0002', 'CB10']);
  });
});
