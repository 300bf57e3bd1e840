/**
 * The summary of a round from the database: a cell's round from its submitted
 * responses; a merging unit's round from the summaries it has merged.
 */
import type { Questionnaire } from '../questionnaire/model.js';
import type { Db } from '../store/db.js';
import { countParticipatingMembers } from '../store/members.js';
import { submittedAnswers } from '../store/responses.js';
import { roundQuestionnaire, type Round } from '../store/rounds.js';
import { getUnit, type Unit } from '../store/unit.js';
import { summarise, type Summary } from '../summary/aggregate.js';

export interface RoundSummary {
  readonly unit: Unit;
  readonly round: Round;
  readonly questionnaire: Questionnaire;
  readonly summary: Summary;
}

export function summariseRound(db: Db, round: Round): RoundSummary {
  const unit = getUnit(db);
  const questionnaire = roundQuestionnaire(db, round);
  const summary = summarise(questionnaire, submittedAnswers(db, round.id), {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentCode: unit.parentCode,
    members: countParticipatingMembers(db, round.id),
  });
  return { unit, round, questionnaire, summary };
}
