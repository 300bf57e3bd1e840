/**
 * The member reader on small inline tables: which row is the header, which
 * columns make the name, which rows are refused. The fixtures and the
 * database are in `member-lists.test.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerKey, membersFromTable } from '../../src/exchange/members-csv.js';
import { readTable } from '../../src/exchange/table.js';
import { en } from '../../src/i18n/en.js';
import { tempCell } from '../support/cell.js';

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
