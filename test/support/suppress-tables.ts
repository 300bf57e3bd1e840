/**
 * Random small tables for the suppression property tests: a questionnaire of
 * a few manifestations, and units whose ballots are generated one per
 * respondent (so every table is consistent), then the report model and JSON
 * built by the real code, and the figures it shows or hides, read back from the
 * JSON (and, for a bloc's table per unit, from the suppression itself, which
 * shows at least what the JSON lists).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { buildReportModel, type ReportModel } from '../../src/report/model.js';
import { reportJson } from '../../src/report/json.js';
import { emptySummary, summarise, type Summary } from '../../src/summary/aggregate.js';
import { compareSummaries } from '../../src/summary/compare.js';
import { rollUp } from '../../src/summary/rollup.js';
import { suppressSummary, treeOf } from '../../src/summary/suppress.js';
import { reachableValues, type Figure, type Shape } from './disclosure.js';

export const LEVEL_IDS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;

/** A questionnaire of the given shape: groups G1…, manifestations M1…, behaviours B1… in order. */
export function questionnaireOf(shape: Shape): Questionnaire {
  let m = 0;
  return {
    format: 1,
    id: 'nho',
    version: '1',
    sha256: 'a'.repeat(64),
    title: { vi: 'Nhỏ' },
    source: { vi: 'Thử' },
    levels: LEVEL_IDS.map((id, i) => ({ id, label: { vi: id }, none: i === 0 })),
    groups: shape.groups.map((g, gi) => ({
      id: `G${gi + 1}`,
      text: { vi: `Nhóm ${gi + 1}` },
      manifestations: g.map((bs) => {
        m += 1;
        return { id: `M${m}`, status: 'verbatim' as const, text: { vi: `Biểu hiện ${m}` }, behaviours: bs.map((b) => ({ id: `B${b + 1}`, text: { vi: `Hành vi ${b + 1}` } })) };
      }),
    })),
  };
}

/** Shapes: 1–2 groups of 1–2 manifestations of 1–2 behaviours, at most `maxBehaviours` in all. */
export function shapeArb(maxBehaviours: number): fc.Arbitrary<Shape> {
  return fc
    .array(fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
    .filter((g) => g.flat().reduce((a, b) => a + b, 0) <= maxBehaviours)
    .map((g) => {
      let b = 0;
      return { groups: g.map((ms) => ms.map((count) => Array.from({ length: count }, () => b++))), behaviours: b, levels: 3 };
    });
}

/**
 * Ballots of up to `max` respondents: free, drawn from a palette of one to
 * three ballots, or all the same (many equal answers, so zeros, unanimity and
 * forced figures come up often).
 */
export function ballotsArb(behaviours: number, min: number, max: number): fc.Arbitrary<number[][]> {
  const level = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.constant(1), weight: 2 }, { arbitrary: fc.constant(2), weight: 1 });
  const ballot = fc.array(level, { minLength: behaviours, maxLength: behaviours });
  const free = fc.array(ballot, { minLength: min, maxLength: max });
  const palette = fc
    .tuple(fc.array(ballot, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(2), { minLength: min, maxLength: max }))
    .map(([p, picks]) => picks.map((i) => p[i % p.length]!));
  const same = fc.tuple(ballot, fc.integer({ min, max })).map(([b, count]) => Array.from({ length: count }, () => b));
  return fc.oneof(free, palette, same);
}

export function summaryOf(q: Questionnaire, ballots: ReadonlyArray<ReadonlyArray<number>>, code = 'CB01'): Summary {
  // Behaviour "B<i+1>" is answer i of a ballot.
  const ids = q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
  const responses = ballots.map((a) => new Map(ids.map((id) => [id, LEVEL_IDS[a[Number(id.slice(1)) - 1]!]!])));
  return summarise(q, responses, { code, name: code, level: 'chi-bo', parentCode: null, members: ballots.length });
}

interface JsonItem {
  id: string;
  counts: Record<string, number | null>;
  suppressed?: boolean;
}

interface JsonReport {
  behaviours: JsonItem[];
  manifestations: JsonItem[];
  groups: JsonItem[];
  overall: { counts: Record<string, number | null> };
  byUnit?: Array<{ code: string; top: Array<{ id: string; reported: number | null }> }>;
  compare?: { behaviours: ChangeJson[]; manifestations: ChangeJson[] };
}

interface ChangeJson {
  id: string;
  before: { reported: number | null };
  after: { reported: number | null };
  change: { count: number } | null;
  suppressed?: boolean;
}

/** Behaviour indices under each row of the JSON, by item id. */
function rowBehaviours(shape: Shape, q: Questionnaire): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  rows.set('overall', shape.groups.flat(2));
  q.groups.forEach((g, gi) => {
    rows.set(g.id, shape.groups[gi]!.flat());
    g.manifestations.forEach((m, mi) => {
      rows.set(m.id, [...shape.groups[gi]![mi]!]);
      m.behaviours.forEach((b, bi) => rows.set(b.id, [shape.groups[gi]![mi]![bi]!]));
    });
  });
  return rows;
}

export interface Built {
  readonly model: ReportModel;
  readonly json: JsonReport;
}

/** The report of one unit (or, with several, of their bloc), built as `tusoi report` builds it. */
export function buildReport(q: Questionnaire, units: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>, k: number, compare?: { before: Summary; label: string }): Built {
  const parts = units.map((b, i) => summaryOf(q, b, `CB${i + 1}`));
  const s = units.length === 1 ? parts[0]! : rollUp(emptySummary(q), parts);
  const unit = { code: 'DV', name: 'Đơn vị', level: 'chi-bo', parentCode: null };
  const model = buildReportModel(q, s, {
    unit,
    round: { label: '2026', anonymous: true, open: false },
    lang: 'vi',
    suppressBelow: k,
    generatedOn: '2026-11-23',
    ...(units.length > 1 ? { parts: parts.map((p) => ({ unit: { ...unit, code: p.units[0]!.code }, summary: p })) } : {}),
    ...(compare ? { comparison: { label: compare.label, ...compareSummaries(compare.before, s) }, compareBefore: { tree: treeOf(q), summary: compare.before } } : {}),
  });
  return { model, json: JSON.parse(JSON.stringify(reportJson(model))) as JsonReport };
}

/**
 * The figures a report shows and hides, as constraints over ballots. `extra`
 * adds shown "reported" figures (respondents at a level other than none) of
 * items, e.g. a compared round's side.
 */
export function figuresOf(shape: Shape, q: Questionnaire, built: Built, units: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>, k: number, extra: ReadonlyArray<{ id: string; reported: number }> = []): { shown: Figure[]; hidden: Figure[] } {
  const rows = rowBehaviours(shape, q);
  const shown: Figure[] = [];
  const hidden: Figure[] = [];
  const exact = units.length === 1 ? summaryOf(q, units[0]!) : rollUp(emptySummary(q), units.map((b, i) => summaryOf(q, b, `CB${i + 1}`)));
  const exactRow = (id: string) => (id === 'overall' ? exact.overall : (exact.behaviours.get(id) ?? exact.manifestations.get(id) ?? exact.groups.get(id))!);
  const items: Array<[string, Record<string, number | null>]> = [
    ['overall', built.json.overall.counts],
    ...[...built.json.groups, ...built.json.manifestations, ...built.json.behaviours].map((i): [string, Record<string, number | null>] => [i.id, i.counts]),
  ];
  for (const [id, counts] of items) {
    LEVEL_IDS.forEach((l, level) => {
      const f = { label: `${id}/${l}`, behaviours: rows.get(id)!, minLevel: level, maxLevel: level };
      const v = counts[l];
      if (v === null || v === undefined) hidden.push({ ...f, value: exactRow(id)[l]! });
      else {
        expect(v, `${id}/${l} shows its exact count`).toBe(exactRow(id)[l]);
        shown.push({ ...f, value: v });
      }
    });
  }
  for (const x of extra) shown.push({ label: `${x.id}/reported`, behaviours: rows.get(x.id)!, minLevel: 1, maxLevel: 2, value: x.reported });
  if (units.length > 1) {
    // The table per unit: every figure the suppression lets through (the JSON lists at most three per unit).
    const parts = units.map((b, i) => summaryOf(q, b, `CB${i + 1}`));
    const sup = suppressSummary(treeOf(q), exact, k, parts);
    built.json.byUnit!.forEach((row, i) => {
      for (const t of row.top) expect(t.reported, `${row.code} ${t.id}`).toBe(sup.units[i]!.get(t.id));
    });
    sup.units.forEach((figures, i) => {
      for (const [id, v] of figures) {
        const f = { label: `unit ${i} ${id}`, unit: i, behaviours: rows.get(id)!, minLevel: 1, maxLevel: 2 };
        const real = [...units[i]!].filter((a) => rows.get(id)!.some((b) => a[b]! >= 1)).length;
        if (v === null) hidden.push({ ...f, value: real });
        else shown.push({ ...f, value: v });
      }
    });
  }
  return { shown, hidden };
}

/** The labels of hidden figures that every ballot set matching the shown figures gives the same value. */
export function determined(shape: Shape, units: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>, figures: { shown: Figure[]; hidden: Figure[] }): string[] {
  const values = reachableValues(shape.levels, shape.behaviours, units.map((u) => u.length), figures.shown, figures.hidden);
  return figures.hidden.filter((_, h) => values[h]!.length < 2).map((f) => `${f.label}=${f.value}`);
}

/** Every shown count of a row is 0 or at least K (forced zeros included). */
export function noSmallShown(built: Built, k: number): void {
  for (const i of [...built.json.behaviours, ...built.json.manifestations, ...built.json.groups, { id: 'overall', counts: built.json.overall.counts }]) {
    for (const v of Object.values(i.counts)) if (v !== null) expect(v === 0 || v >= k, `${i.id} shows ${v} with K=${k}`).toBe(true);
  }
}
