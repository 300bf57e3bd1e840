/**
 * `tusoi status`. In a cell: who has submitted, is in progress, has not
 * started (the cell's own view, so with names). In a merging unit: which
 * expected units have reported and which are missing.
 */
import { ExitCode } from '../../errors.js';
import { percent } from '../../summary/aggregate.js';
import { formatPercent } from '../../report/format.js';
import { roundStatus } from '../../services/round-status.js';
import { withReadDatabase } from '../../store/read-only.js';
import type { Context } from '../context.js';
import { writeJson } from '../output.js';
import { createStyle } from '../style.js';
import { displaySafe } from '../../text/hygiene.js';
import { fingerprintOf } from '../../exchange/signature.js';
import { listPins, unsignedOnlyUnits } from '../../store/pins.js';
import { unitPublicKeyText } from '../../store/unit-key.js';

export async function status(ctx: Context): Promise<number> {
  const { unit, round, rows, coverage: cov, key, pins, unsigned } = withReadDatabase(ctx.db, (db) => ({ ...roundStatus(db), key: unitPublicKeyText(db), pins: listPins(db), unsigned: unsignedOnlyUnits(db) }));
  const fingerprint = key ? fingerprintOf(key) : null;
  // Keys of the units below pinned on first use and not yet confirmed by phone; units whose files so far are all unsigned.
  const notVerified = pins.filter((p) => !p.verified).map((p) => p.code);
  const unsignedOnly = [...unsigned].sort();
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
      key: fingerprint ? { fingerprint } : null,
      ...(cov ? { keys: { notVerified, unsignedOnly } } : {}),
    });
    return ExitCode.Ok;
  }
  const style = await createStyle(ctx.io.stdout, ctx.io.env);
  // Names and labels come from the database (an old one, a merged file): shown escaped (`text/hygiene.ts`).
  const d = displaySafe;
  const out: string[] = [style.bold(m.status.unit(d(unit.code), d(unit.name), m.wording.levelNames[unit.level] ?? d(unit.level)))];
  out.push(fingerprint ? m.keys.statusLine(fingerprint) : m.keys.noKey);
  if (!round) {
    out.push(m.status.noRound);
  } else if (cov) {
    out.push(m.status.round(d(round.label), round.anonymous, true));
    out.push(m.units.files(cov.files) + (cov.provisional.length ? ` (${m.units.provisional}: ${d(cov.provisional.join(', '))})` : ''));
    if (cov.expected === 0) out.push(m.units.noExpected);
    for (const l of cov.byLevel) {
      const words = m.units.levelNames[l.level] ?? d(l.level);
      out.push(style.bold(m.units.coverage(l.reported, l.expected, formatPercent(percent(l.reported, l.expected), ctx.lang), words)));
    }
    if (cov.missing.length) {
      out.push('', style.warn(`${m.units.missing} (${cov.missing.length})`));
      for (const u of cov.missing) out.push(`  ${d(u.code)}  ${d(u.name)}${u.parent ? `  (${d(u.parent)})` : ''}`);
    }
    if (notVerified.length) out.push('', style.warn(m.keys.notVerifiedUnits(d(notVerified.join(', ')))));
    if (unsignedOnly.length) out.push('', style.warn(m.keys.unsignedOnlyUnits(d(unsignedOnly.join(', ')))));
    if (cov.unexpected.length) {
      out.push('', style.dim(`${m.units.unexpected} (${cov.unexpected.length})`));
      for (const u of cov.unexpected) out.push(`  ${d(u.code)}  ${d(u.name)}`);
    }
  } else {
    out.push(m.status.round(d(round.label), round.anonymous, true));
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
      for (const r of list) out.push(`  ${d(r.code)}  ${d(r.name)}`);
    }
  }
  ctx.io.stdout.write(`${out.join('\n')}\n`);
  return ExitCode.Ok;
}
