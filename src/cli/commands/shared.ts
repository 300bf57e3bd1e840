/** Small helpers shared by the commands. */
import { UserError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { findOpenRound, type Round } from '../../store/rounds.js';
import type { Context } from '../context.js';
import type { Style } from '../style.js';
import { createStyle } from '../style.js';
import type { CsvProblem } from '../../exchange/problems.js';
import { renderCsvProblem } from '../../report/problems.js';

export function writeJson(ctx: Context, value: unknown): void {
  ctx.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The open round, or a message naming the command that opens one. */
export function requireOpenRound(ctx: Context, db: Db): Round {
  const round = findOpenRound(db);
  if (!round) throw new UserError('NO_OPEN_ROUND', { year: String(ctx.io.now().getFullYear()) });
  return round;
}

export async function printCsvProblems(ctx: Context, problems: ReadonlyArray<CsvProblem>): Promise<void> {
  const style: Style = await createStyle(ctx.io.stderr, ctx.io.env);
  for (const p of [...problems].sort((a, b) => a.line - b.line)) ctx.io.stderr.write(renderCsvProblem(p, ctx.m, style));
}

/** True when both ends are a terminal: prompts need a person at a keyboard. */
export function isInteractive(ctx: Context): boolean {
  return ctx.io.stdin.isTTY === true && ctx.io.stdout.isTTY === true;
}
