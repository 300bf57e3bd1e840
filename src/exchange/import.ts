/**
 * Reading an export for merging: whatever Excel or a mail client did to it
 * (encoding, separator, quoting, line ends, trailing empty cells), checked
 * before anything is stored: known format, consistent identity, whole numbers,
 * no unit code that lost its leading zeros, the integrity value, and the
 * arithmetic. The file comes through the one table path (`csv-source.ts`);
 * the steps below run in order, header → identity → rows → totals →
 * integrity and arithmetic, and the reading stops after the first that finds
 * problems (integrity and arithmetic are reported together).
 */
import { zeroCounts, type CoveredUnit, type Summary } from '../summary/aggregate.js';
import { CountsPacker } from '../summary/packed.js';
import { EXPORT_FORMAT, SIGNATURE_COLUMNS, type ExportStatus } from './columns.js';
import { readCsvSource } from './csv-source.js';
import { textDamage, type Encoding } from './decode.js';
import { checkArithmetic, checkIntegrity, checkCodes, checkSignature, cleanNames, contentOf, readTotals, type CleanNames, type ExportTotals, type Signer } from './export-checks.js';
import { layoutOf, type ExportLayout } from './export-layout.js';
import { checkExportedAt, checkOverall, checkRollup, checkUnitCodes } from './export-validity.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { binaryFormat, isWorkbook } from './file-format.js';
import { isWholeNumber, readBody, type ExportBody, type ItemType } from './export-rows.js';
import { FileProblems, type CsvProblem, type CsvProblemCode } from './problems.js';
import type { Delimiter } from './sniff.js';
import { sourceText, type SourceProblem, type SourceProblemKind, type SourceRow, type TableSource } from './table-source.js';
import { exportRowsOfSheet } from './workbook-export.js';
import { readWorkbookSheets } from './xlsx-source.js';

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
  /** Who signed it (a format 2 file whose signature verified); undefined for an unsigned file. */
  readonly signer: Signer | undefined;
  readonly members: number;
  readonly respondents: number;
  readonly units: ReadonlyArray<CoveredUnit>;
  /** The counts packed as `summary/packed.ts` does. */
  readonly packed: string;
  readonly levels: ReadonlyArray<string>;
  readonly itemIds: Readonly<Record<'group' | 'manifestation' | 'behaviour', ReadonlyArray<string>>>;
  readonly summary: Summary;
  /** What the hygiene step cleaned in display texts (`EXPORT_TEXT_CLEANED`, `EXPORT_TEXT_TRUNCATED`): the file is merged anyway. */
  readonly warnings: ReadonlyArray<CsvProblem>;
}

export type ReadResult = { readonly ok: true; readonly parsed: ParsedExport } | { readonly ok: false; readonly problems: ReadonlyArray<CsvProblem> };

const EXPORT_CODES: Readonly<Record<SourceProblemKind, CsvProblemCode>> = {
  syntax: 'EXPORT_SYNTAX',
  mojibake: 'EXPORT_MOJIBAKE',
  'legacy-encoding': 'EXPORT_LEGACY_ENCODING',
};

/** Damaged text as the export's problem. */
function noteDamage(text: string, problems: FileProblems): boolean {
  const damage = textDamage(text);
  if (damage) problems.add(EXPORT_CODES[damage], 0);
  return damage !== undefined;
}

const isBlank = (rows: ReadonlyArray<SourceRow>): boolean => rows.every((r) => r.cells.every((c) => c.trim() === ''));

/** The header step: a file that is not ours says why, damaged text first. */
function readHeader(source: TableSource, problems: FileProblems): ExportLayout | undefined {
  const layout = layoutOf(source.rows[0]);
  const missing = layout.missing();
  // NOTE: the legacy-encoding heuristics cost far more than parsing: they run on
  // the whole text only when the file is not ours anyway (to say why), and
  // otherwise on the unit names, the only text a merge keeps (readExport).
  if (missing !== undefined) {
    if (!noteDamage(sourceText(source.rows), problems)) problems.add('EXPORT_NOT_TUSOI', 1, { column: missing });
    return undefined;
  }
  if (layout.levels.length >= 2) return layout;
  problems.add('EXPORT_NOT_TUSOI', 1, { column: 'n_…' });
  return undefined;
}

/** The identity step: the first data row's format is one this tusoi reads. */
function readFormat(layout: ExportLayout, first: SourceRow, problems: FileProblems): number | undefined {
  const format = layout.cell(first.cells, 'format');
  if (!isWholeNumber(format)) problems.add('EXPORT_BAD_NUMBER', first.line, { column: 'format', value: format });
  else if (Number(format) > EXPORT_FORMAT) problems.add('EXPORT_FORMAT_NEWER', first.line, { value: format, expected: String(EXPORT_FORMAT) });
  else if (Number(format) >= 2 && SIGNATURE_COLUMNS.some((c) => layout.missing([c]) !== undefined)) {
    problems.add('EXPORT_NOT_TUSOI', 1, { column: SIGNATURE_COLUMNS.find((c) => layout.missing([c]) !== undefined) });
  } else return Number(format);
  return undefined;
}

/** What the full checks need from the merge: the round's questionnaire (for the most-severe relation) and the merge time. */
export interface ReadChecks {
  readonly questionnaire?: Questionnaire;
  readonly now?: Date;
}

export function readExport(bytes: Uint8Array, file: string, checks: ReadChecks = {}): ReadResult {
  // A workbook or a PDF sent instead of the CSV: named as what it is.
  const format = binaryFormat(bytes);
  if (format === 'xlsx' || format === 'ods') return readWorkbookExport(bytes, file, format, checks);
  if (format) return { ok: false, problems: [{ code: isWorkbook(format) ? 'EXPORT_WORKBOOK' : 'EXPORT_NOT_TEXT', file, line: 0, params: { format } }] };
  const { source, problems } = readCsvSource(bytes, file);
  return exportFromSource(source, problems, checks);
}

/**
 * A cell export re-saved as an .xlsx or .ods workbook: its sheet with the
 * export's header (the first that has one), typed cells brought back
 * (`workbook-export.ts`), then the checks every export goes through.
 */
function readWorkbookExport(bytes: Uint8Array, file: string, format: 'xlsx' | 'ods', checks: ReadChecks): ReadResult {
  const read = readWorkbookSheets(bytes, file, format);
  if (!read.ok) return { ok: false, problems: [{ code: 'CSV_BAD_WORKBOOK', file, line: 0, params: { detail: read.detail } }] };
  const sheet = read.sheets.find((s) => layoutOf(s.rows[0] && { line: 1, cells: s.rows[0].cells.map((c) => c.replace(/^\uFEFF/u, '')) }).missing() === undefined) ?? read.sheets[0]!;
  const { source, problems } = exportRowsOfSheet(sheet);
  if (problems.length > 0) return { ok: false, problems };
  const r = exportFromSource(source, [], checks);
  return r.ok ? r : { ok: false, problems: r.problems.map((p) => ({ ...p, sheet: sheet.origin.sheet })) };
}

/** Reads an export from any table source; `found` are the source's own problems (broken quoting). */
export function exportFromSource(source: TableSource, found: ReadonlyArray<SourceProblem>, checks: ReadChecks = {}): ReadResult {
  const problems = new FileProblems(source.file);
  const failed = (): ReadResult => ({ ok: false, problems: problems.list });
  if (found.length === 0 && isBlank(source.rows)) problems.add('EXPORT_EMPTY', 0);
  const layout = problems.any ? undefined : readHeader(source, problems);
  const first = source.rows[1];
  if (!layout) return failed();
  if (!first) {
    problems.add('EXPORT_EMPTY', 0);
    return failed();
  }
  const format = readFormat(layout, first, problems);
  if (format === undefined) return failed();

  for (const p of found) problems.add(EXPORT_CODES[p.kind], p.line, p.detail === undefined ? {} : { detail: p.detail });
  const body = readBody(source.rows, layout, problems);
  const { exportRow, exportLine } = body;
  if (!exportRow) {
    problems.add('EXPORT_TRUNCATED', 0, { value: '0', expected: 'export' });
    return failed();
  }
  const warnings = new FileProblems(source.file);
  const names = cleanNames(layout, exportRow, body, warnings);
  if (noteDamage([names.unitName, ...names.units.map((u) => u.name)].join('\n'), problems)) return failed();
  const totals = readTotals(layout, first.cells, exportRow, exportLine, problems);
  if (problems.any) return failed();
  checkCodes(layout, first.line, totals, body, problems);
  if (problems.any) return failed();
  checkUnitCodes(first.line, totals, body, problems);
  checkOverall(body, problems);
  checkExportedAt(totals, exportLine, checks.now, problems);
  if (problems.any) return failed();

  const content = contentOf(format, layout.levels, totals, body);
  checkIntegrity(content, totals, problems);
  const signer = problems.any ? undefined : checkSignature(layout, exportRow, exportLine, content, totals, body, problems);
  checkArithmetic(totals, body, problems);
  const q = checks.questionnaire;
  if (q && q.levels.map((l) => l.id).join(',') === layout.levels.join(',')) checkRollup(q, body, layout.levels.length, problems);
  if (problems.any) return failed();
  return { ok: true, parsed: parsedExport(source, format, layout.levels, totals, body, names, signer, warnings.list) };
}

/** The counts packed (summary/packed.ts) straight from the rows: the merge stores this. */
function packItems(levels: ReadonlyArray<string>, body: ExportBody): Pick<ParsedExport, 'packed' | 'itemIds'> {
  const packer = new CountsPacker(levels);
  const itemIds: Record<'group' | 'manifestation' | 'behaviour', string[]> = { group: [], manifestation: [], behaviour: [] };
  for (const it of body.items.values()) {
    packer.add(it.type, it.id, it.vector);
    if (it.type !== 'overall') itemIds[it.type].push(it.id);
  }
  return { packed: packer.done(), itemIds };
}

function parsedExport(source: TableSource, format: number, levels: ReadonlyArray<string>, totals: ExportTotals, body: ExportBody, names: CleanNames, signer: Signer | undefined, warnings: ReadonlyArray<CsvProblem>): ParsedExport {
  const id = (name: string) => totals.identity.get(name) ?? '';
  const { members, respondents, status } = totals;
  const { units } = names;
  const questionnaire = { id: id('questionnaire_id'), version: id('questionnaire_version'), sha256: id('questionnaire_sha256') };
  const byType = (t: Exclude<ItemType, 'overall'>) => new Map([...body.items.values()].filter((it) => it.type === t).map((it) => [it.id, it.counts]));
  let summary: Summary | undefined;
  return {
    file: source.file,
    encoding: source.origin.kind === 'csv' ? source.origin.encoding : 'utf-8',
    delimiter: source.origin.kind === 'csv' ? source.origin.delimiter : ',',
    format,
    tusoiVersion: id('tusoi_version'),
    questionnaire,
    unit: { code: id('unit_code'), name: names.unitName, level: id('unit_level'), parentCode: id('parent_code') || null },
    roundLabel: id('round_label'),
    status,
    exportedAt: id('exported_at'),
    integrity: id('integrity'),
    signer,
    members,
    respondents,
    units,
    ...packItems(levels, body),
    levels,
    warnings,
    // Built only when asked for (reports and tests): a merge needs the packed form alone.
    get summary(): Summary {
      summary ??= {
        questionnaire,
        levels,
        members,
        respondents,
        units,
        behaviours: byType('behaviour'),
        manifestations: byType('manifestation'),
        groups: byType('group'),
        overall: [...body.items.values()].find((it) => it.type === 'overall')?.counts ?? zeroCounts(levels),
      };
      return summary;
    },
  };
}
