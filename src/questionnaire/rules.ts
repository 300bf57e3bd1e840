/**
 * Rules that look across the whole questionnaire once its parts have been
 * read: unique ids, well-formed levels, declared counts. Each rule is a named
 * function reporting through one callback, so adding a rule touches nothing else.
 */
import type { Questionnaire } from './model.js';
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

export interface IdAt {
  readonly id: string;
  readonly at: At;
}

/**
 * What the walk hands the rules: the model when every part of it could be read,
 * and, in any case, every id and level read, with where it stands.
 */
export interface Draft {
  readonly questionnaire: Omit<Questionnaire, 'sha256'> | undefined;
  readonly itemIds: ReadonlyArray<IdAt & { readonly what: string }>;
  readonly levels: ReadonlyArray<IdAt & { readonly none: boolean }>;
  /** Where the level list stands; undefined when it could not be read. */
  readonly levelsAt: At | undefined;
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
const uniqueItemIds: Rule = (draft, report) => uniqueIds(draft.itemIds, report);

const uniqueLevelIds: Rule = (draft, report) => uniqueIds(draft.levels.map((l) => ({ ...l, what: 'level' })), report);

/** At least two levels; the first, and only the first, means "none". */
const wellFormedLevels: Rule = (draft, report) => {
  if (!draft.levelsAt) return;
  const levels = draft.levels;
  if (levels.length < 2) report('TOO_FEW_LEVELS', draft.levelsAt, { count: levels.length, limit: 2 });
  const first = levels[0];
  if (first && !first.none) report('NO_NONE_LEVEL', first.at, { id: first.id });
  for (const l of levels.slice(1)) if (l.none) report('NONE_NOT_FIRST', l.at, { id: l.id });
};

/**
 * `expect:` declares the counts a questionnaire must have (3, 27, 111 for
 * Resolution 4). Checked only on a whole model: counting a broken one would
 * report a mismatch that is only a symptom.
 */
const declaredCounts: Rule = (draft, report) => {
  const q = draft.questionnaire;
  if (!q) return;
  const actual = {
    groups: q.groups.length,
    manifestations: q.groups.reduce((n, g) => n + g.manifestations.length, 0),
    behaviours: q.groups.reduce((n, g) => n + g.manifestations.reduce((k, m) => k + m.behaviours.length, 0), 0),
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
