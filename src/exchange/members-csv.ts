/**
 * A member list from a table: a name column and an optional code column,
 * found by their headers (Vietnamese or English, diacritics optional). A file
 * of one column without a recognised header is taken as names only.
 */
import { fold, nameKey } from '../text/vietnamese.js';
import type { CsvProblem } from './problems.js';
import { cellTextProblem, type TableRows } from './table.js';
import { TEXT_LIMITS } from '../text/hygiene.js';

const NAME_HEADERS = ['ho ten', 'ho va ten', 'ten', 'ho ten dang vien', 'name', 'full name', 'fullname', 'member', 'ten dang vien'];
const CODE_HEADERS = ['ma', 'ma so', 'ma dang vien', 'code', 'id', 'member code', 'so the', 'so the dang vien'];

/** Member codes: short, unaccented, safe in any spreadsheet. */
export const MEMBER_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export interface MemberRow {
  readonly line: number;
  readonly name: string;
  readonly code?: string;
}

export function membersFromTable(table: TableRows, file: string): { members: MemberRow[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const first = table.rows[0];
  if (!first) return { members: [], problems: [{ code: 'CSV_EMPTY_FILE', file, line: 0, params: {} }] };
  const header = first.cells.map((c) => fold(c));
  let nameCol = header.findIndex((h) => NAME_HEADERS.includes(h));
  const codeCol = header.findIndex((h) => CODE_HEADERS.includes(h));
  let data = table.rows.slice(1);
  if (nameCol < 0) {
    if (table.rows.every((r) => r.cells.length === 1)) {
      nameCol = 0;
      data = [...table.rows];
    } else {
      return {
        members: [],
        problems: [{ code: 'CSV_NO_HEADER', file, line: first.line, params: { expected: '"Họ tên" (name) and optionally "Mã" (code)' } }],
      };
    }
  }
  if (data.length === 0) return { members: [], problems: [{ code: 'CSV_EMPTY_FILE', file, line: 0, params: {} }] };
  const codes = new Map<string, number>();
  const members: MemberRow[] = [];
  const nameHeader = data.length === table.rows.length ? 'name' : (first.cells[nameCol] ?? 'name');
  const codeHeader = codeCol >= 0 ? (first.cells[codeCol] ?? 'code') : 'code';
  for (const row of data) {
    const name = nameKey(row.cells[nameCol] ?? '');
    const code = codeCol >= 0 ? (row.cells[codeCol] ?? '').trim() : '';
    let ok = true;
    // Text hygiene on the final name and code, before the other checks (it says more).
    const unsafe = cellTextProblem(row.cells[nameCol] ?? '', nameHeader, TEXT_LIMITS.memberName, file, row.line) ?? cellTextProblem(code, codeHeader, TEXT_LIMITS.code, file, row.line);
    if (unsafe) {
      problems.push(unsafe);
      continue;
    }
    if (name === '') {
      problems.push({ code: 'CSV_EMPTY_VALUE', file, line: row.line, params: { column: nameHeader } });
      ok = false;
    }
    if (code !== '') {
      if (!MEMBER_CODE_PATTERN.test(code)) {
        problems.push({ code: 'CSV_BAD_CODE', file, line: row.line, params: { value: code } });
        ok = false;
      } else {
        const seen = codes.get(code.toUpperCase());
        if (seen !== undefined) {
          problems.push({ code: 'CSV_DUPLICATE_CODE', file, line: row.line, params: { value: code, firstLine: seen } });
          ok = false;
        } else codes.set(code.toUpperCase(), row.line);
      }
    }
    if (ok) members.push(code === '' ? { line: row.line, name } : { line: row.line, name, code });
  }
  return { members, problems };
}
