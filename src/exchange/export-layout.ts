/**
 * The header step of reading an export: which column holds what, the levels
 * (from the `n_…` columns) and how wide a whole row is. Columns are found by
 * name, so a spreadsheet that reorders them still reads.
 */
import { EXPORT_COLUMNS, ITEM_COLUMNS, ROW_IDENTITY_COLUMNS, TEXT_COLUMNS, unguardText } from './columns.js';
import type { SourceRow } from './table-source.js';

export class ExportLayout {
  readonly names: ReadonlyArray<string>;
  readonly levels: ReadonlyArray<string>;
  /** Cells a whole row has: a shorter one was cut. */
  readonly width: number;
  private readonly col: ReadonlyMap<string, number>;

  constructor(names: ReadonlyArray<string>) {
    this.names = names;
    this.col = new Map(names.map((h, i) => [h, i]));
    this.levels = names.filter((h) => h.startsWith('n_')).map((h) => h.slice(2));
    this.width = Math.max(...this.col.values()) + 1;
  }

  /** The first of these columns (by default, those every format has) the header lacks, or undefined. */
  missing(columns: ReadonlyArray<string> = [...ROW_IDENTITY_COLUMNS, ...ITEM_COLUMNS, ...EXPORT_COLUMNS]): string | undefined {
    return columns.find((c) => !this.col.has(c));
  }

  /** Index of a column the header is known to have ({@link missing} said so). */
  at(name: string): number {
    return this.col.get(name)!;
  }

  /** A cell trimmed, unguarded when it is a text column. The whole text is already NFC (decodeTable). */
  cell(row: ReadonlyArray<string>, name: string): string {
    const at = this.col.get(name);
    const v = at === undefined ? '' : (row[at] ?? '').trim();
    return TEXT_COLUMNS.has(name) ? unguardText(v) : v;
  }
}

export function layoutOf(header: SourceRow | undefined): ExportLayout {
  return new ExportLayout((header?.cells ?? []).map((h) => h.trim()));
}
