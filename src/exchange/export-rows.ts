/**
 * The rows step of reading an export: each row is whole, carries the file's
 * identity, and is sorted by its type (the one `export` row, the covered
 * units, the counted items) with its numbers read. A bad row is noted and
 * skipped, so that one pass reports every bad row.
 */
import type { CoveredUnit } from '../summary/aggregate.js';
import { countColumn, ROW_IDENTITY_COLUMNS, unguardText, type RowType } from './columns.js';
import type { ExportLayout } from './export-layout.js';
import type { FileProblems } from './problems.js';
import type { SourceRow } from './table-source.js';

export type ItemType = Exclude<RowType, 'unit' | 'export'>;

export interface ItemRow {
  readonly type: ItemType;
  readonly id: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly vector: ReadonlyArray<number>;
  readonly line: number;
}

export interface ExportBody {
  readonly exportRow: ReadonlyArray<string> | undefined;
  readonly exportLine: number;
  /** Keyed by type and id. */
  readonly items: ReadonlyMap<string, ItemRow>;
  readonly units: ReadonlyArray<CoveredUnit>;
  readonly unitLines: ReadonlyMap<string, number>;
}

const NUMBER = /^\d{1,9}$/;
/** A unit code Excel may have read as a number, losing its leading zeros. */
export const ALL_DIGITS = /^\d+$/;

export const isWholeNumber = (v: string): boolean => NUMBER.test(v);

const blank = (row: ReadonlyArray<string>): boolean => row.every((c) => c.trim() === '');
const unguarded = (cell: string | undefined): string => unguardText((cell ?? '').trim());

/** A count cell as a number; 0 and a problem when it is not a whole number. */
export function wholeNumber(layout: ExportLayout, row: ReadonlyArray<string>, name: string, line: number, problems: FileProblems): number {
  const v = layout.cell(row, name);
  if (NUMBER.test(v)) return Number(v);
  problems.add('EXPORT_BAD_NUMBER', line, { column: name, value: v });
  return 0;
}

class BodyReader implements ExportBody {
  exportRow: ReadonlyArray<string> | undefined;
  exportLine = 0;
  readonly items = new Map<string, ItemRow>();
  readonly units: CoveredUnit[] = [];
  readonly unitLines = new Map<string, number>();
  private readonly layout: ExportLayout;
  private readonly first: ReadonlyArray<string>;
  private readonly problems: FileProblems;
  private readonly idCols: ReadonlyArray<number>;
  private readonly countCols: ReadonlyArray<number>;

  constructor(layout: ExportLayout, first: ReadonlyArray<string>, problems: FileProblems) {
    this.layout = layout;
    this.first = first;
    this.problems = problems;
    this.idCols = ROW_IDENTITY_COLUMNS.map((c) => layout.at(c));
    this.countCols = layout.levels.map((l) => layout.at(countColumn(l)));
  }

  read({ cells: row, line }: SourceRow): void {
    if (row.length < this.layout.width) {
      if (!blank(row)) this.problems.add('EXPORT_TRUNCATED', line, { value: String(row.length), expected: String(this.layout.width) });
      return; // else Excel's empty rows
    }
    this.checkIdentity(row, line);
    const type = unguarded(row[this.layout.at('row_type')]) as RowType;
    const id = unguarded(row[this.layout.at('item_id')]);
    switch (type) {
      case 'export':
        if (this.exportRow) this.problems.add('EXPORT_DUPLICATE_ITEM', line, { value: 'export', firstLine: this.exportLine });
        this.exportRow = row;
        this.exportLine = line;
        return;
      case 'unit':
        return this.unit(row, id, line);
      case 'overall':
      case 'group':
      case 'manifestation':
      case 'behaviour':
        return this.item(row, type, id, line);
      default:
        if (!blank(row)) this.problems.add('EXPORT_BAD_ROW_TYPE', line, { value: type });
    }
  }

  /** Raw cells are compared first (fast); only a difference is looked at unguarded. */
  private checkIdentity(row: ReadonlyArray<string>, line: number): void {
    for (const c of this.idCols) {
      if (row[c] === this.first[c] || unguarded(row[c]) === unguarded(this.first[c])) continue;
      if (!blank(row)) this.problems.add('EXPORT_INCONSISTENT', line, { column: this.layout.names[c] ?? '', value: unguarded(this.first[c]) });
      return;
    }
  }

  private unit(row: ReadonlyArray<string>, code: string, line: number): void {
    const { layout, problems } = this;
    if (ALL_DIGITS.test(code)) problems.add('EXPORT_NUMERIC_UNIT_CODE', line, { value: code });
    const seen = this.unitLines.get(code);
    if (seen !== undefined) problems.add('EXPORT_DUPLICATE_ITEM', line, { value: code, firstLine: seen });
    this.unitLines.set(code, line);
    const parent = layout.cell(row, 'item_parent');
    this.units.push({
      code,
      name: layout.cell(row, 'item_text'),
      level: layout.cell(row, 'item_level'),
      parentCode: parent === '' ? null : parent,
      members: wholeNumber(layout, row, 'item_members', line, problems),
      respondents: wholeNumber(layout, row, 'item_respondents', line, problems),
    });
  }

  private item(row: ReadonlyArray<string>, type: ItemType, id: string, line: number): void {
    const key = `${type}\u0000${id}`;
    const seen = this.items.get(key);
    if (seen) {
      this.problems.add('EXPORT_DUPLICATE_ITEM', line, { value: id, firstLine: seen.line });
      return;
    }
    const { levels } = this.layout;
    const counts: Record<string, number> = {};
    const vector: number[] = [];
    for (let k = 0; k < levels.length; k++) {
      const v = (row[this.countCols[k]!] ?? '').trim();
      let n = 0;
      if (NUMBER.test(v)) n = Number(v);
      else this.problems.add('EXPORT_BAD_NUMBER', line, { column: countColumn(levels[k]!), value: v });
      counts[levels[k]!] = n;
      vector.push(n);
    }
    this.items.set(key, { type, id, counts, vector, line });
  }
}

/** Reads every row after the header; `first` is the first data row, whose identity every row must carry. */
export function readBody(rows: ReadonlyArray<SourceRow>, layout: ExportLayout, problems: FileProblems): ExportBody {
  const reader = new BodyReader(layout, rows[1]!.cells, problems);
  for (let i = 1; i < rows.length; i++) reader.read(rows[i]!);
  return reader;
}
