/**
 * Problems found in a CSV file a user gave (member list, paper answers, cell
 * export): a stable code, the line (and column where known), parameters.
 * Words live in the i18n catalogues.
 */

export const CSV_PROBLEM_CODES = [
  'CSV_SYNTAX',
  'CSV_NO_HEADER',
  'CSV_EMPTY_FILE',
  'CSV_EMPTY_VALUE',
  'CSV_BAD_CODE',
  'CSV_DUPLICATE_CODE',
  'CSV_CODE_TAKEN',
  'CSV_UNKNOWN_BEHAVIOUR',
  'CSV_UNKNOWN_LEVEL',
  'CSV_DUPLICATE_BEHAVIOUR',
  'CSV_MISSING_BEHAVIOURS',
  'CSV_LEGACY_ENCODING',
  'CSV_MOJIBAKE',
  'EXPORT_NOT_TUSOI',
  'EXPORT_FORMAT_NEWER',
  'EXPORT_TRUNCATED',
  'EXPORT_INCONSISTENT',
  'EXPORT_BAD_NUMBER',
  'EXPORT_BAD_ROW_TYPE',
  'EXPORT_DUPLICATE_ITEM',
  'EXPORT_NUMERIC_UNIT_CODE',
  'EXPORT_INTEGRITY',
  'EXPORT_ARITHMETIC',
  'EXPORT_LEGACY_ENCODING',
  'EXPORT_MOJIBAKE',
  'EXPORT_EMPTY',
  'EXPORT_SYNTAX',
  /** A spreadsheet (.xlsx, .ods, .xls) given where a CSV belongs, named by `format`. */
  'CSV_WORKBOOK',
  /** Not a table at all (a zip, a PDF, a database…), named by `format`. */
  'CSV_NOT_TEXT',
  'EXPORT_WORKBOOK',
  'EXPORT_NOT_TEXT',
  /** A FIFO, a device, a folder… named in a merge: not read (`kind`). */
  'FILE_NOT_REGULAR',
  /** Over the cap for its kind of file (`count` bytes, `limit`): not read. */
  'FILE_TOO_LARGE',
  /** The last of a file's problems when there were more than {@link MAX_PROBLEMS_PER_FILE}: how many more (`count`). */
  'MORE_PROBLEMS',
  // Member lists as offices keep them (issue 15, part 3).
  /** A repeated header row below the first (`firstLine`): refused, as it is no member. */
  'CSV_HEADER_ROW',
  /** A row of separators (`----`, `====`): refused. */
  'CSV_SEPARATOR_ROW',
  /** A warning: a code of digits only (`value`), whose leading zeros Excel drops at the next re-save. */
  'CSV_NUMERIC_MEMBER_CODE',
  /** A warning: the foot of a member list (a total, a date, a signature block; `value`) and every row from it down to `lastLine`, not read as members. */
  'CSV_LIST_FOOT',
  /** An .xlsx file that is not a readable workbook (`detail`): nothing read. */
  'CSV_BAD_WORKBOOK',
  // Text hygiene (issue 14, part 4): `column`, `value` (the character, "U+202E"), `position`, `kind`; or `count` over `limit`.
  /** A member or unit list's name or code holding a control, bidirectional or invisible character: refused. */
  'CSV_UNSAFE_TEXT',
  /** A member or unit list's name over its cap: refused. */
  'CSV_TEXT_TOO_LONG',
  /** An export's code, round label, item id or other identity holding such a character: refused, never cleaned into another code. */
  'EXPORT_UNSAFE_TEXT',
  /** An export's code, round label or item id over its cap: refused. */
  'EXPORT_TEXT_TOO_LONG',
  /** Warning: an export's unit name held such characters; they were removed and the file merged. */
  'EXPORT_TEXT_CLEANED',
  /** Warning: an export's unit name was over its cap; it was cut there and the file merged. */
  'EXPORT_TEXT_TRUNCATED',
  // Spreadsheets in (issue 16, parts 1 and 2).
  /** A re-saved export whose text identity (`column`) the office suite turned into a number or a date (`kind`, `value`): cannot be told back. */
  'EXPORT_RESAVED_VALUE',
  /** A whole cell's sheet of forms: a cell that is no level (`value`, `column` letter, `name` of the member or ballot). */
  'SHEET_BAD_LEVEL',
  /** A blank cell without `--blank-is-none`. */
  'SHEET_BLANK',
  /** A column header naming no member (after the one text column). */
  'SHEET_UNKNOWN_MEMBER',
  /** Two columns for one member (`firstLine` holds the first column's number). */
  'SHEET_DUPLICATE_MEMBER',
  /** A sheet with no member or ballot column. */
  'SHEET_NO_COLUMNS',
  /** A column of member names in an anonymous sheet mixed with ballot numbers. */
  'SHEET_MIXED_COLUMNS',
  // Every file checked in full before it counts (issue 17, part 4).
  /** A unit code (`column`, `value`) outside the pattern `init` enforces: a look-alike, a space, an empty code. */
  'EXPORT_BAD_UNIT_CODE',
  /** Not exactly one `overall` row (`count`; `firstLine` of the first; `value` a wrong id). */
  'EXPORT_OVERALL_ROWS',
  /** A whole's counts (`value`) against its parts: `kind` 'min' (fewer at a level than part `name`, `count` < `limit`) or 'max' (more than all parts together). */
  'EXPORT_ROLLUP',
  /** `exported_at` (`value`) not `YYYY-MM-DDTHH:MM:SSZ` (`expected`). */
  'EXPORT_BAD_TIME',
  /** `exported_at` (`value`) later than the merge time plus a day (`expected`). */
  'EXPORT_FUTURE_TIME',
  /** A signed file (format 2) whose key is not a key (`kind` 'key') or whose signature does not verify over its content (`kind` 'signature', `value` the key's fingerprint). */
  'EXPORT_SIGNATURE',
  /** Warning: an unsigned file (format 1, or from a database without a key) merged for unit `value`, which has no key yet. */
  'EXPORT_UNSIGNED',
  /** A unit list's fingerprint cell (`value`) that is not four groups of four characters of the alphabet. */
  'CSV_BAD_FINGERPRINT',
] as const;

export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];

export interface CsvProblemParams {
  readonly column?: string;
  readonly value?: string;
  readonly expected?: string;
  readonly detail?: string;
  readonly firstLine?: number;
  /** The last line a problem spans (the foot of a member list, from its line down to this one). */
  readonly lastLine?: number;
  readonly name?: string;
  readonly count?: number;
  readonly list?: string;
  /** What a file is instead of a table (`file-format.ts`), or what a path is instead of a file. */
  readonly format?: string;
  readonly kind?: string;
  readonly limit?: number;
  /** Where in the cell an unsafe character stands (1-based, in characters). */
  readonly position?: number;
}

export interface CsvProblem {
  readonly code: CsvProblemCode;
  readonly file: string;
  /** 1-based physical line in the file (0 when the problem concerns the whole file). */
  readonly line: number;
  /** 1-based column, where one cell is at fault. */
  readonly col?: number;
  /** The worksheet, for a workbook. */
  readonly sheet?: string;
  readonly params: CsvProblemParams;
}

/**
 * How many problems of one file are kept and listed: a damaged 20 MB file
 * once gave millions of lines of messages. The rest are counted
 * (`MORE_PROBLEMS`, "… and K more").
 */
export const MAX_PROBLEMS_PER_FILE = 100;

/** At most {@link MAX_PROBLEMS_PER_FILE} problems of one file, then one `MORE_PROBLEMS` with how many were left out. */
export function boundProblems(problems: ReadonlyArray<CsvProblem>): CsvProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return [...problems];
  const kept = problems.slice(0, MAX_PROBLEMS_PER_FILE);
  return [...kept, { code: 'MORE_PROBLEMS', file: kept[0]!.file, line: 0, params: { count: problems.length - kept.length } }];
}

/** The problems found so far in one file: each reading step adds to them; beyond the bound they are only counted. */
export class FileProblems {
  private readonly kept: CsvProblem[] = [];
  private more = 0;
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }
  add(code: CsvProblemCode, line: number, params: CsvProblemParams = {}): void {
    if (this.kept.length < MAX_PROBLEMS_PER_FILE) this.kept.push({ code, file: this.file, line, params });
    else this.more++;
  }
  /** The problems kept, then `MORE_PROBLEMS` when some were only counted. */
  get list(): CsvProblem[] {
    return this.more === 0 ? this.kept : [...this.kept, { code: 'MORE_PROBLEMS', file: this.file, line: 0, params: { count: this.more } }];
  }
  get any(): boolean {
    return this.kept.length > 0;
  }
}
