/**
 * A table a user names (member list, unit list, paper form): read through the
 * one table reader, a damaged file (legacy encoding, mojibake) refused at
 * once with its message; the row problems go back to the command, which
 * reports them all. A file named `.xlsx` is read as a workbook (its first
 * sheet); anything else as CSV, where a workbook renamed `.csv` is still named
 * as what it is. Imported lazily: the interview needs no CSV reader.
 */
import { readTable, readWorkbookTable, tableRefusal, type TableRows } from '../exchange/table.js';
import type { CsvProblem } from '../exchange/problems.js';
import type { SourceOrigin } from '../exchange/table-source.js';
import { UserError } from '../errors.js';
import type { Context } from './context.js';
import { readUserFile } from './files.js';

export function readUserTable(ctx: Context, file: string): { table: TableRows; problems: CsvProblem[]; origin: SourceOrigin } {
  const bytes = readUserFile(ctx.io.cwd, file);
  if (/\.xlsx$/iu.test(file)) {
    const { table, problems } = readWorkbookTable(bytes, file);
    const broken = problems.find((p) => p.code === 'CSV_BAD_WORKBOOK');
    if (broken) throw new UserError('CSV_BAD_WORKBOOK', { file, detail: broken.params.detail ?? '' });
    const refusal = tableRefusal(problems);
    if (refusal) throw refusal;
    return { table, problems, origin: { kind: 'workbook', sheet: table.sheet } };
  }
  const read = readTable(bytes, file);
  const refusal = tableRefusal(read.problems);
  if (refusal) throw refusal;
  return { ...read, origin: { kind: 'csv', encoding: read.table.encoding, delimiter: read.table.delimiter } };
}
