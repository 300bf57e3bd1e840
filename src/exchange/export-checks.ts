/**
 * The steps of reading an export after its rows: the identity and totals of
 * the `export` row, then the integrity value, then the arithmetic. Each adds
 * its problems; the caller stops after a step that found any.
 */
import type { CoveredUnit } from '../summary/aggregate.js';
import { checkText, codePointLabel, countChars, firstUnsafe, stripUnsafe, TEXT_LIMITS, truncateChars } from '../text/hygiene.js';
import { nameKey } from '../text/vietnamese.js';
import { countColumn, EXPORT_COLUMNS, ROW_IDENTITY_COLUMNS, type ExportStatus } from './columns.js';
import type { ExportLayout } from './export-layout.js';
import { ALL_DIGITS, wholeNumber, type ExportBody } from './export-rows.js';
import { integrityOf, signedText, type ExportContent } from './integrity.js';
import { fingerprintOf, publicKeyFrom, verifyText } from './signature.js';
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

/** Identity texts refused when unsafe or too long, with their cap; every other identity cell is checked by its own rule. */
const IDENTITY_CAPS: ReadonlyArray<readonly [column: string, limit: number]> = [
  ['unit_code', TEXT_LIMITS.code],
  ['parent_code', TEXT_LIMITS.code],
  ['round_label', TEXT_LIMITS.roundLabel],
  ['unit_level', TEXT_LIMITS.level],
  ['questionnaire_id', TEXT_LIMITS.version],
  ['questionnaire_version', TEXT_LIMITS.version],
  ['questionnaire_sha256', TEXT_LIMITS.version],
  ['tusoi_version', TEXT_LIMITS.version],
  ['exported_at', TEXT_LIMITS.version],
];

/** Item ids travel as questionnaire ids (at most 64 characters, `questionnaire/parse.ts`). */
const ITEM_ID_LIMIT = 64;

/** The display texts of a file after the hygiene step: names stripped of unsafe characters and cut at the cap. */
export interface CleanNames {
  readonly unitName: string;
  readonly units: ReadonlyArray<CoveredUnit>;
}

/**
 * The text hygiene step for codes (`text/hygiene.ts`). A code, label or id
 * holding a control, bidirectional or invisible character, or over its cap,
 * refuses the file (`EXPORT_UNSAFE_TEXT`, `EXPORT_TEXT_TOO_LONG`): cleaning it
 * could turn it into another unit's code.
 */
export function checkCodes(layout: ExportLayout, firstLine: number, totals: ExportTotals, body: ExportBody, problems: FileProblems): void {
  const refuse = (value: string, column: string, limit: number, line: number): void => {
    const p = checkText(value, limit);
    if (p?.kind === 'unsafe') problems.add('EXPORT_UNSAFE_TEXT', line, { column, value: codePointLabel(p.char.codePoint), position: p.char.position, kind: p.char.kind });
    else if (p) problems.add('EXPORT_TEXT_TOO_LONG', line, { column, count: p.length, limit });
  };
  const lineOf = (column: string) => ((ROW_IDENTITY_COLUMNS as ReadonlyArray<string>).includes(column) ? firstLine : body.exportLine);
  for (const level of layout.levels) refuse(level, countColumn(level), TEXT_LIMITS.level, 1);
  for (const [column, limit] of IDENTITY_CAPS) refuse(totals.identity.get(column) ?? '', column, limit, lineOf(column));
  for (const u of body.units) {
    const line = body.unitLines.get(u.code) ?? 0;
    refuse(u.code, 'item_id', TEXT_LIMITS.code, line);
    refuse(u.parentCode ?? '', 'item_parent', TEXT_LIMITS.code, line);
    refuse(u.level, 'item_level', TEXT_LIMITS.level, line);
  }
  for (const it of body.items.values()) refuse(it.id, 'item_id', ITEM_ID_LIMIT, it.line);
}

/**
 * The text hygiene step for display texts: a unit name is only shown, so it
 * is cleaned of unsafe characters and cut at `TEXT_LIMITS.unitName`, with a
 * warning (`EXPORT_TEXT_CLEANED`, `EXPORT_TEXT_TRUNCATED`). Names are not
 * covered by the integrity value, so this changes nothing a merge checks.
 * NOTE: it runs before the damaged-text check, whose heuristics took 8 s on
 * a 10 MB name.
 */
export function cleanNames(layout: ExportLayout, exportRow: ReadonlyArray<string>, body: ExportBody, warnings: FileProblems): CleanNames {
  const clean = (name: string, column: string, line: number): string => {
    const bad = firstUnsafe(name);
    if (bad) warnings.add('EXPORT_TEXT_CLEANED', line, { column, value: codePointLabel(bad.codePoint), position: bad.position, kind: bad.kind });
    // Removing an invisible character may leave two spaces, or one at an end.
    const stripped = bad ? nameKey(stripUnsafe(name)) : name;
    if (stripped.length <= TEXT_LIMITS.unitName) return stripped;
    const length = countChars(stripped);
    if (length <= TEXT_LIMITS.unitName) return stripped;
    warnings.add('EXPORT_TEXT_TRUNCATED', line, { column, count: length, limit: TEXT_LIMITS.unitName });
    return truncateChars(stripped, TEXT_LIMITS.unitName).trimEnd();
  };
  const unitName = clean(layout.cell(exportRow, 'unit_name'), 'unit_name', body.exportLine);
  const units = body.units.map((u) => {
    const name = clean(u.name, 'item_text', body.unitLines.get(u.code) ?? 0);
    return name === u.name ? u : { ...u, name };
  });
  return { unitName, units };
}

/** Who signed a file: the public key (base64url) and its fingerprint; undefined for an unsigned file. */
export interface Signer {
  readonly publicKey: string;
  readonly fingerprint: string;
}

/**
 * The signature step (format 2): a file carrying a key and a signature must
 * verify over its parsed content (`signedText`); one carrying neither is
 * unsigned (the merge decides on it); anything else is refused.
 */
export function checkSignature(layout: ExportLayout, exportRow: ReadonlyArray<string>, exportLine: number, content: ExportContent, totals: ExportTotals, body: ExportBody, problems: FileProblems): Signer | undefined {
  const keyText = layout.cell(exportRow, 'public_key');
  const signature = layout.cell(exportRow, 'signature');
  if (content.format < 2 || (keyText === '' && signature === '')) return undefined;
  const key = publicKeyFrom(keyText);
  const id = totals.identity;
  const text = signedText(content, {
    exportedAt: id.get('exported_at') ?? '',
    unitName: layout.cell(exportRow, 'unit_name'),
    unitLevel: id.get('unit_level') ?? '',
    parentCode: id.get('parent_code') || null,
    questionnaireId: id.get('questionnaire_id') ?? '',
    questionnaireVersion: id.get('questionnaire_version') ?? '',
    unitNames: body.units.map((u) => [u.code, u.name] as const),
  });
  if (!key) {
    problems.add('EXPORT_SIGNATURE', exportLine, { column: 'public_key', kind: 'key' });
    return undefined;
  }
  const fingerprint = fingerprintOf(keyText);
  if (!verifyText(text, signature, key)) {
    problems.add('EXPORT_SIGNATURE', exportLine, { column: 'signature', kind: 'signature', value: fingerprint });
    return undefined;
  }
  return { publicKey: keyText, fingerprint };
}
