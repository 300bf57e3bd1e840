/** `tusoi round open | close | list`. */
import { readFileSync } from 'node:fs';
import { isoDay } from '../../clock.js';
import { ExitCode, UserError } from '../../errors.js';
import { loadQuestionnaireFile, resolveQuestionnaireRef } from '../../questionnaire/load.js';
import { isError } from '../../questionnaire/problems.js';
import { renderProblem } from '../../report/problems.js';
import { withDatabase } from '../../store/db.js';
import { closeRound, findOpenRound, findRound, listRounds, openRound, type Round } from '../../store/rounds.js';
import { countParticipatingMembers } from '../../store/members.js';
import { getUnit, isCollectingLevel } from '../../store/unit.js';
import type { Context } from '../context.js';
import { createStyle } from '../style.js';
import { requireOpenRound, writeJson } from './shared.js';

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
  const label = (o.label ?? String(ctx.io.now().getFullYear())).normalize('NFC').trim();
  if (label === '' || label.length > 64) throw new UserError('BAD_LABEL', { label });
  const file = resolveQuestionnaireRef(o.questionnaire ?? DEFAULT_QUESTIONNAIRE, ctx.io.cwd);
  const parsed = loadQuestionnaireFile(file);
  if (!parsed.ok) {
    const style = await createStyle(ctx.io.stderr, ctx.io.env);
    for (const p of parsed.problems) ctx.io.stderr.write(renderProblem(p, ctx.m, style));
    throw new UserError('QUESTIONNAIRE_INVALID', { file, errors: parsed.problems.filter(isError).length });
  }
  const sourceText = readFileSync(file, 'utf8');
  return withDatabase(ctx.db, (db) => {
    const open = findOpenRound(db);
    if (open) throw new UserError('ROUND_ALREADY_OPEN', { label: open.label });
    if (findRound(db, label)) throw new UserError('ROUND_LABEL_TAKEN', { label });
    const kind = isCollectingLevel(getUnit(db).level) ? 'collect' : 'merge';
    const round = openRound(db, { label, questionnaire: parsed.questionnaire, sourceText, anonymous: o.anonymous === true, kind, today: isoDay(ctx.io.now()) });
    if (ctx.json) writeJson(ctx, roundJson(round));
    else ctx.io.stdout.write(`${ctx.m.rounds.opened(round.label, `${round.questionnaire.id} ${round.questionnaire.version}`, round.anonymous)}\n`);
    return ExitCode.Ok;
  });
}

export async function roundClose(ctx: Context): Promise<number> {
  return withDatabase(ctx.db, (db) => {
    const round = requireOpenRound(ctx, db);
    closeRound(db, round.id, isoDay(ctx.io.now()), round.kind === 'collect' ? countParticipatingMembers(db, round.id) : null);
    if (ctx.json) writeJson(ctx, { ...roundJson(round), open: false });
    else ctx.io.stdout.write(`${ctx.m.rounds.closed(round.label)}\n`);
    return ExitCode.Ok;
  });
}

export async function roundList(ctx: Context): Promise<number> {
  return withDatabase(ctx.db, (db) => {
    const rounds = listRounds(db);
    if (ctx.json) {
      writeJson(ctx, { rounds: rounds.map(roundJson) });
      return ExitCode.Ok;
    }
    if (rounds.length === 0) ctx.io.stdout.write(`${ctx.m.rounds.none}\n`);
    for (const r of rounds) {
      const state = r.closedOn === null ? ctx.m.rounds.open : ctx.m.rounds.closedOn(r.closedOn);
      const kind = r.kind === 'merge' ? ctx.m.rounds.merge : r.anonymous ? ctx.m.rounds.anonymous : ctx.m.rounds.named;
      ctx.io.stdout.write(`${r.label}  ${r.openedOn}  ${state}  ${kind}  ${r.questionnaire.id} ${r.questionnaire.version}\n`);
    }
    return ExitCode.Ok;
  });
}
