/**
 * One member's interview in the terminal: asks through the Inquirer adapter
 * and stores through `services/interview.ts`, which commits each answer
 * before it is acknowledged on screen. Shared by `tusoi answer` and the kiosk.
 */
import { isInterrupt } from '../errors.js';
import { runInterview } from '../interview/run.js';
import { allBehaviours, type Questionnaire } from '../questionnaire/model.js';
import { beginInterview, openResponse, resumeWithCode, startOver, storingHooks, type OpenInterview } from '../services/interview.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import type { Round } from '../store/rounds.js';
import { backToCommitments, commitmentsFor, followUp } from './commitments.js';
import type { Context } from './context.js';
import type { TerminalUi } from './prompts.js';

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

export async function interviewMember(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<void> {
  const m = ctx.m.interview;
  const start = beginInterview(db, round, member);
  // Tự sửa (cli/commitments.ts): only with the member's secret.
  if (start === 'commitments') return backToCommitments(ctx, db, round, q, member, ui);
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
  ui.write(`\n${ctx.m.interview.submitted(member.name)}\n`);
  if (!round.anonymous) await commitmentsFor(ctx, db, round, q, member, ui, key);
}
