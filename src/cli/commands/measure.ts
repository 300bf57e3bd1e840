/** `tusoi measure add | list | done`: the cell's collective corrective measures for the open round. */
import { isoDay } from '../../clock.js';
import { ExitCode, UserError } from '../../errors.js';
import { allBehaviours } from '../../questionnaire/model.js';
import { addMeasure, listMeasures, markMeasureDone } from '../../store/commitments.js';
import { withDatabase } from '../../store/db.js';
import { withReadDatabase } from '../../store/read-only.js';
import { roundQuestionnaire } from '../../store/rounds.js';
import { displaySafe } from '../../text/hygiene.js';
import { cleanTypedText } from '../../services/clean-text.js';
import type { Context } from '../context.js';
import { chooseRound } from '../../services/round-choice.js';
import { writeJson } from '../output.js';

export async function measureAdd(ctx: Context, text: string, behaviour: string | undefined): Promise<number> {
  // Shown in every report: refused with a control, bidi or invisible character, like a name (at most 4,000 characters, as a questionnaire text).
  const clean = cleanTypedText(text, 'NỘI DUNG', 4000);
  if (clean === '') throw new UserError('EMPTY_NAME', { what: 'NỘI DUNG' });
  return withDatabase(ctx.db, (db) => {
    const round = chooseRound(db, undefined, ctx.io.now());
    if (behaviour !== undefined && !allBehaviours(roundQuestionnaire(db, round)).some((b) => b.id === behaviour)) {
      throw new UserError('BAD_OPTION_VALUE', { option: '--behaviour', value: behaviour, allowed: 'TT1.1 … TDB9.3' });
    }
    const id = addMeasure(db, round.id, { behaviourId: behaviour ?? null, text: clean, today: isoDay(ctx.io.now()) });
    if (ctx.json) writeJson(ctx, { id, round: round.label, behaviour: behaviour ?? null, text: clean });
    else ctx.io.stdout.write(`${ctx.m.measures.added(id, round.label)}\n`);
    return ExitCode.Ok;
  });
}

export async function measureList(ctx: Context): Promise<number> {
  return withReadDatabase(ctx.db, (db) => {
    const round = chooseRound(db, undefined, ctx.io.now());
    const list = listMeasures(db, round.id);
    if (ctx.json) {
      writeJson(ctx, { round: round.label, measures: list.map((x) => ({ id: x.id, behaviour: x.behaviourId, text: x.text, addedOn: x.addedOn, doneOn: x.doneOn })) });
      return ExitCode.Ok;
    }
    if (list.length === 0) ctx.io.stdout.write(`${ctx.m.measures.none}\n`);
    for (const x of list) ctx.io.stdout.write(`${displaySafe(`${x.id}. ${x.doneOn ? '✓ ' : ''}${x.text}${x.behaviourId ? ` (${x.behaviourId})` : ''}${x.doneOn ? ` — ${x.doneOn}` : ''}`)}\n`);
    return ExitCode.Ok;
  });
}

export async function measureDone(ctx: Context, idText: string): Promise<number> {
  const id = Number(idText);
  return withDatabase(ctx.db, (db) => {
    const round = chooseRound(db, undefined, ctx.io.now());
    if (!Number.isInteger(id) || !markMeasureDone(db, round.id, id, isoDay(ctx.io.now()))) {
      throw new UserError('BAD_OPTION_VALUE', { option: 'id', value: idText, allowed: listMeasures(db, round.id).map((x) => x.id).join(', ') || '—' }, { exitCode: ExitCode.Failure }); // no such measure: data, not usage
    }
    if (ctx.json) writeJson(ctx, { id, done: true });
    else ctx.io.stdout.write(`${ctx.m.measures.done(id)}\n`);
    return ExitCode.Ok;
  });
}
