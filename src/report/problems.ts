/**
 * Located problems as text: `file:line:col  path`, then the message with its
 * code, where → what → how to fix. Pure: words and style come in.
 */
import type { Messages } from '../i18n/messages.js';
import type { Problem } from '../questionnaire/problems.js';
import type { CsvProblem } from '../exchange/problems.js';
import type { Style } from './style.js';
import { displaySafe } from '../text/hygiene.js';
import { columnLetter } from '../text/column-letter.js';

export { columnLetter };

/**
 * A message with its code: the code ends the message's first line, since the
 * further lines of a message are hints meant to be pasted into a shell, where
 * a trailing `[CODE]` would be one more argument. Those lines get `indent`
 * more, to stay under the message they belong to.
 */
export function withCode(message: string, code: string, indent = ''): string {
  const cut = message.indexOf('\n');
  if (cut < 0) return `${message}  ${code}`;
  return `${message.slice(0, cut)}  ${code}${message.slice(cut).replace(/\n/g, `\n${indent}`)}`;
}

/**
 * Parameters made safe to print (what a file or a user gave: names, values,
 * file names), so that the message may keep its own line breaks (its hints)
 * while a line break inside a value still shows as `\\u000a`.
 */
export function safeParams<T>(params: T): T {
  if (params === null || typeof params !== 'object') return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? displaySafe(v) : v])) as T;
}

/** The words of a problem; what they quote from the file is made safe to print. */
export function problemMessage(p: Problem, m: Messages): string {
  return displaySafe(m.problems.messages[p.code](safeParams(p.params)), { lineFeed: true });
}

export function renderProblem(p: Problem, m: Messages, style: Style): string {
  const where = displaySafe(`${p.source}:${p.line}:${p.col}`);
  const label = p.severity === 'error' ? style.error(m.problems.error) : style.warn(m.problems.warning);
  const path = p.path === '' ? '' : `  ${style.dim(p.path)}`;
  return `${style.bold(where)}${path}\n  ${label}: ${withCode(problemMessage(p, m), style.dim(`[${p.code}]`), '  ')}\n`;
}

/** The JSON form of a problem (stable: code, severity, line, col, path, message). */
export function problemJson(p: Problem, m: Messages): Record<string, unknown> {
  return { code: p.code, severity: p.severity, file: p.source, line: p.line, col: p.col, path: p.path, message: problemMessage(p, m) };
}


/** Where a problem is: `file:line[:col]`, the sheet in brackets for a workbook. */
function csvWhere(p: CsvProblem, m?: Messages): string {
  if (p.sheet !== undefined && m) return m.sheets.where(p.file, p.sheet, p.line, p.col === undefined ? undefined : columnLetter(p.col - 1));
  const file = p.sheet === undefined ? p.file : `${p.file} [${p.sheet}]`;
  return p.line > 0 ? `${file}:${p.line}${p.col === undefined ? '' : `:${p.col}`}` : file;
}

/** A problem in a user's CSV file: `file:line`, the message and its code. */
export function renderCsvProblem(p: CsvProblem, m: Messages, style: Style): string {
  return `${style.bold(displaySafe(csvWhere(p, m)))}  ${withCode(displaySafe(m.csv.messages[p.code](safeParams(p.params)), { lineFeed: true }), style.dim(`[${p.code}]`), '  ')}\n`;
}

/** The same for a warning: the row was accepted. */
export function renderCsvWarning(p: CsvProblem, m: Messages, style: Style): string {
  return `${style.bold(displaySafe(csvWhere(p, m)))}  ${style.warn(m.problems.warning)}: ${withCode(displaySafe(m.csv.messages[p.code](safeParams(p.params)), { lineFeed: true }), style.dim(`[${p.code}]`), '  ')}\n`;
}
