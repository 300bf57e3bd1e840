/**
 * The summary of a round from the database: a cell's round from its submitted
 * responses; a merging unit's round as the sum of the exports it has merged.
 */
import type { Questionnaire } from '../questionnaire/model.js';
import type { Db } from '../store/db.js';
import { mergedSummaries, type MergedFile } from '../store/merged.js';
import { countParticipatingMembers } from '../store/members.js';
import { submittedAnswers } from '../store/responses.js';
import { anonymousSummary } from '../store/anonymous.js';
import { roundQuestionnaire, type Round } from '../store/rounds.js';
import { getUnit, type Unit } from '../store/unit.js';
import { emptySummary, summarise, type Summary } from '../summary/aggregate.js';
import { rollUp } from '../summary/rollup.js';

export interface RoundSummary {
  readonly unit: Unit;
  readonly round: Round;
  readonly questionnaire: Questionnaire;
  readonly summary: Summary;
  /** For a merging unit: each merged file with its own summary (the table per unit). */
  readonly parts: ReadonlyArray<{ readonly file: MergedFile; readonly summary: Summary }>;
}

export function summariseRound(db: Db, round: Round): RoundSummary {
  const unit = getUnit(db);
  const questionnaire = roundQuestionnaire(db, round);
  if (round.kind === 'merge') {
    const parts = mergedSummaries(db, round.id, { id: questionnaire.id, version: questionnaire.version, sha256: questionnaire.sha256 });
    return { unit, round, questionnaire, summary: rollUp(emptySummary(questionnaire), parts.map((p) => p.summary)), parts };
  }
  const covered = {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentCode: unit.parentCode,
    members: round.membersAtClose ?? countParticipatingMembers(db, round.id),
  };
  // An anonymous round keeps only its tally (store/anonymous.ts): the same counts, no ballots.
  const summary = round.anonymous ? anonymousSummary(db, questionnaire, round.id, covered) : summarise(questionnaire, submittedAnswers(db, round.id), covered);
  return { unit, round, questionnaire, summary, parts: [] };
}
