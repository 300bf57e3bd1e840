/**
 * A sheet to be written (`sheet-spec.ts`) as a CSV file Excel opens as it
 * should: UTF-8 with a byte order mark, CRLF, comma-separated, every text a
 * spreadsheet would turn into a number, a date or a formula guarded with an
 * apostrophe (`columns.ts` `guard`, which every reader of tusoi removes).
 * Numbers are written as numbers; number formats and frozen rows have no CSV form.
 */
import { guard } from './columns.js';
import type { SheetCell, SheetSpec } from './sheet-spec.js';

function cellText(c: SheetCell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  if (typeof c === 'object') return String(c.value);
  const s = guard(c);
  return /[",\r\n]/u.test(s) || /^\s|\s$/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function sheetCsv(sheet: SheetSpec): string {
  return `\uFEFF${sheet.rows.map((r) => r.map(cellText).join(',')).join('\r\n')}\r\n`;
}
