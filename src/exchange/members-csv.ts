/**
 * A member list from a table, as offices keep them: titles and blank lines
 * above the header, an STT column, the name in one column or split in two or
 * three (Họ / Họ đệm / Tên), a code column, other columns ignored. The header
 * is the first row that names a name column (Vietnamese or English,
 * diacritics and case aside); a file of one column without a recognised
 * header is taken as names only.
 *
 * Pure: rows in, member rows and located problems out. Whether a row is new,
 * already listed or a namesake is decided against the database in
 * `store/members.ts` (`planMembers`).
 */
import { fold, nameKey } from '../text/vietnamese.js';
import type { CsvProblem, CsvProblemCode, CsvProblemParams } from './problems.js';
import { cellTextProblem, type TableRow, type TableRows } from './table.js';
import { TEXT_LIMITS } from '../text/hygiene.js';

/** Member codes: short, unaccented, safe in any spreadsheet. */
export const MEMBER_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** A code Excel takes for a number: its leading zeros are lost at the next re-save. */
export const NUMERIC_CODE = /^\d+$/;

/** What a header cell says its column holds. */
type ColumnRole = 'full' | 'family' | 'middle' | 'family-middle' | 'given' | 'code' | 'index';

/**
 * Header texts as `headerKey` gives them (folded, punctuation dropped). "Tên"
 * alone is a full name; beside a family-name column it is the given name.
 */
const HEADERS: ReadonlyArray<readonly [ColumnRole, ReadonlyArray<string>]> = [
  ['full', ['ho ten', 'ho va ten', 'ho ten dang vien', 'ho va ten dang vien', 'ten dang vien', 'name', 'full name', 'fullname', 'member', 'member name']],
  ['family', ['ho', 'family name', 'surname', 'last name']],
  ['middle', ['dem', 'ten dem', 'ten lot', 'lot', 'middle name']],
  ['family-middle', ['ho dem', 'ho va dem', 'ho va ten dem', 'ho va ten lot', 'ho lot', 'ho va lot']],
  ['given', ['ten', 'given name', 'first name']],
  ['code', ['ma', 'ma so', 'ma dang vien', 'code', 'id', 'member code', 'so the', 'so the dang vien']],
  ['index', ['stt', 'tt', 'so tt', 'so thu tu', 'no', 'number', '#']],
];

const ROLE_OF = new Map<string, ColumnRole>(HEADERS.flatMap(([role, keys]) => keys.map((k) => [k, role] as const)));

/** A header cell folded for matching: "Họ và tên:" → "ho va ten", "Mã số" → "ma so", "#" kept. */
export function headerKey(cell: string): string {
  const folded = fold(cell);
  if (folded === '#') return folded;
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Where a list's names and codes are, found in its header row. */
export interface MemberLayout {
  /** 1-based line of the header row; 0 for a one-column list without one. */
  readonly headerLine: number;
  /** Columns (0-based) whose cells, joined with a space in this order, make the name. */
  readonly nameCols: ReadonlyArray<number>;
  readonly codeCol?: number;
  /** The header text of each name column, for messages. */
  readonly nameHeaders: ReadonlyArray<string>;
  readonly codeHeader?: string;
  /** The folded header cells, to tell a repeated header row mid-file. */
  readonly keys: ReadonlyArray<string>;
}

/** The name columns a header row holds, or undefined when it names none. */
export function layoutOf(row: TableRow): MemberLayout | undefined {
  const keys = row.cells.map(headerKey);
  const roles = keys.map((k) => ROLE_OF.get(k));
  const first = (r: ColumnRole): number => roles.indexOf(r);
  const code = first('code');
  const given = first('given');
  const parts = (['family', 'family-middle', 'middle'] as const).map(first).filter((i) => i >= 0);
  const full = first('full');
  let nameCols: number[];
  // NOTE: a split name wins over a full-name column only when it is whole
  // (a family part and a given part): "Họ và tên; Tên" is a name and a repeat.
  if (given >= 0 && parts.length > 0) nameCols = [...parts.sort((a, b) => a - b), given];
  else if (full >= 0) nameCols = [full];
  else if (given >= 0) nameCols = [given];
  else return undefined;
  const header = (i: number): string => row.cells[i] ?? '';
  return {
    headerLine: row.line,
    nameCols,
    nameHeaders: nameCols.map(header),
    ...(code >= 0 ? { codeCol: code, codeHeader: header(code) } : {}),
    keys,
  };
}

/**
 * Why a member was not added, as `--json` names it: `same-code` the code is
 * already this member's; `same-name` a row without a code names someone
 * listed; `repeated-name` the name came earlier in the same batch; under
 * another code, `leading-zeros` when the codes differ only by leading zeros
 * (an Excel re-save turned 0123 into 123), otherwise `namesake`.
 */
export type SkipReason = 'same-code' | 'same-name' | 'repeated-name' | 'leading-zeros' | 'namesake';

export interface MemberRow {
  readonly line: number;
  readonly name: string;
  readonly code?: string;
}

export interface MemberTable {
  readonly members: MemberRow[];
  /** Refusals: any of them and nothing is imported. */
  readonly problems: CsvProblem[];
  /** Accepted, but worth a word (a code of digits only). */
  readonly warnings: CsvProblem[];
  readonly layout?: MemberLayout;
}

/** A row of dashes, equals signs, dots…: a separator a person drew, not a member. */
function isSeparatorRow(row: TableRow): boolean {
  const filled = row.cells.filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => /^[\p{P}\p{S}\s]+$/u.test(c));
}

/**
 * The foot of a list as offices print it under the names: a total ("Tổng số:
 * 25 đảng viên"), a place and date ("Hà Nội, ngày 01 tháng 12 năm 2026"), a
 * signature block ("Người lập biểu", "T/M CHI BỘ", "BÍ THƯ", "Xác nhận của…").
 * Totals and dates are matched folded, but only with a digit or colon (no
 * name holds one: "Tổng" and "Công" are surnames); the titles are matched with
 * their diacritics, since "Bì Thu" is a name and "Bí thư" a title.
 */
const FOOT_FOLDED: ReadonlyArray<RegExp> = [/^(tong( so| cong)?|cong|so luong|danh sach (co|gom))\b[^\d:]*[\d:]/, /\bngay\b.*\bthang\b.*\bnam\b.*\d/];
const FOOT_TITLES = /^(người lập|người tổng hợp|người ký|t\/m\b|tm\.? |thay mặt|bí thư|phó bí thư|xác nhận|ghi chú|ký tên|ký, ghi rõ)/u;

/** The text that marks `row` as the list's foot, or undefined: its first filled cell, or its name. */
function footText(row: TableRow, layout: MemberLayout): string | undefined {
  const firstFilled = row.cells.find((c) => c !== '');
  const { name } = rowMember(row, layout);
  for (const text of [firstFilled, name]) {
    if (text === undefined || text === '') continue;
    const folded = fold(text).replace(/\s+/g, ' ');
    const lower = text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ');
    if (FOOT_FOLDED.some((re) => re.test(folded)) || FOOT_TITLES.test(lower)) return text;
  }
  return undefined;
}

/** The header row again (a list pasted twice, a page header kept), or a name cell that is a header word. */
function isHeaderRow(row: TableRow, layout: MemberLayout): boolean {
  const keys = row.cells.map(headerKey);
  if (layout.headerLine > 0 && keys.length === layout.keys.length && keys.every((k, i) => k === layout.keys[i])) return true;
  // NOTE: every name cell must be a header word: "Hồ" and "Mã" are surnames as well as headers.
  const NAME_ROLES: ReadonlySet<ColumnRole | undefined> = new Set(['full', 'family', 'middle', 'family-middle', 'given']);
  return layout.headerLine > 0 && layout.nameCols.every((c) => NAME_ROLES.has(ROLE_OF.get(keys[c] ?? '')));
}

/** The one place a row becomes its (name, code): later checks on names and codes belong here. */
function rowMember(row: TableRow, layout: MemberLayout): { name: string; code: string } {
  const name = nameKey(layout.nameCols.map((c) => row.cells[c] ?? '').join(' '));
  const code = layout.codeCol === undefined ? '' : (row.cells[layout.codeCol] ?? '').trim();
  return { name, code };
}

export function membersFromTable(table: TableRows, file: string, sheet?: string): MemberTable {
  const problems: CsvProblem[] = [];
  const warnings: CsvProblem[] = [];
  const at = (list: CsvProblem[], code: CsvProblemCode, line: number, col: number | undefined, params: CsvProblemParams = {}): void => {
    list.push({ code, file, line, params, ...(col === undefined ? {} : { col: col + 1 }), ...(sheet === undefined ? {} : { sheet }) });
  };
  const first = table.rows[0];
  if (!first) {
    at(problems, 'CSV_EMPTY_FILE', 0, undefined);
    return { members: [], problems, warnings };
  }
  // The header: the first row naming a name column; titles and notes above it are not members.
  const headerIndex = table.rows.findIndex((r) => layoutOf(r) !== undefined);
  let layout: MemberLayout;
  let data: ReadonlyArray<TableRow>;
  if (headerIndex >= 0) {
    layout = layoutOf(table.rows[headerIndex]!)!;
    data = table.rows.slice(headerIndex + 1);
  } else if (table.rows.every((r) => r.cells.length === 1)) {
    layout = { headerLine: 0, nameCols: [0], nameHeaders: ['name'], keys: [] };
    data = table.rows;
  } else {
    at(problems, 'CSV_NO_HEADER', first.line, undefined, { expected: '"Họ và tên" (or "Họ" + "Tên"), optionally "Mã"' });
    return { members: [], problems, warnings };
  }
  if (data.length === 0) {
    at(problems, 'CSV_EMPTY_FILE', 0, undefined);
    return { members: [], problems, warnings, layout };
  }
  const codes = new Map<string, number>();
  const members: MemberRow[] = [];
  for (const row of data) {
    // The foot ends the list: the signers' names under a signature block are no members either.
    const foot = footText(row, layout);
    if (foot !== undefined) {
      const last = data[data.length - 1]!.line;
      at(warnings, 'CSV_LIST_FOOT', row.line, undefined, { value: foot, ...(last > row.line ? { lastLine: last } : {}) });
      break;
    }
    if (isSeparatorRow(row)) {
      at(problems, 'CSV_SEPARATOR_ROW', row.line, undefined, { value: row.cells.filter((c) => c !== '').join(' ') });
      continue;
    }
    if (isHeaderRow(row, layout)) {
      at(problems, 'CSV_HEADER_ROW', row.line, undefined, { firstLine: layout.headerLine });
      continue;
    }
    const { name, code } = rowMember(row, layout);
    let ok = true;
    // Text hygiene on the final name and code, before the other checks (it says more).
    const located = (problem: CsvProblem | undefined, col: number | undefined): CsvProblem | undefined =>
      problem && { ...problem, ...(col === undefined ? {} : { col: col + 1 }), ...(sheet === undefined ? {} : { sheet }) };
    const unsafe =
      layout.nameCols.map((col, i) => located(cellTextProblem(row.cells[col] ?? '', layout.nameHeaders[i] ?? 'name', TEXT_LIMITS.memberName, file, row.line), col)).find((x) => x !== undefined) ??
      located(cellTextProblem(name, layout.nameHeaders.join(' + '), TEXT_LIMITS.memberName, file, row.line), layout.nameCols[0]) ??
      located(cellTextProblem(code, layout.codeCol === undefined ? 'code' : (table.rows[headerIndex]?.cells[layout.codeCol] ?? 'code'), TEXT_LIMITS.code, file, row.line), layout.codeCol);
    if (unsafe) {
      problems.push(unsafe);
      continue;
    }
    if (name === '') {
      at(problems, 'CSV_EMPTY_VALUE', row.line, layout.nameCols[0], { column: layout.nameHeaders.join(' + ') });
      ok = false;
    }
    if (code !== '') {
      if (!MEMBER_CODE_PATTERN.test(code)) {
        at(problems, 'CSV_BAD_CODE', row.line, layout.codeCol, { value: code });
        ok = false;
      } else {
        const seen = codes.get(code.toUpperCase());
        if (seen !== undefined) {
          at(problems, 'CSV_DUPLICATE_CODE', row.line, layout.codeCol, { value: code, firstLine: seen });
          ok = false;
        } else codes.set(code.toUpperCase(), row.line);
        if (NUMERIC_CODE.test(code)) at(warnings, 'CSV_NUMERIC_MEMBER_CODE', row.line, layout.codeCol, { value: code });
      }
    }
    if (ok) members.push(code === '' ? { line: row.line, name } : { line: row.line, name, code });
  }
  return { members, problems, warnings, layout };
}
