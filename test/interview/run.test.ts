/** The loop with a scripted port and a real SQLite file: every answer saved before the next question. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextStep, resumeState } from '../../src/interview/engine.js';
import { runInterview, type InterviewHooks } from '../../src/interview/run.js';
import { loadQuestionnaireFile } from '../../src/questionnaire/load.js';
import { createDatabase, type Db } from '../../src/store/db.js';
import { addMembers } from '../../src/store/members.js';
import { saveAnswer, saveCursor, startNamedResponse, submitResponse } from '../../src/store/responses.js';
import { openRound, type Round } from '../../src/store/rounds.js';
import { saveUnit } from '../../src/store/unit.js';
import { scriptedPort } from '../support/scripted-port.js';
import { tempDir } from '../support/temp.js';

const parsed = loadQuestionnaireFile(new URL('../fixtures/questionnaires/small.yaml', import.meta.url).pathname);
if (!parsed.ok) throw new Error('fixture invalid');
const q = parsed.questionnaire;

function setup(): { db: Db; round: Round; memberId: number } {
  const db = createDatabase(join(tempDir('tusoi-run-'), 'c.sqlite'));
  saveUnit(db, { code: 'CB03', name: 'Chi bộ', level: 'chi-bo', parentCode: null }, '2026-11-23');
  const [member] = addMembers(db, [{ name: 'Nguyễn Văn An', code: 'M001' }], '2026-11-23');
  const round = openRound(db, { label: '2026', questionnaire: q, sourceText: '', anonymous: false, kind: 'collect', today: '2026-11-23' });
  return { db, round, memberId: member!.id };
}

function hooks(db: Db, round: Round, responseId: number, memberId: number): InterviewHooks {
  return {
    onAnswer: (b, level, cursor) => saveAnswer(db, responseId, b, level, cursor),
    onMove: (cursor) => saveCursor(db, responseId, cursor),
    onSubmit: () => submitResponse(db, round, responseId, memberId, '2026-11-23'),
  };
}

const stored = (db: Db) => db.prepare('SELECT behaviour_id AS b, level FROM answer ORDER BY behaviour_id').all();

describe('the interview loop', () => {
  it('saves answers as given, survives Ctrl+C, resumes where it stopped, and submits', async () => {
    const { db, round, memberId } = setup();
    const first = startNamedResponse(db, round, memberId);
    const port1 = scriptedPort([
      { type: 'answer', level: 'thinh-thoang' },
      { type: 'answer', level: 'khong' },
      { type: 'interrupt' },
    ]);
    await expect(runInterview(q, resumeState(q, first), port1, hooks(db, round, first.id, memberId))).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(port1.acknowledged).toEqual(['A1.1=thinh-thoang', 'A1.2=khong']);
    expect(stored(db)).toEqual([{ b: 'A1.1', level: 'thinh-thoang' }, { b: 'A1.2', level: 'khong' }]);

    const again = startNamedResponse(db, round, memberId);
    expect(again.id).toBe(first.id);
    const port2 = scriptedPort([
      { type: 'answer', level: 'khong' },
      { type: 'answer', level: 'thuong-xuyen' },
      { type: 'answer', level: 'khong' },
      { type: 'jump', behaviourId: 'A1.1' },
      { type: 'answer', level: 'khong' },
      { type: 'submit' },
      { type: 'confirm', value: true },
    ]);
    const end = await runInterview(q, resumeState(q, again), port2, hooks(db, round, again.id, memberId));
    expect(end.phase).toBe('submitted');
    expect(port2.asked[0]).toMatchObject({ kind: 'ask', behaviour: { id: 'A2.1' } });
    expect(stored(db)).toEqual([
      { b: 'A1.1', level: 'khong' },
      { b: 'A1.2', level: 'khong' },
      { b: 'A2.1', level: 'khong' },
      { b: 'B1.1', level: 'thuong-xuyen' },
      { b: 'B1.2', level: 'khong' },
    ]);
    expect(db.prepare('SELECT status, submitted_on AS d, cursor FROM response').get()).toEqual({ status: 'submitted', d: '2026-11-23', cursor: null });
    // Locked: no further answer is accepted.
    expect(() => saveAnswer(db, again.id, 'A1.1', 'thuong-xuyen', null)).toThrow(expect.objectContaining({ name: 'UserError', code: 'RESPONSE_CLOSED' }));
  });

  it('continues from the review question by question, and a resume after the review lands on the next unanswered question', async () => {
    const { db, round, memberId } = setup();
    const r = startNamedResponse(db, round, memberId);
    const port = scriptedPort([
      { type: 'answer', level: 'khong' },
      { type: 'review' },
      { type: 'continue' },
      { type: 'answer', level: 'thinh-thoang' },
      { type: 'answer', level: 'khong' },
      { type: 'review' },
      { type: 'interrupt' },
    ]);
    await expect(runInterview(q, resumeState(q, r), port, hooks(db, round, r.id, memberId))).rejects.toMatchObject({ name: 'ExitPromptError' });
    const shown = port.asked.map((step) => (step.kind === 'ask' ? step.behaviour.id : step.kind));
    expect(shown).toEqual(['A1.1', 'A1.2', 'review', 'A1.2', 'A2.1', 'B1.1', 'review']);
    expect(db.prepare('SELECT cursor FROM response').get()).toEqual({ cursor: '#review' });
    const resumed = resumeState(q, startNamedResponse(db, round, memberId));
    expect(resumed).toMatchObject({ phase: 'asking', returnToReview: false });
    expect(nextStep(q, resumed)).toMatchObject({ kind: 'ask', behaviour: { id: 'B1.1' } });
  });

  it('does not submit when the member declines the confirmation', async () => {
    const { db, round, memberId } = setup();
    const r = startNamedResponse(db, round, memberId);
    const port = scriptedPort([
      ...Array.from({ length: 5 }, () => ({ type: 'answer' as const, level: 'khong' })),
      { type: 'submit' },
      { type: 'confirm', value: false },
      { type: 'interrupt' },
    ]);
    await expect(runInterview(q, resumeState(q, r), port, hooks(db, round, r.id, memberId))).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(db.prepare('SELECT status, cursor FROM response').get()).toEqual({ status: 'in_progress', cursor: '#review' });
  });
});
