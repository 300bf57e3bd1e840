/**
 * A cell export someone opened in Excel or LibreOffice and saved as a
 * workbook, brought back to the rows `tusoi export` wrote, before the usual
 * checks (`import.ts`): numbers as their shortest text (`5`, not `5.0`), a
 * number formatted as a date as `YYYY-MM-DDTHH:MM:SSZ`, rows padded to the
 * header's width (a workbook does not store empty trailing cells). A text
 * identity (round label, versions, codes, ids) the office suite turned into a
 * number or a date cannot be told back ("2026.10" became 2026.1): it is named
 * (`EXPORT_RESAVED_VALUE`), never guessed. `exported_at` is the one text
 * column a date may come back to.
 */
import { TEXT_COLUMNS } from './columns.js';
import type { CsvProblem } from './problems.js';
import type { SourceRow, TableSource, WorkbookOrigin } from './table-source.js';

/** Identity and id columns where a typed number or date is refused; display texts and counts are left to the usual checks. */
const RECOVERABLE = new Set(['exported_at']);

export function exportRowsOfSheet(sheet: TableSource<WorkbookOrigin>): { source: TableSource<WorkbookOrigin>; problems: CsvProblem[] } {
  const header = sheet.rows[0];
  const names = (header?.cells ?? []).map((h) => h.replace(/^\uFEFF/u, '').trim());
  const problems: CsvProblem[] = [];
  const rows: SourceRow[] = sheet.rows.map((r, i) => {
    const cells = [...(i === 0 ? names : r.cells)];
    while (cells.length < names.length) cells.push('');
    if (i > 0 && r.kinds) {
      r.kinds.forEach((kind, c) => {
        const column = names[c];
        if (kind === 'text' || column === undefined || !TEXT_COLUMNS.has(column) || RECOVERABLE.has(column)) return;
        if (column === 'unit_code' || column === 'parent_code') return; // digits only: EXPORT_NUMERIC_UNIT_CODE says it better
        if (column === 'item_text' || column === 'unit_name') return;
        problems.push({ code: 'EXPORT_RESAVED_VALUE', file: sheet.file, line: r.line, col: c + 1, sheet: sheet.origin.sheet, params: { column, value: r.cells[c] ?? '', kind } });
      });
    }
    return { line: r.line, cells };
  });
  return { source: { ...sheet, rows }, problems };
}
