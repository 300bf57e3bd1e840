/**
 * The member reader on small inline tables: which row is the header, which
 * columns make the name, which rows are refused. The fixtures and the
 * database are in `member-lists.test.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerKey, membersFromTable } from '../../src/exchange/members-csv.js';
import { readTable, readWorkbookTable } from '../../src/exchange/table.js';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { tempCell } from '../support/cell.js';
import { zip } from '../support/hand-zip.js';

const read = (text: string) => membersFromTable(readTable(new TextEncoder().encode(text), 'm.csv').table, 'm.csv');
const names = (text: string) => read(text).members.map((m) => (m.code === undefined ? m.name : `${m.code} ${m.name}`));

describe('member list headers', () => {
  it('match without diacritics, case, punctuation or Excel\'s spacing', () => {
    expect(['HỌ VÀ TÊN', 'Ho va ten', 'Họ và tên:', ' Họ  và  tên ', 'HO TEN', 'Mã số', 'MA DANG VIEN', 'S.T.T', '#'].map(headerKey)).toEqual([
      'ho va ten',
      'ho va ten',
      'ho va ten',
      'ho va ten',
      'ho ten',
      'ma so',
      'ma dang vien',
      's t t',
      '#',
    ]);
    expect(names('STT;HỌ VÀ TÊN;MÃ\n1;Nguyễn Văn An;CB-1\n')).toEqual(['CB-1 Nguyễn Văn An']);
    expect(names('Stt,Ho va ten,Ma so\n1,Trần Thị Bình,CB-2\n')).toEqual(['CB-2 Trần Thị Bình']);
  });

  it('"Tên" alone is the full name; beside "Họ" or "Họ đệm" it is the given name, joined last', () => {
    expect(names('Tên\nNguyễn Văn An\n')).toEqual(['Nguyễn Văn An']);
    expect(names('Tên;Họ đệm\nAn;Nguyễn Văn\n')).toEqual(['Nguyễn Văn An']);
    expect(names('Họ;Đệm;Tên;Mã\nNguyễn;Văn;An;A1\n')).toEqual(['A1 Nguyễn Văn An']);
    expect(names('Họ và tên lót;Tên\nTrần Thị;Bình\n')).toEqual(['Trần Thị Bình']);
  });

  it('takes the first row naming a name column as the header, titles above it ignored', () => {
    const r = read('ĐẢNG BỘ KHỐI\nCHI BỘ VĂN PHÒNG\n\nDANH SÁCH\nSTT;Họ và tên\n1;Nguyễn Văn An\n');
    expect(r.members).toEqual([{ line: 6, name: 'Nguyễn Văn An' }]);
    expect(r.layout?.headerLine).toBe(5);
  });

  it('refuses separators and a repeated header, locating each; a name cell like "Hồ" is a name', () => {
    const r = read('Họ;Tên\nHồ;Minh\n___;___\nHỌ;TÊN\nLê;An\n');
    expect(r.members.map((m) => m.name)).toEqual(['Hồ Minh', 'Lê An']);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['CSV_SEPARATOR_ROW', 3],
      ['CSV_HEADER_ROW', 4],
    ]);
  });

  it('locates an empty name and a bad code by column', () => {
    const r = read('STT;Họ và tên;Mã\n1;;A1\n2;Lê An;có dấu\n');
    expect(r.problems.map((p) => [p.code, p.line, p.col])).toEqual([
      ['CSV_EMPTY_VALUE', 2, 2],
      ['CSV_BAD_CODE', 3, 3],
    ]);
  });
});

describe('the foot of a list (a total, a date, a signature block)', () => {
  const LIST = 'STT;Họ và tên;Mã\n1;Nguyễn Văn An;A1\n2;Bì Thu;A2\n';
  it.each([
    ['Tổng số: 2 đảng viên', 'Tổng số: 2 đảng viên'],
    [';Tổng cộng 2 đồng chí', 'Tổng cộng 2 đồng chí'],
    ['Cộng: 2', 'Cộng: 2'],
    [';;Hà Nội, ngày 01 tháng 12 năm 2026', 'Hà Nội, ngày 01 tháng 12 năm 2026'],
    [';NGƯỜI LẬP BIỂU;T/M CHI BỘ', 'NGƯỜI LẬP BIỂU'],
    [';BÍ THƯ', 'BÍ THƯ'],
    ['Xác nhận của Đảng ủy cơ sở', 'Xác nhận của Đảng ủy cơ sở'],
  ])('"%s" ends the list: it and every row under it are left out, with a located warning', (foot, value) => {
    const r = read(`${LIST}${foot}\n;Trần Thị Hoa\n`);
    expect(r.members.map((m) => m.name)).toEqual(['Nguyễn Văn An', 'Bì Thu']);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([{ code: 'CSV_LIST_FOOT', file: 'm.csv', line: 4, params: { value, lastLine: 5 } }]);
  });

  it('leaves names that only look like one alone: surnames Tổng and Công, "Bì Thu", a note with a date', () => {
    const r = read('Họ và tên;Ghi chú\nTổng Văn Số;\nCông Tằng Tôn Nữ Thị Lan;\nBì Thu;Chuyển đến ngày 3 tháng 5 năm 2026\nTống Cộng;\n');
    expect(r.members.map((m) => m.name)).toEqual(['Tổng Văn Số', 'Công Tằng Tôn Nữ Thị Lan', 'Bì Thu', 'Tống Cộng']);
    expect(r.warnings).toEqual([]);
  });

  it('says so in both languages, with the lines left out', () => {
    expect(en.csv.messages.CSV_LIST_FOOT({ value: 'Tổng số: 2', lastLine: 9 })).toContain('it and the rows below it, to line 9, were not imported');
    expect(vi.csv.messages.CSV_LIST_FOOT({ value: 'Tổng số: 2', lastLine: 9 })).toContain('không nhập từ dòng này đến dòng 9');
    expect(vi.csv.messages.CSV_LIST_FOOT({ value: 'BÍ THƯ' })).toContain('không nhập dòng này.');
    // The foot as the last row: nothing below it to name.
    expect(read('Họ và tên\nLê An\nTổng số: 1\n').warnings).toEqual([{ code: 'CSV_LIST_FOOT', file: 'm.csv', line: 3, params: { value: 'Tổng số: 1' } }]);
  });
});

describe('a file named .xlsx that is not a workbook', () => {
  it('is refused with CSV_BAD_WORKBOOK, no stack, nothing stored', async () => {
    const cell = await tempCell();
    writeFileSync(join(cell.dir, 'ds.xlsx'), 'STT;Họ và tên\n1;Nguyễn Văn An\n');
    const r = await cell.cli(['member', 'import', 'ds.xlsx', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`tusoi: ${en.errors.CSV_BAD_WORKBOOK({ file: 'ds.xlsx', detail: 'no zip directory' })}\n`);
    expect(cell.query('SELECT * FROM member')).toEqual([]);
  });
});

const WORKBOOK = '<workbook><sheets><sheet name="Danh sách" sheetId="1" r:id="rId7"/><sheet name="Khác" sheetId="2" r:id="rId8"/></sheets></workbook>';
const RELS = '<Relationships><Relationship Id="rId8" Target="worksheets/other.xml"/><Relationship Id="rId7" Target="/xl/worksheets/ds.xml"/></Relationships>';

describe('workbooks shaped by other writers', () => {
  it('reads the first sheet through its relationship, inline and rich-text strings, entities, gaps between columns', () => {
    const sheet =
      '<worksheet><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>DANH SÁCH &amp; GHI CHÚ</t></is></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>CB-1</t></is></c><c r="C4" t="s"><v>2</v></c></row>' +
      '<row r="5"><c r="A5"><v>42</v></c><c r="C5" t="inlineStr"><is><r><t>Trần </t></r><r><rPr><b/></rPr><t xml:space="preserve">Thị Bình</t></r></is></c></row>' +
      '</sheetData></worksheet>';
    const shared = '<sst><si><t>Mã</t></si><si><t>Họ và tên</t></si><si><r><t>Nguyễn Văn </t></r><r><t>&#7840;n</t></r></si></sst>';
    const bytes = zip({ 'xl/workbook.xml': WORKBOOK, 'xl/_rels/workbook.xml.rels': RELS, 'xl/worksheets/ds.xml': sheet, 'xl/worksheets/other.xml': '<worksheet/>', 'xl/sharedStrings.xml': shared });
    const read = readWorkbookTable(bytes, 'ds.xlsx');
    expect(read.problems).toEqual([]);
    expect(read.table.sheet).toBe('Danh sách');
    // Dense rows: a column skipped in the XML (B) is an empty cell, not a hole.
    expect(read.table.rows[2]).toStrictEqual({ line: 4, cells: ['CB-1', '', 'Nguyễn Văn Ạn'] });
    const r = membersFromTable(read.table, 'ds.xlsx', read.table.sheet);
    expect(r.members).toEqual([
      { line: 4, name: 'Nguyễn Văn Ạn', code: 'CB-1' },
      { line: 5, name: 'Trần Thị Bình', code: '42' },
    ]);
    expect(r.warnings).toEqual([{ code: 'CSV_NUMERIC_MEMBER_CODE', file: 'ds.xlsx', sheet: 'Danh sách', line: 5, col: 1, params: { value: '42' } }]);
  });

  it('places cells written without a reference one after another, an empty one included (the reference is optional)', () => {
    const sheet =
      '<worksheet><sheetData>' +
      '<row><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t/></is></c><c t="inlineStr"><is><t>Họ và tên</t></is></c></row>' +
      '<row><c t="inlineStr"><is><t>CB-1</t></is></c><c t="inlineStr"><is><t xml:space="preserve"></t></is></c><c t="inlineStr"><is><t>Nguyễn Văn An</t></is></c></row>' +
      '</sheetData></worksheet>';
    const bytes = zip({ 'xl/workbook.xml': WORKBOOK, 'xl/_rels/workbook.xml.rels': RELS, 'xl/worksheets/ds.xml': sheet, 'xl/worksheets/other.xml': '<worksheet/>' });
    const read = readWorkbookTable(bytes, 'ds.xlsx');
    expect(read.table.rows.map((r) => r.cells)).toStrictEqual([
      ['Mã', '', 'Họ và tên'],
      ['CB-1', '', 'Nguyễn Văn An'],
    ]);
  });

  it('stops inflating a part past its cap (a zip bomb) and says the workbook cannot be read', () => {
    const bomb = zip({ 'xl/workbook.xml': WORKBOOK, 'xl/_rels/workbook.xml.rels': RELS, 'xl/worksheets/ds.xml': Buffer.alloc(65 * 1024 * 1024) }, 0); // declared 0: only inflating finds it
    expect(bomb.length).toBeLessThan(200_000);
    const read = readWorkbookTable(bomb, 'bomb.xlsx');
    expect(read.tooLarge).toBe(true);
    expect(read.problems.map((p) => [p.code, p.params.detail])).toEqual([['CSV_BAD_WORKBOOK', 'more than 64 MB once uncompressed']]);
  });
});
