/**
 * A table a user hands tusoi, as rows of text cells with where each came from,
 * whatever stored it. CSV is the one source today (`csv-source.ts`); a later
 * issue adds workbooks (.xlsx, .ods) behind the same type, so the member, unit,
 * paper-form and export readers never look at bytes, encodings or delimiters.
 */
import type { Encoding } from './decode.js';
import type { Delimiter } from './sniff.js';

export interface SourceRow {
  /**
   * 1-based line where the row starts in the file (a CSV record may span
   * several lines). A workbook will give its row number here.
   */
  readonly line: number;
  /** As stored: not trimmed, the leading apostrophe kept (see `unguardText`). */
  readonly cells: ReadonlyArray<string>;
  /** For a workbook: what each cell held (a number or date the office suite typed, or text). CSV rows have none. */
  readonly kinds?: ReadonlyArray<CellKind>;
}

/** What a workbook cell held: text as typed, a number (given as its shortest text), a date (given as `YYYY-MM-DDTHH:MM:SSZ`). */
export type CellKind = 'text' | 'number' | 'date';

/** How a CSV file was stored, for messages ("utf-8-bom, ';'"). */
export interface CsvOrigin {
  readonly kind: 'csv';
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
}

/** A worksheet of a workbook (`xlsx-source.ts`): rows are its row numbers. */
export interface WorkbookOrigin {
  readonly kind: 'workbook';
  readonly sheet: string;
}

export type SourceOrigin = CsvOrigin | WorkbookOrigin;

export interface TableSource<O extends SourceOrigin = SourceOrigin> {
  readonly file: string;
  readonly origin: O;
  readonly rows: ReadonlyArray<SourceRow>;
}

/**
 * What can be wrong with a source before any reader looks at its meaning:
 * broken quoting (the row is kept as read), or text that decoded but is not real
 * Unicode Vietnamese (`decode.ts`). Each reader words it with its own code,
 * since the advice differs (a secretary re-saves a member list; a merging
 * unit asks the sender for the file again).
 */
export type SourceProblemKind = 'syntax' | 'mojibake' | 'legacy-encoding';

export interface SourceProblem {
  readonly kind: SourceProblemKind;
  /** 1-based line (0: the whole file); for `syntax`, the first line of the row. */
  readonly line: number;
  /** For `syntax`: the start of the broken cell, as typed. */
  readonly detail?: string;
}

/** Every cell of a source as one text, for checks over the whole table (legacy encodings). */
export function sourceText(rows: ReadonlyArray<SourceRow>): string {
  return rows.map((r) => r.cells.join('\n')).join('\n');
}
