/**
 * The interview loop: asks through the port, stores through the hooks (wired
 * to the database by the CLI), so that every answer is saved before the next
 * question appears. Ctrl+C in a prompt rejects out of here; nothing is lost.
 */
import type { Questionnaire } from '../questionnaire/model.js';
import { applyEvent, cursorOf, nextStep, type InterviewState } from './engine.js';
import type { InterviewPort } from './port.js';

export interface InterviewHooks {
  /** Commit an answer and the new cursor (one transaction). */
  onAnswer(behaviourId: string, level: string, cursor: string | null): void;
  /** Commit a move without an answer (back, review, jump). */
  onMove(cursor: string | null): void;
  /** Lock the response. */
  onSubmit(): void;
}

export async function runInterview(q: Questionnaire, start: InterviewState, port: InterviewPort, hooks: InterviewHooks): Promise<InterviewState> {
  let state = start;
  for (;;) {
    const step = nextStep(q, state);
    if (step.kind === 'done') return state;
    if (step.kind === 'ask') {
      const event = await port.ask(step);
      const next = applyEvent(q, state, event);
      if (event.type === 'answer' && next !== state) {
        hooks.onAnswer(step.behaviour.id, event.level, cursorOf(q, next));
        port.saved(step, event.level);
      } else if (next !== state) {
        hooks.onMove(cursorOf(q, next));
      }
      state = next;
      continue;
    }
    const event = await port.review(step);
    if (event.type === 'submit') {
      if (step.missing.length > 0 || !(await port.confirmSubmit(step))) continue;
      const next = applyEvent(q, state, event);
      hooks.onSubmit();
      state = next;
      continue;
    }
    const next = applyEvent(q, state, event);
    if (next !== state) hooks.onMove(cursorOf(q, next));
    state = next;
  }
}
