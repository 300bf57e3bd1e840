/**
 * `tusoi answer --answers FILE` without `--member`: a whole cell's paper forms
 * from one sheet (`exchange/forms-sheet.ts`), all or nothing; and
 * `tusoi answer --template FILE`: the blank sheet for the open round.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { csvCell } from '../exchange/template-sheet.js';
import { answersLayout, formsFromSheet } from '../exchange/forms-sheet.js';
import { allBehaviours } from '../questionnaire/model.js';
import { enterFormsSheet } from '../services/forms-sheet.js';
import { collectingRound } from '../services/round-choice.js';
import { withDatabase, withDatabaseAsync } from '../store/db.js';
import { listMembers, type Member } from '../store/members.js';
import { roundQuestionnaire } from '../store/rounds.js';
import { nameKey } from '../text/vietnamese.js';
import type { Context } from './context.js';
import { readUserFile, writeFileAtomic } from './files.js';
import { printCsvProblems, writeJson } from './output.js';
import { onSheet, readUserTable } from './user-table.js';

/** What `tusoi answer` passes for a whole sheet. */
export interface SheetOptions {
  readonly answers?: string;
  readonly replace?: boolean;
  readonly sheet?: string;
  readonly blankIsNone?: boolean;
  readonly participants?: string;
}

/** `--participants`: codes (or exact names) separated by commas, semicolons or line ends, inline or in a file. */
function participantsOf(ctx: Context, value: string, members: ReadonlyArray<Member>): Member[] {
  const path = resolve(ctx.io.cwd, value);
  const text = existsSync(path) && statSync(path).isFile() ? readUserFile(ctx.io.cwd, value).toString('utf8').replace(/^\uFEFF/u, '') : value;
  const out: Member[] = [];
  for (const raw of text.split(/[,;\r\n\t]+/u).map((s) => s.trim()).filter((s) => s !== '')) {
    const m = members.find((x) => x.code.toLowerCase() === raw.toLowerCase()) ?? members.filter((x) => nameKey(x.name) === nameKey(raw)).at(0);
    if (!m) throw new UserError('MEMBER_NOT_FOUND', { query: raw });
    out.push(m);
  }
  return out;
}

export async function enterSheet(ctx: Context, o: SheetOptions): Promise<number> {
  const file = o.answers!;
  return withDatabaseAsync(ctx.db, async (db) => {
    const round = collectingRound(db, ctx.io.now());
    const q = roundQuestionnaire(db, round);
    const ids = new Set(allBehaviours(q).map((b) => b.id.toLowerCase()));
    const read = readUserTable(ctx, file, { ...(o.sheet === undefined ? {} : { sheet: o.sheet }), accepts: (rows) => rows.some((r) => ids.has((r.cells[0] ?? '').toLowerCase())) });
    if (answersLayout(read.table, q) === 'form') throw new UserError('ANSWERS_LAYOUT', { file, found: 'form' });
    const members = listMembers(db);
    const sheet = read.origin.kind === 'workbook' ? read.origin.sheet : undefined;
    const parsed = formsFromSheet(read.table, file, q, members, { blankIsNone: o.blankIsNone === true, ballots: round.anonymous, ...(sheet === undefined ? {} : { sheet }) });
    const all = onSheet([...read.problems, ...parsed.problems], read.origin);
    if (all.length > 0) {
      await printCsvProblems(ctx, all);
      throw new UserError('ANSWERS_REJECTED', { file, errors: all.length });
    }
    const participants = o.participants === undefined ? undefined : participantsOf(ctx, o.participants, members);
    enterFormsSheet(db, round, q, { forms: parsed.forms, replace: o.replace === true, ...(participants ? { participants } : {}) }, file, ctx.io.now());
    const who = (f: (typeof parsed.forms)[number]): string => (f.column.kind === 'member' ? `${f.column.member.name} (${f.column.member.code})` : ctx.m.sheets.ballotHeader(f.column.ballot));
    const named = parsed.forms.some((f) => f.column.kind === 'member');
    // NOTE: in an anonymous round a member's column is never reported on its own: its count of
    // blanks is its count of "none" answers. Ballot columns name nobody and may be.
    const listed = parsed.forms.filter((f) => !round.anonymous || f.column.kind === 'ballot');
    const blanks = parsed.forms.reduce((n, f) => n + f.blanks, 0);
    if (ctx.json) {
      writeJson(ctx, {
        file,
        round: round.label,
        anonymous: round.anonymous,
        forms: parsed.forms.length,
        blanksAsNone: blanks,
        entered: listed.map((f) => ({ ...(f.column.kind === 'member' ? { code: f.column.member.code } : { ballot: f.column.ballot }), answers: f.answers.size, blanksAsNone: f.blanks })),
        namedFile: named,
      });
    } else {
      for (const f of listed) ctx.io.stdout.write(`${ctx.m.sheets.formEntered(who(f), f.answers.size, f.blanks)}\n`);
      if (listed.length < parsed.forms.length && blanks > 0) ctx.io.stdout.write(`${ctx.m.sheets.formEntered(ctx.m.sheets.allForms, parsed.forms.length * allBehaviours(q).length, blanks)}\n`);
      ctx.io.stdout.write(`${ctx.m.sheets.sheetEntered(file, parsed.forms.length, round.anonymous)}\n`);
      if (named) ctx.io.stdout.write(`${ctx.m.sheets.namedReminder(file)}\n`);
    }
    return ExitCode.Ok;
  }, { durable: true });
}

/**
 * The blank sheet for the open round: ids and texts down, member (or numbered
 * ballot) columns across; owner-only. CSV UTF-8 with BOM, or a workbook
 * (.xlsx, .ods) with its header rows frozen and the texts' column wide.
 */
export async function writeTemplate(ctx: Context, file: string): Promise<number> {
  const kind = /\.(csv|txt)$/iu.test(file) ? 'csv' : /\.xlsx$/iu.test(file) ? 'xlsx' : /\.ods$/iu.test(file) ? 'ods' : undefined;
  if (kind === undefined) throw new UserError('BAD_OPTION_VALUE', { option: '--template', value: file, allowed: '.csv, .xlsx, .ods' });
  // Loaded only for a workbook template.
  const writer = kind === 'csv' ? undefined : await import('../exchange/workbook-writer.js');
  return withDatabase(ctx.db, (db) => {
    const round = collectingRound(db, ctx.io.now());
    const q = roundQuestionnaire(db, round);
    const members = listMembers(db);
    const heads = round.anonymous ? members.map((_, i) => ctx.m.sheets.ballotHeader(i + 1)) : members.map((m) => m.code);
    // Names above the header row (read as a title): the header is the codes, which match whatever the spelling.
    const rows: string[][] = round.anonymous ? [] : [['', '', ...members.map((m) => m.name)]];
    rows.push([ctx.m.sheets.behaviourHeader, ctx.m.sheets.textHeader, ...heads]);
    for (const b of allBehaviours(q)) rows.push([b.id, ctx.lang === 'en' && b.text.en ? b.text.en : b.text.vi, ...heads.map(() => '')]);
    const target = resolve(ctx.io.cwd, file);
    if (writer && kind !== 'csv') {
      // A member's column as wide as the longer of name and code, so both read in full.
      const widths = [12, 70, ...members.map((m, i) => Math.max(10, Math.min(30, (round.anonymous ? heads[i]! : m.name).length + 2)))];
      writeFileAtomic(target, writer.workbookBytes(kind, [{ name: ctx.m.workbook.formsSheet, rows, freezeRows: rows.length - allBehaviours(q).length, widths }]), 0o600);
    } else writeFileAtomic(target, `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 0o600);
    if (ctx.json) writeJson(ctx, { file, columns: heads.length, anonymous: round.anonymous });
    else ctx.io.stdout.write(`${ctx.m.sheets.templateWritten(file, heads.length, round.anonymous)}\n`);
    return ExitCode.Ok;
  });
}
