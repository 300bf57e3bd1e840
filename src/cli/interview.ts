/**
 * One member's interview in the terminal: asks through the Inquirer adapter
 * and stores through `services/interview.ts`, which commits each answer
 * before it is acknowledged on screen. Shared by `tusoi answer` and the kiosk.
 */
import { isInterrupt } from '../errors.js';
import { runInterview } from '../interview/run.js';
import { allBehaviours, localText, type Questionnaire } from '../questionnaire/model.js';
import {
  abandonPreview,
  beginInterview,
  commitmentItems,
  dropCommitment,
  followUpsFor,
  keepCommitment,
  openResponse,
  recordFollowUp,
  resumeWithCode,
  startOver,
  storingHooks,
  type OpenInterview,
} from '../services/interview.js';
import { parseDeadline } from '../services/deadline.js';
import type { Outcome } from '../store/commitments.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import type { Round } from '../store/rounds.js';
import { wrap } from '../text/wrap.js';
import type { Context } from './context.js';
import type { TerminalUi } from './prompts.js';

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

const text = (q: Questionnaire, id: string, lang: Context['lang']): string => {
  const b = allBehaviours(q).find((x) => x.id === id);
  return b ? localText(b.text, lang) : id;
};

/**
 * Tự sửa, after submitting (named rounds): for each behaviour the member
 * reported, what they will do about it and by when. Optional; each one is
 * saved the moment it is entered, like an answer. Also the way back to them later.
 */
async function commitmentsFor(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<void> {
  const c = ctx.m.commitments;
  const items = commitmentItems(db, round, q, member);
  if (items.length === 0) return;
  ui.write(`\n${wrap(c.intro(items.length), 80, 0)}\n`);
  let saved = 0;
  for (const [i, { behaviour: b, level, current }] of items.entries()) {
    ui.write(`\n${wrap(c.behaviour(b.id, level ? localText(level.label, ctx.lang) : '', localText(b.text, ctx.lang)), 80, 2, 0)}\n`);
    const typed = await ui.askOrEscape(current ? c.askKeep(current.action) : c.ask);
    // Esc: one key skips this behaviour and all the remaining ones (nothing is changed for them).
    if (typed === null) {
      ui.write(`${ctx.m.flow.skippedRest(items.length - i)}\n`);
      break;
    }
    const action = typed.trim();
    if (current && action === '-') {
      dropCommitment(db, round, member, b.id);
      ui.write(`${c.removed(b.id)}\n`);
      continue;
    }
    const finalAction = action || current?.action;
    if (!finalAction) continue;
    const typedDue = await ui.askOrEscape(c.due, (v) => (v.trim() === '' || parseDeadline(v) ? undefined : ctx.m.flow.dueInvalid(v.trim())));
    const due = (typedDue === null || typedDue.trim() === '' ? undefined : parseDeadline(typedDue)) ?? current?.due ?? null;
    keepCommitment(db, round, member, b.id, { action: finalAction, due });
    saved++;
    ui.write(`${c.saved(b.id)}\n`);
    // Esc at the deadline: this commitment is kept (without a new deadline), the rest skipped.
    if (typedDue === null) {
      if (i + 1 < items.length) ui.write(`${ctx.m.flow.skippedRest(items.length - i - 1)}\n`);
      break;
    }
  }
  ui.write(`\n${c.done(saved, member.code)}\n`);
}

/**
 * At the start of a named round's interview: the member's unanswered
 * commitments of earlier rounds, shown privately, each asked whether it was
 * carried out; the answer is kept with the commitment.
 */
async function followUp(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<void> {
  const pending = followUpsFor(db, round, member);
  if (pending.length === 0) return;
  const c = ctx.m.commitments;
  ui.write(`\n${wrap(c.followIntro(pending[0]!.roundLabel, pending.length), 80, 0)}\n`);
  for (const p of pending) {
    ui.write(`\n${c.followItem(p.roundLabel, p.behaviourId, text(q, p.behaviourId, ctx.lang), p.action, p.due)}\n`);
    const outcome = await ui.choose<Outcome>(c.followAsk, [
      { label: c.outcomes.done, value: 'done' },
      { label: c.outcomes.partly, value: 'partly' },
      { label: c.outcomes.not_done, value: 'not_done' },
    ]);
    recordFollowUp(db, p.id, outcome, ctx.io.now());
    ui.write(`${c.followSaved}\n`);
  }
}

/**
 * One member's turn. `kiosk`: in `tusoi session`, where Ctrl+C ends the turn
 * (not the program), so the way back is choosing the name again.
 */
export async function interviewMember(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi, options: { readonly kiosk?: boolean } = {}): Promise<void> {
  const m = ctx.m.interview;
  const start = beginInterview(db, round, member);
  if (start === 'commitments') {
    ui.write(`${wrap(ctx.m.commitments.reviewTitle(round.label), 80, 0)}\n`);
    await commitmentsFor(ctx, db, round, q, member, ui);
    return;
  }
  await followUp(ctx, db, round, q, member, ui);
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
  const store = storingHooks(db, round, member, open, ctx.io.now);
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
      ui.write(`\n${options.kiosk ? ctx.m.flow.turnPaused(answered.size, total) : m.paused(answered.size, total, `tusoi answer --member ${member.code}`)}\n`);
      // The code again, after the screen may have scrolled it away (the kiosk waits for Enter before clearing).
      if (open.ballot) ui.write(`${ctx.m.anonymousBallot.keepCode(open.ballot.handle.code)}\n`);
    }
    throw error;
  }
  ui.write(`\n${ctx.m.interview.submitted(member.name)}\n`);
  if (!round.anonymous) await commitmentsFor(ctx, db, round, q, member, ui);
}
