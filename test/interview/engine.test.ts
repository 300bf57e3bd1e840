import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEvent, cursorOf, nextStep, resumeState, REVIEW_CURSOR, type InterviewState } from '../../src/interview/engine.js';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';

function small(): Questionnaire {
  const r = parseQuestionnaire(readFileSync(new URL('../fixtures/questionnaires/small.yaml', import.meta.url), 'utf8'), 'small.yaml');
  if (!r.ok) throw new Error('fixture invalid');
  return r.questionnaire;
}

const q = small(); // behaviours A1.1 A1.2 A2.1 B1.1 B1.2
const fresh = (): InterviewState => resumeState(q, { answers: new Map(), cursor: null });
const at = (s: InterviewState) => {
  const step = nextStep(q, s);
  return step.kind === 'ask' ? step.behaviour.id : step.kind;
};
const play = (s: InterviewState, ...events: Parameters<typeof applyEvent>[2][]) => events.reduce((acc, e) => applyEvent(q, acc, e), s);
const answer = (level: string) => ({ type: 'answer' as const, level });

describe('interview engine', () => {
  it('asks in questionnaire order with position and manifestation context', () => {
    const step = nextStep(q, fresh());
    expect(step).toMatchObject({ kind: 'ask', behaviour: { id: 'A1.1' }, position: { index: 0, total: 5 }, manifestationPosition: { index: 1, total: 3 }, group: { id: 'A' } });
    expect(at(play(fresh(), answer('khong'), answer('thinh-thoang'), answer('khong')))).toBe('B1.1');
  });

  it('stays at the first behaviour on back, and goes back one otherwise, showing the previous answer', () => {
    expect(at(play(fresh(), { type: 'back' }))).toBe('A1.1');
    const s = play(fresh(), answer('thuong-xuyen'), { type: 'back' });
    expect(nextStep(q, s)).toMatchObject({ behaviour: { id: 'A1.1' }, previous: 'thuong-xuyen' });
  });

  it('goes to review after the last behaviour, and lists what is not "none"', () => {
    const s = play(fresh(), answer('khong'), answer('thinh-thoang'), answer('khong'), answer('thuong-xuyen'), answer('khong'));
    const step = nextStep(q, s);
    expect(step.kind).toBe('review');
    expect(step.kind === 'review' && step.flagged.map((f) => `${f.behaviour.id}=${f.level}`)).toEqual(['A1.2=thinh-thoang', 'B1.1=thuong-xuyen']);
    expect(step.kind === 'review' && step.missing).toEqual([]);
  });

  it('jumps from review to a behaviour and returns to review after answering it', () => {
    const done = play(fresh(), answer('khong'), answer('thinh-thoang'), answer('khong'), answer('khong'), answer('khong'));
    const jumped = applyEvent(q, done, { type: 'jump', behaviourId: 'A1.2' });
    expect(at(jumped)).toBe('A1.2');
    const back = applyEvent(q, jumped, answer('khong'));
    expect(back.phase).toBe('review');
    expect(back.answers.get('A1.2')).toBe('khong');
  });

  it('refuses to submit while a behaviour is unanswered, and accepts nothing after submitting', () => {
    const partial = play(fresh(), answer('khong'), { type: 'review' });
    const refused = applyEvent(q, partial, { type: 'submit' });
    expect(refused).toBe(partial);
    expect(nextStep(q, partial)).toMatchObject({ kind: 'review', missing: [{ id: 'A1.2' }, { id: 'A2.1' }, { id: 'B1.1' }, { id: 'B1.2' }] });
    const all = play(fresh(), answer('khong'), answer('khong'), answer('khong'), answer('khong'), answer('khong'), { type: 'submit' });
    expect(all.phase).toBe('submitted');
    expect(nextStep(q, all)).toEqual({ kind: 'done' });
    expect(applyEvent(q, all, { type: 'jump', behaviourId: 'A1.1' })).toBe(all);
    expect(applyEvent(q, all, answer('thuong-xuyen'))).toBe(all);
  });

  it('ignores unknown levels and unknown jump targets', () => {
    const s = fresh();
    expect(applyEvent(q, s, answer('sometimes'))).toBe(s);
    expect(applyEvent(q, s, { type: 'jump', behaviourId: 'Z9.9' })).toBe(s);
  });

  it('resumes at the first unanswered behaviour, whatever screen was left; when all are answered, where the member stood', () => {
    const answers = new Map([['A1.1', 'khong'], ['A1.2', 'thinh-thoang']]);
    expect(at(resumeState(q, { answers, cursor: null }))).toBe('A2.1');
    expect(at(resumeState(q, { answers, cursor: 'A1.2' }))).toBe('A2.1');
    // The review opened half-way does not come back on resume: the next unanswered question does.
    expect(at(resumeState(q, { answers, cursor: REVIEW_CURSOR }))).toBe('A2.1');
    expect(resumeState(q, { answers, cursor: REVIEW_CURSOR }).returnToReview).toBe(false);
    const full = new Map(['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2'].map((b) => [b, 'khong']));
    expect(resumeState(q, { answers: full, cursor: null }).phase).toBe('review');
    expect(resumeState(q, { answers: full, cursor: REVIEW_CURSOR }).phase).toBe('review');
    expect(at(resumeState(q, { answers: full, cursor: 'A2.1' }))).toBe('A2.1');
    // Answers the questionnaire does not know are dropped, not trusted.
    expect(resumeState(q, { answers: new Map([['X1', 'khong'], ['A1.1', 'bogus']]), cursor: null }).answers.size).toBe(0);
  });

  it('continues from the review question by question: after the first missing one comes the next, not the review', () => {
    const half = play(fresh(), answer('khong'), answer('khong'), { type: 'review' });
    expect(nextStep(q, half)).toMatchObject({ kind: 'review', missing: [{ id: 'A2.1' }, { id: 'B1.1' }, { id: 'B1.2' }] });
    const cont = applyEvent(q, half, { type: 'continue' });
    expect(at(cont)).toBe('A2.1');
    expect(cont.returnToReview).toBe(false);
    expect(at(play(cont, answer('khong')))).toBe('B1.1');
    expect(at(play(cont, answer('khong'), answer('thinh-thoang')))).toBe('B1.2');
    // After the last one, the review: everything is answered now.
    expect(nextStep(q, play(cont, answer('khong'), answer('khong'), answer('khong')))).toMatchObject({ kind: 'review', missing: [] });
    // A jump from the review to an unanswered behaviour is continuing too.
    const jumped = applyEvent(q, half, { type: 'jump', behaviourId: 'A2.1' });
    expect(jumped.returnToReview).toBe(false);
    expect(at(play(jumped, answer('khong')))).toBe('B1.1');
    // Nothing to continue with, or not on the review: unchanged.
    const full = play(fresh(), ...Array.from({ length: 5 }, () => answer('khong')));
    expect(applyEvent(q, full, { type: 'continue' })).toBe(full);
    const asking = play(fresh(), answer('khong'));
    expect(applyEvent(q, asking, { type: 'continue' })).toBe(asking);
  });

  it('a jump to change one answer returns to the review once; going back from it walks on question by question', () => {
    const half = play(fresh(), answer('khong'), answer('thinh-thoang'), answer('khong'), { type: 'review' });
    const change = applyEvent(q, half, { type: 'jump', behaviourId: 'A1.2' });
    expect(change.returnToReview).toBe(true);
    const back = applyEvent(q, change, answer('khong'));
    expect(back.phase).toBe('review');
    // Then continuing is not a change: no return to the review after B1.1.
    expect(at(play(back, { type: 'continue' }, answer('khong')))).toBe('B1.2');
    // "Back" on the jumped-to question drops the return: from A1.1 the next answer goes to A1.2.
    const walked = play(change, { type: 'back' }, answer('khong'));
    expect(walked.phase).toBe('asking');
    expect(at(walked)).toBe('A1.2');
  });

  it('"back" from the review returns to the question it was opened from', () => {
    const half = play(fresh(), answer('khong'), answer('khong'), { type: 'review' });
    expect(at(applyEvent(q, half, { type: 'back' }))).toBe('A2.1');
    const full = play(fresh(), ...Array.from({ length: 5 }, () => answer('khong')));
    expect(at(applyEvent(q, full, { type: 'back' }))).toBe('B1.2');
    expect(at(applyEvent(q, resumeState(q, { answers: full.answers, cursor: REVIEW_CURSOR }), { type: 'back' }))).toBe('B1.2');
  });

  it('stores the cursor as a behaviour id or #review', () => {
    const s = play(fresh(), answer('khong'));
    expect(cursorOf(q, s)).toBe('A1.2');
    expect(cursorOf(q, applyEvent(q, s, { type: 'review' }))).toBe(REVIEW_CURSOR);
  });
});
