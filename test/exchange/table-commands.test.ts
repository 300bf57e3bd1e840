/**
 * The commands that read a user's table, in-process: a damaged file is still
 * refused with the message it always had (the reader now returns it as a
 * problem), and the cases where the two old readers disagreed reach the user
 * as the winning rule says.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';

describe('member import through the one reader', () => {
  it('refuses mojibake and TCVN3 with the whole-file message, storing nothing', async () => {
    const cell = await tempCell();
    writeFileSync(join(cell.dir, 'moji.csv'), 'Họ tên\nNguyá»…n Văn An\n');
    writeFileSync(join(cell.dir, 'tcvn3.csv'), 'Hä tªn\nNguyÔn V¨n An\n');
    const moji = await cell.cli(['member', 'import', 'moji.csv', '--lang', 'en']);
    expect([moji.status, moji.stderr]).toEqual([1, expect.stringContaining('The Vietnamese text in moji.csv was damaged when it was saved')]);
    const tcvn = await cell.cli(['member', 'import', 'tcvn3.csv', '--lang', 'en']);
    expect([tcvn.status, tcvn.stderr]).toEqual([1, expect.stringContaining('tcvn3.csv uses a legacy Vietnamese encoding')]);
    expect(cell.query('SELECT COUNT(*) AS n FROM member')).toEqual([{ n: 0 }]);
  });

  it('reports a broken row at its line after a multi-line cell, and takes a quote inside a name as text', async () => {
    const cell = await tempCell();
    writeFileSync(join(cell.dir, 'm.csv'), 'Mã,Họ tên,Ghi chú\r\nM1,Nguyễn Văn An,"Bí thư\r\nchi bộ"\r\nM2,"Trần Bình"x,\r\n');
    const bad = await cell.cli(['member', 'import', 'm.csv', '--lang', 'en']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/m\.csv:4 {2}This row cannot be read \("Trần Bình"x\)[^\n]*\[CSV_SYNTAX\]/u);
    writeFileSync(join(cell.dir, 'ok.csv'), "Mã,Họ tên\r\n'0123,Nguyễn Văn \"Út\"\r\n");
    const ok = await cell.cli(['member', 'import', 'ok.csv', '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(cell.query('SELECT code, name FROM member')).toEqual([{ code: '0123', name: 'Nguyễn Văn "Út"' }]);
  });
});
