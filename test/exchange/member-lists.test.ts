/**
 * Member lists as offices keep them (issue 15, part 3), imported through
 * `runMain` into a real cell database: the fixtures under
 * `test/fixtures/csv/members/` are CSV as Excel writes it (BOM or cp1258, `;`,
 * CRLF) and .xlsx written by LibreOffice (see the README there). Each test
 * names the exact members stored, or that nothing was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { withCode } from '../../src/report/problems.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { OFFICE_LIST_MEMBERS } from '../support/office-list-members.js';

const DIR = fileURLToPath(new URL('../fixtures/csv/members/', import.meta.url));
const fixture = (name: string): string => `${DIR}${name}`;

async function importList(cell: TempCell, name: string, ...more: string[]) {
  return cell.cli(['member', 'import', fixture(name), '--lang', 'en', ...more]);
}

/** What the database holds, in insertion order. */
const stored = (cell: TempCell) => cell.query<{ code: string; name: string }>('SELECT code, name FROM member ORDER BY id');

interface ImportJson {
  added: Array<{ line: number; code: string; name: string }>;
  skipped: Array<{ line: number; code: string; name: string; rowCode?: string; reason: string }>;
  warnings: Array<{ code: string; line: number; col?: number; sheet?: string; value: string }>;
}

describe('member import: the layouts offices keep', () => {
  it('finds the header below a title, a note and a blank row, and ignores STT and other columns', async () => {
    const cell = await tempCell();
    const r = await importList(cell, 'title-stt.csv');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(stored(cell)).toEqual(OFFICE_LIST_MEMBERS);
    expect(r.stdout).toContain('(utf-8-bom, ";")');
  });

  it('joins a name split in Họ đệm + Tên (cp1258), with "Hồ" taken as a surname, not a header', async () => {
    const cell = await tempCell();
    const r = await importList(cell, 'split-2.csv');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('windows-1258');
    expect(stored(cell)).toEqual([
      { code: 'M001', name: 'Vũ Thị Thu Hà' },
      { code: 'M002', name: 'Đặng Quốc Việt' },
      { code: 'M003', name: 'Bùi Thị Ánh Tuyết' },
      { code: 'M004', name: 'Hồ Minh' },
    ]);
  });

  it('joins Họ / Tên đệm / Tên (an empty middle name leaves one space), "Mã" as a surname', async () => {
    const cell = await tempCell();
    expect((await importList(cell, 'split-3.csv')).status).toBe(0);
    expect(stored(cell)).toEqual([
      { code: 'CB03-009', name: 'Đỗ Hữu Phước' },
      { code: 'CB03-010', name: 'Ngô Thị Yến' },
      { code: 'CB03-012', name: 'Lý Quỳnh' },
      { code: 'CB03-013', name: 'Mã Văn Lực' },
    ]);
  });

  it('joins "Họ và tên đệm" + "Tên", the code from "Số thẻ đảng viên"', async () => {
    const cell = await tempCell();
    expect((await importList(cell, 'ho-va-ten-dem.csv')).status).toBe(0);
    expect(stored(cell)).toEqual([
      { code: 'DV-0456', name: 'Dương Văn Lưỡng' },
      { code: 'DV-0457', name: 'Nguyễn Thị Hạnh' },
    ]);
  });

  it('reads the same layouts from .xlsx written by LibreOffice, locating by sheet', async () => {
    const cell = await tempCell();
    const title = await importList(cell, 'title-stt.xlsx');
    expect([title.status, title.stderr]).toEqual([0, '']);
    expect(title.stdout).toContain('(sheet "title-stt")');
    const split = await importList(cell, 'split-3.xlsx');
    expect([split.status, split.stderr]).toEqual([0, '']);
    expect(stored(cell).map((m) => `${m.code} ${m.name}`)).toEqual([
      'CB03-001 Nguyễn Văn An',
      'CB03-002 Trần Thị Bích Ngọc',
      'CB03-003 Lê Đức Thắng',
      'CB03-004 Phạm Thị Hương',
      'CB03-005 Hoàng Minh Đức',
      'CB03-009 Đỗ Hữu Phước',
      'CB03-010 Ngô Thị Yến',
      'CB03-012 Lý Quỳnh',
      'CB03-013 Mã Văn Lực',
    ]);
    const header = await importList(cell, 'repeated-header.xlsx');
    expect(header.status).toBe(1);
    expect(header.stderr).toContain(`${en.sheets.where(fixture('repeated-header.xlsx'), 'repeated-header', 5)}  ${en.csv.messages.CSV_HEADER_ROW({ firstLine: 2 })}  [CSV_HEADER_ROW]`);
  });
});

describe('member import: repeats and codes', () => {
  it('adds a repeated name without a code once and says so; namesakes with codes are both added', async () => {
    const cell = await tempCell();
    const r = await importList(cell, 'duplicates.csv', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(stored(cell)).toEqual([
      { code: 'M001', name: 'Nguyễn Văn An' },
      { code: 'M002', name: 'Trần Văn Bình' },
      { code: 'CB03-021', name: 'Lê Thị Cúc' },
      { code: 'CB03-022', name: 'Lê Thị Cúc' },
    ]);
    const doc = JSON.parse(r.stdout) as ImportJson;
    expect(doc.skipped).toEqual([
      { line: 4, code: 'M001', name: 'Nguyễn Văn An', reason: 'repeated-name' },
      { line: 7, code: 'M002', name: 'Trần Văn Bình', reason: 'repeated-name' },
    ]);
    expect(doc.added.map((a) => a.line)).toEqual([2, 3, 5, 6]);
  });

  it('says where a repeated name first came, in text', async () => {
    const cell = await tempCell();
    const r = await importList(cell, 'duplicates.csv');
    expect(r.stdout).toContain(`${fixture('duplicates.csv')}:4  ${en.memberLists.skipped('repeated-name', { name: 'Nguyễn Văn An', listed: 'M001', firstLine: 2 })}  [repeated-name]`);
    expect(r.stdout).toContain(en.memberLists.imported(4, 2, 0, fixture('duplicates.csv'), 'utf-8-bom, ";"'));
  });

  it('after an Excel re-save (0123 became 123) adds nobody twice: lost zeros and a namesake are skipped and said, digit-only codes warned', async () => {
    const cell = await tempCell();
    expect((await importList(cell, 'original.csv')).status).toBe(0);
    const r = await importList(cell, 'resaved.csv', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(stored(cell)).toEqual([
      { code: '0123', name: 'Dương Văn Lưỡng' },
      { code: '0124', name: 'Lý Thị Quỳnh' },
      { code: 'CB03-030', name: 'Phan Văn Tài' },
      { code: '125', name: 'Hà Văn Tú' },
    ]);
    const doc = JSON.parse(r.stdout) as ImportJson;
    expect(doc.skipped).toEqual([
      { line: 2, code: '0123', name: 'Dương Văn Lưỡng', rowCode: '123', reason: 'leading-zeros' },
      { line: 3, code: '0124', name: 'Lý Thị Quỳnh', rowCode: '124', reason: 'leading-zeros' },
      { line: 4, code: 'CB03-030', name: 'Phan Văn Tài', rowCode: 'CB03-030', reason: 'same-code' },
      { line: 6, code: 'CB03-030', name: 'Phan Văn Tài', rowCode: 'CB03-031', reason: 'namesake' },
    ]);
    expect(doc.added).toEqual([{ line: 5, code: '125', name: 'Hà Văn Tú' }]);
    expect(doc.warnings.map((w) => [w.code, w.line, w.col, w.value])).toEqual([
      ['CSV_NUMERIC_MEMBER_CODE', 2, 1, '123'],
      ['CSV_NUMERIC_MEMBER_CODE', 3, 1, '124'],
      ['CSV_NUMERIC_MEMBER_CODE', 5, 1, '125'],
    ]);
  });

  it('takes the LibreOffice .xlsx of the original list (its codes now numbers) as the same members', async () => {
    const cell = await tempCell();
    expect((await importList(cell, 'original.csv')).status).toBe(0);
    const r = await importList(cell, 'original.xlsx');
    expect(r.status, r.stderr).toBe(0);
    expect(stored(cell).map((m) => m.code)).toEqual(['0123', '0124', 'CB03-030']);
    const where = (line: number, col?: string) => en.sheets.where(fixture('original.xlsx'), 'original', line, col);
    expect(r.stdout).toContain(`${where(2)}  ${en.memberLists.skipped('leading-zeros', { name: 'Dương Văn Lưỡng', listed: '0123', code: '123' })}  [leading-zeros]`);
    expect(r.stderr).toContain(`${where(2, 'A')}  warning: ${en.csv.messages.CSV_NUMERIC_MEMBER_CODE({ value: '123' })}  [CSV_NUMERIC_MEMBER_CODE]`);
  });

  it('stores nothing when a code already belongs to another name, naming the row and member rename', async () => {
    const cell = await tempCell();
    expect((await importList(cell, 'original.csv')).status).toBe(0);
    const r = await importList(cell, 'code-taken.csv');
    expect(r.status).toBe(1);
    // The code ends the message's first line; the hint below it pastes as printed.
    expect(r.stderr).toContain(`${fixture('code-taken.csv')}:3:1  ${withCode(en.csv.messages.CSV_CODE_TAKEN({ value: 'CB03-030', name: 'Phan Văn Tài' }), '[CSV_CODE_TAKEN]', '  ')}`);
    expect(r.stderr).toContain('\n    tusoi member rename CB03-030 "New name"\n');
    expect(stored(cell).map((m) => m.code)).toEqual(['0123', '0124', 'CB03-030']);
  });
});

describe('member import: rows that are not members', () => {
  it('refuses separator rows, each at its line, and stores nothing', async () => {
    const cell = await tempCell();
    const r = await importList(cell, 'separators.csv');
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('[CSV_'));
    expect(lines).toEqual([
      `${fixture('separators.csv')}:2  ${en.csv.messages.CSV_SEPARATOR_ROW({ value: '---- ---------------- ----' })}  [CSV_SEPARATOR_ROW]`,
      `${fixture('separators.csv')}:4  ${en.csv.messages.CSV_SEPARATOR_ROW({ value: '==== ==== ====' })}  [CSV_SEPARATOR_ROW]`,
    ]);
    expect(stored(cell)).toEqual([]);
  });

  it('refuses a header repeated for a second page (cp1258), and stores nothing', async () => {
    const cell = await tempCell();
    const r = await importList(cell, 'repeated-header.csv');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${fixture('repeated-header.csv')}:5  ${en.csv.messages.CSV_HEADER_ROW({ firstLine: 2 })}  [CSV_HEADER_ROW]`);
    expect(r.stderr).toContain(en.errors.MEMBERS_REJECTED({ file: fixture('repeated-header.csv'), errors: 1 }));
    expect(stored(cell)).toEqual([]);
  });

  it.each(['footer.csv', 'footer.xlsx'])('stops at the foot of a printed list (%s): total, date and signers are no members, and the warning says where', async (name) => {
    const cell = await tempCell();
    const r = await importList(cell, name);
    expect(r.status, r.stderr).toBe(0);
    expect(stored(cell)).toEqual([
      { code: 'CB03-001', name: 'Nguyễn Văn An' },
      { code: 'CB03-002', name: 'Trần Thị Bích Ngọc' },
      { code: 'CB03-003', name: 'Lê Đức Thắng' },
    ]);
    const where = name.endsWith('.xlsx') ? en.sheets.where(fixture(name), 'footer', 6) : `${fixture(name)}:6`;
    expect(r.stderr).toContain(`${where}  warning: ${en.csv.messages.CSV_LIST_FOOT({ value: 'Tổng số: 03 đảng viên', lastLine: 11 })}  [CSV_LIST_FOOT]`);
    const json = JSON.parse((await importList(await tempCell(), name, '--json')).stdout) as ImportJson;
    expect(json.warnings).toMatchObject([{ code: 'CSV_LIST_FOOT', line: 6, value: 'Tổng số: 03 đảng viên' }]);
  });

  it('the fixtures are as Excel writes CSV: CRLF, and a BOM or cp1258 bytes', () => {
    for (const name of ['title-stt.csv', 'split-2.csv', 'split-3.csv', 'duplicates.csv', 'resaved.csv', 'repeated-header.csv', 'footer.csv']) {
      const bytes = readFileSync(fixture(name));
      expect(bytes.includes(Buffer.from('\r\n')), name).toBe(true);
      const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
      // cp1258 text is not valid UTF-8 (Vietnamese letters are single high bytes).
      const utf8 = (() => {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          return true;
        } catch {
          return false;
        }
      })();
      expect(bom || !utf8, name).toBe(true);
    }
  });
});

describe('member rename and member list --all', () => {
  it('renames by code or by name, keeps the code, refuses another member\'s name and an empty one', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Lê Cường'] });
    const byCode = await cell.cli(['member', 'rename', 'M002', '  Lê   Văn Cường ', '--lang', 'en']);
    expect([byCode.status, byCode.stdout]).toEqual([0, `${en.memberLists.renamed('M002', 'Lê Cường', 'Lê Văn Cường')}\n`]);
    const byName = await cell.cli(['member', 'rename', 'nguyen van an', 'Nguyễn Văn Ân', '--json']);
    expect(byName.status, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout)).toMatchObject({ code: 'M001', from: 'Nguyễn Văn An', name: 'Nguyễn Văn Ân', changed: true });
    const taken = await cell.cli(['member', 'rename', 'M001', 'le van cuong', '--lang', 'en']);
    expect([taken.status, taken.stderr]).toEqual([1, `tusoi: ${en.errors.MEMBER_NAME_TAKEN({ name: 'Lê Văn Cường', code: 'M002' })}\n`]);
    expect((await cell.cli(['member', 'rename', 'M001', '   '])).status).toBe(1);
    expect(stored(cell)).toEqual([
      { code: 'M001', name: 'Nguyễn Văn Ân' },
      { code: 'M002', name: 'Lê Văn Cường' },
    ]);
    // The stored search key follows the name; the old name no longer finds the member, the new one does.
    expect(cell.query('SELECT search_key FROM member ORDER BY id')).toEqual([{ search_key: 'nguyen van an' }, { search_key: 'le van cuong' }]);
    expect((await cell.cli(['member', 'rename', 'le cuong', 'X', '--lang', 'en'])).stderr).toBe(`tusoi: ${en.errors.MEMBER_NOT_FOUND({ query: 'le cuong' })}\n`);
    expect((await cell.cli(['member', 'rename', 'le van cuong', 'Lê Văn Cường'])).stdout).toContain('M002');
  });

  it('lets a renamed member be re-imported under their code, which was refused before', async () => {
    const cell = await tempCell();
    expect((await importList(cell, 'original.csv')).status).toBe(0);
    expect((await importList(cell, 'code-taken.csv')).status).toBe(1);
    expect((await cell.cli(['member', 'rename', 'CB03-030', 'Phan Thanh Tài'])).status).toBe(0);
    expect((await importList(cell, 'code-taken.csv')).status).toBe(0);
    expect(stored(cell)).toEqual([
      { code: '0123', name: 'Dương Văn Lưỡng' },
      { code: '0124', name: 'Lý Thị Quỳnh' },
      { code: 'CB03-030', name: 'Phan Thanh Tài' },
      { code: 'CB03-040', name: 'Trịnh Văn Sơn' },
    ]);
  });

  it('member list --all marks members no longer active; without it they are not listed', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bình'], round: ['--label', '2026'] });
    // A member who has answered is only deactivated by `member remove`.
    const q = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as { groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }> };
    const ids = q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
    writeFileSync(join(cell.dir, 'form.csv'), `behavior;level\r\n${ids.map((id) => `${id};khong`).join('\r\n')}\r\n`);
    expect((await cell.cli(['answer', '--member', 'M002', '--answers', 'form.csv'])).status).toBe(0);
    expect((await cell.cli(['member', 'remove', 'M002'])).status).toBe(0);
    const active = await cell.cli(['member', 'list', '--lang', 'en']);
    expect(active.stdout).toBe(`${en.members.header(1)}\n  M001  Nguyễn Văn An\n`);
    const all = await cell.cli(['member', 'list', '--all', '--lang', 'en']);
    expect(all.stdout).toBe(`${en.members.header(2)}\n  M001  Nguyễn Văn An\n  M002  Trần Thị Bình ${en.members.inactive}\n`);
    const json = await cell.cli(['member', 'list', '--all', '--json']);
    expect((JSON.parse(json.stdout) as { members: unknown[] }).members).toEqual([
      { code: 'M001', name: 'Nguyễn Văn An', active: true },
      { code: 'M002', name: 'Trần Thị Bình', active: false },
    ]);
  });

  it('member add: a repeated name in one command is added once; a digit-only code is accepted with a warning', async () => {
    const cell = await tempCell();
    const r = await cell.cli(['member', 'add', 'Nguyễn Văn An', 'nguyen van an', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: [{ code: 'M001', name: 'Nguyễn Văn An' }], skipped: [{ code: 'M001', reason: 'repeated-name' }] });
    const digits = await cell.cli(['member', 'add', 'Trần Thị Bình', '--code', '0042', '--lang', 'en']);
    expect(digits.status).toBe(0);
    expect(digits.stderr).toBe(`${en.memberLists.numericCode('0042')}  [CSV_NUMERIC_MEMBER_CODE]\n`);
    expect(stored(cell)).toEqual([
      { code: 'M001', name: 'Nguyễn Văn An' },
      { code: '0042', name: 'Trần Thị Bình' },
    ]);
  });
});
