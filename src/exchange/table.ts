/**
 * A small table a person saved (member list, unit list, paper form), read
 * through the one table path (`csv-source.ts`): rows with their lines, cells
 * trimmed and unguarded, and every problem returned, never thrown. Cell
 * exports take the same path in `import.ts`.
 */
import { UserError } from '../errors.js';
import { unguardText } from './columns.js';
import { textDamage, type Encoding } from './decode.js';
import { readCsvSource } from './csv-source.js';
import { binaryFormat, isWorkbook } from './file-format.js';
import type { CsvProblem, CsvProblemCode } from './problems.js';
import type { Delimiter } from './sniff.js';
import { checkText, codePointLabel } from '../text/hygiene.js';
import { sourceText, type SourceProblem, type SourceProblemKind, type SourceRow, type TableSource } from './table-source.js';
import { readXlsxSource } from './xlsx-source.js';

/** A row of a user's table: cells trimmed and unguarded, trailing empty cells dropped. */
export type TableRow = SourceRow;

/** What the member, unit and paper-form readers need of a table, whatever stored it. */
export interface TableRows {
  readonly rows: ReadonlyArray<TableRow>;
}

export interface Table extends TableRows {
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
}

const USER_CODES: Readonly<Record<SourceProblemKind, CsvProblemCode>> = {
  syntax: 'CSV_SYNTAX',
  mojibake: 'CSV_MOJIBAKE',
  'legacy-encoding': 'CSV_LEGACY_ENCODING',
};

/** Blank rows, rows with broken quoting (reported) and trailing empty cells (Excel's `;;;`) are dropped. */
function userRows(rows: ReadonlyArray<SourceRow>, found: ReadonlyArray<SourceProblem>): TableRow[] {
  const broken = new Set(found.map((p) => p.line));
  const out: TableRow[] = [];
  for (const r of rows) {
    if (broken.has(r.line)) continue;
    const cells = r.cells.map((c) => unguardText(c.normalize('NFC').trim()));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) out.push({ line: r.line, cells });
  }
  return out;
}

/**
 * A source as a user's table. Damaged text (a legacy encoding, mojibake) is
 * the only problem then, as nothing else in the file can be trusted.
 */
export function userTable(source: TableSource, found: ReadonlyArray<SourceProblem>): { rows: TableRow[]; problems: CsvProblem[] } {
  const rows = userRows(source.rows, found);
  const damage = textDamage(sourceText(rows));
  const problems = damage ? [{ kind: damage, line: 0 }] : found;
  return { rows, problems: problems.map((p) => ({ code: USER_CODES[p.kind], file: source.file, line: p.line, params: p.detail === undefined ? {} : { detail: p.detail } })) };
}

/** Decodes and reads a CSV table; rows that cannot be read are problems with their line. */
export function readTable(bytes: Uint8Array, file: string): { table: Table; problems: CsvProblem[] } {
  // A workbook renamed .csv, a zip, a PDF: named as what it is, not read as damaged text.
  const format = binaryFormat(bytes);
  if (format) {
    return { table: { rows: [], encoding: 'utf-8', delimiter: ',' }, problems: [{ code: isWorkbook(format) ? 'CSV_WORKBOOK' : 'CSV_NOT_TEXT', file, line: 0, params: { format } }] };
  }
  const { source, problems } = readCsvSource(bytes, file);
  const { rows, problems: all } = userTable(source, problems);
  return { table: { rows, encoding: source.origin.encoding, delimiter: source.origin.delimiter }, problems: all };
}

/** A table from a worksheet: the first of an .xlsx workbook; a workbook that cannot be read is one CSV_BAD_WORKBOOK. */
export function readWorkbookTable(bytes: Uint8Array, file: string): { table: TableRows & { readonly sheet: string }; problems: CsvProblem[] } {
  const read = readXlsxSource(bytes, file);
  if (!read.ok) return { table: { rows: [], sheet: '' }, problems: [{ code: 'CSV_BAD_WORKBOOK', file, line: 0, params: { detail: read.detail } }] };
  const { rows, problems } = userTable(read.source, []);
  return { table: { rows, sheet: read.source.origin.kind === 'workbook' ? read.source.origin.sheet : '' }, problems };
}

/**
 * The problem that refuses a whole file (a legacy encoding, mojibake) as the
 * error the command shows instead of a list of rows; undefined when none.
 */
export function tableRefusal(problems: ReadonlyArray<CsvProblem>): UserError<'CSV_MOJIBAKE' | 'CSV_LEGACY_ENCODING' | 'CSV_WORKBOOK' | 'CSV_NOT_TEXT'> | undefined {
  const format = problems.find((x) => x.code === 'CSV_WORKBOOK' || x.code === 'CSV_NOT_TEXT');
  if (format) return new UserError(format.code as 'CSV_WORKBOOK' | 'CSV_NOT_TEXT', { file: format.file, format: format.params.format ?? '' });
  const p = problems.find((x) => x.code === 'CSV_MOJIBAKE' || x.code === 'CSV_LEGACY_ENCODING');
  return p ? new UserError(p.code as 'CSV_MOJIBAKE' | 'CSV_LEGACY_ENCODING', { file: p.file }) : undefined;
}

/**
 * The hygiene check on one cell of a user's table that becomes a name or a
 * code (`text/hygiene.ts`), beside the apostrophe rule (`unguardText`) and the
 * damaged-text rule (`textDamage`): a control, bidirectional or invisible
 * character is refused (`CSV_UNSAFE_TEXT`, with the character and its
 * position), then more than `limit` characters (`CSV_TEXT_TOO_LONG`). The
 * person who made the list can fix it, so nothing is cleaned silently.
 */
export function cellTextProblem(value: string, column: string, limit: number, file: string, line: number): CsvProblem | undefined {
  const problem = checkText(value, limit);
  if (!problem) return undefined;
  if (problem.kind === 'too-long') return { code: 'CSV_TEXT_TOO_LONG', file, line, params: { column, count: problem.length, limit } };
  const { char } = problem;
  return { code: 'CSV_UNSAFE_TEXT', file, line, params: { column, value: codePointLabel(char.codePoint), position: char.position, kind: char.kind } };
}
