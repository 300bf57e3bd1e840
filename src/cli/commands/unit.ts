/**
 * `tusoi unit import | list | key | trust`: the units a merging unit expects
 * to hear from, the unit's own key fingerprint, and the keys of the units
 * below (issue 17).
 */
import { ExitCode, UserError } from '../../errors.js';
import { isUnitHeader, unitsFromTable } from '../../exchange/units-csv.js';
import { withDatabase } from '../../store/db.js';
import { withReadDatabase } from '../../store/read-only.js';
import { listExpectedUnits, saveExpectedUnits } from '../../store/merged.js';
import type { Context } from '../context.js';
import { onSheet, readUserTable } from '../user-table.js';
import { printCsvProblems, writeJson } from '../output.js';
import { displaySafe } from '../../text/hygiene.js';
import { isoDay } from '../../clock.js';
import { fingerprintOf, normaliseFingerprint } from '../../exchange/signature.js';
import { UNIT_CODE } from '../../exchange/units-csv.js';
import { listPins, trustKey, unsignedOnlyUnits, type RemovedBySigner } from '../../store/pins.js';
import { unitPublicKeyText } from '../../store/unit-key.js';
import { getUnit } from '../../store/unit.js';

export async function unitImport(ctx: Context, file: string, sheet?: string): Promise<number> {
  const { table, problems, origin } = readUserTable(ctx, file, { ...(sheet === undefined ? {} : { sheet }), accepts: (rows) => isUnitHeader(rows[0]) });
  const parsed = unitsFromTable(table, file);
  const all = onSheet([...problems, ...parsed.problems], origin);
  if (all.length > 0) {
    await printCsvProblems(ctx, all);
    throw new UserError('UNITS_REJECTED', { file, errors: all.length });
  }
  const today = isoDay(ctx.io.now());
  // One transaction: the list and its fingerprints (each pinned as unit trust does) are stored together or not at all.
  const { added, removed } = withDatabase(ctx.db, (db) =>
    db.transaction(() => {
      const n = saveExpectedUnits(db, parsed.units);
      const out: RemovedBySigner[] = [];
      for (const u of parsed.units) if (u.fingerprint) out.push(...trustKey(db, u.code, u.fingerprint, today).removed);
      return { added: n, removed: out };
    }).immediate(),
  );
  if (ctx.json) writeJson(ctx, { file, units: parsed.units.length, added, fingerprints: parsed.units.filter((u) => u.fingerprint).length, removed });
  else {
    ctx.io.stdout.write(`${ctx.m.units.imported(added, parsed.units.length, file)}\n`);
    for (const r of removed) ctx.io.stdout.write(`${displaySafe(ctx.m.keys.removed(r.file, r.round))}\n`);
  }
  return ExitCode.Ok;
}

export async function unitList(ctx: Context): Promise<number> {
  const { units, pins, unsigned } = withReadDatabase(ctx.db, (db) => ({ units: listExpectedUnits(db), pins: listPins(db), unsigned: unsignedOnlyUnits(db) }));
  const pinOf = new Map(pins.map((p) => [p.code.toUpperCase(), p]));
  const keyOf = (code: string) => {
    const pin = pinOf.get(code.toUpperCase());
    return pin ? { fingerprint: pin.fingerprint, verified: pin.verified } : null;
  };
  if (ctx.json) {
    writeJson(ctx, {
      units: units.map((u) => ({ code: u.code, name: u.name, level: u.level, parent: u.parentCode, key: keyOf(u.code), unsignedOnly: unsigned.has(u.code.toUpperCase()) })),
    });
    return ExitCode.Ok;
  }
  const m = ctx.m;
  if (units.length === 0) ctx.io.stdout.write(`${m.units.noExpected}\n`);
  for (const u of units) {
    const key = keyOf(u.code);
    const note = key ? `  ${m.keys.pinned(key.fingerprint, key.verified)}` : unsigned.has(u.code.toUpperCase()) ? `  ${m.keys.unsignedOnly}` : '';
    ctx.io.stdout.write(`${displaySafe(`${u.code}  ${u.name}  (${m.wording.levelNames[u.level] ?? u.level}${u.parentCode ? `, ${u.parentCode}` : ''})${note}`)}\n`);
  }
  return ExitCode.Ok;
}

/** `tusoi unit key`: this unit's fingerprint, to read aloud over the phone. */
export async function unitKeyCommand(ctx: Context): Promise<number> {
  const { unit, key } = withReadDatabase(ctx.db, (db) => ({ unit: getUnit(db), key: unitPublicKeyText(db) }));
  if (key === undefined) throw new UserError('DB_NO_KEY', { file: ctx.db });
  const fp = fingerprintOf(key);
  if (ctx.json) writeJson(ctx, { unit: unit.code, fingerprint: fp });
  else ctx.io.stdout.write(`${displaySafe(ctx.m.keys.fingerprint(unit.code, fp))}\n${displaySafe(ctx.m.keys.readAloud(unit.code, fp))}\n`);
  return ExitCode.Ok;
}

/**
 * `tusoi unit trust CODE FINGERPRINT`: pins (verified) the key a unit below
 * read over the phone. To another key than the one pinned, every merged file
 * signed by the old key leaves the open rounds in the same transaction.
 */
export async function unitTrust(ctx: Context, code: string, fingerprint: string): Promise<number> {
  if (!UNIT_CODE.test(code.trim())) throw new UserError('BAD_UNIT_CODE', { code });
  const fp = normaliseFingerprint(fingerprint);
  if (!fp) throw new UserError('BAD_FINGERPRINT', { value: fingerprint });
  const { previous, removed } = withDatabase(ctx.db, (db) => trustKey(db, code.trim(), fp, isoDay(ctx.io.now())));
  const m = ctx.m;
  const changed = previous !== undefined && previous.fingerprint !== fp;
  if (ctx.json) {
    writeJson(ctx, { unit: code.trim(), fingerprint: fp, previous: previous ? { fingerprint: previous.fingerprint, verified: previous.verified } : null, removed });
    return ExitCode.Ok;
  }
  ctx.io.stdout.write(`${displaySafe(changed || !previous ? m.keys.trusted(code.trim(), fp, changed ? previous.fingerprint : '') : m.keys.confirmed(code.trim(), fp))}\n`);
  for (const r of removed) ctx.io.stdout.write(`${displaySafe(m.keys.removed(r.file, r.round))}\n`);
  return ExitCode.Ok;
}
