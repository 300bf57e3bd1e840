/**
 * Every file checked in full before it counts (issue 17, part 4): the checks
 * a recomputed integrity value would pass. Unit codes follow the pattern
 * `init` enforces (a look-alike such as full-width `ＣＢ１０`, Cyrillic `СВ10`,
 * `"CB 10"` or an empty code is refused; `cb10` and `CB10` are one unit);
 * there is exactly one `overall` row; each manifestation, group and overall
 * count is consistent with its parts under the most-severe relation; and
 * `exported_at` is a strict UTC time not later than the merge time plus a day.
 */
import type { Questionnaire } from '../questionnaire/model.js';
import type { ExportTotals } from './export-checks.js';
import type { ExportBody, ItemRow } from './export-rows.js';
import type { FileProblems } from './problems.js';
import { UNIT_CODE } from './units-csv.js';

/** How unit codes are compared: after NFC, case-insensitively (the pattern allows ASCII only). */
export const codeKey = (code: string): string => code.normalize('NFC').toUpperCase();

/** Every unit code of the file: its own, its parent's, and each covered unit's and parent's. */
export function checkUnitCodes(firstLine: number, totals: ExportTotals, body: ExportBody, problems: FileProblems): void {
  const bad = (value: string, column: string, line: number, optional: boolean): void => {
    if (optional && value === '') return;
    if (!UNIT_CODE.test(value.normalize('NFC'))) problems.add('EXPORT_BAD_UNIT_CODE', line, { column, value });
  };
  bad(totals.identity.get('unit_code') ?? '', 'unit_code', firstLine, false);
  bad(totals.identity.get('parent_code') ?? '', 'parent_code', body.exportLine, true);
  const seen = new Map<string, { code: string; line: number }>();
  for (const u of body.units) {
    const line = body.unitLines.get(u.code) ?? 0;
    bad(u.code, 'item_id', line, false);
    bad(u.parentCode ?? '', 'item_parent', line, true);
    const key = codeKey(u.code);
    const before = seen.get(key);
    if (before && before.code !== u.code) problems.add('EXPORT_DUPLICATE_ITEM', line, { value: u.code, firstLine: before.line });
    else seen.set(key, { code: u.code, line });
  }
}

/** Exactly one `overall` row, whose id is `overall`. */
export function checkOverall(body: ExportBody, problems: FileProblems): void {
  const rows = [...body.items.values()].filter((it) => it.type === 'overall');
  if (rows.length === 0) problems.add('EXPORT_OVERALL_ROWS', 0, { count: 0 });
  else if (rows.length > 1) problems.add('EXPORT_OVERALL_ROWS', rows[1]!.line, { count: rows.length, firstLine: rows[0]!.line });
  else if (rows[0]!.id !== 'overall') problems.add('EXPORT_OVERALL_ROWS', rows[0]!.line, { count: 1, value: rows[0]!.id });
}

const STRICT_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** `YYYY-MM-DDTHH:MM:SSZ`, a real instant; undefined when not. */
export function parseExportedAt(text: string): Date | undefined {
  const m = STRICT_TIME.exec(text);
  if (!m) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 19) + 'Z' !== text ? undefined : d;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Strict, and (when the merge time is given) not later than `now` plus one day: a clock may be wrong, not by a day. */
export function checkExportedAt(totals: ExportTotals, exportLine: number, now: Date | undefined, problems: FileProblems): void {
  const text = totals.identity.get('exported_at') ?? '';
  const at = parseExportedAt(text);
  if (!at) problems.add('EXPORT_BAD_TIME', exportLine, { column: 'exported_at', value: text, expected: 'YYYY-MM-DDTHH:MM:SSZ' });
  else if (now && at.getTime() > now.getTime() + DAY_MS) problems.add('EXPORT_FUTURE_TIME', exportLine, { column: 'exported_at', value: text, expected: new Date(now.getTime() + DAY_MS).toISOString().slice(0, 19) + 'Z' });
}

/**
 * A whole's counts against its parts: each respondent's level for the whole
 * is their most severe level among the parts. So for every level j, the
 * number at j or above in the whole is at least that of each part (e.g. no
 * fewer "thường xuyên" than its part with the most; no more none than its
 * part with the fewest) and at most their sum.
 */
function checkWhole(whole: ItemRow, parts: ReadonlyArray<ItemRow>, levels: number, problems: FileProblems): void {
  let wholeAtLeast = 0;
  const partAtLeast = parts.map(() => 0);
  for (let j = levels - 1; j >= 1; j--) {
    wholeAtLeast += whole.vector[j]!;
    let most = 0;
    let mostId = '';
    let sum = 0;
    parts.forEach((p, k) => {
      partAtLeast[k]! += p.vector[j]!;
      if (partAtLeast[k]! > most) {
        most = partAtLeast[k]!;
        mostId = p.id;
      }
      sum += partAtLeast[k]!;
    });
    if (wholeAtLeast < most) {
      problems.add('EXPORT_ROLLUP', whole.line, { value: whole.id, name: mostId, count: wholeAtLeast, limit: most, kind: 'min' });
      return;
    }
    if (wholeAtLeast > sum) {
      problems.add('EXPORT_ROLLUP', whole.line, { value: whole.id, count: wholeAtLeast, limit: sum, kind: 'max' });
      return;
    }
  }
}

/** Manifestations against their behaviours, groups against their manifestations, overall against the groups. */
export function checkRollup(q: Questionnaire, body: ExportBody, levels: number, problems: FileProblems): void {
  const get = (type: string, id: string) => body.items.get(`${type}\u0000${id}`);
  const rows = (type: string, ids: ReadonlyArray<string>) => ids.map((id) => get(type, id)).filter((r): r is ItemRow => r !== undefined);
  const groups: ItemRow[] = [];
  for (const g of q.groups) {
    const manifestations: ItemRow[] = [];
    for (const m of g.manifestations) {
      const whole = get('manifestation', m.id);
      const parts = rows('behaviour', m.behaviours.map((b) => b.id));
      if (whole && parts.length === m.behaviours.length) checkWhole(whole, parts, levels, problems);
      if (whole) manifestations.push(whole);
    }
    const whole = get('group', g.id);
    if (whole && manifestations.length === g.manifestations.length) checkWhole(whole, manifestations, levels, problems);
    if (whole) groups.push(whole);
  }
  const overall = [...body.items.values()].find((it) => it.type === 'overall');
  if (overall && groups.length === q.groups.length) checkWhole(overall, groups, levels, problems);
}
