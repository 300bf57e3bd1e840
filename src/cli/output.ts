/** What the commands write besides their own words: JSON documents and located table problems. */
import { boundProblems, type CsvProblem } from '../exchange/problems.js';
import { renderCsvProblem, renderCsvWarning } from '../report/problems.js';
import type { Context } from './context.js';
import { createStyle } from './style.js';
import { jsonSafe } from '../text/hygiene.js';

/** The version of every `--json` document tusoi prints; fields may be added, never changed. */
export const JSON_SCHEMA = 1;

/**
 * One JSON document on stdout, `schema` first (the README's promise for every
 * `--json`); a document that has its own schema field keeps it.
 */
export function writeJson(ctx: Context, value: Readonly<Record<string, unknown>>): void {
  ctx.io.stdout.write(jsonDocument(value));
}

/** The text of that document, for a file (`report --format json --out FILE`). */
export function jsonDocument(value: Readonly<Record<string, unknown>>): string {
  const doc = 'schema' in value ? value : { schema: JSON_SCHEMA, ...value };
  return `${jsonSafe(JSON.stringify(doc, null, 2))}\n`;
}

/** A file's problems in line order, at most MAX_PROBLEMS_PER_FILE of them, then "… and K more". */
export async function printCsvProblems(ctx: Context, problems: ReadonlyArray<CsvProblem>): Promise<void> {
  const style = await createStyle(ctx.io.stderr, ctx.io.env);
  const more = problems.filter((p) => p.code === 'MORE_PROBLEMS');
  const sorted = problems.filter((p) => p.code !== 'MORE_PROBLEMS').sort((a, b) => a.line - b.line);
  for (const p of boundProblems([...sorted, ...more])) ctx.io.stderr.write(renderCsvProblem(p, ctx.m, style));
}

/** Warnings about a file (accepted, worth a word) on stderr, in line order, labelled as warnings. */
export async function printCsvWarnings(ctx: Context, warnings: ReadonlyArray<CsvProblem>): Promise<void> {
  if (warnings.length === 0) return;
  const style = await createStyle(ctx.io.stderr, ctx.io.env);
  for (const w of [...warnings].sort((a, b) => a.line - b.line)) ctx.io.stderr.write(renderCsvWarning(w, ctx.m, style));
}

/** True when both ends are a terminal: prompts need a person at a keyboard. */
export function isInteractive(ctx: Context): boolean {
  return ctx.io.stdin.isTTY === true && ctx.io.stdout.isTTY === true;
}
