/**
 * Reading an export for merging: whatever Excel or a mail client did to it
 * (encoding, separator, quoting, line ends, trailing empty cells), checked
 * before anything is stored: known format, consistent identity, whole numbers,
 * no unit code that lost its leading zeros, the integrity value, and the
 * arithmetic. Parsed with d3-dsv, about ten times faster than csv-parse on the
 * merge path (csv-excel.md §2.9); exports have no line breaks inside cells, so
 * a row's line is its index.
 */
import { dsvFormat } from 'd3-dsv';
import { zeroCounts, type CoveredUnit, type Summary } from '../summary/aggregate.js';
import { countColumn, EXPORT_FORMAT, IDENTITY_COLUMNS, ITEM_COLUMNS, ROW_TYPES, TEXT_COLUMNS, unguardText, type ExportStatus, type RowType } from './columns.js';
import { decodeTable, legacyVietnameseSuspect, looksLikeUtf8Mojibake, type Encoding } from './decode.js';
import { integrityOf } from './integrity.js';
import type { CsvProblem, CsvProblemCode, CsvProblemParams } from './problems.js';
import { normaliseNewlines, sniffDelimiter, type Delimiter } from './sniff.js';

export interface ParsedExport {
  readonly file: string;
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
  readonly format: number;
  readonly tusoiVersion: string;
  readonly questionnaire: { readonly id: string; readonly version: string; readonly sha256: string };
  readonly unit: { readonly code: string; readonly name: string; readonly level: string; readonly parentCode: string | null };
  readonly roundLabel: string;
  readonly status: ExportStatus;
  readonly exportedOn: string;
  readonly integrity: string;
  readonly summary: Summary;
}

const parsers = new Map<Delimiter, ReturnType<typeof dsvFormat>>();
const NUMBER = /^\d{1,9}$/;
const ALL_DIGITS = /^\d+$/;

export type ReadResult = { readonly ok: true; readonly parsed: ParsedExport } | { readonly ok: false; readonly problems: ReadonlyArray<CsvProblem> };

export function readExport(bytes: Uint8Array, file: string): ReadResult {
  const problems: CsvProblem[] = [];
  const fail = (code: CsvProblemCode, line: number, params: CsvProblemParams = {}): ReadResult => {
    problems.push({ code, file, line, params });
    return { ok: false, problems };
  };
  const note = (code: CsvProblemCode, line: number, params: CsvProblemParams = {}) => problems.push({ code, file, line, params });

  const decoded = decodeTable(bytes);
  if (decoded.text.trim() === '') return fail('EXPORT_EMPTY', 0);
  if (looksLikeUtf8Mojibake(decoded.text)) return fail('EXPORT_MOJIBAKE', 0);
  if (legacyVietnameseSuspect(decoded.text)) return fail('EXPORT_LEGACY_ENCODING', 0);
  const sniffed = sniffDelimiter(decoded.text);
  let text = normaliseNewlines(decoded.text);
  if (sniffed.skipLines === 1) text = text.slice(text.indexOf('\n') + 1);
  let parser = parsers.get(sniffed.delimiter);
  if (!parser) parsers.set(sniffed.delimiter, (parser = dsvFormat(sniffed.delimiter)));
  const rows = parser.parseRows(text);
  const lineOf = (i: number) => i + 1 + sniffed.skipLines;

  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = new Map(header.map((h, i) => [h, i]));
  for (const required of [...IDENTITY_COLUMNS, ...ITEM_COLUMNS, 'integrity']) {
    if (!col.has(required)) return fail('EXPORT_NOT_TUSOI', 1, { column: required });
  }
  const levels = header.filter((h) => h.startsWith('n_')).map((h) => h.slice(2));
  if (levels.length < 2) return fail('EXPORT_NOT_TUSOI', 1, { column: 'n_…' });
  const width = Math.max(...[...col.values()]) + 1;

  const first = rows[1];
  if (!first) return fail('EXPORT_EMPTY', 0);
  const cell = (row: string[], name: string): string => {
    const v = (row[col.get(name)!] ?? '').trim();
    return TEXT_COLUMNS.has(name) ? unguardText(v).normalize('NFC') : v;
  };
  const format = cell(first, 'format');
  if (!NUMBER.test(format)) return fail('EXPORT_BAD_NUMBER', lineOf(1), { column: 'format', value: format });
  if (Number(format) > EXPORT_FORMAT) return fail('EXPORT_FORMAT_NEWER', lineOf(1), { value: format, expected: String(EXPORT_FORMAT) });

  const identity = new Map(IDENTITY_COLUMNS.map((c) => [c, cell(first, c)]));
  const integrity = cell(first, 'integrity');
  const items = new Map<string, { type: Exclude<RowType, 'unit'>; id: string; counts: Record<string, number>; line: number }>();
  const units: CoveredUnit[] = [];
  const unitLines = new Map<string, number>();
  const num = (row: string[], name: string, line: number): number => {
    const v = cell(row, name);
    if (!NUMBER.test(v)) {
      note('EXPORT_BAD_NUMBER', line, { column: name, value: v });
      return 0;
    }
    return Number(v);
  };

  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const line = lineOf(i);
    if (row.every((c) => c.trim() === '')) continue; // Excel's empty rows
    if (row.length < width) {
      note('EXPORT_TRUNCATED', line, { value: String(row.length), expected: String(width) });
      continue;
    }
    for (const c of IDENTITY_COLUMNS) {
      if (c === 'exported_on' || c === 'tusoi_version' || c === 'unit_name') continue; // display only
      const v = cell(row, c);
      if (v !== identity.get(c)) {
        note('EXPORT_INCONSISTENT', line, { column: c, value: identity.get(c) ?? '' });
        break;
      }
    }
    if (cell(row, 'integrity') !== integrity) note('EXPORT_INCONSISTENT', line, { column: 'integrity', value: integrity });
    const type = cell(row, 'row_type') as RowType;
    const id = cell(row, 'item_id');
    if (!ROW_TYPES.includes(type)) {
      note('EXPORT_BAD_ROW_TYPE', line, { value: type });
      continue;
    }
    if (type === 'unit') {
      if (ALL_DIGITS.test(id)) note('EXPORT_NUMERIC_UNIT_CODE', line, { value: id });
      const seen = unitLines.get(id);
      if (seen !== undefined) note('EXPORT_DUPLICATE_ITEM', line, { value: id, firstLine: seen });
      unitLines.set(id, line);
      const parent = cell(row, 'item_parent');
      units.push({
        code: id,
        name: cell(row, 'item_text'),
        level: cell(row, 'item_level'),
        parentCode: parent === '' ? null : parent,
        members: num(row, 'item_members', line),
        respondents: num(row, 'item_respondents', line),
      });
      continue;
    }
    const key = `${type}\u0000${id}`;
    const seen = items.get(key);
    if (seen) {
      note('EXPORT_DUPLICATE_ITEM', line, { value: id, firstLine: seen.line });
      continue;
    }
    const counts: Record<string, number> = {};
    for (const l of levels) counts[l] = num(row, countColumn(l), line);
    items.set(key, { type, id, counts, line });
  }

  const unitCode = identity.get('unit_code') ?? '';
  if (ALL_DIGITS.test(unitCode)) note('EXPORT_NUMERIC_UNIT_CODE', lineOf(1), { value: unitCode });
  const members = NUMBER.test(identity.get('members') ?? '') ? Number(identity.get('members')) : (note('EXPORT_BAD_NUMBER', lineOf(1), { column: 'members', value: identity.get('members') ?? '' }), 0);
  const respondents = NUMBER.test(identity.get('respondents') ?? '') ? Number(identity.get('respondents')) : (note('EXPORT_BAD_NUMBER', lineOf(1), { column: 'respondents', value: identity.get('respondents') ?? '' }), 0);
  const status = identity.get('status');
  if (status !== 'final' && status !== 'provisional') note('EXPORT_INCONSISTENT', lineOf(1), { column: 'status', value: status ?? '' });
  if (problems.length > 0) return { ok: false, problems };

  const content = {
    format: Number(format),
    questionnaireSha256: identity.get('questionnaire_sha256') ?? '',
    unitCode,
    roundLabel: identity.get('round_label') ?? '',
    status: status as ExportStatus,
    members,
    respondents,
    levels,
    units: units.map((u) => ({ code: u.code, level: u.level, parentCode: u.parentCode, members: u.members, respondents: u.respondents })),
    items: [...items.values()].map((it) => ({ type: it.type, id: it.id, counts: it.counts })),
  };
  if (integrityOf(content) !== integrity) note('EXPORT_INTEGRITY', 0);

  // The arithmetic: every item's counts sum to the respondents; the covered units add up.
  for (const it of items.values()) {
    const sum = levels.reduce((n, l) => n + (it.counts[l] ?? 0), 0);
    if (sum !== respondents) note('EXPORT_ARITHMETIC', it.line, { detail: `${it.id}: ${sum} ≠ ${respondents}` });
  }
  const unitMembers = units.reduce((n, u) => n + u.members, 0);
  const unitRespondents = units.reduce((n, u) => n + u.respondents, 0);
  if (units.length === 0) note('EXPORT_ARITHMETIC', 0, { detail: 'unit rows: 0' });
  if (unitMembers !== members || unitRespondents !== respondents) {
    note('EXPORT_ARITHMETIC', 0, { detail: `units ${unitRespondents}/${unitMembers} ≠ ${respondents}/${members}` });
  }
  if (respondents > members) note('EXPORT_ARITHMETIC', 0, { detail: `respondents ${respondents} > members ${members}` });
  for (const u of units) if (u.respondents > u.members) note('EXPORT_ARITHMETIC', unitLines.get(u.code) ?? 0, { detail: `${u.code}: ${u.respondents} > ${u.members}` });
  if (problems.length > 0) return { ok: false, problems };

  const byType = (t: Exclude<RowType, 'unit' | 'overall'>) =>
    new Map([...items.values()].filter((it) => it.type === t).map((it) => [it.id, it.counts]));
  const overall = [...items.values()].find((it) => it.type === 'overall')?.counts ?? zeroCounts(levels);
  return {
    ok: true,
    parsed: {
      file,
      encoding: decoded.encoding,
      delimiter: sniffed.delimiter,
      format: Number(format),
      tusoiVersion: identity.get('tusoi_version') ?? '',
      questionnaire: { id: identity.get('questionnaire_id') ?? '', version: identity.get('questionnaire_version') ?? '', sha256: content.questionnaireSha256 },
      unit: { code: unitCode, name: identity.get('unit_name') ?? '', level: identity.get('unit_level') ?? '', parentCode: identity.get('parent_code') || null },
      roundLabel: content.roundLabel,
      status: content.status,
      exportedOn: identity.get('exported_on') ?? '',
      integrity,
      summary: {
        questionnaire: { id: identity.get('questionnaire_id') ?? '', version: identity.get('questionnaire_version') ?? '', sha256: content.questionnaireSha256 },
        levels,
        members,
        respondents,
        units,
        behaviours: byType('behaviour'),
        manifestations: byType('manifestation'),
        groups: byType('group'),
        overall,
      },
    },
  };
}
