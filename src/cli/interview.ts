/**
 * One member's interview in the terminal: asks through the Inquirer adapter
 * and stores through `services/interview.ts`, which commits each answer
 * before it is acknowledged on screen. Shared by `tusoi answer` and the kiosk.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { isInterrupt } from '../errors.js';
import { runInterview } from '../interview/run.js';
import { allBehaviours, type Questionnaire } from '../questionnaire/model.js';
import { abandonPreview, beginInterview, openResponse, resumeWithCode, startOver, storingHooks, type OpenInterview } from '../services/interview.js';
import { claim, clockTime, heldHooks, holdsNamedOnly, release, startHeartbeat, takeOver, terminalHolder } from '../services/response-holder.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import type { Round } from '../store/rounds.js';
import { backToCommitments, commitmentsFor, followUp } from './commitments.js';
import type { Context } from './context.js';
import type { TerminalUi } from './prompts.js';
import { displaySafe } from '../text/hygiene.js';
import { shellArg } from './shell-arg.js';

/**
 * `--db FILE ` for a hint, when the database is not the one tusoi would open
 * without it (`TUSOI_DB`, else ./tusoi.sqlite): the resume hint must reopen
 * the same file. Relative to the folder where the user is, when inside it.
 */
export function dbOption(ctx: Context): string {
  if (ctx.db === resolve(ctx.io.cwd, ctx.io.env.TUSOI_DB ?? 'tusoi.sqlite')) return '';
  const rel = relative(ctx.io.cwd, ctx.db);
  return `--db ${shellArg(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : ctx.db)} `;
}

/**
 * An anonymous member in progress types their code; an empty code starts
 * over, once confirmed (saying what is lost: issue 13).
 */
async function anonymousResume(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<OpenInterview> {
  const m = ctx.m.interview;
  for (;;) {
    const code = await ui.ask(m.askCode);
    if (code.trim() === '') {
      const lost = abandonPreview(db, round, q, member);
      const a = ctx.m.anonymousBallot;
      if (!(await ui.confirm(lost.known ? a.confirmStartOver(lost.saved) : a.confirmStartOverLost, false))) continue;
      ui.write(`${m.startOver}\n`);
      const fresh = startOver(db, round, q, member);
      ui.write(`${m.anonymousCode(fresh.code)}\n`);
      return fresh;
    }
    const found = resumeWithCode(db, round, q, member, code);
    if (found) return found;
    ui.write(`${m.codeWrong}\n`);
  }
}

/**
 * One member's turn. `kiosk`: in `tusoi session`, where Ctrl+C ends the turn
 * (not the program), so the way back is choosing the name again.
 * `declined`: the form is open on a device and the secretary chose not to take it over.
 */
export async function interviewMember(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi, options: { readonly kiosk?: boolean } = {}): Promise<'done' | 'declined'> {
  const start = beginInterview(db, round, member);
  // Tự sửa (cli/commitments.ts): only with the member's secret.
  if (start === 'commitments') {
    await backToCommitments(ctx, db, round, q, member, ui);
    return 'done';
  }
  // One front end at a time (services/response-holder.ts): this turn holds the response, or asks to take it over.
  const me = holdsNamedOnly(round) ? terminalHolder() : undefined;
  if (me) {
    const hold = claim(db, round, member.id, me, ctx.io.now());
    if (hold.kind === 'elsewhere') {
      // Open on a device: asked (No by default). Open in another terminal on this laptop (a window
      // left running, or one killed a moment ago): taken without asking; that window's next answer is refused.
      if (hold.where === 'web') {
        ui.write(`${ctx.m.holder.openOnDevice(clockTime(hold.seenAt))}\n`);
        if (!(await ui.confirm(ctx.m.holder.confirmTakeOver, false))) return 'declined';
      }
      takeOver(db, round, member.id, me, ctx.io.now());
    }
  }
  try {
    await answering(ctx, db, round, q, member, ui, start, me, options);
  } finally {
    if (me) release(db, round, member.id, me);
  }
  return 'done';
}

async function answering(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi, start: 'code' | 'open', me: ReturnType<typeof terminalHolder> | undefined, options: { readonly kiosk?: boolean }): Promise<void> {
  const m = ctx.m.interview;
  const key = await followUp(ctx, db, round, q, member, ui);
  if (round.anonymous) ui.write(`${m.anonymousNotice}\n`);
  let open: OpenInterview;
  if (start === 'code') open = await anonymousResume(ctx, db, round, q, member, ui);
  else {
    open = openResponse(db, round, q, member);
    if (open.code !== undefined) ui.write(`${m.anonymousCode(open.code)}\n`);
  }
  const total = allBehaviours(q).length;
  const answered = new Set(open.state.answers.keys());
  if (answered.size > 0) ui.write(`${m.resumed(answered.size, total)}\n`);
  ui.resetContext();
  const stored = storingHooks(db, round, member, open, ctx.io.now);
  const store = me ? heldHooks(db, round, member.id, me, ctx.io.now, stored) : stored;
  const stopBeating = me ? startHeartbeat(db, round, member.id, me, ctx.io.now) : () => {};
  try {
    await runInterview(q, open.state, ui.port(q), {
      ...store,
      onAnswer: (behaviourId, level, cursor) => {
        store.onAnswer(behaviourId, level, cursor);
        answered.add(behaviourId);
      },
    });
  } catch (error) {
    if (isInterrupt(error)) {
      ui.write(`\n${options.kiosk ? ctx.m.flow.turnPaused(answered.size, total) : m.paused(answered.size, total, `tusoi ${dbOption(ctx)}answer --member ${shellArg(member.code)}`)}\n`);
      // The code again, after the screen may have scrolled it away (the kiosk waits for Enter before clearing).
      if (open.ballot) ui.write(`${ctx.m.anonymousBallot.keepCode(open.ballot.handle.code)}\n`);
    }
    throw error;
  } finally {
    stopBeating();
  }
  ui.write(`\n${displaySafe(ctx.m.interview.submitted(member.name))}\n`);
  if (!round.anonymous) await commitmentsFor(ctx, db, round, q, member, ui, key);
}
