/**
 * The report's JSON contract (documented in the README):
 * `{ schema, unit, round, questionnaire, units, members, respondents, participation,
 *    behaviours, manifestations, groups, overall }`; hidden counts are `null`
 * with `suppressed: true` on their item.
 */
import type { ItemRow, ReportModel } from './model.js';

/**
 * The report document's own schema. 2: under `--suppress-below`, the sides and
 * change of a `compare` item may be null (with `suppressed: true`), and a
 * suppressed row may show forced zeros beside its nulls. 3: a merging unit's
 * `coverage` (`expected`, and the `missing` units with code, name, level,
 * parent); `smallAnonymous` (`respondents`, `threshold`) on an anonymous round
 * with fewer respondents than the threshold.
 */
export const REPORT_SCHEMA = 3;

function item(r: ItemRow): Record<string, unknown> {
  return { id: r.id, counts: r.shown.values, percent: r.percent, ...(r.shown.suppressed ? { suppressed: true } : {}) };
}

export function reportJson(model: ReportModel): Record<string, unknown> {
  return {
    schema: REPORT_SCHEMA,
    unit: { code: model.unit.code, name: model.unit.name, level: model.unit.level, parent: model.unit.parentCode },
    round: { label: model.round.label, anonymous: model.round.anonymous, open: model.round.open },
    questionnaire: { id: model.questionnaire.id, version: model.questionnaire.version, sha256: model.questionnaire.sha256 },
    levels: model.levels.map((l) => l.id),
    units: model.units.map((u) => ({ code: u.code, name: u.name, level: u.level, parent: u.parentCode, members: u.members, respondents: u.respondents })),
    members: model.members,
    respondents: model.respondents,
    participation: model.participation,
    ...(model.suppressBelow !== undefined ? { suppressBelow: model.suppressBelow } : {}),
    behaviours: model.manifestations.flatMap((m) => m.behaviours.map(item)),
    manifestations: model.manifestations.map(item),
    groups: model.groups.map(item),
    overall: { counts: model.overall.shown.values, percent: model.overall.percent, ...(model.overall.shown.suppressed ? { suppressed: true } : {}) },
    ...(model.coverage ? { coverage: { expected: model.coverage.expected, missing: model.coverage.missing.map((u) => ({ code: u.code, name: u.name, level: u.level, parent: u.parentCode })) } } : {}),
    ...(model.keys ? { keys: { notVerified: model.keys.notVerified, unsigned: model.keys.unsigned } } : {}),
    ...(model.smallAnonymous ? { smallAnonymous: model.smallAnonymous } : {}),
    ...(model.byUnit.length > 0 ? { byUnit: model.byUnit } : {}),
    ...(model.comparison ? { compare: model.comparison } : {}),
    ...(model.measures.length > 0 ? { measures: model.measures } : {}),
    generatedOn: model.generatedOn,
  };
}
