/**
 * A table a user names (member list, unit list, paper form): read through the
 * one table reader, a damaged file (legacy encoding, mojibake) refused at
 * once with its message; the row problems go back to the command, which
 * reports them all. What the file is comes from its bytes, not its name: an
 * .xlsx or .ods workbook is read (the sheet `--sheet` names, else the one with
 * the expected header), a legacy .xls, a Word file or a PDF is named with
 * what to do and never parsed, anything else is read as CSV. Imported lazily:
 * the interview needs no CSV reader.
 */
import { binaryFormat } from '../exchange/file-format.js';
import { readTable, readWorkbookTable, tableRefusal, type SheetChoice, type TableRows } from '../exchange/table.js';
import type { CsvProblem } from '../exchange/problems.js';
import type { SourceOrigin } from '../exchange/table-source.js';
import { UserError } from '../errors.js';
import type { Context } from './context.js';
import { readUserFile } from './files.js';

export function readUserTable(ctx: Context, file: string, choice: SheetChoice = {}): { table: TableRows; problems: CsvProblem[]; origin: SourceOrigin } {
  const bytes = readUserFile(ctx.io.cwd, file);
  // The bytes say what a file is; a name that says workbook is read as one (and refused as one if it is not).
  const named = /\.ods$/iu.test(file) ? 'ods' : /\.xlsx$/iu.test(file) ? 'xlsx' : undefined;
  const sniffed = binaryFormat(bytes);
  const format = sniffed === 'xlsx' || sniffed === 'ods' ? sniffed : sniffed === undefined ? named : sniffed;
  if (format === 'xlsx' || format === 'ods') {
    const read = readWorkbookTable(bytes, file, format, choice);
    if (read.tooLarge) throw new UserError('WORKBOOK_TOO_LARGE', { file, detail: read.problems[0]?.params.detail ?? '' });
    const broken = read.problems.find((p) => p.code === 'CSV_BAD_WORKBOOK');
    if (broken) throw new UserError('CSV_BAD_WORKBOOK', { file, detail: broken.params.detail ?? '' });
    if (read.refusal?.kind === 'not-found') throw new UserError('WORKBOOK_SHEET_NOT_FOUND', { file, sheet: choice.sheet ?? '', sheets: read.refusal.names.join('", "') });
    if (read.refusal) throw new UserError('WORKBOOK_SHEET_AMBIGUOUS', { file, sheets: read.refusal.names.join('", "') });
    const refusal = tableRefusal(read.problems);
    if (refusal) throw refusal;
    return { table: read.table, problems: read.problems, origin: { kind: 'workbook', sheet: read.table.sheet } };
  }
  if (format === 'xls' && /\.doc$/iu.test(file)) throw new UserError('CSV_NOT_TEXT', { file, format: 'doc' });
  const read = readTable(bytes, file);
  const refusal = tableRefusal(read.problems);
  if (refusal) throw refusal;
  return { ...read, origin: { kind: 'csv', encoding: read.table.encoding, delimiter: read.table.delimiter } };
}

/** A problem of a workbook's table with its sheet, so it prints as "file, sheet "Sheet1", line 7". */
export function onSheet(problems: ReadonlyArray<CsvProblem>, origin: SourceOrigin): CsvProblem[] {
  return origin.kind === 'workbook' ? problems.map((p) => (p.sheet === undefined ? { ...p, sheet: origin.sheet } : p)) : [...problems];
}
