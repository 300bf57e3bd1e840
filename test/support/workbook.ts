/** Reading a workbook back in a test: its sheets by name (through tusoi's own reader), and every XML part as text. */
import { readWorkbookSheets } from '../../src/exchange/xlsx-source.js';
import { Zip } from '../../src/exchange/zip.js';

export interface ReadCell {
  readonly text: string;
  readonly kind: 'text' | 'number' | 'date';
}

/** Each sheet's rows (by row number, 1-based; absent rows are empty), cells padded with empty text. */
export function workbookSheets(bytes: Uint8Array, format: 'xlsx' | 'ods'): Map<string, ReadCell[][]> {
  const r = readWorkbookSheets(bytes, 'test', format);
  if (!r.ok) throw new Error(`unreadable workbook: ${r.detail}`);
  return new Map(
    r.sheets.map((s) => {
      const rows: ReadCell[][] = [];
      for (const row of s.rows) rows[row.line - 1] = row.cells.map((text, i) => ({ text, kind: row.kinds?.[i] ?? 'text' }));
      return [s.origin.sheet, Array.from(rows, (x) => x ?? [])];
    }),
  );
}

/** A number cell's value, or the text of any other cell (a hidden count "<5"), or null for an empty cell. */
export function valueOf(c: ReadCell | undefined): number | string | null {
  if (c === undefined || c.text === '') return null;
  return c.kind === 'number' ? Number(c.text) : c.text;
}

/** Every entry of the zip as text. */
export function zipTexts(bytes: Uint8Array): Map<string, string> {
  const zip = new Zip(Buffer.from(bytes));
  return new Map([...zip.entries.keys()].map((name) => [name, zip.text(name)!]));
}
