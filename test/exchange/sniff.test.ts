import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../src/exchange/sniff.js';

describe('sniffDelimiter: the sep= line', () => {
  it.each([
    ['sep=;\r\nMã;Họ và tên\r\n', ';'],
    ['sep=;\nMã,Họ và tên,Chi bộ\n', ';'], // the directive beats the count
    ['SEP=,\nMã;Họ và tên\n', ','],
    ['Sep=\t\r\nMã\tHọ và tên\r\n', '\t'],
    ['sep=;', ';'],
    ['sep=;\rMã;Họ và tên', ';'],
    ['\uFEFFsep=;\nMã;Họ và tên', ';'],
    ['"sep=;"\nMã;Họ và tên', ';'], // what a spreadsheet re-save of the directive writes
  ] as const)('%j → %j, skipping the line', (text, delimiter) => {
    expect(sniffDelimiter(text)).toEqual({ delimiter, skipLines: 1 });
  });

  it.each([
    ['sep=|\nMã;Họ và tên;Chi bộ', ';'], // not a delimiter we take: an ordinary first line, with no candidate, so the next line decides
    ['Mã;Họ và tên\nsep=,\n', ';'], // only the first line is a directive
    ['x sep=,\nMã;Họ', ','],
  ] as const)('%j is not a directive', (text, delimiter) => {
    expect(sniffDelimiter(text)).toEqual({ delimiter, skipLines: 0 });
  });
});

describe('sniffDelimiter: counting', () => {
  it.each([
    ['Mã,Họ và tên,Chi bộ\r\nM001,"Nguyễn; Văn",A', ','],
    ['Mã;Họ và tên;Chi bộ\r\n', ';'],
    ['"Mã"\t"Họ và tên"\n', '\t'],
    ['"Nguyễn, Văn";A', ';'],
    ['"Nguyễn, Văn, An";"A,B";C', ';'],
    ['"a;b;c"\t"d,e"\tf', '\t'],
    ['"Anh ""Ba"", Tư";1', ';'], // doubled quotes stay inside the field
    ['"Họ và\ntên, đệm";"Mã,số"\n1;2', ';'], // a header cell with a line break (Alt+Enter)
    ['Ổ đĩa 5" 1/4;x;y,z', ';'], // a quote inside a field is text, not an opening quote
    ['\r\n\n   \nMã;Họ và tên', ';'], // the first non-empty line
    [';;;\r\nMã;Họ và tên;Chi bộ;Ghi chú', ';'], // Excel's empty row
    ['\uFEFFMã;Họ và tên', ';'],
    ['a,b;c;d', ';'],
    // Title lines typed above a member list's header (no ;;; padding): the first line with a candidate decides.
    ['DANH SÁCH ĐẢNG VIÊN\r\nChi bộ Văn phòng\r\n\r\nSTT;Họ và tên\r\n1;An', ';'],
    ['DANH SÁCH\n"Kèm theo\nKế hoạch"\nSTT\tHọ và tên', '\t'],
  ] as const)('%j → %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toEqual({ delimiter, skipLines: 0 });
  });

  it.each([
    ['', 'empty text'],
    ['\r\n\r\n', 'blank lines'],
    ['Họ và tên', 'a single column'],
    ['Họ và tên\nNguyễn Văn An\nTrần Thị Bình\n', 'names alone'],
    ['"a,b;c"', 'delimiters inside quotes only'],
    ['Mã;Họ và tên\tChi bộ', 'a tie between ; and tab'],
    ['a,b;c', 'a tie between , and ;'],
  ])('defaults to "," for %j (%s)', (text) => {
    expect(sniffDelimiter(text)).toEqual({ delimiter: ',', skipLines: 0 });
  });

  it('survives a quote that never closes', () => {
    expect(sniffDelimiter('"Mã;Họ và tên\nM001;An')).toEqual({ delimiter: ',', skipLines: 0 });
  });
});
