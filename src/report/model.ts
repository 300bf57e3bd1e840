/**
 * What every report format shows, computed once from a summary: texts in the
 * chosen language, counts (hidden where suppressed), percentages, and the
 * behaviours ranked by how many respondents reported them.
 */
import { localText, type Lang, type Questionnaire } from '../questionnaire/model.js';
import { percent, reported, type Summary } from '../summary/aggregate.js';
import { suppressCounts, type Shown } from '../summary/suppress.js';

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
  readonly suppressBelow: number | undefined;
  readonly generatedOn: string;
  readonly lang: Lang;
}

export function buildReportModel(
  q: Questionnaire,
  s: Summary,
  context: { unit: ReportUnit; round: ReportRound; lang: Lang; suppressBelow?: number; generatedOn: string },
): ReportModel {
  const { lang } = context;
  const k = context.suppressBelow;
  const levels = s.levels;
  const row = (id: string, text: string, counts: Summary['overall']): ItemRow => {
    const shown = suppressCounts(counts, levels, k);
    const pct: Record<string, number | null> = {};
    for (const l of levels) pct[l] = shown.values[l] === null ? null : percent(counts[l] ?? 0, s.respondents);
    const anyHidden = levels.slice(1).some((l) => shown.values[l] === null);
    const n = anyHidden ? null : reported(counts, levels);
    return { id, text, shown, percent: pct, reported: n, rank: n ?? -1 };
  };
  const zero = Object.fromEntries(levels.map((l) => [l, 0]));
  const manifestations: ManifestationRow[] = q.groups.flatMap((g) =>
    g.manifestations.map((m) => ({
      ...row(m.id, localText(m.text, lang), s.manifestations.get(m.id) ?? zero),
      groupId: g.id,
      status: m.status,
      behaviours: m.behaviours.map((b) => row(b.id, localText(b.text, lang), s.behaviours.get(b.id) ?? zero)),
    })),
  );
  const worst = levels[levels.length - 1]!;
  const order = new Map(manifestations.flatMap((m) => m.behaviours.map((b) => b.id)).map((id, i) => [id, i]));
  const ranked = manifestations
    .flatMap((m) => m.behaviours.map((b) => ({ ...b, manifestationId: m.id, worstCount: b.shown.values[worst] ?? -1 })))
    .sort((a, b) => b.rank - a.rank || b.worstCount - a.worstCount || order.get(a.id)! - order.get(b.id)!)
    .map(({ worstCount: _w, ...rest }) => rest);
  return {
    unit: context.unit,
    round: context.round,
    questionnaire: { ...s.questionnaire, title: localText(q.title, lang) },
    levels: q.levels.map((l) => ({ id: l.id, label: localText(l.label, lang) })),
    members: s.members,
    respondents: s.respondents,
    participation: percent(s.respondents, s.members),
    units: s.units,
    overall: row('overall', '', s.overall),
    groups: q.groups.map((g) => row(g.id, localText(g.text, lang), s.groups.get(g.id) ?? zero)),
    manifestations,
    ranked,
    suppressBelow: k,
    generatedOn: context.generatedOn,
    lang,
  };
}
