/**
 * Problems of a questionnaire authored in a spreadsheet (`questionnaire
 * import`), located by file, sheet, row and column as the other sheet readers
 * locate theirs ("bo-cau-hoi.xlsx, trang "behaviours", dòng 7, cột F"; a CSV
 * file as `file:row:col`), then the message with its code. Pure.
 */
import type { ImportProblem } from '../exchange/questionnaire-import.js';
import { SHEET_PROBLEM_CODES, type SheetProblemCode } from '../exchange/questionnaire-sheets.js';
import type { Messages } from '../i18n/messages.js';
import type { ProblemCode } from '../questionnaire/problems.js';
import { displaySafe } from '../text/hygiene.js';
import { columnLetter, safeParams, withCode } from './problems.js';
import type { Style } from './style.js';

export function importProblemWhere(p: ImportProblem, m: Messages): string {
  const { file, sheet, line, col } = p.place;
  if (sheet !== undefined) return m.sheets.where(file, sheet, line, col === undefined ? undefined : columnLetter(col - 1));
  return line > 0 ? `${file}:${line}${col === undefined ? '' : `:${col}`}` : file;
}

export function importProblemMessage(p: ImportProblem, m: Messages): string {
  const params = safeParams(p.params);
  const text = (SHEET_PROBLEM_CODES as ReadonlyArray<string>).includes(p.code)
    ? m.questionnaireSheets.messages[p.code as SheetProblemCode](params)
    : m.problems.messages[p.code as ProblemCode](params);
  return displaySafe(text, { lineFeed: true });
}

export function renderImportProblem(p: ImportProblem, m: Messages, style: Style): string {
  const label = p.severity === 'error' ? style.error(m.problems.error) : style.warn(m.problems.warning);
  return `${style.bold(displaySafe(importProblemWhere(p, m)))}\n  ${label}: ${withCode(importProblemMessage(p, m), style.dim(`[${p.code}]`), '  ')}\n`;
}

/** The JSON form: code, severity, file, sheet, row, column (1-based), the validator's path, message. */
export function importProblemJson(p: ImportProblem, m: Messages): Record<string, unknown> {
  return { code: p.code, severity: p.severity, file: p.place.file, sheet: p.place.sheet ?? null, line: p.place.line, col: p.place.col ?? null, path: p.path, message: importProblemMessage(p, m) };
}
