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
import { CountsPacker } from '../summary/packed.js';
import { countColumn, EXPORT_COLUMNS, EXPORT_FORMAT, ITEM_COLUMNS, ROW_IDENTITY_COLUMNS, TEXT_COLUMNS, unguardText, type ExportStatus, type RowType } from './columns.js';
import { decodeTable, legacyVietnameseSuspect, looksLikeUtf8Mojibake, type Encoding } from './decode.js';
import { integrityOf } from './integrity.js';
import type { CsvProblem, CsvProblemCode, CsvProblemParams } from './problems.js';
import { sniffDelimiter, type Delimiter } from './sniff.js';

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
  readonly exportedAt: string;
  readonly integrity: string;
  readonly members: number;
  readonly respondents: number;
  readonly units: ReadonlyArray<CoveredUnit>;
  /** The counts packed as `summary/packed.ts` does. */
  readonly packed: string;
  readonly levels: ReadonlyArray<string>;
  readonly itemIds: Readonly<Record<'group' | 'manifestation' | 'behaviour', ReadonlyArray<string>>>;
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
  // NOTE: the legacy-encoding heuristics cost far more than parsing: they run on
  // the whole text only when the file is not ours anyway (to say why), and
  // otherwise on the unit names, the only text a merge keeps.
  const damaged = (t: string): CsvProblemCode | undefined =>
    looksLikeUtf8Mojibake(t) ? 'EXPORT_MOJIBAKE' : legacyVietnameseSuspect(t) ? 'EXPORT_LEGACY_ENCODING' : undefined;
  const sniffed = sniffDelimiter(decoded.text);
  // d3-dsv reads LF, CRLF and CR line ends itself; no normalising copy of the text.
  let text = decoded.text;
  if (sniffed.skipLines === 1) text = text.slice(text.search(/\r\n?|\n/) + (/^[^\r\n]*\r\n/.test(text) ? 2 : 1));
  let parser = parsers.get(sniffed.delimiter);
  if (!parser) parsers.set(sniffed.delimiter, (parser = dsvFormat(sniffed.delimiter)));
  const rows = parser.parseRows(text);
  const lineOf = (i: number) => i + 1 + sniffed.skipLines;

  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = new Map(header.map((h, i) => [h, i]));
  for (const required of [...ROW_IDENTITY_COLUMNS, ...ITEM_COLUMNS, ...EXPORT_COLUMNS]) {
    if (!col.has(required)) {
      const why = damaged(decoded.text);
      return why ? fail(why, 0) : fail('EXPORT_NOT_TUSOI', 1, { column: required });
    }
  }
  const levels = header.filter((h) => h.startsWith('n_')).map((h) => h.slice(2));
  if (levels.length < 2) return fail('EXPORT_NOT_TUSOI', 1, { column: 'n_…' });
  const width = Math.max(...[...col.values()]) + 1;
  const cell = (row: string[], name: string): string => {
    const v = (row[col.get(name)!] ?? '').trim();
    // The whole text is already NFC (decodeTable).
    return TEXT_COLUMNS.has(name) ? unguardText(v) : v;
  };

  // The row identity must be the same on every row: compare the raw cells
  // (fast) against the first data row, and look closer only where they differ.
  const first = rows[1];
  if (!first) return fail('EXPORT_EMPTY', 0);
  const idCols = ROW_IDENTITY_COLUMNS.map((c) => col.get(c)!);
  const format = cell(first, 'format');
  if (!NUMBER.test(format)) return fail('EXPORT_BAD_NUMBER', lineOf(1), { column: 'format', value: format });
  if (Number(format) > EXPORT_FORMAT) return fail('EXPORT_FORMAT_NEWER', lineOf(1), { value: format, expected: String(EXPORT_FORMAT) });

  const typeCol = col.get('row_type')!;
  const idCol = col.get('item_id')!;
  const countCols = levels.map((l) => col.get(countColumn(l))!);
  let exportRow: string[] | undefined;
  let exportLine = 0;
  const items = new Map<string, { type: Exclude<RowType, 'unit' | 'export'>; id: string; counts: Record<string, number>; vector: number[]; line: number }>();
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
    if (row.length < width) {
      if (row.every((c) => c.trim() === '')) continue; // Excel's empty rows
      note('EXPORT_TRUNCATED', line, { value: String(row.length), expected: String(width) });
      continue;
    }
    for (const c of idCols) {
      if (row[c] !== first[c] && unguardText((row[c] ?? '').trim()) !== unguardText((first[c] ?? '').trim())) {
        if (row.every((x) => x.trim() === '')) break;
        note('EXPORT_INCONSISTENT', line, { column: header[c] ?? '', value: unguardText((first[c] ?? '').trim()) });
        break;
      }
    }
    const type = unguardText((row[typeCol] ?? '').trim()) as RowType;
    const id = unguardText((row[idCol] ?? '').trim());
    switch (type) {
      case 'export':
        if (exportRow) note('EXPORT_DUPLICATE_ITEM', line, { value: 'export', firstLine: exportLine });
        exportRow = row;
        exportLine = line;
        continue;
      case 'unit': {
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
      case 'overall':
      case 'group':
      case 'manifestation':
      case 'behaviour': {
        const key = `${type}\u0000${id}`;
        const seen = items.get(key);
        if (seen) {
          note('EXPORT_DUPLICATE_ITEM', line, { value: id, firstLine: seen.line });
          continue;
        }
        const counts: Record<string, number> = {};
        const vector: number[] = [];
        for (let k = 0; k < levels.length; k++) {
          const v = (row[countCols[k]!] ?? '').trim();
          let n = 0;
          if (NUMBER.test(v)) n = Number(v);
          else note('EXPORT_BAD_NUMBER', line, { column: countColumn(levels[k]!), value: v });
          counts[levels[k]!] = n;
          vector.push(n);
        }
        items.set(key, { type, id, counts, vector, line });
        continue;
      }
      default:
        if (row.every((c) => c.trim() === '')) continue;
        note('EXPORT_BAD_ROW_TYPE', line, { value: type });
    }
  }
  if (!exportRow) {
    problems.push({ code: 'EXPORT_TRUNCATED', file, line: 0, params: { value: '0', expected: 'export' } });
    return { ok: false, problems };
  }
  const identity = new Map<string, string>();
  for (const c of ROW_IDENTITY_COLUMNS) identity.set(c, cell(first, c));
  for (const c of EXPORT_COLUMNS) identity.set(c, cell(exportRow, c));
  const integrity = identity.get('integrity') ?? '';
  const names = [identity.get('unit_name') ?? '', ...units.map((u) => u.name)].join('\n');
  const why = damaged(names);
  if (why) return fail(why, 0);
  const unitCode = identity.get('unit_code') ?? '';
  if (ALL_DIGITS.test(unitCode)) note('EXPORT_NUMERIC_UNIT_CODE', exportLine, { value: unitCode });
  const members = num(exportRow, 'members', exportLine);
  const respondents = num(exportRow, 'respondents', exportLine);
  const status = identity.get('status');
  if (status !== 'final' && status !== 'provisional') note('EXPORT_INCONSISTENT', exportLine, { column: 'status', value: status ?? '' });
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
    let sum = 0;
    for (const n of it.vector) sum += n;
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

  const byType = (t: Exclude<RowType, 'unit' | 'overall' | 'export'>) =>
    new Map([...items.values()].filter((it) => it.type === t).map((it) => [it.id, it.counts]));
  const overall = [...items.values()].find((it) => it.type === 'overall')?.counts ?? zeroCounts(levels);
  // The packed counts (summary/packed.ts), made straight from the rows: the merge stores this.
  const packer = new CountsPacker(levels);
  const itemIds: Record<'group' | 'manifestation' | 'behaviour', string[]> = { group: [], manifestation: [], behaviour: [] };
  for (const it of items.values()) {
    packer.add(it.type, it.id, it.vector);
    if (it.type !== 'overall') itemIds[it.type].push(it.id);
  }
  const packed = packer.done();
  let summary: Summary | undefined;
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
      exportedAt: identity.get('exported_at') ?? '',
      integrity,
      members,
      respondents,
      units,
      packed,
      levels,
      itemIds,
      // Built only when asked for (reports and tests): a merge needs the packed form alone.
      get summary(): Summary {
        summary ??= {
          questionnaire: { id: identity.get('questionnaire_id') ?? '', version: identity.get('questionnaire_version') ?? '', sha256: content.questionnaireSha256 },
          levels,
          members,
          respondents,
          units,
          behaviours: byType('behaviour'),
          manifestations: byType('manifestation'),
          groups: byType('group'),
          overall,
        };
        return summary;
      },
    },
  };
}
