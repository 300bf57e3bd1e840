/** `tusoi status`: who has submitted, is in progress, has not started (the cell's own view: names). */
import { ExitCode } from '../../errors.js';
import { withDatabase } from '../../store/db.js';
import { listMembers } from '../../store/members.js';
import { roundParticipation } from '../../store/responses.js';
import { findOpenRound } from '../../store/rounds.js';
import { getUnit } from '../../store/unit.js';
import type { Context } from '../context.js';
import { createStyle } from '../style.js';
import { writeJson } from './shared.js';

export async function status(ctx: Context): Promise<number> {
  const data = withDatabase(ctx.db, (db) => {
    const unit = getUnit(db);
    const round = findOpenRound(db);
    const members = listMembers(db);
    const part = round ? roundParticipation(db, round.id) : { submitted: [], inProgress: [] };
    const submitted = new Set(part.submitted);
    const inProgress = new Set(part.inProgress);
    const rows = members.map((m) => ({
      code: m.code,
      name: m.name,
      status: submitted.has(m.id) ? ('submitted' as const) : inProgress.has(m.id) ? ('in_progress' as const) : ('not_started' as const),
    }));
    return { unit, round, rows };
  });
  const { unit, round, rows } = data;
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  if (ctx.json) {
    writeJson(ctx, {
      schema: 1,
      unit: { code: unit.code, name: unit.name, level: unit.level },
      round: round ? { label: round.label, anonymous: round.anonymous, open: true, kind: round.kind } : null,
      members: rows.length,
      submitted: round ? count('submitted') : 0,
      inProgress: round ? count('in_progress') : 0,
      notStarted: round ? count('not_started') : rows.length,
      memberStatus: round ? rows : [],
    });
    return ExitCode.Ok;
  }
  const style = await createStyle(ctx.io.stdout, ctx.io.env);
  const out: string[] = [style.bold(ctx.m.status.unit(unit.code, unit.name, unit.level))];
  if (!round) {
    out.push(ctx.m.status.noRound);
  } else {
    out.push(ctx.m.status.round(round.label, round.anonymous, true));
    out.push(ctx.m.status.counts(rows.length, count('submitted'), count('in_progress'), count('not_started')));
    const sections: Array<[string, string, (s: string) => string]> = [
      ['submitted', ctx.m.status.submitted, style.ok],
      ['in_progress', ctx.m.status.inProgress, style.warn],
      ['not_started', ctx.m.status.notStarted, style.dim],
    ];
    for (const [key, title, paint] of sections) {
      const list = rows.filter((r) => r.status === key);
      if (list.length === 0) continue;
      out.push('', paint(`${title} (${list.length})`));
      for (const r of list) out.push(`  ${r.code}  ${r.name}`);
    }
  }
  ctx.io.stdout.write(`${out.join('\n')}\n`);
  return ExitCode.Ok;
}
