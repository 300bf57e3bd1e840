/**
 * One member's interview, wired to the database: each answer is committed
 * before it is acknowledged on screen and before the next question. Shared by
 * `tusoi answer` and the kiosk `tusoi session`.
 */
import { isoDay } from '../clock.js';
import { isInterrupt, UserError } from '../errors.js';
import { resumeState } from '../interview/engine.js';
import { runInterview } from '../interview/run.js';
import { allBehaviours, type Questionnaire } from '../questionnaire/model.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import {
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

export async function interviewMember(ctx: Context, db: Db, round: Round, q: Questionnaire, member: Member, ui: TerminalUi): Promise<void> {
  const m = ctx.m.interview;
  if (participationOf(db, round.id, member.id) === 'submitted') {
    throw new UserError('RESPONSE_SUBMITTED', { member: member.name, code: member.code });
  }
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
      const resume = round.anonymous ? `tusoi answer --member ${member.code}` : `tusoi answer --member ${member.code}`;
      ui.write(`\n${m.paused(answered.size, total, resume)}\n`);
    }
    throw error;
  }
  ui.write(`\n${ctx.m.interview.submitted(member.name)}\n`);
}
