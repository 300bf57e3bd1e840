/**
 * What a report of a round is made of, read in one go: the round's summary,
 * the comparison asked for, and (in a cell) its collective measures; then the
 * report model every format renders.
 */
import { isoDay } from '../clock.js';
import type { Lang } from '../questionnaire/model.js';
import { buildReportModel, type ReportComparison, type ReportKeys, type ReportMeasure, type ReportModel } from '../report/model.js';
import { listMeasures } from '../store/commitments.js';
import { listExpectedUnits, reportedCodes, type ExpectedUnit } from '../store/merged.js';
import { roundKeyStatus } from '../store/pins.js';
import { isCollectingLevel } from '../store/unit.js';
import type { Db } from '../store/db.js';
import type { Summary } from '../summary/aggregate.js';
import { compareSummaries } from '../summary/compare.js';
import { treeOf, type Tree } from '../summary/suppress.js';
import { reportableRound } from './round-choice.js';
import { readRecordingUse } from '../store/round-use.js';
import type { Round } from '../store/rounds.js';
import { summariseRound, type RoundSummary } from './round-summary.js';

export interface ReportRequest {
  /** The round's label; the open round, else the latest, when absent. */
  readonly round?: string;
  /** The label of an earlier round to compare with. */
  readonly compare?: string;
}

export interface ReportData {
  readonly rs: RoundSummary;
  readonly comparison?: ReportComparison;
  /** The compared round's shape and summary (its side of a suppressed comparison is hidden as its own report would be). */
  readonly compareBefore?: { readonly tree: Tree; readonly summary: Summary };
  readonly measures: ReadonlyArray<ReportMeasure>;
  /** A merging round: the units expected (`unit import`) and those not reported. */
  readonly coverage?: { readonly expected: number; readonly missing: ReadonlyArray<ExpectedUnit> };
  /** A merging round: the units whose key is not verified by phone, and those whose file is unsigned. */
  readonly keys?: ReportKeys;
}

/**
 * Reads what a report shows. A closed round reported (or compared with) is
 * recorded as reported (store/round-use.ts): an anonymous round is then never
 * reopened.
 */
export function gatherReport(db: Db, req: ReportRequest, now: Date): ReportData {
  return readRecordingUse(
    db,
    { kind: 'report', now },
    // The round compared with is as reportable as the round reported: an open anonymous
    // round's live tally would otherwise show through `--compare`.
    () => [reportableRound(db, req.round, now), req.compare !== undefined ? reportableRound(db, req.compare, now) : undefined] as const,
    ([round, compare]) => gatherRounds(db, round, compare),
  );
}

function gatherRounds(db: Db, round: Round, compare: Round | undefined): ReportData {
  const rs = summariseRound(db, round);
  let comparison: ReportComparison | undefined;
  let compareBefore: ReportData['compareBefore'];
  if (compare !== undefined) {
    const other = summariseRound(db, compare);
    comparison = { label: other.round.label, ...compareSummaries(other.summary, rs.summary) };
    compareBefore = { tree: treeOf(other.questionnaire), summary: other.summary };
  }
  const measures = rs.round.kind === 'collect' ? listMeasures(db, rs.round.id).map((x) => ({ id: x.id, behaviourId: x.behaviourId, text: x.text, done: x.doneOn !== null })) : [];
  let coverage: ReportData['coverage'];
  let keys: ReportKeys | undefined;
  if (rs.round.kind === 'merge') {
    const expected = listExpectedUnits(db);
    const reported = reportedCodes(db, rs.round.id);
    coverage = { expected: expected.length, missing: expected.filter((u) => !reported.has(u.code)) };
    keys = roundKeyStatus(db, rs.round.id);
  }
  return { rs, ...(comparison ? { comparison } : {}), ...(compareBefore ? { compareBefore } : {}), measures, ...(coverage ? { coverage } : {}), ...(keys ? { keys } : {}) };
}

export interface ModelOptions {
  readonly lang: Lang;
  readonly now: Date;
  readonly suppressBelow?: number;
  /** The place before the date in the signature block. */
  readonly place?: string;
  /** The none level's label as tusoi's own text calls it (`m.wording.noneLevel`); the questionnaire's otherwise. */
  readonly noneLabel?: string;
}

/** The model every report format renders, from what `gatherReport` read. */
export function reportModel(data: ReportData, o: ModelOptions): ReportModel {
  const { rs } = data;
  const model = buildReportModel(rs.questionnaire, rs.summary, {
    unit: rs.unit,
    round: { label: rs.round.label, anonymous: rs.round.anonymous, open: rs.round.closedOn === null },
    lang: o.lang,
    ...(o.suppressBelow !== undefined ? { suppressBelow: o.suppressBelow } : {}),
    generatedOn: isoDay(o.now),
    parts: rs.parts.map((p) => ({
      unit: { code: p.file.unitCode, name: p.file.unitName, level: p.file.unitLevel, parentCode: p.file.parentCode },
      summary: p.summary,
    })),
    ...(data.comparison ? { comparison: data.comparison } : {}),
    ...(data.compareBefore ? { compareBefore: data.compareBefore } : {}),
    measures: data.measures,
    ...(data.coverage ? { coverage: data.coverage } : {}),
    ...(data.keys ? { keys: data.keys } : {}),
    collecting: isCollectingLevel(rs.unit.level),
    ...(o.place !== undefined ? { place: o.place } : {}),
  });
  // The first level is the none level (a rule of every questionnaire).
  return o.noneLabel === undefined ? model : { ...model, levels: model.levels.map((l, i) => (i === 0 ? { ...l, label: o.noneLabel! } : l)) };
}
