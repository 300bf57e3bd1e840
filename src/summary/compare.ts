/**
 * Round over round: how many respondents reported each behaviour (at a level
 * other than none) in two rounds, and the change in count and in percentage
 * points. Rounds made with different questionnaires are compared only on the
 * behaviours they share by id; manifestations only when the questionnaire is
 * the same (their counts depend on which behaviours they hold).
 */
import { percent, reported, type Summary } from './aggregate.js';

export interface Side {
  readonly reported: number;
  readonly respondents: number;
  readonly percent: number;
}

export interface ItemChange {
  readonly id: string;
  readonly before: Side;
  readonly after: Side;
  /** after − before, in respondents and in percentage points (one decimal). */
  readonly change: { readonly count: number; readonly points: number };
}

export interface Comparison {
  readonly sameQuestionnaire: boolean;
  readonly behaviours: ReadonlyArray<ItemChange>;
  readonly manifestations: ReadonlyArray<ItemChange>;
  /** Behaviour ids in only one of the two rounds (not compared). */
  readonly onlyBefore: ReadonlyArray<string>;
  readonly onlyAfter: ReadonlyArray<string>;
  readonly respondents: { readonly before: number; readonly after: number };
}

function side(s: Summary, counts: Summary['overall']): Side {
  const n = reported(counts, s.levels);
  return { reported: n, respondents: s.respondents, percent: percent(n, s.respondents) };
}

function change(id: string, before: Side, after: Side): ItemChange {
  return { id, before, after, change: { count: after.reported - before.reported, points: Math.round((after.percent - before.percent) * 10) / 10 } };
}

export function compareSummaries(before: Summary, after: Summary): Comparison {
  const sameQuestionnaire = before.questionnaire.sha256 === after.questionnaire.sha256;
  const behaviours: ItemChange[] = [];
  for (const [id, counts] of after.behaviours) {
    const old = before.behaviours.get(id);
    if (old) behaviours.push(change(id, side(before, old), side(after, counts)));
  }
  const manifestations: ItemChange[] = [];
  if (sameQuestionnaire) {
    for (const [id, counts] of after.manifestations) {
      const old = before.manifestations.get(id);
      if (old) manifestations.push(change(id, side(before, old), side(after, counts)));
    }
  }
  return {
    sameQuestionnaire,
    behaviours,
    manifestations,
    onlyBefore: [...before.behaviours.keys()].filter((id) => !after.behaviours.has(id)),
    onlyAfter: [...after.behaviours.keys()].filter((id) => !before.behaviours.has(id)),
    respondents: { before: before.respondents, after: after.respondents },
  };
}
