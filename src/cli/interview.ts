/**
 * One member's interview, wired to the database: each answer is committed
 * before it is acknowledged on screen and before the next question. Shared by
 * `tusoi answer` and the kiosk `tusoi session`.
 */
import { isoDay } from '../clock.js';
import { isInterrupt, UserError } from '../errors.js';
import { resumeState } from '../interview/engine.js';
import { runInterview } from '../interview/run.js';
import { allBehaviours, localText, type Questionnaire } from '../questionnaire/model.js';
import { deleteCommitment, memberCommitments, pendingFollowUps, recordOutcome, saveCommitment, type Outcome } from '../store/commitments.js';
import { wrap } from '../text/wrap.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import {
  findMemberResponse,
  participationOf,
  resumeAnonymousResponse,
  saveAnswer,
  saveCursor,
  startAnonymousResponse,
  startNamedResponse,
  submitResponse,
  type StoredResponse,
} from '../store/responses.js';
import type { Round } from '../store/rounds.js';
import type { Context } from './context.js';
import type { TerminalUi } from './prompts.js';

async function anonymousResponse(ctx: Context, db: Db, round: Round, member: Member, ui: TerminalUi): Promise<StoredResponse> {
  const m = ctx.m.interview;
  ui.write(`${m.anonymousNotice}\n`);
  if (participationOf(db, round.id, member.id) === 'in_progress') {
    for (;;) {
      const code = await ui.ask(m.askCode);
      if (code.trim() === '') {
        ui.write(`${m.startOver}\n`);
        break;
      }
      const found = resumeAnonymousResponse(db, round, code);
      if (found) return found;
      ui.write(`${m.codeWrong}\n`);
    }
  }
  const { response, code } = startAnonymousResponse(db, round, member.id);
  ui.write(`${m.anonymousCode(code)}\n`);
  return response;
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
export async function commitmentsFor(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<void> {
  const c = ctx.m.commitments;
  const response = findMemberResponse(db, round, member.id);
  if (!response) return;
  const none = q.levels[0]?.id;
  const flagged = allBehaviours(q).filter((b) => (response.answers.get(b.id) ?? none) !== none);
  if (flagged.length === 0) return;
  const existing = new Map(memberCommitments(db, round.id, member.id).map((x) => [x.behaviourId, x]));
  ui.write(`\n${wrap(c.intro(flagged.length), 80, 0)}\n`);
  let saved = 0;
  for (const b of flagged) {
    const level = q.levels.find((l) => l.id === response.answers.get(b.id));
    ui.write(`\n${wrap(c.behaviour(b.id, level ? localText(level.label, ctx.lang) : '', localText(b.text, ctx.lang)), 80, 2, 0)}\n`);
    const current = existing.get(b.id);
    const action = (await ui.ask(current ? c.askKeep(current.action) : c.ask)).trim();
    if (current && action === '-') {
      deleteCommitment(db, round.id, member.id, b.id);
      ui.write(`${c.removed(b.id)}\n`);
      continue;
    }
    const finalAction = action || current?.action;
    if (!finalAction) continue;
    const due = (await ui.ask(c.due)).trim() || current?.due || null;
    saveCommitment(db, { roundId: round.id, memberId: member.id, behaviourId: b.id, action: finalAction, due });
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
  const pending = pendingFollowUps(db, round.id, member.id);
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
    recordOutcome(db, p.id, outcome, isoDay(ctx.io.now()));
    ui.write(`${c.followSaved}\n`);
  }
}

export async function interviewMember(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<void> {
  const m = ctx.m.interview;
  if (participationOf(db, round.id, member.id) === 'submitted') {
    // A named round's member comes back to their commitments; an anonymous response cannot be found again.
    if (round.anonymous) throw new UserError('RESPONSE_SUBMITTED', { member: member.name, code: member.code });
    ui.write(`${wrap(ctx.m.commitments.reviewTitle(round.label), 80, 0)}\n`);
    await commitmentsFor(ctx, db, round, q, member, ui);
    return;
  }
  if (!round.anonymous) await followUp(ctx, db, round, q, member, ui);
  const stored = round.anonymous ? await anonymousResponse(ctx, db, round, member, ui) : startNamedResponse(db, round, member.id);
  const state = resumeState(q, stored);
  const total = allBehaviours(q).length;
  const answered = new Set(state.answers.keys());
  if (answered.size > 0) ui.write(`${m.resumed(answered.size, total)}\n`);
  ui.resetContext();
  try {
    await runInterview(q, state, ui.port(q), {
      onAnswer: (behaviourId, level, cursor) => {
        saveAnswer(db, stored.id, behaviourId, level, cursor);
        answered.add(behaviourId);
      },
      onMove: (cursor) => saveCursor(db, stored.id, cursor),
      onSubmit: () => submitResponse(db, round, stored.id, member.id, isoDay(ctx.io.now())),
    });
  } catch (error) {
    if (isInterrupt(error)) {
      ui.write(`\n${m.paused(answered.size, total, `tusoi answer --member ${member.code}`)}\n`);
    }
    throw error;
  }
  ui.write(`\n${ctx.m.interview.submitted(member.name)}\n`);
  if (!round.anonymous) await commitmentsFor(ctx, db, round, q, member, ui);
}
