/**
 * The one table reader: every table a user hands tusoi (member and unit lists,
 * paper forms, cell exports) is decoded, sniffed and scanned the same way,
 * with the line of every row and problems returned, never thrown. The
 * "where the two old readers disagreed" cases each name the rule that won.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guard, unguardText } from '../../src/exchange/columns.js';
import { scanCsv } from '../../src/exchange/csv-scan.js';
import { readCsvSource } from '../../src/exchange/csv-source.js';
import { exportCsv, exportRows } from '../../src/exchange/export.js';
import { readExport } from '../../src/exchange/import.js';
import { membersFromTable } from '../../src/exchange/members-csv.js';
import { readTable, tableRefusal } from '../../src/exchange/table.js';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { summarise } from '../../src/summary/aggregate.js';
import { toCp1258 } from '../support/excel.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const read = (text: string | Buffer) => readTable(typeof text === 'string' ? utf8(text) : text, 'm.csv');
const lines = (text: string | Buffer) => read(text).table.rows.map((r) => r.line);
const cells = (text: string | Buffer) => read(text).table.rows.map((r) => r.cells);
const codes = (text: string | Buffer) => read(text).problems.map((p) => [p.code, p.line]);

const LIST = ['Họ tên,Ghi chú', 'Nguyễn Văn An,"dòng 1', 'dòng 2', 'dòng 3"', '', 'Trần Thị Bích,"Bí thư, chi ủy"', 'Lê Đức Cường,ok'];

describe('line numbers', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`count every physical line after cells holding line breaks (${name})`, () => {
      const text = LIST.join(eol) + eol;
      expect(lines(text)).toEqual([1, 2, 6, 7]);
      // A line break inside a quoted cell reads as LF whatever the file used.
      expect(cells(text)[1]).toEqual(['Nguyễn Văn An', 'dòng 1\ndòng 2\ndòng 3']);
      expect(codes(text)).toEqual([]);
    });
  }

  it('give each problem the line of its row, after multi-line cells too', () => {
    const text = `${LIST.join('\r\n')}\r\n,no name\r\n`;
    const members = membersFromTable(read(text).table, 'm.csv');
    expect(members.members.map((m) => [m.line, m.name])).toEqual([[2, 'Nguyễn Văn An'], [6, 'Trần Thị Bích'], [7, 'Lê Đức Cường']]);
    expect(members.problems.map((p) => [p.code, p.line])).toEqual([['CSV_EMPTY_VALUE', 8]]);
  });

  it('start at 2 after Excel\'s sep= line, which is not data', () => {
    expect(lines('sep=;\r\nHọ tên;Mã\r\nAn;M1\r\n')).toEqual([2, 3]);
    expect(cells('sep=;\r\nHọ tên;Mã\r\nAn;M1\r\n')[1]).toEqual(['An', 'M1']);
  });

  it('end a record at CRLF, LF or a lone CR, each one line, a blank line included', () => {
    expect(scanCsv('a\r\nb\rc\nd\r\n\r\r\n\n', ',').rows.map((r) => [r.line, r.cells[0]])).toEqual([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, ''], [6, ''], [7, '']]);
    expect(scanCsv('', ',').rows).toEqual([]);
  });

  it('are the same from the scanner alone, with blank lines kept as rows', () => {
    expect(scanCsv('a\n\nb,"x\r\ny"\nc', ',').rows).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['b', 'x\ny'] },
      { line: 5, cells: ['c'] },
    ]);
  });
});

describe('decoding and sniffing', () => {
  it('drops a BOM, so the first header is found', () => {
    const r = read('\uFEFFHọ tên\nNguyễn Văn An\n');
    expect(r.table.encoding).toBe('utf-8-bom');
    expect(r.table.rows[0]!.cells).toEqual(['Họ tên']);
  });

  it('takes one sniffed delimiter: `;` keeps 3,5 whole, tab works', () => {
    expect(cells('Họ tên;Điểm\nAn;3,5\n')).toEqual([['Họ tên', 'Điểm'], ['An', '3,5']]);
    expect(read('Họ tên;Điểm\nAn;3,5\n').table.delimiter).toBe(';');
    expect(cells('Họ tên\tMã\nAn, Bình\tM1\n')).toEqual([['Họ tên', 'Mã'], ['An, Bình', 'M1']]);
  });

  it('reads Windows-1258 and UTF-16 (LE with BOM, BE without) to the same NFC rows', () => {
    const text = 'Họ tên;Mã\r\nNguyễn Văn Ẩn;M1\r\n"Trần Thị\r\nBích";M2\r\n';
    const expected = [['Họ tên', 'Mã'], ['Nguyễn Văn Ẩn', 'M1'], ['Trần Thị\nBích', 'M2']];
    const cp = read(toCp1258(text));
    expect(cp.table.encoding).toBe('windows-1258');
    expect(cp.table.rows.map((r) => r.cells)).toEqual(expected);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(';', '\t'), 'utf16le')]);
    expect(read(le).table.encoding).toBe('utf-16le');
    expect(cells(le)).toEqual(expected);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(read(be).table.encoding).toBe('utf-16be');
    expect(lines(be)).toEqual([1, 2, 3]);
  });

  it('reads the repository samples saved by LibreOffice without a problem, a line per row', () => {
    for (const f of ['members-utf8-bom-comma.csv', 'members-cp1258-semicolon.csv', 'members-utf16-tab.txt', 'members-utf8-semicolon.csv']) {
      const bytes = readFileSync(new URL(`../fixtures/csv/${f}`, import.meta.url));
      expect(codes(bytes), f).toEqual([]);
      expect(lines(bytes), f).toEqual(Array.from({ length: lines(bytes).length }, (_, i) => i + 1));
      expect(cells(bytes)[0]![1], f).toBe('Họ và tên');
    }
  });
});

describe('one leading-apostrophe rule (unguardText undoes guard exactly)', () => {
  it('round-trips every text, a text starting with its own apostrophe included', () => {
    for (const t of ['2026', '0123', '=1+1', '-5', '@x', '1.10', 'Nov-26', "'Ngọc", "'", 'Chi bộ', '']) expect(unguardText(guard(t))).toBe(t);
  });

  it('applies to user tables as to exports', () => {
    expect(cells("Mã,Họ tên\n'0123,'=HYPERLINK()\n'M1,'Ngọc\n")).toEqual([['Mã', 'Họ tên'], ['0123', '=HYPERLINK()'], ["'M1", "'Ngọc"]]);
  });
});

describe('damaged text is a problem with a code, never a throw', () => {
  it('mojibake and TCVN3 in a user table', () => {
    expect(codes('Họ tên\nNguyá»…n Văn An\n')).toEqual([['CSV_MOJIBAKE', 0]]);
    expect(codes('Hä tªn\nNguyÔn V¨n An\nTrÇn ThÞ BÝch\n')).toEqual([['CSV_LEGACY_ENCODING', 0]]);
    expect(codes('Họ tên\nNguyễn Văn An\n')).toEqual([]);
  });

  it('the command turns it into the error it has always shown', () => {
    const refusal = tableRefusal(read('Họ tên\nNguyá»…n Văn An\n').problems);
    expect([refusal?.name, refusal?.code, refusal?.params]).toEqual(['UserError', 'CSV_MOJIBAKE', { file: 'm.csv' }]);
    expect(tableRefusal(read('Họ tên\n"An\n').problems)).toBeUndefined();
  });
});

describe('broken quoting', () => {
  it('an unclosed quote is reported at the line it opens, rows before it kept', () => {
    const r = read('Họ tên,Ghi chú\r\nNguyễn An,ok\r\n"Trần Bình,ok\r\nLê Cường,ok\r\n');
    expect(r.table.rows.map((x) => x.line)).toEqual([1, 2]);
    expect(r.problems.map((p) => [p.code, p.line, p.params.detail])).toEqual([['CSV_SYNTAX', 3, '"Trần Bình,ok Lê Cường,']]);
  });

  it('text after a closing quote is reported at its row, which is left out; the next rows keep their lines', () => {
    const r = read('Họ tên,Ghi chú\n"Nguyễn\nAn"x,ok\nTrần Bình,ok\n');
    expect(r.table.rows.map((x) => [x.line, x.cells[0]])).toEqual([[1, 'Họ tên'], [4, 'Trần Bình']]);
    expect(r.problems.map((p) => [p.code, p.line, p.params.detail])).toEqual([['CSV_SYNTAX', 2, '"Nguyễn An"x']]);
  });

  it('a quote inside a cell is text, spaces before an opening quote are allowed (the rule sniff.ts counts by)', () => {
    expect(cells('Họ tên,Ghi chú\nNguyễn Văn "Út",5" disk\nTrần An, "Bí thư, chi ủy"\n')).toEqual([
      ['Họ tên', 'Ghi chú'],
      ['Nguyễn Văn "Út"', '5" disk'],
      ['Trần An', 'Bí thư, chi ủy'],
    ]);
  });
});

describe('exports through the same reader', () => {
  const parsed = parseQuestionnaire(readFileSync(new URL('../../questionnaires/nq4-khoa-xii.yaml', import.meta.url), 'utf8'), 'nq4');
  if (!parsed.ok) throw new Error('bundled invalid');
  const q = parsed.questionnaire;
  const exportOf = (name: string) => {
    const answers = new Map(allBehaviours(q).map((b) => [b.id, 'khong']));
    const summary = summarise(q, [answers, answers], { code: 'CB03', name, level: 'chi-bo', parentCode: 'DU01', members: 3 });
    const unit = { code: 'CB03', name, level: 'chi-bo', parentCode: 'DU01' };
    return exportCsv(exportRows(q, summary, { tusoiVersion: '0.1.0', unit, roundLabel: '2026', status: 'final', exportedAt: '2026-11-23T09:00:00Z' }, 'vi'), ',');
  };
  const problemsOf = (bytes: Buffer) => {
    const r = readExport(bytes, 'x.csv');
    return r.ok ? [] : r.problems.map((p) => [p.code, p.line]);
  };

  it('keep a unit name that starts with its own apostrophe', () => {
    const r = readExport(utf8(exportOf("'Tổ 1, Chi bộ A")), 'x.csv');
    expect(r.ok && [r.parsed.unit.name, r.parsed.units[0]!.name]).toEqual(["'Tổ 1, Chi bộ A", "'Tổ 1, Chi bộ A"]);
  });

  it('report the line of a row in a file whose cells hold line breaks', () => {
    // A group's text (display only) re-typed over three lines: the file still reads, two lines longer.
    const multi = exportOf('Chi bộ A').replace(',Những biểu hiện suy thoái về tư tưởng chính trị,', ',"Những biểu hiện\r\nsuy thoái\r\nvề tư tưởng chính trị",');
    expect(problemsOf(utf8(multi))).toEqual([]);
    const csv = multi.replace(/\r\n(2,CB03,'2026,nq4-khoa-xii,behaviour,TT1\.1,)/u, '\r\n,$1');
    const line = csv.split('\r\n').findIndex((l) => l.includes(',behaviour,TT1.1,')) + 1;
    expect(problemsOf(utf8(csv))).toContainEqual(['EXPORT_INCONSISTENT', line]);
  });

  it('refuse broken quoting with EXPORT_SYNTAX at its line; a file cut inside a quoted cell is also short', () => {
    const csv = exportOf('Chi bộ A');
    const broken = csv.replace(/,"([^"]*)",/u, ',"$1"x,');
    const at = broken.split('\r\n').findIndex((l) => l.includes('"x,')) + 1;
    expect(problemsOf(utf8(broken))).toContainEqual(['EXPORT_SYNTAX', at]);
    const cut = csv.slice(0, csv.indexOf('"', csv.indexOf(',behaviour,')) + 5);
    const cutAt = cut.split('\r\n').length;
    expect(problemsOf(utf8(cut))).toEqual(expect.arrayContaining([['EXPORT_SYNTAX', cutAt], ['EXPORT_TRUNCATED', cutAt]]));
  });

  it('say a file of blank cells only is empty', () => {
    expect(problemsOf(utf8(',,,\r\n , ,\r\n'))).toEqual([['EXPORT_EMPTY', 0]]);
  });

  it('take the same source as user tables: rows with lines, cells as stored', () => {
    const { source, problems } = readCsvSource(utf8(exportOf('Chi bộ A')), 'x.csv');
    expect(problems).toEqual([]);
    expect(source.origin).toEqual({ kind: 'csv', encoding: 'utf-8-bom', delimiter: ',' });
    expect(source.rows.map((r) => r.line).slice(0, 3)).toEqual([1, 2, 3]);
    expect(source.rows[1]!.cells[2]).toBe("'2026");
  });
});
