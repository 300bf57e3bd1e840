/**
 * Summary semantics (pure). For a unit and a round:
 * - per behaviour, the number of respondents at each level (they sum to the respondents);
 * - per manifestation, per group and overall, the number of respondents whose MOST SEVERE
 *   answer among the behaviours it contains is each level (they sum to the respondents too:
 *   "N members occasionally / frequently show at least one behaviour of this manifestation");
 * - participation = respondents / members.
 * Every count is additive across disjoint units, which the bloc merge relies on.
 */
import type { LevelId, Questionnaire } from '../questionnaire/model.js';
import { InternalError } from '../errors.js';

/** Respondents per level, in the questionnaire's level order. */
export type Counts = Readonly<Record<LevelId, number>>;

export interface CoveredUnit {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parentCode: string | null;
  readonly members: number;
  readonly respondents: number;
}

export interface Summary {
  readonly questionnaire: { readonly id: string; readonly version: string; readonly sha256: string };
  readonly levels: ReadonlyArray<LevelId>;
  readonly members: number;
  readonly respondents: number;
  /** The units the figures cover: for a cell, itself; for a merged unit, every leaf it holds. */
  readonly units: ReadonlyArray<CoveredUnit>;
  readonly behaviours: ReadonlyMap<string, Counts>;
  readonly manifestations: ReadonlyMap<string, Counts>;
  readonly groups: ReadonlyMap<string, Counts>;
  readonly overall: Counts;
}

export function zeroCounts(levels: ReadonlyArray<LevelId>): Record<LevelId, number> {
  return Object.fromEntries(levels.map((l) => [l, 0]));
}

export function total(c: Counts): number {
  let n = 0;
  for (const v of Object.values(c)) n += v;
  return n;
}

/**
 * Summarises the submitted responses of one unit. A response lacking a
 * behaviour is a bug upstream (submission requires every answer): refused loudly.
 */
export function summarise(q: Questionnaire, responses: ReadonlyArray<ReadonlyMap<string, LevelId>>, unit: Omit<CoveredUnit, 'respondents'>): Summary {
  const levels = q.levels.map((l) => l.id);
  const rank = new Map(levels.map((l, i) => [l, i]));
  const behaviours = new Map<string, Record<LevelId, number>>();
  const manifestations = new Map<string, Record<LevelId, number>>();
  const groups = new Map<string, Record<LevelId, number>>();
  for (const g of q.groups) {
    groups.set(g.id, zeroCounts(levels));
    for (const m of g.manifestations) {
      manifestations.set(m.id, zeroCounts(levels));
      for (const b of m.behaviours) behaviours.set(b.id, zeroCounts(levels));
    }
  }
  const overall = zeroCounts(levels);
  for (const answers of responses) {
    let worstOverall = 0;
    for (const g of q.groups) {
      let worstGroup = 0;
      for (const m of g.manifestations) {
        let worst = 0;
        for (const b of m.behaviours) {
          const level = answers.get(b.id);
          const r = level === undefined ? undefined : rank.get(level);
          if (level === undefined || r === undefined) throw new InternalError(`response without a valid answer to ${b.id}`);
          behaviours.get(b.id)![level]! += 1;
          if (r > worst) worst = r;
        }
        manifestations.get(m.id)![levels[worst]!]! += 1;
        if (worst > worstGroup) worstGroup = worst;
      }
      groups.get(g.id)![levels[worstGroup]!]! += 1;
      if (worstGroup > worstOverall) worstOverall = worstGroup;
    }
    overall[levels[worstOverall]!]! += 1;
  }
  return {
    questionnaire: { id: q.id, version: q.version, sha256: q.sha256 },
    levels,
    members: unit.members,
    respondents: responses.length,
    units: [{ ...unit, respondents: responses.length }],
    behaviours,
    manifestations,
    groups,
    overall,
  };
}

/** Percentage of respondents, one decimal; 0 when nobody responded. */
export function percent(n: number, respondents: number): number {
  return respondents === 0 ? 0 : Math.round((n / respondents) * 1000) / 10;
}

/** Respondents at any level other than "none" (the first). */
export function reported(c: Counts, levels: ReadonlyArray<LevelId>): number {
  return levels.slice(1).reduce((n, l) => n + (c[l] ?? 0), 0);
}

/** A summary with every item at zero and no unit: the start of a roll-up. */
export function emptySummary(q: Questionnaire): Summary {
  return { ...summarise(q, [], { code: '', name: '', level: '', parentCode: null, members: 0 }), members: 0, units: [] };
}
