/**
 * A paper form typed into a table: header `behaviour,level` (or `behavior`,
 * or Vietnamese headers), one row per behaviour. Levels may be given by id
 * (`thinh-thoang`) or by label, diacritics optional ("thinh thoang").
 */
import { allBehaviours, type Questionnaire } from '../questionnaire/model.js';
import { fold } from '../text/vietnamese.js';
import type { CsvProblem } from './problems.js';
import type { TableRows } from './table.js';

const BEHAVIOUR_HEADERS = ['behaviour', 'behavior', 'behaviour_id', 'behavior_id', 'hanh vi', 'ma hanh vi'];
const LEVEL_HEADERS = ['level', 'muc do', 'muc'];

/** True when a row is the two-column form's header (a behaviour and a level column). */
export function isFormHeader(row: { readonly cells: ReadonlyArray<string> }): boolean {
  const header = row.cells.map((c) => fold(c));
  return header.some((h) => BEHAVIOUR_HEADERS.includes(h)) && header.some((h) => LEVEL_HEADERS.includes(h));
}

export function answersFromTable(table: TableRows, file: string, q: Questionnaire): { answers: Map<string, string>; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const answers = new Map<string, string>();
  const first = table.rows[0];
  if (!first) return { answers, problems: [{ code: 'CSV_EMPTY_FILE', file, line: 0, params: {} }] };
  const header = first.cells.map((c) => fold(c));
  const bCol = header.findIndex((h) => BEHAVIOUR_HEADERS.includes(h));
  const lCol = header.findIndex((h) => LEVEL_HEADERS.includes(h));
  if (bCol < 0 || lCol < 0) {
    return { answers, problems: [{ code: 'CSV_NO_HEADER', file, line: first.line, params: { expected: 'behaviour,level' } }] };
  }
  const behaviours = new Map(allBehaviours(q).map((b) => [b.id.toLowerCase(), b.id]));
  const levels = new Map<string, string>();
  // By id, label (diacritics optional) or number, 1 being the none level, as in a whole cell's sheet.
  q.levels.forEach((l, i) => levels.set(String(i + 1), l.id));
  for (const l of q.levels) {
    levels.set(l.id.toLowerCase(), l.id);
    levels.set(fold(l.label.vi), l.id);
    if (l.label.en) levels.set(fold(l.label.en), l.id);
  }
  const lines = new Map<string, number>();
  for (const row of table.rows.slice(1)) {
    const rawB = (row.cells[bCol] ?? '').trim();
    const rawL = (row.cells[lCol] ?? '').trim();
    const b = behaviours.get(rawB.toLowerCase());
    const level = levels.get(rawL.toLowerCase()) ?? levels.get(fold(rawL));
    if (!b) problems.push({ code: rawB === '' ? 'CSV_EMPTY_VALUE' : 'CSV_UNKNOWN_BEHAVIOUR', file, line: row.line, params: { value: rawB, column: 'behaviour' } });
    if (!level) {
      problems.push(
        rawL === ''
          ? { code: 'CSV_EMPTY_VALUE', file, line: row.line, params: { column: 'level' } }
          : { code: 'CSV_UNKNOWN_LEVEL', file, line: row.line, params: { value: rawL, expected: q.levels.map((l) => l.id).join(', ') } },
      );
    }
    if (!b || !level) continue;
    const seen = lines.get(b);
    if (seen !== undefined) {
      problems.push({ code: 'CSV_DUPLICATE_BEHAVIOUR', file, line: row.line, params: { value: b, firstLine: seen } });
      continue;
    }
    lines.set(b, row.line);
    answers.set(b, level);
  }
  const missing = allBehaviours(q).filter((b) => !answers.has(b.id) && !lines.has(b.id));
  if (missing.length > 0) {
    const list = missing.slice(0, 10).map((b) => b.id).join(', ') + (missing.length > 10 ? ', …' : '');
    problems.push({ code: 'CSV_MISSING_BEHAVIOURS', file, line: 0, params: { count: missing.length, list } });
  }
  return { answers, problems };
}
