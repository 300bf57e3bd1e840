/** `tusoi unit import | list`: the units a merging unit expects to hear from. */
import { ExitCode, UserError } from '../../errors.js';
import { isUnitHeader, unitsFromTable } from '../../exchange/units-csv.js';
import { withDatabase } from '../../store/db.js';
import { withReadDatabase } from '../../store/read-only.js';
import { listExpectedUnits, saveExpectedUnits } from '../../store/merged.js';
import type { Context } from '../context.js';
import { onSheet, readUserTable } from '../user-table.js';
import { printCsvProblems, writeJson } from '../output.js';
import { displaySafe } from '../../text/hygiene.js';

export async function unitImport(ctx: Context, file: string, sheet?: string): Promise<number> {
  const { table, problems, origin } = readUserTable(ctx, file, { ...(sheet === undefined ? {} : { sheet }), accepts: (rows) => isUnitHeader(rows[0]) });
  const parsed = unitsFromTable(table, file);
  const all = onSheet([...problems, ...parsed.problems], origin);
  if (all.length > 0) {
    await printCsvProblems(ctx, all);
    throw new UserError('UNITS_REJECTED', { file, errors: all.length });
  }
  const added = withDatabase(ctx.db, (db) => saveExpectedUnits(db, parsed.units));
  if (ctx.json) writeJson(ctx, { file, units: parsed.units.length, added });
  else ctx.io.stdout.write(`${ctx.m.units.imported(added, parsed.units.length, file)}\n`);
  return ExitCode.Ok;
}

export async function unitList(ctx: Context): Promise<number> {
  const units = withReadDatabase(ctx.db, (db) => listExpectedUnits(db));
  if (ctx.json) {
    writeJson(ctx, { units: units.map((u) => ({ code: u.code, name: u.name, level: u.level, parent: u.parentCode })) });
    return ExitCode.Ok;
  }
  if (units.length === 0) ctx.io.stdout.write(`${ctx.m.units.noExpected}\n`);
  for (const u of units) ctx.io.stdout.write(`${displaySafe(`${u.code}  ${u.name}  (${ctx.m.wording.levelNames[u.level] ?? u.level}${u.parentCode ? `, ${u.parentCode}` : ''})`)}\n`);
  return ExitCode.Ok;
}
