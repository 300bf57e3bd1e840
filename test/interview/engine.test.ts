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

  it('resumes from a half-filled state at the stored cursor, else the first unanswered, else review', () => {
    const answers = new Map([['A1.1', 'khong'], ['A1.2', 'thinh-thoang']]);
    expect(at(resumeState(q, { answers, cursor: null }))).toBe('A2.1');
    expect(at(resumeState(q, { answers, cursor: 'A1.2' }))).toBe('A1.2');
    expect(resumeState(q, { answers, cursor: REVIEW_CURSOR }).phase).toBe('review');
    const full = new Map(['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2'].map((b) => [b, 'khong']));
    expect(resumeState(q, { answers: full, cursor: null }).phase).toBe('review');
    // Answers the questionnaire does not know are dropped, not trusted.
    expect(resumeState(q, { answers: new Map([['X1', 'khong'], ['A1.1', 'bogus']]), cursor: null }).answers.size).toBe(0);
  });

  it('stores the cursor as a behaviour id or #review', () => {
    const s = play(fresh(), answer('khong'));
    expect(cursorOf(q, s)).toBe('A1.2');
    expect(cursorOf(q, applyEvent(q, s, { type: 'review' }))).toBe(REVIEW_CURSOR);
  });
});
