/** `tusoi member add | list | remove | rename | import`. */
import { isoDay } from '../../clock.js';
import { ExitCode, UserError } from '../../errors.js';
import { layoutOf, membersFromTable, MEMBER_CODE_PATTERN, NUMERIC_CODE } from '../../exchange/members-csv.js';
import type { CsvProblem } from '../../exchange/problems.js';
import { withDatabase, withDatabaseAsync } from '../../store/db.js';
import { withReadDatabase } from '../../store/read-only.js';
import { addMembers, listMembers, planMembers, removeMember, renameMember, type AddOutcome, type NewMember } from '../../store/members.js';
import { fold } from '../../text/vietnamese.js';
import { cleanTypedText } from '../../services/clean-text.js';
import { countChars, displaySafe, TEXT_LIMITS, truncateChars } from '../../text/hygiene.js';
import type { Context } from '../context.js';
import { readUserTable } from '../user-table.js';
import { resolveMember } from '../member-ref.js';
import { printCsvProblems, printCsvWarnings, writeJson } from '../output.js';

/** A skipped entry in words: `= M001  Name: why.` */
function skippedText(ctx: Context, p: Extract<AddOutcome, { kind: 'skipped' }>, row: { code?: string }, firstLine?: number): string {
  return ctx.m.memberLists.skipped(p.reason, {
    name: p.member.name,
    listed: p.member.code,
    ...(row.code === undefined ? {} : { code: row.code }),
    ...(firstLine === undefined ? {} : { firstLine }),
  });
}

/** The `--json` shape of a skipped entry: the member already there (`code`), the row's own code (`rowCode`), why. */
function skippedJson(p: Extract<AddOutcome, { kind: 'skipped' }>, row: { code?: string; line?: number }): Record<string, unknown> {
  return { ...(row.line === undefined ? {} : { line: row.line }), code: p.member.code, name: p.member.name, ...(row.code === undefined ? {} : { rowCode: row.code }), reason: p.reason };
}

/** A name typed on the command line, cleaned or refused (text/hygiene.ts); the message quotes it cut short, as a pasted page would fill the screen. */
function typedName(ctx: Context, n: string): string {
  const shown = `${ctx.m.help.placeholders.name} "${truncateChars(n.trim(), 40)}${countChars(n.trim()) > 40 ? '…' : ''}"`;
  return cleanTypedText(n, shown, TEXT_LIMITS.memberName);
}

export async function memberAdd(ctx: Context, names: ReadonlyArray<string>, code: string | undefined): Promise<number> {
  const entries: NewMember[] = names.map((n) => ({ name: typedName(ctx, n) }));
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
      throw new UserError('BAD_OPTION_VALUE', { option: '--code', value: conflict.code, allowed: ctx.m.members.conflict(conflict.code, conflict.existing.name) }, { exitCode: ExitCode.Failure }); // taken: data, not usage
    }
    const added = addMembers(db, plan.flatMap((p) => (p.kind === 'added' ? [{ name: p.member.name, code: p.member.code }] : [])), isoDay(ctx.io.now()));
    const numeric = code !== undefined && NUMERIC_CODE.test(code.trim()) && added.length > 0;
    if (ctx.json) {
      writeJson(ctx, {
        added: added.map((a) => ({ code: a.code, name: a.name })),
        skipped: plan.flatMap((p, i) => (p.kind === 'skipped' ? [skippedJson(p, entries[i]!)] : [])),
        warnings: numeric ? [{ code: 'CSV_NUMERIC_MEMBER_CODE', value: code.trim(), message: ctx.m.csv.messages.CSV_NUMERIC_MEMBER_CODE({ value: code.trim() }) }] : [],
      });
      return ExitCode.Ok;
    }
    if (numeric) ctx.io.stderr.write(`${ctx.m.memberLists.numericCode(code.trim())}  [CSV_NUMERIC_MEMBER_CODE]\n`);
    for (const a of added) ctx.io.stdout.write(`${displaySafe(ctx.m.members.addedOne(a.code, a.name))}\n`);
    plan.forEach((p, i) => {
      if (p.kind === 'skipped') ctx.io.stdout.write(`  ${displaySafe(skippedText(ctx, p, entries[i]!))}\n`);
    });
    ctx.io.stdout.write(`${ctx.m.members.added(added.length)}\n`);
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
    for (const m of members) ctx.io.stdout.write(`  ${displaySafe(m.code).padEnd(width)}  ${displaySafe(m.name)}${m.active ? '' : ` ${ctx.m.members.inactive}`}\n`);
    return ExitCode.Ok;
  });
}

export async function memberRemove(ctx: Context, query: string): Promise<number> {
  return withDatabaseAsync(ctx.db, async (db) => {
    const member = await resolveMember(db, query, undefined, ctx.m.members.which);
    const outcome = removeMember(db, member.id);
    if (ctx.json) writeJson(ctx, { code: member.code, name: member.name, outcome });
    else ctx.io.stdout.write(`${displaySafe(outcome === 'deleted' ? ctx.m.members.removed(member.name, member.code) : ctx.m.members.deactivated(member.name, member.code))}\n`);
    return ExitCode.Ok;
  });
}

/**
 * `member rename CODE|NAME "New name"`: the code and every answer stay the
 * member's. The new name gets the hygiene of `member add` and must not be
 * another active member's (namesakes are told apart in the name itself).
 */
export async function memberRename(ctx: Context, query: string, newName: string): Promise<number> {
  const name = typedName(ctx, newName);
  if (name === '') throw new UserError('EMPTY_NAME', { what: 'NAME' });
  return withDatabaseAsync(ctx.db, async (db) => {
    const member = await resolveMember(db, query, undefined, ctx.m.members.which, { includeInactive: true });
    const other = listMembers(db).find((m) => m.id !== member.id && fold(m.name) === fold(name));
    if (other) throw new UserError('MEMBER_NAME_TAKEN', { name: other.name, code: other.code });
    const renamed = member.name === name ? member : renameMember(db, member.id, name);
    if (ctx.json) writeJson(ctx, { code: renamed.code, from: member.name, name: renamed.name, changed: renamed !== member });
    else ctx.io.stdout.write(`${displaySafe(renamed === member ? ctx.m.memberLists.unchanged(member.code, member.name) : ctx.m.memberLists.renamed(member.code, member.name, renamed.name))}\n`);
    return ExitCode.Ok;
  });
}

/**
 * All or nothing: every refused row is reported with its place (file, sheet,
 * line, column), and nothing is stored unless none is refused. Rows already on
 * the list, repeated, or looking like an Excel re-save are skipped and said;
 * warnings (a code of digits only) do not stop the import.
 */
export async function memberImport(ctx: Context, file: string, sheetName?: string): Promise<number> {
  // A workbook's sheet: the one named, else the one with a member-list header in its first rows.
  const { table, problems, origin } = readUserTable(ctx, file, { ...(sheetName === undefined ? {} : { sheet: sheetName }), accepts: (rows) => rows.slice(0, 20).some((r) => layoutOf(r) !== undefined) });
  const sheet = origin.kind === 'workbook' ? origin.sheet : undefined;
  const parsed = membersFromTable(table, file, sheet);
  const all: CsvProblem[] = [...problems, ...parsed.problems];
  const rows = parsed.members;
  return withDatabaseAsync(ctx.db, async (db) => {
    const plan = planMembers(db, rows.map((r) => (r.code === undefined ? { name: r.name } : { name: r.name, code: r.code })), { namesakes: 'skip' });
    plan.forEach((p, i) => {
      if (p.kind === 'conflict') {
        const col = parsed.layout?.codeCol;
        all.push({ code: 'CSV_CODE_TAKEN', file, line: rows[i]!.line, params: { value: p.code, name: p.existing.name }, ...(col === undefined ? {} : { col: col + 1 }), ...(sheet === undefined ? {} : { sheet }) });
      }
    });
    if (all.length > 0) {
      await printCsvProblems(ctx, all);
      throw new UserError('MEMBERS_REJECTED', { file, errors: all.length });
    }
    const added = addMembers(db, plan.flatMap((p) => (p.kind === 'added' ? [{ name: p.member.name, code: p.member.code }] : [])), isoDay(ctx.io.now()));
    // The line where a repeated name first came, for "(first on line N)".
    const firstLine = new Map(plan.flatMap((p, i) => (p.kind === 'added' ? [[p.member.code, rows[i]!.line] as const] : [])));
    const skipped = plan.flatMap((p, i) => (p.kind === 'skipped' ? [{ p, row: rows[i]! }] : []));
    const where = (line: number): string => (sheet === undefined ? `${file}:${line}` : ctx.m.sheets.where(file, sheet, line));
    if (ctx.json) {
      const addedRows = plan.flatMap((p, i) => (p.kind === 'added' ? [rows[i]!.line] : []));
      writeJson(ctx, {
        added: added.map((a, i) => ({ line: addedRows[i], code: a.code, name: a.name })),
        skipped: skipped.map(({ p, row }) => skippedJson(p, row)),
        warnings: parsed.warnings.map((w) => ({ code: w.code, line: w.line, ...(w.col === undefined ? {} : { col: w.col }), ...(sheet === undefined ? {} : { sheet }), value: w.params.value, message: ctx.m.csv.messages[w.code](w.params) })),
      });
      return ExitCode.Ok;
    }
    await printCsvWarnings(ctx, parsed.warnings);
    for (const { p, row } of skipped) {
      const first = p.reason === 'repeated-name' ? firstLine.get(p.member.code) : undefined;
      ctx.io.stdout.write(`${displaySafe(`${where(row.line)}  ${skippedText(ctx, p, row, first)}`)}  [${p.reason}]\n`);
    }
    const how = origin.kind === 'workbook' ? ctx.m.memberLists.sheet(origin.sheet) : `${origin.encoding}, "${origin.delimiter === '\t' ? 'tab' : origin.delimiter}"`;
    ctx.io.stdout.write(`${ctx.m.memberLists.imported(added.length, skipped.length, parsed.warnings.length, file, how)}\n`);
    return ExitCode.Ok;
  });
}
