/**
 * A report workbook's numbers against `report --json` (issue 16, part 3),
 * whoever read the workbook: tusoi's own reader (report-workbook.test.ts) or
 * LibreOffice's CSV of each sheet (report-workbook.slow.test.ts).
 */
import { expect } from 'vitest';
import { vi as viMessages } from '../../src/i18n/vi.js';
import { valueOf, type ReadCell } from './workbook.js';

const w = viMessages.workbook;
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'] as const;

export interface Item {
  id: string;
  counts: Record<string, number | null>;
  percent: Record<string, number | null>;
}
export interface Json {
  members: number;
  respondents: number;
  participation: number;
  overall: Omit<Item, 'id'>;
  groups: Item[];
  manifestations: Item[];
  behaviours: Item[];
  byUnit?: Array<{ code: string; name: string; members: number; respondents: number; participation: number; top: Array<{ id: string; reported: number | null }> }>;
  coverage?: { expected: number; missing: Array<{ code: string; name: string }> };
}

/** A figure as the workbook holds it: a count, a percentage back on 0–100 with one decimal, or the hidden mark. */
function figure(c: ReadCell | undefined, percent: boolean): number | string | null {
  const v = valueOf(c);
  return typeof v === 'number' && percent ? Math.round(v * 1000) / 10 : v;
}

/** What the JSON says a figure is, written as the workbook writes it (a hidden count is "<K"). */
const expected = (n: number | null | undefined, k: number | undefined): number | string => (n === null || n === undefined ? `<${k}` : n);

/** The figure columns of a row from `first`: count and percentage per level. */
function rowFigures(row: ReadCell[], first: number): Record<string, [number | string | null, number | string | null]> {
  return Object.fromEntries(LEVELS.map((l, i) => [l, [figure(row[first + 2 * i], false), figure(row[first + 2 * i + 1], true)]]));
}
const itemFigures = (it: Omit<Item, 'id'>, k: number | undefined) => Object.fromEntries(LEVELS.map((l) => [l, [expected(it.counts[l], k), expected(it.percent[l], k)]]));

/** Every number of the report workbook against the JSON report. */
export function expectSameNumbers(sheets: Map<string, ReadCell[][]>, j: Json, k?: number): void {
  const summary = sheets.get(w.summarySheet)!;
  const byLabel = (label: string) => summary.find((r) => r[0]?.text === label);
  expect(figure(byLabel(w.members)?.[1], false)).toBe(j.members);
  expect(figure(byLabel(w.respondents)?.[1], false)).toBe(j.respondents);
  expect(figure(byLabel(w.participation)?.[1], true)).toBe(j.participation);
  const head = summary.findIndex((r) => r[0]?.text === w.kind);
  const table = summary.slice(head + 1);
  expect(table.map((r) => r[1]?.text ?? '')).toEqual(['', ...j.groups.map((g) => g.id), ...j.manifestations.map((m) => m.id)]);
  expect(rowFigures(table[0]!, 3)).toEqual(itemFigures(j.overall, k));
  for (const [i, it] of [...j.groups, ...j.manifestations].entries()) expect(rowFigures(table[i + 1]!, 3), it.id).toEqual(itemFigures(it, k));

  const behaviours = sheets.get(w.behavioursSheet)!;
  expect(behaviours.length).toBe(1 + 111);
  expect(behaviours.slice(1).map((r) => r[2]?.text)).toEqual(j.behaviours.map((b) => b.id));
  for (const [i, b] of j.behaviours.entries()) expect(rowFigures(behaviours[i + 1]!, 4), b.id).toEqual(itemFigures(b, k));

  const units = sheets.get(w.unitsSheet);
  if (!j.byUnit) {
    expect(units).toBeUndefined();
    return;
  }
  const rows = units!.slice(1).filter((r) => r.length > 0);
  const reported = rows.filter((r) => r[3]?.text === w.hasReported);
  expect(reported.map((r) => [r[0]!.text, r[1]!.text, figure(r[4], false), figure(r[5], false), figure(r[6], true)])).toEqual(j.byUnit.map((u) => [u.code, u.name, u.members, u.respondents, u.participation]));
  expect(reported.map((r) => [0, 1, 2].flatMap((t) => (r[7 + 2 * t]?.text ? [r[7 + 2 * t]!.text, figure(r[8 + 2 * t], false)] : [])))).toEqual(
    j.byUnit.map((u) => u.top.flatMap((t) => [t.id, expected(t.reported, k)])),
  );
  expect(rows.filter((r) => r[3]?.text === w.notReported).map((r) => [r[0]!.text, r[1]!.text])).toEqual((j.coverage?.missing ?? []).map((u) => [u.code, u.name]));
}

