/**
 * The adversarial review's forger (issue 17): edits cells of a real export,
 * then recomputes its integrity value with the public rule, as its 25 lines
 * of Python did. Whatever the integrity value catches, this gets past.
 */
import { integrityOf } from '../../src/exchange/integrity.js';
import { contentOf, readTotals } from '../../src/exchange/export-checks.js';
import { exportCsv } from '../../src/exchange/export.js';
import { layoutOf } from '../../src/exchange/export-layout.js';
import { readBody } from '../../src/exchange/export-rows.js';
import { FileProblems } from '../../src/exchange/problems.js';
import { readRows } from './excel.js';

export type Rows = string[][];

/** A cell of `rows` by column name. */
export function cellAt(rows: Rows, row: number, column: string): string {
  return rows[row]![rows[0]!.indexOf(column)]!;
}

export function setCell(rows: Rows, row: number, column: string, value: string): void {
  rows[row]![rows[0]!.indexOf(column)] = value;
}

/** The index of the first row with this row type and id. */
export function rowOf(rows: Rows, type: string, id?: string): number {
  const i = rows.findIndex((r, k) => k > 0 && cellAt(rows, k, 'row_type') === type && (id === undefined || cellAt(rows, k, 'item_id') === id));
  if (i < 0) throw new Error(`no ${type} row ${id ?? ''}`);
  return i;
}

/** Applies `edit` to the rows of `csv`, recomputes the integrity value, and writes the CSV again. */
export function forge(csv: string, edit: (rows: Rows) => void): Buffer {
  const rows = readRows(csv);
  edit(rows);
  const layout = layoutOf({ line: 1, cells: rows[0]! });
  const source = rows.map((cells, i) => ({ line: i + 1, cells }));
  const problems = new FileProblems('forged');
  const body = readBody(source, layout, problems);
  const totals = readTotals(layout, rows[1]!, body.exportRow!, body.exportLine, problems);
  const integrity = integrityOf(contentOf(Number(cellAt(rows, 1, 'format')), layout.levels, totals, body));
  setCell(rows, rowOf(rows, 'export'), 'integrity', integrity);
  return Buffer.from(exportCsv(rows, ','), 'utf8');
}
