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
import { readWorkbookSheets } from './xlsx-source.js';

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

/** How a command picks the sheet of a workbook: by name (`--sheet`), else the one whose rows `accepts` (the expected header). */
export interface SheetChoice {
  readonly sheet?: string;
  readonly accepts?: (rows: ReadonlyArray<TableRow>) => boolean;
}

/** Why no sheet was taken: the name given is not there, or several sheets fit. */
export type SheetRefusal = { readonly kind: 'not-found' | 'ambiguous'; readonly names: ReadonlyArray<string> };

export interface WorkbookTable extends TableRows {
  readonly sheet: string;
}

/**
 * A table from a worksheet of an .xlsx or .ods workbook. The sheet named, or
 * the only non-empty sheet, or the only one `accepts`; several that fit and
 * no name is `ambiguous`. A workbook that cannot be read (or is past a cap)
 * is one CSV_BAD_WORKBOOK.
 */
export function readWorkbookTable(
  bytes: Uint8Array,
  file: string,
  format: 'xlsx' | 'ods' = 'xlsx',
  choice: SheetChoice = {},
): { table: WorkbookTable; problems: CsvProblem[]; refusal?: SheetRefusal; tooLarge?: boolean } {
  const read = readWorkbookSheets(bytes, file, format);
  const none = { rows: [], sheet: '' };
  if (!read.ok) return { table: none, problems: [{ code: 'CSV_BAD_WORKBOOK', file, line: 0, params: { detail: read.detail } }], tooLarge: read.tooLarge };
  const names = read.sheets.map((s) => s.origin.sheet);
  const tables = read.sheets.map((s) => ({ source: s, ...userTable(s, []) }));
  let chosen;
  if (choice.sheet !== undefined) {
    const want = choice.sheet.normalize('NFC').trim();
    chosen = tables.find((t) => t.source.origin.sheet === want) ?? tables.find((t) => t.source.origin.sheet.toLowerCase() === want.toLowerCase());
    if (!chosen) return { table: none, problems: [], refusal: { kind: 'not-found', names } };
  } else {
    const filled = tables.filter((t) => t.rows.length > 0);
    const fitting = choice.accepts ? filled.filter((t) => choice.accepts!(t.rows)) : [];
    if (fitting.length > 1) return { table: none, problems: [], refusal: { kind: 'ambiguous', names: fitting.map((t) => t.source.origin.sheet) } };
    chosen = fitting[0] ?? (filled.length > 1 && choice.accepts ? undefined : filled[0]) ?? (filled.length === 0 ? tables[0] : undefined);
    if (!chosen) return { table: none, problems: [], refusal: { kind: 'ambiguous', names: filled.map((t) => t.source.origin.sheet) } };
  }
  const sheet = chosen.source.origin.sheet;
  return { table: { rows: chosen.rows, sheet }, problems: chosen.problems.map((p) => ({ ...p, sheet })) };
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
