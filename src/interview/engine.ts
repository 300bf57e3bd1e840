/**
 * The interview as a pure state machine: which behaviour to ask next, going
 * back, the review screen, jumping to an answer from it, submitting. No
 * terminal, no database: the loop in `run.ts` drives it through a port.
 */
import type { Behaviour, Group, LevelId, Manifestation, Questionnaire } from '../questionnaire/model.js';

export type Phase = 'asking' | 'review' | 'submitted';

export interface InterviewState {
  readonly answers: ReadonlyMap<string, LevelId>;
  /** Index of the behaviour being asked (in questionnaire order) while asking. */
  readonly cursor: number;
  readonly phase: Phase;
  /**
   * Set by a jump from the review screen to change one answer: answering
   * returns there. Never set by continuing, nor kept over a resume.
   */
  readonly returnToReview: boolean;
}

export type AnswerEvent =
  | { readonly type: 'answer'; readonly level: LevelId }
  | { readonly type: 'back' }
  | { readonly type: 'review' }
  | { readonly type: 'jump'; readonly behaviourId: string }
  /** From the review: answer the remaining questions one by one, from the first unanswered. */
  | { readonly type: 'continue' }
  | { readonly type: 'submit' };

export interface AskStep {
  readonly kind: 'ask';
  readonly behaviour: Behaviour;
  readonly manifestation: Manifestation;
  readonly group: Group;
  /** 0-based index and total, for "37/111". */
  readonly position: { readonly index: number; readonly total: number };
  /** Manifestation number within the questionnaire (1-based) and their count. */
  readonly manifestationPosition: { readonly index: number; readonly total: number };
  readonly previous: LevelId | undefined;
  readonly answered: number;
}

export interface ReviewStep {
  readonly kind: 'review';
  /** Behaviours answered with a level other than "none", in order. */
  readonly flagged: ReadonlyArray<{ readonly behaviour: Behaviour; readonly manifestation: Manifestation; readonly level: LevelId }>;
  /** Behaviours not yet answered (submitting is refused while any remain). */
  readonly missing: ReadonlyArray<Behaviour>;
  readonly answered: number;
  readonly total: number;
}

export type Step = AskStep | ReviewStep | { readonly kind: 'done' };

interface Item {
  readonly behaviour: Behaviour;
  readonly manifestation: Manifestation;
  readonly manifestationIndex: number;
  readonly group: Group;
}

const orders = new WeakMap<Questionnaire, { items: Item[]; byId: Map<string, number>; manifestations: number }>();

/** Behaviours in questionnaire order (cached per questionnaire object). */
function order(q: Questionnaire): { items: Item[]; byId: Map<string, number>; manifestations: number } {
  let o = orders.get(q);
  if (!o) {
    const items: Item[] = [];
    let mi = 0;
    for (const group of q.groups) {
      for (const manifestation of group.manifestations) {
        for (const behaviour of manifestation.behaviours) items.push({ behaviour, manifestation, manifestationIndex: mi, group });
        mi++;
      }
    }
    o = { items, byId: new Map(items.map((it, i) => [it.behaviour.id, i])), manifestations: mi };
    orders.set(q, o);
  }
  return o;
}

/** The cursor as stored with each saved answer: a behaviour id, or `#review`. */
export const REVIEW_CURSOR = '#review';

export function cursorOf(q: Questionnaire, s: InterviewState): string | null {
  if (s.phase === 'submitted') return null;
  if (s.phase === 'review') return REVIEW_CURSOR;
  return order(q).items[s.cursor]?.behaviour.id ?? null;
}

function firstUnanswered(q: Questionnaire, answers: ReadonlyMap<string, LevelId>): number {
  const idx = order(q).items.findIndex((it) => !answers.has(it.behaviour.id));
  return idx;
}

/**
 * The state to resume from: the first unanswered behaviour, whatever screen
 * the member left (a review opened half-way must not trap them there); when
 * everything is answered, where they stood (a behaviour or the review).
 * Answers to behaviours the questionnaire does not have, or with unknown
 * levels, are ignored.
 */
export function resumeState(q: Questionnaire, stored: { answers: ReadonlyMap<string, string>; cursor: string | null }): InterviewState {
  const levels = new Set(q.levels.map((l) => l.id));
  const { byId, items } = order(q);
  const answers = new Map([...stored.answers].filter(([b, l]) => byId.has(b) && levels.has(l)));
  const next = firstUnanswered(q, answers);
  if (next >= 0) return { answers, cursor: next, phase: 'asking', returnToReview: false };
  const at = stored.cursor === null ? undefined : byId.get(stored.cursor);
  if (at !== undefined) return { answers, cursor: at, phase: 'asking', returnToReview: false };
  return { answers, cursor: items.length - 1, phase: 'review', returnToReview: false };
}

export function nextStep(q: Questionnaire, s: InterviewState): Step {
  const { items, manifestations } = order(q);
  if (s.phase === 'submitted') return { kind: 'done' };
  if (s.phase === 'review') {
    const none = q.levels[0]?.id;
    return {
      kind: 'review',
      flagged: items.flatMap((it) => {
        const level = s.answers.get(it.behaviour.id);
        return level !== undefined && level !== none ? [{ behaviour: it.behaviour, manifestation: it.manifestation, level }] : [];
      }),
      missing: items.filter((it) => !s.answers.has(it.behaviour.id)).map((it) => it.behaviour),
      answered: s.answers.size,
      total: items.length,
    };
  }
  const it = items[s.cursor]!;
  return {
    kind: 'ask',
    behaviour: it.behaviour,
    manifestation: it.manifestation,
    group: it.group,
    position: { index: s.cursor, total: items.length },
    manifestationPosition: { index: it.manifestationIndex + 1, total: manifestations },
    previous: s.answers.get(it.behaviour.id),
    answered: s.answers.size,
  };
}

/** Applies one event; an event that does not fit the state leaves it unchanged. */
export function applyEvent(q: Questionnaire, s: InterviewState, e: AnswerEvent): InterviewState {
  const { items, byId } = order(q);
  if (s.phase === 'submitted') return s;
  switch (e.type) {
    case 'answer': {
      if (s.phase !== 'asking' || !q.levels.some((l) => l.id === e.level)) return s;
      const answers = new Map(s.answers).set(items[s.cursor]!.behaviour.id, e.level);
      if (s.returnToReview || s.cursor + 1 >= items.length) return { answers, cursor: s.cursor, phase: 'review', returnToReview: false };
      return { answers, cursor: s.cursor + 1, phase: 'asking', returnToReview: false };
    }
    case 'back':
      // From the review, back to the question it was opened from (the cursor is kept there).
      if (s.phase === 'review') return { ...s, phase: 'asking', returnToReview: false };
      return { ...s, cursor: Math.max(0, s.cursor - 1), returnToReview: false };
    case 'review':
      return { ...s, phase: 'review', returnToReview: false };
    case 'continue': {
      const next = firstUnanswered(q, s.answers);
      if (s.phase !== 'review' || next < 0) return s;
      return { ...s, cursor: next, phase: 'asking', returnToReview: false };
    }
    case 'jump': {
      const at = byId.get(e.behaviourId);
      if (at === undefined) return s;
      // NOTE: only a jump to change an answer returns to the review; a jump to
      // an unanswered behaviour is continuing from there, question by question.
      const change = s.phase === 'review' && s.answers.has(e.behaviourId);
      return { ...s, cursor: at, phase: 'asking', returnToReview: change };
    }
    case 'submit':
      if (s.phase !== 'review' || s.answers.size < items.length) return s;
      return { ...s, phase: 'submitted', returnToReview: false };
  }
}
