/** `tusoi round open | close | list`. */
import { ExitCode, UserError } from '../../errors.js';
import { loadQuestionnaireSource, resolveQuestionnaireRef } from '../../questionnaire/load.js';
import { isError } from '../../questionnaire/problems.js';
import { renderProblem } from '../../report/problems.js';
import { cleanRoundLabel, closeOpenRound, openNewRound } from '../../services/round-lifecycle.js';
import { withDatabase } from '../../store/db.js';
import { withReadDatabase } from '../../store/read-only.js';
import { listRounds, type Round } from '../../store/rounds.js';
import type { Context } from '../context.js';
import { createStyle } from '../style.js';
import { writeJson } from '../output.js';
import { displaySafe } from '../../text/hygiene.js';

export const DEFAULT_QUESTIONNAIRE = 'nq4-khoa-xii';

export function roundJson(r: Round): Record<string, unknown> {
  return {
    label: r.label,
    anonymous: r.anonymous,
    kind: r.kind,
    open: r.closedOn === null,
    openedOn: r.openedOn,
    closedOn: r.closedOn,
    questionnaire: r.questionnaire,
  };
}

export async function roundOpen(ctx: Context, o: { label?: string; questionnaire?: string; anonymous?: boolean }): Promise<number> {
  const label = cleanRoundLabel(o.label ?? String(ctx.io.now().getFullYear()));
  const file = resolveQuestionnaireRef(o.questionnaire ?? DEFAULT_QUESTIONNAIRE, ctx.io.cwd);
  // Read once, bounded: the text stored with the round is the text validated.
  const { result: parsed, text: sourceText } = loadQuestionnaireSource(file, o.questionnaire ?? file);
  if (!parsed.ok) {
    const style = await createStyle(ctx.io.stderr, ctx.io.env);
    for (const p of parsed.problems) ctx.io.stderr.write(renderProblem(p, ctx.m, style));
    throw new UserError('QUESTIONNAIRE_INVALID', { file, errors: parsed.problems.filter(isError).length });
  }
  return withDatabase(ctx.db, (db) => {
    const round = openNewRound(db, { label, questionnaire: parsed.questionnaire, sourceText, anonymous: o.anonymous === true }, ctx.io.now());
    if (ctx.json) writeJson(ctx, roundJson(round));
    else ctx.io.stdout.write(`${ctx.m.rounds.opened(round.label, `${round.questionnaire.id} ${round.questionnaire.version}`, round.anonymous)}\n`);
    return ExitCode.Ok;
  });
}

export async function roundClose(ctx: Context): Promise<number> {
  return withDatabase(ctx.db, (db) => {
    const round = closeOpenRound(db, ctx.io.now());
    if (ctx.json) writeJson(ctx, { ...roundJson(round), open: false });
    else ctx.io.stdout.write(`${ctx.m.rounds.closed(round.label)}\n`);
    return ExitCode.Ok;
  });
}

export async function roundList(ctx: Context): Promise<number> {
  return withReadDatabase(ctx.db, (db) => {
    const rounds = listRounds(db);
    if (ctx.json) {
      writeJson(ctx, { rounds: rounds.map(roundJson) });
      return ExitCode.Ok;
    }
    if (rounds.length === 0) ctx.io.stdout.write(`${ctx.m.rounds.none}\n`);
    for (const r of rounds) {
      const state = r.closedOn === null ? ctx.m.rounds.open : ctx.m.rounds.closedOn(r.closedOn);
      const kind = r.kind === 'merge' ? ctx.m.rounds.merge : r.anonymous ? ctx.m.rounds.anonymous : ctx.m.rounds.named;
      ctx.io.stdout.write(`${displaySafe(`${r.label}  ${r.openedOn}  ${state}  ${kind}  ${r.questionnaire.id} ${r.questionnaire.version}`)}\n`);
    }
    return ExitCode.Ok;
  });
}
