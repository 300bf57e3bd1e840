/** `tusoi answer`: a member's interview in the terminal, or a paper form from a CSV file. */
import { ExitCode, UserError } from '../../errors.js';
import { pendingMembers } from '../../services/interview.js';
import { enterPaperForm } from '../../services/paper-form.js';
import { collectingRound } from '../../services/round-choice.js';
import type { Db } from '../../store/db.js';
import { withDatabaseAsync } from '../../store/db.js';
import { countMembers, type Member } from '../../store/members.js';
import { reopenResponse } from '../../store/responses.js';
import { roundQuestionnaire, type Round } from '../../store/rounds.js';
import type { Context } from '../context.js';
import { interviewMember } from '../interview.js';
import { resolveMember } from '../member-ref.js';
import type { TerminalUi } from '../prompts.js';
import { createUi } from '../ui.js';
import { isInteractive, printCsvProblems, writeJson } from '../output.js';
import { requireActive } from '../../services/member-check.js';
import { displaySafe } from '../../text/hygiene.js';

export interface AnswerOptions {
  readonly member?: string;
  readonly answers?: string;
  readonly replace?: boolean;
  readonly sheet?: string;
  readonly blankIsNone?: boolean;
  readonly participants?: string;
  readonly template?: string;
}

/** Asks who is at the keyboard (or takes --member) and has them confirm. */
async function whoIsAnswering(ctx: Context, db: Db, round: Round, ui: TerminalUi, query: string | undefined): Promise<Member> {
  let member = query ? await resolveMember(db, query, ui, ctx.m.interview.who) : undefined;
  for (;;) {
    if (!member) {
      const pending = pendingMembers(db, round);
      member = await ui.pick(ctx.m.interview.who, pending.map((p) => ({ label: `${p.name}  ${p.code}`, value: p, keywords: p.code })));
    }
    requireActive(member);
    if (await ui.confirm(displaySafe(ctx.m.interview.confirmWho(member.name, member.code)))) return member;
    ui.write(`${ctx.m.interview.notYou}\n`);
    member = undefined;
  }
}

export async function answer(ctx: Context, o: AnswerOptions): Promise<number> {
  if (o.template !== undefined) return (await import('../answer-sheet.js')).writeTemplate(ctx, o.template);
  if (o.answers !== undefined && o.member === undefined) return (await import('../answer-sheet.js')).enterSheet(ctx, o);
  if (o.answers !== undefined) return paperForm(ctx, o.answers, o.member, o.replace === true, o.sheet);
  if (!isInteractive(ctx)) throw new UserError('NOT_A_TERMINAL', { command: 'tusoi answer' });
  const ui = await createUi(ctx);
  return withDatabaseAsync(ctx.db, async (db) => {
    const round = collectingRound(db, ctx.io.now());
    if (countMembers(db) === 0) throw new UserError('NO_MEMBERS', {});
    const q = roundQuestionnaire(db, round);
    const member = await whoIsAnswering(ctx, db, round, ui, o.member);
    await interviewMember(ctx, db, round, q, member, ui);
    return ExitCode.Ok;
  }, { durable: true });
}

/** A whole response from a paper form: all or nothing, submitted and locked. Works without a terminal. */
async function paperForm(ctx: Context, file: string, query: string | undefined, replace: boolean, sheet: string | undefined): Promise<number> {
  if (!query) throw new UserError('EMPTY_NAME', { what: '--member' });
  // Loaded only here: the CSV reader is not needed to answer in the terminal.
  const [{ readUserTable, onSheet }, { answersFromTable, isFormHeader }] = await Promise.all([import('../user-table.js'), import('../../exchange/answers-csv.js')]);
  const read = readUserTable(ctx, file, { ...(sheet === undefined ? {} : { sheet }), accepts: (rows) => rows.slice(0, 20).some(isFormHeader) });
  const { table } = read;
  const problems = onSheet(read.problems, read.origin);
  return withDatabaseAsync(ctx.db, async (db) => {
    const round = collectingRound(db, ctx.io.now());
    const q = roundQuestionnaire(db, round);
    // NOTE: an inactive member is refused before the form is read, as before the paper-form service.
    const member = requireActive(await resolveMember(db, query, undefined, ctx.m.interview.who));
    // A whole cell's sheet given with --member: said so, not read as a broken form.
    const { answersLayout } = await import('../../exchange/forms-sheet.js');
    if (answersLayout(table, q) === 'sheet') throw new UserError('ANSWERS_LAYOUT', { file, found: 'sheet' });
    const parsed = answersFromTable(table, file, q);
    const all = [...problems, ...onSheet(parsed.problems, read.origin)];
    if (all.length > 0) {
      await printCsvProblems(ctx, all);
      throw new UserError('ANSWERS_REJECTED', { file, errors: all.length });
    }
    enterPaperForm(db, round, { member, answers: parsed.answers, replace }, ctx.io.now());
    if (ctx.json) writeJson(ctx, { member: { code: member.code, name: member.name }, round: round.label, answers: parsed.answers.size, submitted: true });
    else ctx.io.stdout.write(`${ctx.m.interview.paperEntered(member.name, parsed.answers.size)}\n`);
    return ExitCode.Ok;
  });
}

/** `tusoi response reopen --member`: the secretary unlocks a submitted response (named rounds only). */
export async function responseReopen(ctx: Context, query: string): Promise<number> {
  return withDatabaseAsync(ctx.db, async (db) => {
    const round = collectingRound(db, ctx.io.now());
    if (round.anonymous) throw new UserError('ANONYMOUS_NO_REOPEN', {});
    const member = await resolveMember(db, query, undefined, ctx.m.interview.who, { includeInactive: true });
    if (!reopenResponse(db, round, member.id, ctx.io.now())) throw new UserError('RESPONSE_NOT_SUBMITTED', { member: member.name });
    if (ctx.json) writeJson(ctx, { member: { code: member.code, name: member.name }, round: round.label, reopened: true });
    else ctx.io.stdout.write(`${ctx.m.interview.reopened(member.name, member.code)}\n`);
    return ExitCode.Ok;
  });
}

