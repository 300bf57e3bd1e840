/** `tusoi report` and `tusoi export`: the round's summary on screen, on paper, as JSON or as CSV. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { isoDay } from '../../clock.js';
import { ExitCode, UserError } from '../../errors.js';
import { exportCsv, exportRows } from '../../exchange/export.js';
import type { Delimiter } from '../../exchange/sniff.js';
import { renderHtmlReport } from '../../report/html.js';
import { reportJson } from '../../report/json.js';
import { buildReportModel, type ReportComparison, type ReportMeasure, type ReportModel } from '../../report/model.js';
import { renderTextReport } from '../../report/text.js';
import { listMeasures } from '../../store/commitments.js';
import { withDatabase, type Db } from '../../store/db.js';
import { compareSummaries } from '../../summary/compare.js';
import { findOpenRound, findRound, listRounds, type Round } from '../../store/rounds.js';
import type { Context } from '../context.js';
import { defaultFileName, writeFileAtomic } from '../files.js';
import { printPdf } from '../pdf.js';
import { packageVersion } from '../program.js';
import { summariseRound, type RoundSummary } from '../round-summary.js';
import { createStyle } from '../style.js';
import { writeJson } from './shared.js';

export const REPORT_FORMATS = ['text', 'html', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The round asked for, else the open one, else the latest. */
export function chooseRound(ctx: Context, db: Db, label: string | undefined): Round {
  if (label !== undefined) {
    const r = findRound(db, label.normalize('NFC'));
    if (!r) throw new UserError('ROUND_NOT_FOUND', { label });
    return r;
  }
  const open = findOpenRound(db);
  if (open) return open;
  const last = listRounds(db).at(-1);
  if (!last) throw new UserError('NO_ROUNDS', { year: String(ctx.io.now().getFullYear()) });
  return last;
}

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
}

interface Extras {
  readonly comparison?: ReportComparison;
  readonly measures?: ReadonlyArray<ReportMeasure>;
}

export function modelFor(ctx: Context, rs: RoundSummary, suppressBelow: number | undefined, extras: Extras = {}): ReportModel {
  return buildReportModel(rs.questionnaire, rs.summary, {
    unit: rs.unit,
    round: { label: rs.round.label, anonymous: rs.round.anonymous, open: rs.round.closedOn === null },
    lang: ctx.lang,
    ...(suppressBelow !== undefined ? { suppressBelow } : {}),
    generatedOn: isoDay(ctx.io.now()),
    parts: rs.parts.map((p) => ({
      unit: { code: p.file.unitCode, name: p.file.unitName, level: p.file.unitLevel, parentCode: p.file.parentCode },
      summary: p.summary,
    })),
    ...(extras.comparison ? { comparison: extras.comparison } : {}),
    ...(extras.measures ? { measures: extras.measures } : {}),
  });
}

/** The summary, the comparison asked for, and (in a cell) its measures: one read of the database. */
/**
 * An anonymous round is reported only once closed: reports taken between two
 * turns would differ by exactly one person's answers.
 */
function reportableRound(ctx: Context, db: Db, label: string | undefined): Round {
  const round = chooseRound(ctx, db, label);
  if (round.anonymous && round.closedOn === null && round.kind === 'collect') throw new UserError('ANONYMOUS_OPEN', { label: round.label });
  return round;
}

function gather(ctx: Context, db: Db, o: ReportOptions): { rs: RoundSummary; extras: Extras } {
  const rs = summariseRound(db, reportableRound(ctx, db, o.round));
  let comparison: ReportComparison | undefined;
  if (o.compare !== undefined) {
    const other = findRound(db, o.compare.normalize('NFC'));
    if (!other) throw new UserError('ROUND_NOT_FOUND', { label: o.compare });
    comparison = { label: other.label, ...compareSummaries(summariseRound(db, other).summary, rs.summary) };
  }
  const measures = rs.round.kind === 'collect' ? listMeasures(db, rs.round.id).map((x) => ({ id: x.id, behaviourId: x.behaviourId, text: x.text, done: x.doneOn !== null })) : [];
  return { rs, extras: { ...(comparison ? { comparison } : {}), measures } };
}

export async function report(ctx: Context, o: ReportOptions): Promise<number> {
  const format = (ctx.json ? 'json' : (o.format ?? 'text')) as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UserError('BAD_OPTION_VALUE', { option: '--format', value: String(o.format), allowed: REPORT_FORMATS.join(', ') });
  const k = parseSuppress(o.suppressBelow);
  const { rs, extras } = withDatabase(ctx.db, (db) => gather(ctx, db, o));
  const model = modelFor(ctx, rs, k, extras);
  if (format === 'json') {
    writeJson(ctx, reportJson(model));
    return ExitCode.Ok;
  }
  if (format === 'text') {
    const style = await createStyle(ctx.io.stdout, ctx.io.env);
    const text = renderTextReport(model, ctx.m, style);
    if (o.out !== undefined && o.out !== '-') {
      const file = resolveOut(ctx, o.out, '');
      writeFileAtomic(file, text);
      ctx.io.stdout.write(`${ctx.m.report.written(file)}\n`);
    } else ctx.io.stdout.write(text);
    return ExitCode.Ok;
  }
  const html = renderHtmlReport(model, ctx.m);
  if (format === 'html') {
    const file = resolveOut(ctx, o.out, defaultFileName(rs.unit.code, rs.round.label, 'html'));
    writeFileAtomic(file, html);
    ctx.io.stdout.write(`${ctx.m.report.written(file)}\n`);
    return ExitCode.Ok;
  }
  const file = resolveOut(ctx, o.out, defaultFileName(rs.unit.code, rs.round.label, 'pdf'));
  const dir = mkdtempSync(join(tmpdir(), 'tusoi-report-'));
  try {
    const htmlFile = join(dir, 'report.html');
    writeFileAtomic(htmlFile, html);
    const pdfTmp = join(dir, 'report.pdf');
    printPdf(htmlFile, pdfTmp, ctx.io.env);
    const { readFileSync } = await import('node:fs');
    writeFileAtomic(file, readFileSync(pdfTmp));
  } finally {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // a temporary folder left behind is harmless
    }
  }
  ctx.io.stdout.write(`${ctx.m.report.written(file)}\n`);
  return ExitCode.Ok;
}

export interface ExportOptions {
  readonly round?: string;
  readonly out?: string;
  readonly separator?: string;
}

const SEPARATORS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t' };

export async function exportCommand(ctx: Context, o: ExportOptions): Promise<number> {
  const delimiter = SEPARATORS[o.separator ?? ','];
  if (!delimiter) throw new UserError('BAD_OPTION_VALUE', { option: '--separator', value: String(o.separator), allowed: ', ; tab' });
  const rs = withDatabase(ctx.db, (db) => summariseRound(db, reportableRound(ctx, db, o.round)));
  const open = rs.round.closedOn === null;
  if (open) ctx.io.stderr.write(`${ctx.m.exported.provisional(rs.round.label)}\n`);
  const rows = exportRows(
    rs.questionnaire,
    rs.summary,
    { tusoiVersion: packageVersion(), unit: rs.unit, roundLabel: rs.round.label, status: open ? 'provisional' : 'final', exportedAt: `${ctx.io.now().toISOString().slice(0, 19)}Z` },
    ctx.lang,
  );
  const csv = exportCsv(rows, delimiter);
  if (o.out === '-') {
    ctx.io.stdout.write(csv);
    return ExitCode.Ok;
  }
  const file = resolveOut(ctx, o.out, defaultFileName(rs.unit.code, rs.round.label, 'csv'));
  writeFileAtomic(file, csv);
  if (ctx.json) writeJson(ctx, { file, rows: rows.length - 1, status: open ? 'provisional' : 'final' });
  else ctx.io.stdout.write(`${ctx.m.exported.written(file, rows.length - 1)}\n`);
  return ExitCode.Ok;
}
