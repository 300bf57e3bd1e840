/**
 * A whole cell's paper forms typed into one sheet, as a secretary lays it
 * out: a header row (below any titles and blank rows), the behaviour id in the
 * first column under any header, optionally one column of the behaviour's
 * text (its header names no member: ignored), then one column per form,
 * headed by a member's code (any case) or exact name (after NFC and
 * trimming), or, for an anonymous round, by a ballot number ("3", "Phiếu 3",
 * "Ballot 3"). Each cell is a level by id, label (diacritics optional) or
 * number (1 = the none level); a blank is the none level only when asked.
 *
 * Pure: members and the questionnaire come in, forms and every problem go
 * out, located by row, column letter and who the column is for. The caller
 * stores all or nothing.
 */
import { allBehaviours, type Questionnaire } from '../questionnaire/model.js';
import { fold, nameKey } from '../text/vietnamese.js';
import { isFormHeader } from './answers-csv.js';
import type { CsvProblem } from './problems.js';
import type { TableRow, TableRows } from './table.js';
import { columnLetter as letter } from '../text/column-letter.js';

export interface SheetMember {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

export type SheetColumn =
  | { readonly kind: 'member'; readonly col: number; readonly member: SheetMember }
  | { readonly kind: 'ballot'; readonly col: number; readonly ballot: number };

export interface SheetForm {
  readonly column: SheetColumn;
  /** Behaviour id → level id, every behaviour answered. */
  readonly answers: Map<string, string>;
  /** Blank cells taken as the none level (`blankIsNone`). */
  readonly blanks: number;
}

export interface FormsSheet {
  readonly headerLine: number;
  readonly forms: SheetForm[];
  readonly problems: CsvProblem[];
}


/** A ballot column's header: "3", "Phiếu 3", "Ballot 3", "#3". */
function ballotNumber(header: string): number | undefined {
  const m = /^(?:phieu|ballot|so phieu|#)?\s*(\d{1,4})$/u.exec(fold(header));
  return m ? Number(m[1]) : undefined;
}

/** The row where the sheet's table starts: the header above the first row whose first cell is a behaviour id. */
function headerIndex(rows: ReadonlyArray<TableRow>, isBehaviour: (s: string) => boolean): number {
  const first = rows.findIndex((r) => isBehaviour(r.cells[0] ?? ''));
  return first - 1;
}

/** Which layout a table is in: one member's two-column form, a whole cell's sheet, or neither. */
export function answersLayout(table: TableRows, q: Questionnaire): 'form' | 'sheet' | undefined {
  if (table.rows.slice(0, 20).some(isFormHeader)) return 'form';
  const ids = new Set(allBehaviours(q).map((b) => b.id.toLowerCase()));
  return headerIndex(table.rows, (s) => ids.has(s.trim().toLowerCase())) >= 0 ? 'sheet' : undefined;
}

export function formsFromSheet(
  table: TableRows,
  file: string,
  q: Questionnaire,
  members: ReadonlyArray<SheetMember>,
  options: { readonly blankIsNone: boolean; readonly sheet?: string; readonly ballots: boolean },
): FormsSheet {
  const problems: CsvProblem[] = [];
  const at = (line: number, col: number | undefined, code: CsvProblem['code'], params: CsvProblem['params']): void => {
    problems.push({ code, file, line, ...(col === undefined ? {} : { col: col + 1 }), ...(options.sheet === undefined ? {} : { sheet: options.sheet }), params });
  };
  const behaviours = new Map(allBehaviours(q).map((b) => [b.id.toLowerCase(), b.id]));
  const h = headerIndex(table.rows, (s) => behaviours.has(s.trim().toLowerCase()));
  const header = table.rows[h];
  if (h < 0 || !header) {
    at(table.rows[0]?.line ?? 0, undefined, 'CSV_NO_HEADER', { expected: 'behaviour id, then one column per member code' });
    return { headerLine: 0, forms: [], problems };
  }

  // Columns: the first after the id that names no member and no ballot is the text column.
  const byCode = new Map(members.map((m) => [m.code.toLowerCase(), m]));
  const byName = new Map<string, SheetMember | null>();
  for (const m of members) byName.set(nameKey(m.name), byName.has(nameKey(m.name)) ? null : m);
  const columns: SheetColumn[] = [];
  const seen = new Map<number | string, number>();
  const bodyRows = table.rows.slice(h + 1);
  const width = Math.max(header.cells.length, ...bodyRows.map((r) => r.cells.length));
  let textColumn = false;
  for (let col = 1; col < width; col++) {
    const raw = (header.cells[col] ?? '').trim();
    const member = byCode.get(raw.toLowerCase()) ?? byName.get(nameKey(raw)) ?? undefined;
    const ballot = member || !options.ballots ? undefined : ballotNumber(raw);
    const filled = bodyRows.some((r) => (r.cells[col] ?? '').trim() !== '');
    if (!member && ballot === undefined) {
      if (col === 1 && !textColumn) {
        textColumn = true;
        continue;
      }
      if (raw === '' && !filled) continue;
      at(header.line, col, 'SHEET_UNKNOWN_MEMBER', { column: letter(col), value: raw });
      continue;
    }
    const key = member ? member.id : `#${ballot}`;
    const first = seen.get(key);
    if (first !== undefined) {
      at(header.line, col, 'SHEET_DUPLICATE_MEMBER', { column: letter(col), name: member ? `${member.name} (${member.code})` : raw, value: letter(first) });
      continue;
    }
    seen.set(key, col);
    columns.push(member ? { kind: 'member', col, member } : { kind: 'ballot', col, ballot: ballot! });
  }
  if (columns.length === 0 && problems.length === 0) at(header.line, undefined, 'SHEET_NO_COLUMNS', {});
  const kinds = new Set(columns.map((c) => c.kind));
  if (kinds.size > 1) {
    const odd = columns.find((c) => c.kind !== columns[0]!.kind)!;
    at(header.line, odd.col, 'SHEET_MIXED_COLUMNS', { column: letter(odd.col) });
  }

  const levels = new Map<string, string>();
  q.levels.forEach((l, i) => {
    levels.set(l.id.toLowerCase(), l.id);
    levels.set(fold(l.label.vi), l.id);
    if (l.label.en) levels.set(fold(l.label.en), l.id);
    levels.set(String(i + 1), l.id);
  });
  const none = q.levels.find((l) => l.none)?.id ?? q.levels[0]!.id;
  const expected = q.levels.map((l, i) => `${i + 1} / ${l.id} / "${l.label.vi}"`).join(', ');
  const who = (c: SheetColumn): string => (c.kind === 'member' ? `${c.member.name}, ${c.member.code}` : `#${c.ballot}`);

  const forms: SheetForm[] = columns.map((column) => ({ column, answers: new Map(), blanks: 0 }));
  const rowOf = new Map<string, number>();
  for (const row of bodyRows) {
    const rawB = (row.cells[0] ?? '').trim();
    if (rawB === '' && row.cells.slice(1).every((c) => c.trim() === '')) continue;
    const b = behaviours.get(rawB.toLowerCase());
    if (!b) {
      at(row.line, 0, rawB === '' ? 'CSV_EMPTY_VALUE' : 'CSV_UNKNOWN_BEHAVIOUR', { value: rawB, column: letter(0) });
      continue;
    }
    const before = rowOf.get(b);
    if (before !== undefined) {
      at(row.line, 0, 'CSV_DUPLICATE_BEHAVIOUR', { value: b, firstLine: before });
      continue;
    }
    rowOf.set(b, row.line);
    for (const form of forms) {
      const col = form.column.col;
      const raw = (row.cells[col] ?? '').trim();
      if (raw === '') {
        if (options.blankIsNone) {
          form.answers.set(b, none);
          (form as { blanks: number }).blanks++;
        } else at(row.line, col, 'SHEET_BLANK', { column: `${letter(col)}${row.line}`, name: who(form.column) });
        continue;
      }
      const level = levels.get(raw.toLowerCase()) ?? levels.get(fold(raw)) ?? levels.get(String(Number(raw)));
      if (level) form.answers.set(b, level);
      else at(row.line, col, 'SHEET_BAD_LEVEL', { column: `${letter(col)}${row.line}`, name: who(form.column), value: raw, expected });
    }
  }
  const missing = allBehaviours(q).filter((b) => !rowOf.has(b.id));
  if (missing.length > 0) {
    const list = missing.slice(0, 10).map((b) => b.id).join(', ') + (missing.length > 10 ? ', …' : '');
    at(0, undefined, 'CSV_MISSING_BEHAVIOURS', { count: missing.length, list });
  }
  return { headerLine: header.line, forms, problems };
}
