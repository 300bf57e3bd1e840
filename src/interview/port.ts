/**
 * What the interview needs from a terminal. The real one (`cli/prompts.ts`) is
 * the only importer of the prompt library; tests script it.
 */
import type { AnswerEvent, AskStep, ReviewStep } from './engine.js';

export interface InterviewPort {
  /** Asks one behaviour; resolves to an answer, `back` or `review`. */
  ask(step: AskStep): Promise<AnswerEvent>;
  /** Shows the review screen; resolves to `continue`, `jump`, `back` or `submit`. */
  review(step: ReviewStep): Promise<AnswerEvent>;
  /** Acknowledges an answer once it is stored (the member sees it is safe). */
  saved(step: AskStep, level: string): void;
  /** Asks for a final confirmation before the response is locked. */
  confirmSubmit(step: ReviewStep): Promise<boolean>;
}
