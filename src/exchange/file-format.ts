/**
 * What a file that is not a text table is, from its first bytes: a workbook
 * renamed `.csv`, a zip, a PDF, a tusoi database… so the message names it
 * instead of calling it damaged Vietnamese text.
 */

/** Spreadsheets, which the user can save as CSV; anything else is sent again as the right file. */
export type WorkbookFormat = 'xlsx' | 'ods' | 'xls';
export type OtherFormat = 'zip' | 'docx' | 'doc' | 'pdf' | 'sqlite' | 'gzip' | '7z' | 'rar' | 'image';
export type BinaryFormat = WorkbookFormat | OtherFormat;

const WORKBOOKS: ReadonlySet<string> = new Set<WorkbookFormat>(['xlsx', 'ods', 'xls']);

export function isWorkbook(f: BinaryFormat): f is WorkbookFormat {
  return WORKBOOKS.has(f);
}

const startsWith = (b: Uint8Array, sig: ReadonlyArray<number>): boolean => b.length >= sig.length && sig.every((x, i) => b[i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Where a zip holds a name: the local headers list every entry's path. */
function zipHolds(b: Uint8Array, name: string): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(name, 0, 'latin1');
}

/** The format of bytes that are not a text table, or undefined for anything that may be one. */
export function binaryFormat(b: Uint8Array): BinaryFormat | undefined {
  // Zip: local file header, or the end record of an empty archive.
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    if (zipHolds(b, 'application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (zipHolds(b, 'xl/')) return 'xlsx';
    if (zipHolds(b, 'word/')) return 'docx';
    return 'zip';
  }
  // OLE2 compound file: Excel 97–2003 (.xls), also old Word files; a table is most likely.
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(b, ascii('%PDF-'))) return 'pdf';
  if (startsWith(b, [...ascii('SQLite format 3'), 0])) return 'sqlite';
  if (startsWith(b, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(b, ascii('Rar!\x1a\x07'))) return 'rar';
  if (startsWith(b, [0x89, ...ascii('PNG')]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWith(b, ascii('GIF8'))) return 'image';
  return undefined;
}
