/**
 * The workbook writer (exchange/workbook-writer.ts, zip-write.ts) on its own:
 * what it writes reads back through tusoi's reader, texts exact (XML specials,
 * characters XML forbids dropped, OOXML's `_xHHHH_` kept literal), numbers as
 * numbers with their formats, header rows frozen, widths set; the zip as
 * OpenDocument wants it (mimetype first, stored); the CRC-32 fallback equal to
 * zlib's. LibreOffice opening the result: test/e2e/report-workbook.slow.test.ts.
 */
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../src/exchange/sheet-spec.js';
import { sheetNames, workbookBytes } from '../../src/exchange/workbook-writer.js';
import { columnLetter as columnLetters } from '../../src/text/column-letter.js';
import { crc32, crc32Table } from '../../src/exchange/zip-write.js';
import { Zip } from '../../src/exchange/zip.js';
import { workbookSheets, zipTexts } from '../support/workbook.js';

const TEXT = 'Nguyễn <Văn> & "An" _x0041_ \u0001\u000b\uFFFE\uD800 😀 a\r\nb end';
const CLEAN = 'Nguyễn <Văn> & "An" _x0041_  😀 a\r\nb end';
/** OpenDocument keeps lines as paragraphs, which read back joined by line feeds. */
const clean = (format: 'xlsx' | 'ods'): string => (format === 'ods' ? CLEAN.replace('\r\n', '\n') : CLEAN);

const sheets: SheetSpec[] = [
  {
    name: 'Tổng hợp',
    freezeRows: 1,
    widths: [12, 60, 10],
    rows: [
      ['Mã', 'Nội dung', 'Số'],
      ['A1', TEXT, { value: 5, format: 'integer' }],
      ['A2', '  hai  khoảng trắng ', { value: 0.278, format: 'percent1' }],
      [null, 'dòng 1\ndòng 2\ttab', { value: 3.25, format: 'decimal1' }],
      [],
      ['x', 1.5, Number.NaN],
    ],
  },
  { name: 'Hành vi', rows: [['B']] },
];

describe('workbookBytes', () => {
  for (const format of ['xlsx', 'ods'] as const) {
    it(`${format}: texts and numbers read back exactly`, () => {
      const read = workbookSheets(workbookBytes(format, sheets), format);
      expect([...read.keys()]).toEqual(['Tổng hợp', 'Hành vi']);
      const rows = read.get('Tổng hợp')!;
      expect(rows.map((r) => r.map((c) => [c.text, c.kind]))).toEqual([
        [['Mã', 'text'], ['Nội dung', 'text'], ['Số', 'text']],
        [['A1', 'text'], [clean(format), 'text'], ['5', 'number']],
        [['A2', 'text'], ['  hai  khoảng trắng ', 'text'], ['0.278', 'number']],
        [['', 'text'], ['dòng 1\ndòng 2\ttab', 'text'], ['3.25', 'number']],
        [],
        [['x', 'text'], ['1.5', 'number']],
      ]);
    });
  }

  it('xlsx: number formats, the frozen header row, column widths', () => {
    const parts = zipTexts(workbookBytes('xlsx', sheets));
    expect(parts.get('xl/styles.xml')).toContain('<numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.0%"/>');
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<cols><col min="1" max="1" width="12.0" customWidth="1"/><col min="2" max="2" width="60.0" customWidth="1"/><col min="3" max="3" width="10.0" customWidth="1"/></cols>');
    // integer (xf 1), percent (xf 3), one decimal (xf 2); the header row bold (xf 4).
    expect(sheet).toContain('<c r="C2" s="1"><v>5</v></c>');
    expect(sheet).toContain('<c r="C3" s="3"><v>0.278</v></c>');
    expect(sheet).toContain('<c r="C4" s="2"><v>3.25</v></c>');
    expect(sheet).toMatch(/<c r="A1" t="s" s="4">/u);
    expect(parts.get('xl/worksheets/sheet2.xml')).not.toContain('<pane');
    expect(parts.get('xl/sharedStrings.xml')).toContain('_x005F_x0041_');
    // A literal carriage return would come back a line feed from any XML parser (XML 1.0 §2.11).
    expect(parts.get('xl/sharedStrings.xml')).toContain('a&#13;\nb');
  });

  it('ods: mimetype first and stored, typed cells with data styles, frozen rows in settings.xml, column widths', () => {
    const bytes = workbookBytes('ods', sheets);
    expect(bytes.toString('latin1', 30, 38)).toBe('mimetype');
    const zip = new Zip(bytes);
    expect([...zip.entries.keys()][0]).toBe('mimetype');
    expect(zip.entries.get('mimetype')!.method).toBe(0);
    expect(bytes.toString('latin1', 38, 38 + 46)).toBe('application/vnd.oasis.opendocument.spreadsheet');
    const content = zip.text('content.xml')!;
    expect(content).toContain('<number:percentage-style style:name="N2"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>');
    expect(content).toContain('<table:table-cell table:style-name="ce3" office:value-type="percentage" office:value="0.278"><text:p>27.8%</text:p></table:table-cell>');
    expect(content).toContain('<table:table-cell table:style-name="ce1" office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell>');
    expect(content).toContain('<style:style style:name="co60" style:family="table-column"><style:table-column-properties style:column-width="12.60cm"/></style:style>');
    expect(content).toContain('<table:table table:name="Tổng hợp"><table:table-column table:style-name="co12"/><table:table-column table:style-name="co60"/><table:table-column table:style-name="co10"/>');
    const settings = zip.text('settings.xml')!;
    expect(settings).toContain('<config:config-item-map-entry config:name="Tổng hợp"><config:config-item config:name="HorizontalSplitMode" config:type="short">0</config:config-item><config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>');
    expect(settings).toContain('<config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>');
    expect(settings).not.toContain('config:name="Hành vi"');
  });

  it('the same sheets give the same bytes (no clock in the zip)', () => {
    expect(workbookBytes('xlsx', sheets).equals(workbookBytes('xlsx', sheets))).toBe(true);
  });
});

describe('sheet names and columns', () => {
  it("follow Excel's rule: forbidden characters replaced, 31 characters at most, unique case-insensitively", () => {
    expect(sheetNames(['a:b/c?d*e[f]g\\h', 'Tổng hợp', 'tổng hợp', '', "'x'", 'A'.repeat(40), 'A'.repeat(40)])).toEqual([
      'a b c d e f g h',
      'Tổng hợp',
      'tổng hợp 2',
      'Sheet4',
      'x',
      'A'.repeat(31),
      `${'A'.repeat(29)} 2`,
    ]);
  });

  it('letters: A, Z, AA, AZ, BA', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('crc32', () => {
  it('the table gives the check value and agrees with zlib where Node has it', () => {
    expect(crc32Table(Buffer.from('123456789'))).toBe(0xcbf43926);
    const data = Buffer.from('Tự soi, tự sửa — '.repeat(500));
    expect(crc32(data)).toBe(crc32Table(data));
    const native = (zlib as { crc32?: (d: Buffer) => number }).crc32;
    if (native) expect(native(data) >>> 0).toBe(crc32Table(data));
    expect(crc32Table(Buffer.alloc(0))).toBe(0);
  });
});
