/**
 * A workbook to be written, as plain data: what `report --format xlsx`,
 * `answer --template` and `questionnaire export` build, and what the one
 * workbook writer turns into .xlsx or .ods bytes. Kept apart from the writer
 * so the builders (pure, tested on their data) never import it.
 */

/** How a number cell is shown; the cell keeps the number itself. */
export type NumberFormat = 'integer' | 'decimal1' | 'percent1';

/** One cell: text, a plain number, a formatted number, or nothing. */
export type SheetCell = string | number | { readonly value: number; readonly format: NumberFormat } | null;

export interface SheetSpec {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rule, which LibreOffice keeps). */
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<SheetCell>>;
  /** Rows kept in view when scrolling (the header rows). */
  readonly freezeRows?: number;
  /** Column widths in characters, by column. */
  readonly widths?: ReadonlyArray<number>;
}

export type WorkbookFormat = 'xlsx' | 'ods';
