/** `tusoi report` and `tusoi export`: the round's summary on screen, on paper, as JSON or as CSV. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import type { Delimiter } from '../../exchange/sniff.js';
import { renderHtmlReport } from '../../report/html.js';
import { reportJson } from '../../report/json.js';
import { renderTextReport } from '../../report/text.js';
import { withReadDatabase } from '../../store/read-only.js';
import { exportRound } from '../../services/export-round.js';
import { gatherReport, reportModel } from '../../services/report-round.js';
import type { Context } from '../context.js';
import { defaultFileName, writeFileAtomic } from '../files.js';
import { writeOutputFile } from '../output-file.js';
import { printPdf } from '../pdf.js';
import { createStyle } from '../style.js';
import { packageVersion } from '../version.js';
import { jsonDocument, writeJson } from '../output.js';
import { displaySafe } from '../../text/hygiene.js';

export const REPORT_FORMATS = ['text', 'html', 'pdf', 'json', 'xlsx', 'ods'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

function resolveOut(ctx: Context, out: string | undefined, fallback: string): string {
  const file = out ?? fallback;
  return isAbsolute(file) ? file : join(ctx.io.cwd, file);
}

function parseSuppress(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const k = Number(value);
  if (!Number.isInteger(k) || k < 2 || k > 1000) throw new UserError('BAD_OPTION_VALUE', { option: '--suppress-below', value, allowed: '2…1000' });
  return k;
}

export interface ReportOptions {
  readonly round?: string;
  readonly format?: string;
  readonly out?: string;
  readonly suppressBelow?: string;
  readonly compare?: string;
  readonly force?: boolean;
  /** The place before the date in the signature block (HTML, PDF). */
  readonly place?: string;
}

export async function report(ctx: Context, o: ReportOptions): Promise<number> {
  const format = (ctx.json ? 'json' : (o.format ?? 'text')) as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UserError('BAD_OPTION_VALUE', { option: '--format', value: String(o.format), allowed: REPORT_FORMATS.join(', ') });
  const k = parseSuppress(o.suppressBelow);
  const data = withReadDatabase(ctx.db, (db) => gatherReport(db, { ...(o.round !== undefined ? { round: o.round } : {}), ...(o.compare !== undefined ? { compare: o.compare } : {}) }, ctx.io.now()));
  const { rs } = data;
  const model = reportModel(data, { lang: ctx.lang, now: ctx.io.now(), noneLabel: ctx.m.wording.noneLevel, ...(k !== undefined ? { suppressBelow: k } : {}), ...(o.place !== undefined ? { place: displaySafe(o.place.trim()) } : {}) });
  // The text report shows the warning itself; a document written elsewhere may not be read before it is shared.
  if (model.smallAnonymous && format !== 'text') ctx.io.stderr.write(`${ctx.m.reportNotes.smallAnonymous(model.smallAnonymous.respondents, model.smallAnonymous.threshold)}\n`);
  const force = { force: o.force === true };
  if (format === 'json') {
    if (o.out !== undefined && o.out !== '-') {
      // The document goes to the file; stdout stays empty (it may be piped on to another program).
      const file = resolveOut(ctx, o.out, '');
      await writeOutputFile(ctx, file, () => jsonDocument(reportJson(model)), force);
      ctx.io.stderr.write(`${ctx.m.report.written(file)}\n`);
    } else writeJson(ctx, reportJson(model));
    return ExitCode.Ok;
  }
  if (format === 'text') {
    const style = await createStyle(ctx.io.stdout, ctx.io.env);
    const text = renderTextReport(model, ctx.m, style);
    if (o.out !== undefined && o.out !== '-') {
      const file = resolveOut(ctx, o.out, '');
      await writeOutputFile(ctx, file, text, force);
      ctx.io.stdout.write(`${ctx.m.report.written(file)}\n`);
    } else ctx.io.stdout.write(text);
    return ExitCode.Ok;
  }
  if (format === 'xlsx' || format === 'ods') {
    // Loaded only here: no other command (nor another format) loads the workbook code.
    const [{ reportSheets }, { workbookBytes }] = await Promise.all([import('../../report/workbook.js'), import('../../exchange/workbook-writer.js')]);
    const file = resolveOut(ctx, o.out === '-' ? undefined : o.out, defaultFileName(rs.unit.code, rs.round.label, format));
    await writeOutputFile(ctx, file, () => workbookBytes(format, reportSheets(model, ctx.m)), force);
    ctx.io.stdout.write(`${ctx.m.report.written(file)}\n`);
    return ExitCode.Ok;
  }
  const html = renderHtmlReport(model, ctx.m);
  if (format === 'html') {
    const file = resolveOut(ctx, o.out, defaultFileName(rs.unit.code, rs.round.label, 'html'));
    await writeOutputFile(ctx, file, html, force);
    ctx.io.stdout.write(`${ctx.m.report.written(file)}\n`);
    return ExitCode.Ok;
  }
  const file = resolveOut(ctx, o.out, defaultFileName(rs.unit.code, rs.round.label, 'pdf'));
  await writeOutputFile(
    ctx,
    file,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'tusoi-report-'));
      try {
        const htmlFile = join(dir, 'report.html');
        writeFileAtomic(htmlFile, html);
        const pdfTmp = join(dir, 'report.pdf');
        printPdf(htmlFile, pdfTmp, ctx.io.env, {
          // On stderr: stdout may be piped, and keeps only the line naming the file.
          starting: (browser) => ctx.io.stderr.write(`${ctx.m.wording.pdfStarting(displaySafe(basename(browser)))}\n`),
          done: () => ctx.io.stderr.write(`${ctx.m.wording.pdfDone}\n`),
        });
        return readFileSync(pdfTmp);
      } finally {
        try {
          rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        } catch {
          // a temporary folder left behind is harmless
        }
      }
    },
    force,
  );
  ctx.io.stdout.write(`${ctx.m.report.written(file)}\n`);
  return ExitCode.Ok;
}

export interface ExportOptions {
  readonly round?: string;
  readonly out?: string;
  readonly separator?: string;
  readonly force?: boolean;
}

const SEPARATORS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t' };

export async function exportCommand(ctx: Context, o: ExportOptions): Promise<number> {
  const delimiter = SEPARATORS[o.separator ?? ','];
  if (!delimiter) throw new UserError('BAD_OPTION_VALUE', { option: '--separator', value: String(o.separator), allowed: ', ; tab' });
  const now = ctx.io.now();
  // Export only reads the database (the CSV goes elsewhere): a read-only database exports too.
  const x = withReadDatabase(ctx.db, (db) => exportRound(db, { ...(o.round !== undefined ? { round: o.round } : {}), delimiter, lang: ctx.lang, tusoiVersion: packageVersion() }, now));
  if (x.status === 'provisional') ctx.io.stderr.write(`${ctx.m.exported.provisional(x.round.label)}\n`);
  if (!x.signed) ctx.io.stderr.write(`${ctx.m.keys.exportUnsigned}\n`);
  if (o.out === '-') {
    ctx.io.stdout.write(x.csv);
    return ExitCode.Ok;
  }
  const file = resolveOut(ctx, o.out, defaultFileName(x.unit.code, x.round.label, 'csv'));
  await writeOutputFile(ctx, file, x.csv, { force: o.force === true });
  if (ctx.json) writeJson(ctx, { file, rows: x.rows, status: x.status });
  else ctx.io.stdout.write(`${ctx.m.exported.written(file, x.rows)}\n`);
  return ExitCode.Ok;
}
