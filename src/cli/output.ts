/** Small helpers shared by the commands. */
import type { Context } from '../context.js';
import type { Style } from '../style.js';
import { createStyle } from '../style.js';
import type { CsvProblem } from '../../exchange/problems.js';
import { renderCsvProblem } from '../../report/problems.js';

export function writeJson(ctx: Context, value: unknown): void {
  ctx.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export async function printCsvProblems(ctx: Context, problems: ReadonlyArray<CsvProblem>): Promise<void> {
  const style: Style = await createStyle(ctx.io.stderr, ctx.io.env);
  for (const p of [...problems].sort((a, b) => a.line - b.line)) ctx.io.stderr.write(renderCsvProblem(p, ctx.m, style));
}

/** True when both ends are a terminal: prompts need a person at a keyboard. */
export function isInteractive(ctx: Context): boolean {
  return ctx.io.stdin.isTTY === true && ctx.io.stdout.isTTY === true;
}
