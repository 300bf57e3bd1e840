/**
 * `tusoi status`. In a cell: who has submitted, is in progress, has not
 * started (the cell's own view, so with names). In a merging unit: which
 * expected units have reported and which are missing.
 */
import { ExitCode } from '../../errors.js';
import { percent } from '../../summary/aggregate.js';
import { formatPercent } from '../../report/format.js';
import { withDatabase, type Db } from '../../store/db.js';
import { listExpectedUnits, listMergedFiles, reportedCodes } from '../../store/merged.js';
import { listMembers } from '../../store/members.js';
import { roundParticipation } from '../../store/responses.js';
import { findOpenRound, type Round } from '../../store/rounds.js';
import { getUnit } from '../../store/unit.js';
import type { Context } from '../context.js';
import { createStyle } from '../style.js';
import { writeJson } from '../output.js';

function cellStatus(db: Db, round: Round | undefined) {
  const part = round ? roundParticipation(db, round.id) : { submitted: [], inProgress: [] };
  const submitted = new Set(part.submitted);
  const inProgress = new Set(part.inProgress);
  // Members since deactivated still count in the round they took part in (as in the report).
  const members = listMembers(db, { includeInactive: true }).filter((m) => m.active || submitted.has(m.id) || inProgress.has(m.id));
  return members.map((m) => ({
    code: m.code,
    name: m.name,
    status: submitted.has(m.id) ? ('submitted' as const) : inProgress.has(m.id) ? ('in_progress' as const) : ('not_started' as const),
  }));
}

function coverage(db: Db, round: Round) {
  const expected = listExpectedUnits(db);
  const reported = reportedCodes(db, round.id);
  const files = listMergedFiles(db, round.id);
  const expectedCodes = new Set(expected.map((e) => e.code));
  const levels = [...new Set(expected.map((e) => e.level))];
  return {
    expected: expected.length,
    reported: expected.filter((e) => reported.has(e.code)).length,
    byLevel: levels.map((level) => {
      const of = expected.filter((e) => e.level === level);
      return { level, expected: of.length, reported: of.filter((e) => reported.has(e.code)).length };
    }),
    missing: expected.filter((e) => !reported.has(e.code)).map((e) => ({ code: e.code, name: e.name, level: e.level, parent: e.parentCode })),
    unexpected: files.filter((f) => !expectedCodes.has(f.unitCode) && expected.length > 0).map((f) => ({ code: f.unitCode, name: f.unitName })),
    files: files.length,
    provisional: files.filter((f) => f.status === 'provisional').map((f) => f.unitCode),
    members: files.reduce((n, f) => n + f.members, 0),
    respondents: files.reduce((n, f) => n + f.respondents, 0),
  };
}

export async function status(ctx: Context): Promise<number> {
  const { unit, round, rows, cov } = withDatabase(ctx.db, (db) => {
    const round = findOpenRound(db);
    const merging = round?.kind === 'merge';
    return { unit: getUnit(db), round, rows: merging ? [] : cellStatus(db, round), cov: merging && round ? coverage(db, round) : undefined };
  });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const m = ctx.m;
  if (ctx.json) {
    writeJson(ctx, {
      schema: 1,
      unit: { code: unit.code, name: unit.name, level: unit.level },
      round: round ? { label: round.label, anonymous: round.anonymous, open: true, kind: round.kind } : null,
      members: cov ? cov.members : rows.length,
      submitted: cov ? cov.respondents : round ? count('submitted') : 0,
      inProgress: round && !cov ? count('in_progress') : 0,
      notStarted: cov ? cov.members - cov.respondents : round ? count('not_started') : rows.length,
      ...(cov ? { coverage: cov } : { memberStatus: round ? rows : [] }),
    });
    return ExitCode.Ok;
  }
  const style = await createStyle(ctx.io.stdout, ctx.io.env);
  const out: string[] = [style.bold(m.status.unit(unit.code, unit.name, unit.level))];
  if (!round) {
    out.push(m.status.noRound);
  } else if (cov) {
    out.push(m.status.round(round.label, round.anonymous, true));
    out.push(m.units.files(cov.files) + (cov.provisional.length ? ` (${m.units.provisional}: ${cov.provisional.join(', ')})` : ''));
    if (cov.expected === 0) out.push(m.units.noExpected);
    for (const l of cov.byLevel) {
      const words = m.units.levelNames[l.level] ?? l.level;
      out.push(style.bold(m.units.coverage(l.reported, l.expected, formatPercent(percent(l.reported, l.expected), ctx.lang), words)));
    }
    if (cov.missing.length) {
      out.push('', style.warn(`${m.units.missing} (${cov.missing.length})`));
      for (const u of cov.missing) out.push(`  ${u.code}  ${u.name}${u.parent ? `  (${u.parent})` : ''}`);
    }
    if (cov.unexpected.length) {
      out.push('', style.dim(`${m.units.unexpected} (${cov.unexpected.length})`));
      for (const u of cov.unexpected) out.push(`  ${u.code}  ${u.name}`);
    }
  } else {
    out.push(m.status.round(round.label, round.anonymous, true));
    out.push(m.status.counts(rows.length, count('submitted'), count('in_progress'), count('not_started')));
    const sections: Array<[string, string, (s: string) => string]> = [
      ['submitted', m.status.submitted, style.ok],
      ['in_progress', m.status.inProgress, style.warn],
      ['not_started', m.status.notStarted, style.dim],
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
