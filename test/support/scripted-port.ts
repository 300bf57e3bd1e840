/**
 * A scripted interview port: plays events in order and records what was
 * asked. Throws `unexpected prompt` when the script runs out, so a test never
 * hangs; an `interrupt` entry throws what Inquirer throws on Ctrl+C.
 */
import type { AnswerEvent, AskStep, ReviewStep } from '../../src/interview/engine.js';
import type { InterviewPort } from '../../src/interview/port.js';

export type ScriptEntry = AnswerEvent | { type: 'interrupt' } | { type: 'confirm'; value: boolean };

export function scriptedPort(script: ScriptEntry[]): InterviewPort & { asked: Array<AskStep | ReviewStep>; acknowledged: string[] } {
  const queue = [...script];
  const asked: Array<AskStep | ReviewStep> = [];
  const acknowledged: string[] = [];
  const next = (id: string): AnswerEvent => {
    const e = queue.shift();
    if (!e) throw new Error(`unexpected prompt: ${id}`);
    if (e.type === 'interrupt') throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    if (e.type === 'confirm') throw new Error(`script expected a confirmation, got prompt ${id}`);
    return e;
  };
  return {
    asked,
    acknowledged,
    ask: async (step) => {
      asked.push(step);
      return next(step.behaviour.id);
    },
    review: async (step) => {
      asked.push(step);
      return next('review');
    },
    saved: (step, level) => {
      acknowledged.push(`${step.behaviour.id}=${level}`);
    },
    confirmSubmit: async () => {
      const e = queue.shift();
      if (e?.type !== 'confirm') throw new Error('unexpected confirmation');
      return e.value;
    },
  };
}
