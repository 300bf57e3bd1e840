/**
 * `tusoi questionnaire import FILE --out FILE.yaml` and
 * `tusoi questionnaire export ID|FILE --format xlsx|ods|csv --out FILE`
 * (issue 16, part 4): a questionnaire authored in a spreadsheet, in the
 * layout of `exchange/questionnaire-sheets.ts`, and the way back. Tables are
 * read through the one table reader (`exchange/table.ts`, `cli/user-table.ts`);
 * every output goes through `writeOutputFile` (whole or not at all, 0600).
 */
import { extname, resolve } from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import type { CsvProblem } from '../../exchange/problems.js';
import { questionnaireFromSheets, type ImportProblem } from '../../exchange/questionnaire-import.js';
import { BEHAVIOURS_SHEET, questionnaireSheets, SETTINGS_SHEET, type SheetInput } from '../../exchange/questionnaire-sheets.js';
import { sheetCsv } from '../../exchange/sheet-csv.js';
import type { SheetSpec, WorkbookFormat } from '../../exchange/sheet-spec.js';
import { binaryFormat } from '../../exchange/file-format.js';
import { tableRefusal, userTable, type TableRow } from '../../exchange/table.js';
import { readWorkbookSheets } from '../../exchange/xlsx-source.js';
import { loadQuestionnaireSource, resolveQuestionnaireRef } from '../../questionnaire/load.js';
import { declaredCounts } from '../../questionnaire/parse.js';
import { allBehaviours, allManifestations, type Questionnaire } from '../../questionnaire/model.js';
import { isError } from '../../questionnaire/problems.js';
import { renderCsvProblem, renderProblem } from '../../report/problems.js';
import { importProblemJson, renderImportProblem } from '../../report/sheet-problems.js';
import type { Context } from '../context.js';
import { readUserFile } from '../files.js';
import { checkOutputTarget, writeOutputFile } from '../output-file.js';
import { writeJson } from '../output.js';
import { createStyle } from '../style.js';
import { readUserTable } from '../user-table.js';

function countsText(ctx: Context, q: Questionnaire): string {
  return ctx.m.questionnaire.counts(q.groups.length, allManifestations(q).length, allBehaviours(q).length);
}

const hasKeyColumn = (rows: ReadonlyArray<TableRow>): boolean => rows.slice(0, 20).some((r) => r.cells.some((c) => c.toLowerCase() === 'key'));

/** A table file's rows; the row problems (broken quoting) are reported and refuse the import. */
function csvInput(ctx: Context, file: string, found: CsvProblem[]): SheetInput {
  const read = readUserTable(ctx, file, { accepts: hasKeyColumn });
  found.push(...read.problems.map((p) => (read.origin.kind === 'workbook' ? { ...p, sheet: read.origin.sheet } : p)));
  return { file, ...(read.origin.kind === 'workbook' ? { sheet: read.origin.sheet } : {}), rows: read.table.rows };
}

/**
 * The two sheets of a workbook: `behaviours` (or the workbook's only sheet)
 * and `settings` (unless `--levels` gives them). A sheet that is not there is
 * a located problem like the others.
 */
function workbookInputs(
  ctx: Context,
  file: string,
  bytes: Uint8Array,
  format: 'xlsx' | 'ods',
  wantSettings: boolean,
  missing: ImportProblem[],
): { behaviours?: SheetInput; settings?: SheetInput } {
  const read = readWorkbookSheets(bytes, file, format);
  if (!read.ok) {
    if (read.tooLarge) throw new UserError('WORKBOOK_TOO_LARGE', { file, detail: read.detail });
    throw new UserError('CSV_BAD_WORKBOOK', { file, detail: read.detail });
  }
  const byName = (name: string) => read.sheets.find((s) => s.origin.sheet.trim().toLowerCase() === name);
  const take = (name: string, fallback: boolean): SheetInput | undefined => {
    const sheet = byName(name) ?? (fallback && read.sheets.length === 1 ? read.sheets[0] : undefined);
    if (!sheet) {
      missing.push({ code: 'QSHEET_NO_SHEET', severity: 'error', place: { file, line: 0 }, path: '', params: { key: name } });
      return undefined;
    }
    const t = userTable(sheet, []);
    const refusal = tableRefusal(t.problems);
    if (refusal) throw refusal;
    return { file, sheet: sheet.origin.sheet, rows: t.rows };
  };
  const behaviours = take(BEHAVIOURS_SHEET, !wantSettings);
  const settings = wantSettings ? take(SETTINGS_SHEET, false) : undefined;
  return { ...(behaviours ? { behaviours } : {}), ...(settings ? { settings } : {}) };
}

export async function questionnaireImport(ctx: Context, file: string, o: { out: string; levels?: string; force?: boolean }): Promise<number> {
  const bytes = readUserFile(ctx.io.cwd, file);
  const sniffed = binaryFormat(bytes);
  const named = /\.ods$/iu.test(file) ? 'ods' : /\.xlsx$/iu.test(file) ? 'xlsx' : undefined;
  const format = sniffed === 'xlsx' || sniffed === 'ods' ? sniffed : sniffed === undefined ? named : undefined;
  const layout: ImportProblem[] = [];
  const rowProblems: CsvProblem[] = [];
  let behaviours: SheetInput | undefined;
  let settings: SheetInput | undefined;
  if (format) {
    ({ behaviours, settings } = workbookInputs(ctx, file, bytes, format, o.levels === undefined, layout));
  } else {
    // A CSV (or a legacy .xls, a PDF…, which the table reader names and refuses).
    if (o.levels === undefined && sniffed === undefined) throw new UserError('QSHEET_NEEDS_LEVELS', { file });
    behaviours = csvInput(ctx, file, rowProblems);
  }
  if (o.levels !== undefined) settings = csvInput(ctx, o.levels, rowProblems);

  const style = await createStyle(ctx.io.stderr, ctx.io.env);
  for (const p of rowProblems) ctx.io.stderr.write(renderCsvProblem(p, ctx.m, style));
  const result = behaviours && settings ? questionnaireFromSheets(behaviours, settings, o.out) : ({ ok: false, problems: [] } as const);
  const problems = [...layout, ...(result.ok ? result.warnings : result.problems)];
  if (ctx.json && (!result.ok || rowProblems.length > 0 || layout.length > 0)) {
    writeJson(ctx, { schema: 1, file, written: false, problems: problems.map((p) => importProblemJson(p, ctx.m)) });
  } else {
    for (const p of problems) ctx.io.stderr.write(renderImportProblem(p, ctx.m, style));
  }
  const errors = problems.filter((p) => p.severity === 'error').length + rowProblems.length;
  if (!result.ok || errors > 0) throw new UserError('QSHEET_REJECTED', { file, errors });

  const out = resolve(ctx.io.cwd, o.out);
  await writeOutputFile(ctx, out, result.yaml, { force: o.force === true });
  const q = result.questionnaire;
  if (ctx.json) {
    writeJson(ctx, {
      schema: 1,
      file,
      written: true,
      out: o.out,
      id: q.id,
      version: q.version,
      sha256: q.sha256,
      counts: { groups: q.groups.length, manifestations: allManifestations(q).length, behaviours: allBehaviours(q).length },
      problems: problems.map((p) => importProblemJson(p, ctx.m)),
    });
  } else ctx.io.stdout.write(`${ctx.m.questionnaireSheets.imported(o.out, countsText(ctx, q), q.sha256)}\n`);
  return ExitCode.Ok;
}

/** `hanh-vi.csv` → `hanh-vi-settings.csv`; `bang` → `bang-settings`. */
export function settingsFileName(file: string): string {
  const ext = extname(file);
  return ext === '' || ext === file ? `${file}-settings` : `${file.slice(0, -ext.length)}-settings${ext}`;
}

const FORMATS = ['xlsx', 'ods', 'csv'] as const;
type ExportFormat = (typeof FORMATS)[number];

export async function questionnaireExport(ctx: Context, ref: string, o: { out: string; format?: string; force?: boolean }): Promise<number> {
  const fromName = extname(o.out).slice(1).toLowerCase();
  const format = (o.format ?? ((FORMATS as ReadonlyArray<string>).includes(fromName) ? fromName : 'xlsx')).toLowerCase();
  if (!(FORMATS as ReadonlyArray<string>).includes(format)) throw new UserError('BAD_OPTION_VALUE', { option: '--format', value: o.format ?? '', allowed: FORMATS.join(', ') });
  const file = resolveQuestionnaireRef(ref, ctx.io.cwd);
  const { result, text } = loadQuestionnaireSource(file, ref);
  if (!result.ok) {
    const style = await createStyle(ctx.io.stderr, ctx.io.env);
    for (const p of result.problems) ctx.io.stderr.write(renderProblem(p, ctx.m, style));
    throw new UserError('QUESTIONNAIRE_INVALID', { file, errors: result.problems.filter(isError).length });
  }
  const q = result.questionnaire;
  const sheets = questionnaireSheets(q, declaredCounts(text));
  const out = resolve(ctx.io.cwd, o.out);
  const force = { force: o.force === true };
  const written: string[] = [];
  if ((format as ExportFormat) === 'csv') {
    const second = settingsFileName(o.out);
    const secondPath = resolve(ctx.io.cwd, second);
    // Both places checked before either is written: never the first file of a pair alone.
    checkOutputTarget(out, { database: ctx.db });
    checkOutputTarget(secondPath, { database: ctx.db });
    await writeOutputFile(ctx, out, sheetCsv(sheets[0]!), force);
    await writeOutputFile(ctx, secondPath, sheetCsv(sheets[1]!), force);
    written.push(o.out, second);
  } else {
    await writeOutputFile(ctx, out, await workbook(format as WorkbookFormat, sheets), force);
    written.push(o.out);
  }
  if (ctx.json) writeJson(ctx, { schema: 1, id: q.id, version: q.version, sha256: q.sha256, format, files: written });
  else ctx.io.stdout.write(`${ctx.m.questionnaireSheets.exported(written.join(', '), countsText(ctx, q))}\n`);
  return ExitCode.Ok;
}

/** The workbook writer (branch w1, `exchange/workbook-writer.ts`), through its one caller here. */
async function workbook(format: WorkbookFormat, sheets: ReadonlyArray<SheetSpec>): Promise<Uint8Array> {
  return (await import('../questionnaire-workbook.js')).questionnaireWorkbook(format, sheets);
}
