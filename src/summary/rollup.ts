/**
 * Adding unit summaries: cells into a grassroots committee or a bloc, blocs
 * upward. Counts add because each respondent belongs to exactly one unit.
 */
import { zeroCounts, type Counts, type Summary } from './aggregate.js';
import { InternalError } from '../errors.js';

function addMaps(into: Map<string, Record<string, number>>, from: ReadonlyMap<string, Counts>, levels: ReadonlyArray<string>): void {
  for (const [id, c] of from) {
    let acc = into.get(id);
    if (!acc) into.set(id, (acc = zeroCounts(levels)));
    for (const l of levels) acc[l]! += c[l] ?? 0;
  }
}

/**
 * The sum of summaries made with the same questionnaire; `units` lists every
 * unit covered. `zero` is an empty summary of the questionnaire, so that every
 * item appears even when nothing was merged. Throws on a questionnaire
 * mismatch (callers check first).
 */
export function rollUp(zero: Summary, summaries: ReadonlyArray<Summary>): Summary {
  const base = zero;
  const levels = base.levels;
  const behaviours = new Map<string, Record<string, number>>();
  const manifestations = new Map<string, Record<string, number>>();
  const groups = new Map<string, Record<string, number>>();
  addMaps(behaviours, zero.behaviours, levels);
  addMaps(manifestations, zero.manifestations, levels);
  addMaps(groups, zero.groups, levels);
  const overall = zeroCounts(levels);
  let members = 0;
  let respondents = 0;
  for (const s of summaries) {
    if (s.questionnaire.sha256 !== base.questionnaire.sha256) throw new InternalError('roll-up across questionnaires');
    members += s.members;
    respondents += s.respondents;
    addMaps(behaviours, s.behaviours, levels);
    addMaps(manifestations, s.manifestations, levels);
    addMaps(groups, s.groups, levels);
    for (const l of levels) overall[l]! += s.overall[l] ?? 0;
  }
  return {
    questionnaire: base.questionnaire,
    levels,
    members,
    respondents,
    units: summaries.flatMap((s) => s.units),
    behaviours,
    manifestations,
    groups,
    overall,
  };
}
