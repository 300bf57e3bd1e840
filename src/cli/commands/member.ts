/** `tusoi member add | list | remove | import`. */
import { isoDay } from '../../clock.js';
import { ExitCode, UserError } from '../../errors.js';
import { membersFromTable, MEMBER_CODE_PATTERN } from '../../exchange/members-csv.js';
import type { CsvProblem } from '../../exchange/problems.js';
import { withDatabase, withDatabaseAsync } from '../../store/db.js';
import { withReadDatabase } from '../../store/read-only.js';
import { addMembers, listMembers, planMembers, removeMember, type NewMember } from '../../store/members.js';
import { nameKey } from '../../text/vietnamese.js';
import type { Context } from '../context.js';
import { readUserTable } from '../user-table.js';
import { resolveMember } from '../member-ref.js';
import { printCsvProblems, writeJson } from '../output.js';

function report(ctx: Context, plan: ReturnType<typeof planMembers>, added: ReadonlyArray<{ code: string; name: string }>): void {
  if (ctx.json) {
    writeJson(ctx, {
      added: added.map((a) => ({ code: a.code, name: a.name })),
      skipped: plan.flatMap((p) => (p.kind === 'skipped' ? [{ code: p.member.code, name: p.member.name, reason: p.reason }] : [])),
    });
    return;
  }
  for (const a of added) ctx.io.stdout.write(`${ctx.m.members.addedOne(a.code, a.name)}\n`);
  for (const p of plan) if (p.kind === 'skipped') ctx.io.stdout.write(`${ctx.m.members.skipped(p.member.name, p.member.code, p.reason)}\n`);
  ctx.io.stdout.write(`${ctx.m.members.added(added.length)}\n`);
}

export async function memberAdd(ctx: Context, names: ReadonlyArray<string>, code: string | undefined): Promise<number> {
  const entries: NewMember[] = names.map((n) => ({ name: nameKey(n) }));
  if (entries.some((e) => e.name === '')) throw new UserError('EMPTY_NAME', { what: 'NAME' });
  if (code !== undefined) {
    if (entries.length !== 1) throw new UserError('BAD_OPTION_VALUE', { option: '--code', value: code, allowed: '1 NAME' });
    if (!MEMBER_CODE_PATTERN.test(code.trim())) throw new UserError('BAD_OPTION_VALUE', { option: '--code', value: code, allowed: 'A-Z 0-9 . - _' });
    entries[0] = { name: entries[0]!.name, code: code.trim() };
  }
  return withDatabase(ctx.db, (db) => {
    const plan = planMembers(db, entries);
    const conflict = plan.find((p) => p.kind === 'conflict');
    if (conflict && conflict.kind === 'conflict') {
      throw new UserError('BAD_OPTION_VALUE', { option: '--code', value: conflict.code, allowed: ctx.m.members.conflict(conflict.code, conflict.existing.name) });
    }
    const added = addMembers(db, plan.flatMap((p) => (p.kind === 'added' ? [{ name: p.member.name, code: p.member.code }] : [])), isoDay(ctx.io.now()));
    report(ctx, plan, added);
    return ExitCode.Ok;
  });
}

export async function memberList(ctx: Context, all: boolean): Promise<number> {
  return withReadDatabase(ctx.db, (db) => {
    const members = listMembers(db, { includeInactive: all });
    if (ctx.json) {
      writeJson(ctx, { members: members.map((m) => ({ code: m.code, name: m.name, active: m.active })) });
      return ExitCode.Ok;
    }
    if (members.length === 0) {
      ctx.io.stdout.write(`${ctx.m.members.none}\n`);
      return ExitCode.Ok;
    }
    const width = Math.max(...members.map((m) => m.code.length));
    ctx.io.stdout.write(`${ctx.m.members.header(members.length)}\n`);
    for (const m of members) ctx.io.stdout.write(`  ${m.code.padEnd(width)}  ${m.name}${m.active ? '' : ` ${ctx.m.members.inactive}`}\n`);
    return ExitCode.Ok;
  });
}

export async function memberRemove(ctx: Context, query: string): Promise<number> {
  return withDatabaseAsync(ctx.db, async (db) => {
    const member = await resolveMember(db, query, undefined, ctx.m.members.which);
    const outcome = removeMember(db, member.id);
    if (ctx.json) writeJson(ctx, { code: member.code, name: member.name, outcome });
    else ctx.io.stdout.write(`${outcome === 'deleted' ? ctx.m.members.removed(member.name, member.code) : ctx.m.members.deactivated(member.name, member.code)}\n`);
    return ExitCode.Ok;
  });
}

/** All or nothing: every bad row is reported with its line, and nothing is stored unless all are valid. */
export async function memberImport(ctx: Context, file: string): Promise<number> {
  const { table, problems } = readUserTable(ctx, file);
  const parsed = membersFromTable(table, file);
  const all: CsvProblem[] = [...problems, ...parsed.problems];
  return withDatabaseAsync(ctx.db, async (db) => {
    const plan = planMembers(db, parsed.members.map((r) => (r.code === undefined ? { name: r.name } : { name: r.name, code: r.code })));
    plan.forEach((p, i) => {
      if (p.kind === 'conflict') all.push({ code: 'CSV_CODE_TAKEN', file, line: parsed.members[i]!.line, params: { value: p.code, name: p.existing.name } });
    });
    if (all.length > 0) {
      await printCsvProblems(ctx, all);
      throw new UserError('MEMBERS_REJECTED', { file, errors: all.length });
    }
    const added = addMembers(db, plan.flatMap((p) => (p.kind === 'added' ? [{ name: p.member.name, code: p.member.code }] : [])), isoDay(ctx.io.now()));
    if (ctx.json) {
      report(ctx, plan, added);
    } else {
      for (const p of plan) if (p.kind === 'skipped') ctx.io.stdout.write(`${ctx.m.members.skipped(p.member.name, p.member.code, p.reason)}\n`);
      const skipped = plan.filter((p) => p.kind === 'skipped').length;
      ctx.io.stdout.write(`${ctx.m.members.imported(added.length, skipped, file, `${table.encoding}, "${table.delimiter === '\t' ? 'tab' : table.delimiter}"`)}\n`);
    }
    return ExitCode.Ok;
  });
}
