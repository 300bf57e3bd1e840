/**
 * Rules that look across the whole questionnaire once its parts have been
 * read: unique ids, well-formed levels, declared counts. Each rule is a named
 * function reporting through one callback, so adding a rule touches nothing else.
 */
import type { Level, Questionnaire } from './model.js';
import type { ProblemCode, ProblemParams, Severity } from './problems.js';

/** A position in the source: 1-based line and column, and the path in the document. */
export interface Located<T = undefined> {
  readonly value: T;
  readonly at: At;
}
export interface At {
  readonly line: number;
  readonly col: number;
  readonly path: string;
}

interface IdAt {
  readonly id: string;
  readonly at: At;
}

/** What the walk hands the rules: the model plus where each id stands. */
export interface Draft {
  readonly questionnaire: Omit<Questionnaire, 'sha256'>;
  readonly levels: ReadonlyArray<Located<Level>>;
  readonly levelsAt: At;
  readonly groups: ReadonlyArray<IdAt & { manifestations: ReadonlyArray<IdAt & { behaviours: ReadonlyArray<IdAt> }> }>;
  readonly expect: Partial<Record<'groups' | 'manifestations' | 'behaviours', Located<number>>>;
}

export type Report = (code: ProblemCode, at: At, params: ProblemParams, severity?: Severity) => void;
type Rule = (draft: Draft, report: Report) => void;

/** Ids must differ exactly and case-insensitively: both end up in exports and spreadsheets. */
function uniqueIds(ids: ReadonlyArray<IdAt & { what: string }>, report: Report): void {
  const exact = new Map<string, IdAt>();
  const folded = new Map<string, IdAt>();
  for (const item of ids) {
    const first = exact.get(item.id);
    if (first) {
      report('DUPLICATE_ID', item.at, { id: item.id, what: item.what, firstLine: first.at.line });
      continue;
    }
    exact.set(item.id, item);
    const key = item.id.toLowerCase();
    const clash = folded.get(key);
    if (clash) report('DUPLICATE_ID_CASE', item.at, { id: item.id, actual: clash.id, what: item.what, firstLine: clash.at.line });
    else folded.set(key, item);
  }
}

/** Groups, manifestations and behaviours share one namespace: all appear as item ids in exports. */
const uniqueItemIds: Rule = (draft, report) => {
  const ids: Array<IdAt & { what: string }> = [];
  for (const g of draft.groups) {
    ids.push({ ...g, what: 'group' });
    for (const m of g.manifestations) {
      ids.push({ ...m, what: 'manifestation' });
      for (const b of m.behaviours) ids.push({ ...b, what: 'behaviour' });
    }
  }
  uniqueIds(ids, report);
};

const uniqueLevelIds: Rule = (draft, report) => {
  uniqueIds(draft.levels.map((l) => ({ id: l.value.id, at: l.at, what: 'level' })), report);
};

/** At least two levels; the first, and only the first, means "none". */
const wellFormedLevels: Rule = (draft, report) => {
  const levels = draft.levels;
  if (levels.length < 2) report('TOO_FEW_LEVELS', draft.levelsAt, { count: levels.length, limit: 2 });
  const first = levels[0];
  if (first && !first.value.none) report('NO_NONE_LEVEL', first.at, { id: first.value.id });
  levels.slice(1).forEach((l) => {
    if (l.value.none) report('NONE_NOT_FIRST', l.at, { id: l.value.id });
  });
};

/** `expect:` declares the counts a questionnaire must have (3, 27, 111 for Resolution 4). */
const declaredCounts: Rule = (draft, report) => {
  const actual = {
    groups: draft.groups.length,
    manifestations: draft.groups.reduce((n, g) => n + g.manifestations.length, 0),
    behaviours: draft.groups.reduce((n, g) => n + g.manifestations.reduce((k, m) => k + m.behaviours.length, 0), 0),
  };
  for (const key of ['groups', 'manifestations', 'behaviours'] as const) {
    const declared = draft.expect[key];
    if (declared && declared.value !== actual[key]) {
      report('COUNT_MISMATCH', declared.at, { key, expected: String(declared.value), actual: String(actual[key]) });
    }
  }
};

export const RULES: ReadonlyArray<Rule> = [uniqueItemIds, uniqueLevelIds, wellFormedLevels, declaredCounts];

export function runRules(draft: Draft, report: Report): void {
  for (const rule of RULES) rule(draft, report);
}
