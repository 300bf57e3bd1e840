/**
 * One member's interview in the terminal: asks through the Inquirer adapter
 * and stores through `services/interview.ts`, which commits each answer
 * before it is acknowledged on screen. Shared by `tusoi answer` and the kiosk.
 */
import { isInterrupt } from '../errors.js';
import { runInterview } from '../interview/run.js';
import { allBehaviours, localText, type Questionnaire } from '../questionnaire/model.js';
import {
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
import type { Outcome } from '../store/commitments.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import type { Round } from '../store/rounds.js';
import { wrap } from '../text/wrap.js';
import type { Context } from './context.js';
import type { TerminalUi } from './prompts.js';
import { displaySafe } from '../text/hygiene.js';

/** An anonymous member in progress types their code; an empty code starts over. */
async function anonymousResume(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<OpenInterview> {
  const m = ctx.m.interview;
  for (;;) {
    const code = await ui.ask(m.askCode);
    if (code.trim() === '') {
      ui.write(`${m.startOver}\n`);
      const fresh = startOver(db, round, q, member);
      ui.write(`${m.anonymousCode(fresh.code)}\n`);
      return fresh;
    }
    const found = resumeWithCode(db, round, q, code);
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
  for (const { behaviour: b, level, current } of items) {
    ui.write(`\n${wrap(c.behaviour(b.id, level ? localText(level.label, ctx.lang) : '', localText(b.text, ctx.lang)), 80, 2, 0)}\n`);
    const action = (await ui.ask(current ? c.askKeep(current.action) : c.ask)).trim();
    if (current && action === '-') {
      dropCommitment(db, round, member, b.id);
      ui.write(`${c.removed(b.id)}\n`);
      continue;
    }
    const finalAction = action || current?.action;
    if (!finalAction) continue;
    const due = (await ui.ask(c.due)).trim() || current?.due || null;
    keepCommitment(db, round, member, b.id, { action: finalAction, due });
    saved++;
    ui.write(`${c.saved(b.id)}\n`);
  }
  ui.write(`\n${c.done(saved)}\n`);
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

export async function interviewMember(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<void> {
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
  const store = storingHooks(db, round, member, open.response, ctx.io.now);
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
      ui.write(`\n${m.paused(answered.size, total, `tusoi answer --member ${member.code}`)}\n`);
    }
    throw error;
  }
  ui.write(`\n${displaySafe(ctx.m.interview.submitted(member.name))}\n`);
  if (!round.anonymous) await commitmentsFor(ctx, db, round, q, member, ui);
}
