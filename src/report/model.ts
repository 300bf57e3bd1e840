/**
 * What every report format shows, computed once from a summary: texts in the
 * chosen language, counts (hidden where suppressed), percentages, and the
 * behaviours ranked by how many respondents reported them.
 */
import { localText, type Lang, type Questionnaire } from '../questionnaire/model.js';
import { percent, reported, type Summary } from '../summary/aggregate.js';
import { hideComparison, type Comparison } from '../summary/compare.js';
import { suppressSummary, treeOf, type Shown, type SuppressedSummary, type Tree } from '../summary/suppress.js';

export interface ReportUnit {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parentCode: string | null;
}

export interface ReportRound {
  readonly label: string;
  readonly anonymous: boolean;
  readonly open: boolean;
}

export interface ItemRow {
  readonly id: string;
  readonly text: string;
  readonly shown: Shown;
  /** Percentage of respondents per level (null where the count is hidden). */
  readonly percent: Readonly<Record<string, number | null>>;
  /** Respondents at a level other than none (null when any of those is hidden). */
  readonly reported: number | null;
  /** For ranking: the number reported, or −1 where hidden (so the order reveals nothing hidden). */
  readonly rank: number;
}

export interface ManifestationRow extends ItemRow {
  readonly groupId: string;
  readonly status: 'verbatim' | 'partial' | 'unverified';
  readonly behaviours: ReadonlyArray<ItemRow>;
}

/** One merged unit (a direct report) in a bloc's table per unit. */
export interface UnitRow {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly members: number;
  readonly respondents: number;
  readonly participation: number;
  /** Its most reported manifestations (respondents at a level other than none); null where hidden. */
  readonly top: ReadonlyArray<{ readonly id: string; readonly reported: number | null }>;
}

export interface ReportComparison extends Comparison {
  readonly label: string;
}

export interface ReportMeasure {
  readonly id: number;
  readonly behaviourId: string | null;
  readonly text: string;
  readonly done: boolean;
}

export interface ReportModel {
  readonly unit: ReportUnit;
  readonly round: ReportRound;
  readonly questionnaire: { readonly id: string; readonly version: string; readonly sha256: string; readonly title: string };
  readonly levels: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly members: number;
  readonly respondents: number;
  /** Respondents / members, one decimal (0 with no members). */
  readonly participation: number;
  readonly units: Summary['units'];
  readonly overall: ItemRow;
  readonly groups: ReadonlyArray<ItemRow>;
  readonly manifestations: ReadonlyArray<ManifestationRow>;
  /** Behaviours by most reported first (ties: more "frequently", then questionnaire order). */
  readonly ranked: ReadonlyArray<ItemRow & { readonly manifestationId: string }>;
  /** For a merging unit: a row per merged export. */
  readonly byUnit: ReadonlyArray<UnitRow>;
  /** `--compare LABEL`: the change since that round. */
  readonly comparison: ReportComparison | undefined;
  /** The cell's own measures (a cell's report only). */
  readonly measures: ReadonlyArray<ReportMeasure>;
  readonly suppressBelow: number | undefined;
  /**
   * A merging unit's coverage: how many units it expects (from `unit import`)
   * and those that have not reported; undefined in a cell.
   */
  readonly coverage: ReportCoverage | undefined;
  /** A merging unit's key status of the units counted; undefined in a cell. */
  readonly keys: ReportKeys | undefined;
  /** An anonymous round with fewer respondents than the threshold (K, or 5 without one): a warning. */
  readonly smallAnonymous: { readonly respondents: number; readonly threshold: number } | undefined;
  /** For the signature block: a cell signs "T/M CHI BỘ", a committee "T/M ĐẢNG ỦY". */
  readonly collecting: boolean;
  /** The place written before the date in the signature block ('' to fill by hand). */
  readonly place: string;
  readonly generatedOn: string;
  readonly lang: Lang;
}

/**
 * A merging unit's trust in the files it counted (issue 17): units whose key
 * was pinned by their first file and not yet confirmed by phone, and units
 * whose file is unsigned (anyone could have sent it).
 */
export interface ReportKeys {
  readonly notVerified: ReadonlyArray<string>;
  readonly unsigned: ReadonlyArray<string>;
}

export interface ReportCoverage {
  readonly expected: number;
  readonly missing: ReadonlyArray<ReportUnit>;
}

/** Below this many respondents an anonymous round is flagged when no `--suppress-below` is given. */
export const SMALL_ROUND = 5;

export function buildReportModel(
  q: Questionnaire,
  s: Summary,
  context: {
    unit: ReportUnit;
    round: ReportRound;
    lang: Lang;
    suppressBelow?: number;
    generatedOn: string;
    parts?: ReadonlyArray<{ readonly unit: ReportUnit; readonly summary: Summary }>;
    comparison?: ReportComparison;
    /** The compared round's shape and summary, so that its side is suppressed as its own report would be. */
    compareBefore?: { readonly tree: Tree; readonly summary: Summary };
    measures?: ReadonlyArray<ReportMeasure>;
    coverage?: ReportCoverage;
    keys?: ReportKeys;
    collecting?: boolean;
    place?: string;
  },
): ReportModel {
  const { lang } = context;
  const k = context.suppressBelow;
  const levels = s.levels;
  const parts = context.parts ?? [];
  const sup = suppressSummary(treeOf(q), s, k, parts.map((p) => p.summary));
  const hiddenAll: Shown = { values: Object.fromEntries(levels.map((l) => [l, null])), suppressed: true };
  const row = (id: string, text: string, counts: Summary['overall'], shownRow: Shown | undefined): ItemRow => {
    const shown = shownRow ?? (k !== undefined && k > 1 ? hiddenAll : { values: { ...counts }, suppressed: false });
    const pct: Record<string, number | null> = {};
    for (const l of levels) pct[l] = shown.values[l] === null ? null : percent(counts[l] ?? 0, s.respondents);
    const anyHidden = levels.slice(1).some((l) => shown.values[l] === null);
    const n = anyHidden ? null : reported(counts, levels);
    return { id, text, shown, percent: pct, reported: n, rank: n ?? -1 };
  };
  const zero = Object.fromEntries(levels.map((l) => [l, 0]));
  const manifestations: ManifestationRow[] = q.groups.flatMap((g) =>
    g.manifestations.map((m) => ({
      ...row(m.id, localText(m.text, lang), s.manifestations.get(m.id) ?? zero, sup.manifestations.get(m.id)),
      groupId: g.id,
      status: m.status,
      behaviours: m.behaviours.map((b) => row(b.id, localText(b.text, lang), s.behaviours.get(b.id) ?? zero, sup.behaviours.get(b.id))),
    })),
  );
  const worst = levels[levels.length - 1]!;
  const order = new Map(manifestations.flatMap((m) => m.behaviours.map((b) => b.id)).map((id, i) => [id, i]));
  const ranked = manifestations
    .flatMap((m) => m.behaviours.map((b) => ({ ...b, manifestationId: m.id, worstCount: b.shown.values[worst] ?? -1 })))
    .sort((a, b) => b.rank - a.rank || b.worstCount - a.worstCount || order.get(a.id)! - order.get(b.id)!)
    .map(({ worstCount: _w, ...rest }) => rest);
  const byUnit = unitRows(q, parts, levels, sup);
  let comparison = context.comparison;
  if (comparison && k !== undefined && k > 1) {
    const before = context.compareBefore ? suppressSummary(context.compareBefore.tree, context.compareBefore.summary, k) : undefined;
    // Without the compared round's own figures, nothing of its side can be shown.
    comparison = { ...hideComparison(comparison, before ?? hideEverything(comparison), sup), label: comparison.label };
  }
  return {
    byUnit,
    comparison,
    measures: context.measures ?? [],
    unit: context.unit,
    round: context.round,
    questionnaire: { ...s.questionnaire, title: localText(q.title, lang) },
    levels: q.levels.map((l) => ({ id: l.id, label: localText(l.label, lang) })),
    members: s.members,
    respondents: s.respondents,
    participation: percent(s.respondents, s.members),
    units: s.units,
    overall: row('overall', '', s.overall, sup.overall),
    groups: q.groups.map((g) => row(g.id, localText(g.text, lang), s.groups.get(g.id) ?? zero, sup.groups.get(g.id))),
    manifestations,
    ranked,
    suppressBelow: k,
    coverage: context.coverage,
    keys: context.keys,
    smallAnonymous: smallAnonymous(context.round, s.respondents, k),
    collecting: context.collecting ?? true,
    place: context.place ?? '',
    generatedOn: context.generatedOn,
    lang,
  };
}

/**
 * An anonymous round answered by fewer people than the suppression threshold
 * (or than SMALL_ROUND without one): its figures may give single answers away.
 * A round nobody answered has nothing to give away.
 */
function smallAnonymous(round: ReportRound, respondents: number, k: number | undefined): ReportModel['smallAnonymous'] {
  const threshold = k ?? SMALL_ROUND;
  return round.anonymous && respondents > 0 && respondents < threshold ? { respondents, threshold } : undefined;
}

/** A suppressed summary with every item of a comparison hidden. */
function hideEverything(c: Comparison): SuppressedSummary {
  const hid = { values: {}, suppressed: true };
  const map = (items: ReadonlyArray<{ id: string }>) => new Map(items.map((i) => [i.id, hid]));
  return { behaviours: map(c.behaviours), manifestations: map(c.manifestations), groups: new Map(), overall: hid, units: [] };
}

/**
 * The table per unit: participation, and each unit's three most reported
 * manifestations. With suppression, a unit's figure for a manifestation is
 * shown or hidden by summary/suppress.ts, and only shown figures are ranked
 * and listed: the column is then a function of shown figures alone, so it
 * reveals nothing hidden. Hidden figures are left out rather than listed after
 * the shown ones (as before issue 15): a figure hidden because its complement
 * is small may be the largest, and listing it last would mislead. The header
 * says "among the figures shown" under suppression.
 */
function unitRows(
  q: Questionnaire,
  parts: ReadonlyArray<{ readonly unit: ReportUnit; readonly summary: Summary }>,
  levels: ReadonlyArray<string>,
  sup: SuppressedSummary,
): UnitRow[] {
  const ids = q.groups.flatMap((g) => g.manifestations.map((m) => m.id));
  const zero = Object.fromEntries(levels.map((l) => [l, 0]));
  return parts.map((p, i) => {
    const figures = sup.units[i]!;
    const top = ids
      .map((id) => {
        const shown = figures.get(id) ?? null;
        return { id, reported: shown, order: shown === null ? -1 : reported(p.summary.manifestations.get(id) ?? zero, levels) };
      })
      .filter((t) => t.order > 0)
      .sort((a, b) => b.order - a.order)
      .slice(0, 3)
      .map(({ id, reported: r }) => ({ id, reported: r }));
    return {
      code: p.unit.code,
      name: p.unit.name,
      level: p.unit.level,
      members: p.summary.members,
      respondents: p.summary.respondents,
      participation: percent(p.summary.respondents, p.summary.members),
      top,
    };
  });
}
