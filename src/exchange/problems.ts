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
] as const;

export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];

export interface CsvProblemParams {
  readonly column?: string;
  readonly value?: string;
  readonly expected?: string;
  readonly detail?: string;
  readonly firstLine?: number;
  readonly name?: string;
  readonly count?: number;
  readonly list?: string;
}

export interface CsvProblem {
  readonly code: CsvProblemCode;
  readonly file: string;
  /** 1-based physical line in the file (0 when the problem concerns the whole file). */
  readonly line: number;
  readonly params: CsvProblemParams;
}

/** The problems found so far in one file: each reading step adds to them. */
export class FileProblems {
  readonly list: CsvProblem[] = [];
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }
  add(code: CsvProblemCode, line: number, params: CsvProblemParams = {}): void {
    this.list.push({ code, file: this.file, line, params });
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}
