/**
 * The steps of reading an export after its rows: the identity and totals of
 * the `export` row, then the integrity value, then the arithmetic. Each adds
 * its problems; the caller stops after a step that found any.
 */
import { EXPORT_COLUMNS, ROW_IDENTITY_COLUMNS, type ExportStatus } from './columns.js';
import type { ExportLayout } from './export-layout.js';
import { ALL_DIGITS, wholeNumber, type ExportBody } from './export-rows.js';
import { integrityOf, type ExportContent } from './integrity.js';
import type { FileProblems } from './problems.js';

export interface ExportTotals {
  /** Identity columns by name: from the first data row, and the rest from the `export` row. */
  readonly identity: ReadonlyMap<string, string>;
  readonly members: number;
  readonly respondents: number;
  readonly status: ExportStatus;
}

export function readTotals(layout: ExportLayout, first: ReadonlyArray<string>, exportRow: ReadonlyArray<string>, exportLine: number, problems: FileProblems): ExportTotals {
  const identity = new Map<string, string>();
  for (const c of ROW_IDENTITY_COLUMNS) identity.set(c, layout.cell(first, c));
  for (const c of EXPORT_COLUMNS) identity.set(c, layout.cell(exportRow, c));
  const unitCode = identity.get('unit_code') ?? '';
  if (ALL_DIGITS.test(unitCode)) problems.add('EXPORT_NUMERIC_UNIT_CODE', exportLine, { value: unitCode });
  const members = wholeNumber(layout, exportRow, 'members', exportLine, problems);
  const respondents = wholeNumber(layout, exportRow, 'respondents', exportLine, problems);
  const status = identity.get('status');
  if (status !== 'final' && status !== 'provisional') problems.add('EXPORT_INCONSISTENT', exportLine, { column: 'status', value: status ?? '' });
  return { identity, members, respondents, status: status as ExportStatus };
}

/** What the integrity value covers (`integrity.ts`), from the parsed file. */
export function contentOf(format: number, levels: ReadonlyArray<string>, totals: ExportTotals, body: ExportBody): ExportContent {
  const id = totals.identity;
  return {
    format,
    questionnaireSha256: id.get('questionnaire_sha256') ?? '',
    unitCode: id.get('unit_code') ?? '',
    roundLabel: id.get('round_label') ?? '',
    status: totals.status,
    members: totals.members,
    respondents: totals.respondents,
    levels,
    units: body.units.map((u) => ({ code: u.code, level: u.level, parentCode: u.parentCode, members: u.members, respondents: u.respondents })),
    items: [...body.items.values()].map((it) => ({ type: it.type, id: it.id, counts: it.counts })),
  };
}

export function checkIntegrity(content: ExportContent, totals: ExportTotals, problems: FileProblems): void {
  if (integrityOf(content) !== (totals.identity.get('integrity') ?? '')) problems.add('EXPORT_INTEGRITY', 0);
}

/** Every item's counts sum to the respondents; the covered units add up to the totals. */
export function checkArithmetic(totals: ExportTotals, body: ExportBody, problems: FileProblems): void {
  const { members, respondents } = totals;
  for (const it of body.items.values()) {
    let sum = 0;
    for (const n of it.vector) sum += n;
    if (sum !== respondents) problems.add('EXPORT_ARITHMETIC', it.line, { detail: `${it.id}: ${sum} ≠ ${respondents}` });
  }
  const { units } = body;
  const unitMembers = units.reduce((n, u) => n + u.members, 0);
  const unitRespondents = units.reduce((n, u) => n + u.respondents, 0);
  if (units.length === 0) problems.add('EXPORT_ARITHMETIC', 0, { detail: 'unit rows: 0' });
  if (unitMembers !== members || unitRespondents !== respondents) {
    problems.add('EXPORT_ARITHMETIC', 0, { detail: `units ${unitRespondents}/${unitMembers} ≠ ${respondents}/${members}` });
  }
  if (respondents > members) problems.add('EXPORT_ARITHMETIC', 0, { detail: `respondents ${respondents} > members ${members}` });
  for (const u of units) if (u.respondents > u.members) problems.add('EXPORT_ARITHMETIC', body.unitLines.get(u.code) ?? 0, { detail: `${u.code}: ${u.respondents} > ${u.members}` });
}
