/**
 * The report as workbook sheets (`report --format xlsx|ods`), from the same
 * model the text, HTML and JSON formats render: a summary sheet (unit, round,
 * questionnaire, participation, then overall, groups and manifestations), a
 * sheet of every behaviour, and for a merging unit the table by unit, with
 * the units expected that have not reported listed and, per unit, whether its
 * file's signature is verified. Counts are integers and
 * percentages are fractions with a percent format (the office suite shows
 * 27.8%); a count the model hides (`--suppress-below`) is the text "<K", as
 * in the other formats. Pure: the writer (exchange/workbook-writer.ts) turns
 * the sheets into bytes. Nothing in the model names a member.
 */
import type { SheetCell, SheetSpec } from '../exchange/sheet-spec.js';
import type { Messages } from '../i18n/messages.js';
import { formatCount } from './format.js';
import type { ItemRow, ReportModel } from './model.js';

const count = (n: number | null | undefined, k: number | undefined): SheetCell => (n === null || n === undefined ? formatCount(null, k) : { value: n, format: 'integer' });
/** The model's percentages are 0–100 with one decimal; a percent cell holds the fraction. */
const pct = (n: number | null | undefined, k: number | undefined): SheetCell => (n === null || n === undefined ? formatCount(null, k) : { value: Math.round(n * 10) / 1000, format: 'percent1' });

/** Count and percentage columns for every level (as `report --json` has them), then those reported at a level other than none. */
function figures(model: ReportModel, r: ItemRow): SheetCell[] {
  const k = model.suppressBelow;
  return [...model.levels.flatMap((l) => [count(r.shown.values[l.id], k), pct(r.percent[l.id], k)]), count(r.reported, k)];
}

function figureHeads(model: ReportModel, w: Messages['workbook']): string[] {
  return [...model.levels.flatMap((l) => [w.count(l.label), w.percent(l.label)]), w.reported];
}

/** Widths (characters) for the figure columns: wide enough for their headers, which the office suite does not wrap. */
const figureWidths = (model: ReportModel, w: Messages['workbook']): number[] => figureHeads(model, w).map((h) => Math.max(10, Math.min(24, h.length + 2)));

function summarySheet(model: ReportModel, m: Messages): SheetSpec {
  const w = m.workbook;
  const k = model.suppressBelow;
  const info: SheetCell[][] = [
    [w.unit, model.unit.name],
    [w.unitCode, model.unit.code],
    [w.round, model.round.label],
    [w.anonymous, model.round.anonymous ? w.yes : w.no],
    [w.status, model.round.open ? w.open : w.closed],
    [w.questionnaire, `${model.questionnaire.title} (${model.questionnaire.id})`],
    [w.version, `${model.questionnaire.version} · sha256 ${model.questionnaire.sha256}`],
    [w.members, { value: model.members, format: 'integer' }],
    [w.respondents, { value: model.respondents, format: 'integer' }],
    [w.participation, pct(model.participation, undefined)],
    [w.generatedOn, model.generatedOn],
  ];
  if (k !== undefined && k > 1) info.push([w.suppression, m.report.suppressed(k)]);
  if (model.smallAnonymous) info.push(['', m.reportNotes.smallAnonymous(model.smallAnonymous.respondents, model.smallAnonymous.threshold)]);
  // The same trust lines as the text and HTML reports: a workbook sent upward must not read as more certain than they do.
  if (model.keys?.notVerified.length) info.push(['', m.reportNotes.keysNotVerified(model.keys.notVerified.join(', '))]);
  if (model.keys?.unsigned.length) info.push(['', m.reportNotes.keysUnsigned(model.keys.unsigned.join(', '))]);
  const head: SheetCell[] = [w.kind, m.report.id, w.content, ...figureHeads(model, w)];
  const rows: SheetCell[][] = [
    [w.kindOverall, '', m.report.overall, ...figures(model, model.overall)],
    ...model.groups.map((g) => [w.kindGroup, g.id, g.text, ...figures(model, g)]),
    ...model.manifestations.map((mf) => [w.kindManifestation, mf.id, mf.text, ...figures(model, mf)]),
  ];
  // The table's header row is kept in view with the short block above it.
  return { name: w.summarySheet, rows: [...info, [], head, ...rows], freezeRows: info.length + 2, widths: [18, 10, 70, ...figureWidths(model, w)] };
}

function behavioursSheet(model: ReportModel, m: Messages): SheetSpec {
  const w = m.workbook;
  const head: SheetCell[] = [w.group, w.manifestation, w.behaviour, w.content, ...figureHeads(model, w)];
  const rows = model.manifestations.flatMap((mf) => mf.behaviours.map((b): SheetCell[] => [mf.groupId, mf.id, b.id, b.text, ...figures(model, b)]));
  return { name: w.behavioursSheet, rows: [head, ...rows], freezeRows: 1, widths: [8, 12, 12, 80, ...figureWidths(model, w)] };
}

/** One row per merged unit, then one per expected unit that has not reported (members and figures left empty). */
function unitsSheet(model: ReportModel, m: Messages): SheetSpec {
  const w = m.workbook;
  const k = model.suppressBelow;
  const levelName = (level: string): string => m.wording.levelNames[level] ?? level;
  const keys = model.keys;
  // Codes are matched as the merge matches them, without case.
  const notVerified = new Set(keys?.notVerified.map((c) => c.toUpperCase()));
  const unsigned = new Set(keys?.unsigned.map((c) => c.toUpperCase()));
  const signatureOf = (code: string): string => (unsigned.has(code.toUpperCase()) ? w.signatureNone : notVerified.has(code.toUpperCase()) ? w.signatureNotVerified : w.signatureVerified);
  // NOTE: the signature column comes last, so the columns a formula or a filter may name keep their letters.
  const signature = (code: string): SheetCell[] => (keys === undefined ? [] : [signatureOf(code)]);
  const head: SheetCell[] = [
    m.report.id,
    w.unit,
    w.level,
    w.reportedStatus,
    w.members,
    w.respondents,
    w.participation,
    ...[1, 2, 3].flatMap((n) => [w.top(n), w.topCount(n)]),
    ...(keys === undefined ? [] : [w.signature]),
  ];
  const rows: SheetCell[][] = model.byUnit.map((u) => [
    u.code,
    u.name,
    levelName(u.level),
    w.hasReported,
    { value: u.members, format: 'integer' },
    { value: u.respondents, format: 'integer' },
    pct(u.participation, undefined),
    ...[0, 1, 2].flatMap((i): SheetCell[] => {
      const t = u.top[i];
      return t ? [t.id, count(t.reported, k)] : [null, null];
    }),
    ...signature(u.code),
  ]);
  for (const u of model.coverage?.missing ?? []) rows.push([u.code, u.name, levelName(u.level), w.notReported]);
  if (model.coverage && model.coverage.expected === 0) rows.push([], ['', m.reportNotes.noExpectedList]);
  return { name: w.unitsSheet, rows: [head, ...rows], freezeRows: 1, widths: [12, 40, 18, 14, 12, 14, 12, 16, 14, 16, 14, 16, 14, 16] };
}

/** The sheets of a report workbook: summary, behaviours, and for a merging unit the table by unit. */
export function reportSheets(model: ReportModel, m: Messages): SheetSpec[] {
  const merged = model.byUnit.length > 0 || model.coverage !== undefined;
  return [summarySheet(model, m), behavioursSheet(model, m), ...(merged ? [unitsSheet(model, m)] : [])];
}
