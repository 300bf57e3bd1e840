/**
 * The list of units expected to report, from a table: code, name, parent code
 * and (optionally) level, found by their headers in Vietnamese or English.
 * Without a level column, levels are inferred from the file: a unit that is
 * another unit's parent in it is a grassroots committee (`dang-uy-co-so`), the
 * others cells (`chi-bo`); a list without parent links is all cells. A level
 * column, where present, wins (an empty level cell is inferred the same way).
 */
import { fold, nameKey } from '../text/vietnamese.js';
import type { CsvProblem } from './problems.js';
import { cellTextProblem, type TableRows } from './table.js';
import { TEXT_LIMITS } from '../text/hygiene.js';
import { normaliseFingerprint } from './signature.js';

const CODE = ['ma', 'ma don vi', 'code', 'unit code', 'unit_code'];
const NAME = ['ten', 'ten don vi', 'name', 'unit name', 'unit_name'];
const PARENT = ['cap tren', 'ma cap tren', 'parent', 'parent code', 'parent_code', 'truc thuoc'];
const LEVEL = ['cap', 'level', 'loai'];
/** The unit's key fingerprint, as it read it over the phone (issue 17): optional. */
const FINGERPRINT = ['van tay', 'dau van tay', 'dau van tay khoa', 'fingerprint', 'key fingerprint', 'khoa'];

export const UNIT_CODE = /^(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export interface UnitRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parentCode: string | null;
  /** Normalised (`exchange/signature.ts`); undefined when the list gives none. */
  readonly fingerprint?: string;
}

/** True when a row is a unit list's header (a code and a name column): how a workbook's sheet is chosen. */
export function isUnitHeader(row: { readonly cells: ReadonlyArray<string> } | undefined): boolean {
  const header = (row?.cells ?? []).map((c) => fold(c));
  return header.some((h) => CODE.includes(h)) && header.some((h) => NAME.includes(h));
}

export function unitsFromTable(table: TableRows, file: string): { units: UnitRow[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const first = table.rows[0];
  if (!first) return { units: [], problems: [{ code: 'CSV_EMPTY_FILE', file, line: 0, params: {} }] };
  const header = first.cells.map((c) => fold(c));
  const at = (names: string[]) => header.findIndex((h) => names.includes(h));
  const [c, n, p, l, f] = [at(CODE), at(NAME), at(PARENT), at(LEVEL), at(FINGERPRINT)];
  if (c < 0 || n < 0) return { units: [], problems: [{ code: 'CSV_NO_HEADER', file, line: first.line, params: { expected: '"Mã" (code), "Tên" (name), "Cấp trên" (parent)' } }] };
  const seen = new Map<string, number>();
  const units: UnitRow[] = [];
  for (const row of table.rows.slice(1)) {
    const code = (row.cells[c] ?? '').trim();
    const name = nameKey(row.cells[n] ?? '');
    const parent = p >= 0 ? (row.cells[p] ?? '').trim() : '';
    const level = l >= 0 ? (row.cells[l] ?? '').trim() : '';
    let ok = true;
    // Text hygiene on every cell kept, before the other checks (it says more).
    const column = (i: number, fallback: string) => first.cells[i] ?? fallback;
    const unsafe =
      cellTextProblem(code, column(c, 'code'), TEXT_LIMITS.code, file, row.line) ??
      cellTextProblem(row.cells[n] ?? '', column(n, 'name'), TEXT_LIMITS.unitName, file, row.line) ??
      cellTextProblem(parent, column(p, 'parent'), TEXT_LIMITS.code, file, row.line) ??
      cellTextProblem(level, column(l, 'level'), TEXT_LIMITS.level, file, row.line);
    if (unsafe) {
      problems.push(unsafe);
      continue;
    }
    if (!UNIT_CODE.test(code)) {
      problems.push({ code: code === '' ? 'CSV_EMPTY_VALUE' : 'CSV_BAD_CODE', file, line: row.line, params: { value: code, column: first.cells[c] ?? 'code' } });
      ok = false;
    } else if (seen.has(code)) {
      problems.push({ code: 'CSV_DUPLICATE_CODE', file, line: row.line, params: { value: code, firstLine: seen.get(code)! } });
      ok = false;
    } else seen.set(code, row.line);
    if (name === '') {
      problems.push({ code: 'CSV_EMPTY_VALUE', file, line: row.line, params: { column: first.cells[n] ?? 'name' } });
      ok = false;
    }
    if (parent !== '' && !UNIT_CODE.test(parent)) {
      problems.push({ code: 'CSV_BAD_CODE', file, line: row.line, params: { value: parent } });
      ok = false;
    }
    const fpText = f >= 0 ? (row.cells[f] ?? '').trim() : '';
    const fingerprint = fpText === '' ? undefined : normaliseFingerprint(fpText);
    if (fpText !== '' && !fingerprint) {
      problems.push({ code: 'CSV_BAD_FINGERPRINT', file, line: row.line, params: { value: fpText, column: first.cells[f] ?? 'fingerprint' } });
      ok = false;
    }
    if (ok) units.push({ line: row.line, code, name, level, parentCode: parent || null, ...(fingerprint ? { fingerprint } : {}) });
  }
  const parents = new Set(units.flatMap((u) => (u.parentCode !== null ? [u.parentCode] : [])));
  return { units: units.map((u) => (u.level !== '' ? u : { ...u, level: parents.has(u.code) ? 'dang-uy-co-so' : 'chi-bo' })), problems };
}
