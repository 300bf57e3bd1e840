/** `tusoi round open | close | list`. */
import { ExitCode, UserError } from '../../errors.js';
import { loadQuestionnaireSource, resolveQuestionnaireRef } from '../../questionnaire/load.js';
import { isError } from '../../questionnaire/problems.js';
import { renderProblem } from '../../report/problems.js';
import { cleanRoundLabel, closeOpenRound, closeOutlook, openNewRound, reopenClosedRound, type CloseOutlook, type Outstanding } from '../../services/round-lifecycle.js';
import { withDatabase } from '../../store/db.js';
import { withReadDatabase } from '../../store/read-only.js';
import { listRounds, type Round } from '../../store/rounds.js';
import type { Context } from '../context.js';
import { createStyle } from '../style.js';
import { isInteractive, writeJson } from '../output.js';
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

/** The outlook as lines: the head line, then who (or which unit) is still missing. */
export function outlookText(ctx: Context, o: CloseOutlook): string {
  const t = ctx.m.roundLife.outlook;
  const lines: string[] = [];
  const list = (title: string, items: ReadonlyArray<Outstanding>) => {
    if (items.length === 0) return;
    lines.push(title, ...items.map((i) => `  ${i.code}  ${i.name}`));
  };
  if (o.kind === 'collect') {
    lines.push(t.members(o.round.label, o.round.anonymous, o.total, o.submitted, o.inProgress.length, o.notStarted.length));
    list(t.inProgress(o.round.anonymous), o.inProgress);
    list(t.notStarted, o.notStarted);
  } else {
    lines.push(t.units(o.round.label, o.reported, o.expected, o.files));
    if (o.provisional.length > 0) lines.push(`${t.provisional} ${o.provisional.join(', ')}`);
    list(t.missing, o.missing);
  }
  return `${lines.map((l) => displaySafe(l)).join('\n')}\n`;
}

/**
 * `round close`: on a terminal, who is still in progress or has not started,
 * then a question (default no; `--yes` skips it). Off a terminal it closes at
 * once, as scripts expect, and prints the same list on stderr.
 */
export async function roundClose(ctx: Context, o: { yes?: boolean } = {}): Promise<number> {
  const outlook = withDatabase(ctx.db, (db) => closeOutlook(db, ctx.io.now()));
  const ask = isInteractive(ctx) && o.yes !== true;
  // On a terminal the list is read before the question; elsewhere stdout stays the command's own.
  (ask && !ctx.json ? ctx.io.stdout : ctx.io.stderr).write(outlookText(ctx, outlook));
  if (ask) {
    const { createUi } = await import('../ui.js');
    const ui = await createUi(ctx);
    if (!(await ui.confirm(ctx.m.roundLife.confirmClose(outlook.round.label, outlook.round.anonymous), false))) {
      throw new UserError('ROUND_CLOSE_DECLINED', { label: outlook.round.label });
    }
  }
  return withDatabase(ctx.db, (db) => {
    const round = closeOpenRound(db, ctx.io.now(), outlook.round);
    if (ctx.json) writeJson(ctx, { ...roundJson(round), open: false });
    else ctx.io.stdout.write(`${ctx.m.rounds.closed(round.label)}\n`);
    return ExitCode.Ok;
  });
}

/** `round reopen [LABEL]`: a closed round open again, where that is sound (services/round-lifecycle.ts). */
export async function roundReopen(ctx: Context, label: string | undefined): Promise<number> {
  return withDatabase(ctx.db, (db) => {
    const round = reopenClosedRound(db, label, ctx.io.now());
    if (ctx.json) writeJson(ctx, roundJson(round));
    else ctx.io.stdout.write(`${ctx.m.roundLife.reopened(round.label, round.anonymous)}\n`);
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
