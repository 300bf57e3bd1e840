/**
 * The report for an 80-column terminal: participation, the overall and
 * per-group figures, the 27 manifestations, and the most reported behaviours
 * first (what the meeting should discuss). Colour comes in as a Style.
 */
import type { Style } from './style.js';
import type { Messages } from '../i18n/messages.js';
import { displaySafe } from '../text/hygiene.js';
import { displayWidth, padEnd, wrap } from '../text/wrap.js';
import { formatCount, formatDay, formatPercent, formatSigned, formatSignedCount } from './format.js';
import type { ItemRow, ReportKeys, ReportModel } from './model.js';

const WIDTH = 80;

/**
 * Text from the database or a file, made safe to print (`text/hygiene.ts`):
 * every row is one line, so a questionnaire text's line breaks become spaces.
 */
const safe = (s: string): string => displaySafe(s.includes('\n') ? s.replace(/\s*\n\s*/g, ' ') : s);

function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** "12 (27,8%)" for one level of an item. */
function cell(model: ReportModel, r: ItemRow, level: string): string {
  const n = r.shown.values[level] ?? null;
  if (n === null) return formatCount(null, model.suppressBelow);
  return `${n} (${formatPercent(r.percent[level] ?? 0, model.lang)}%)`;
}

export function renderTextReport(model: ReportModel, m: Messages, style: Style, options: { top?: number } = {}): string {
  const r = m.report;
  const out: string[] = [];
  const levels = model.levels.slice(1); // the "none" level is the rest
  const colWidth = 13;
  out.push(style.bold(r.title));
  out.push(style.bold(r.unit(safe(model.unit.name), safe(model.unit.code))));
  out.push(r.round(safe(model.round.label), model.round.anonymous, model.round.open));
  out.push(style.dim(r.questionnaire(safe(model.questionnaire.id), safe(model.questionnaire.version), `${safe(model.questionnaire.sha256).slice(0, 12)}…`)));
  out.push(style.dim(r.date(formatDay(model.generatedOn, model.lang))));
  if (model.round.open) out.push(style.warn(r.provisional));
  out.push(r.participation(model.respondents, model.members, formatPercent(model.participation, model.lang)));
  if (model.suppressBelow !== undefined && model.suppressBelow > 1) out.push(style.dim(wrap(r.suppressed(model.suppressBelow), WIDTH, 0)));
  if (model.smallAnonymous) out.push(style.warn(wrap(m.reportNotes.smallAnonymous(model.smallAnonymous.respondents, model.smallAnonymous.threshold), WIDTH, 0)));
  if (model.coverage) out.push(...coverageLines(model, m, style));
  if (model.keys) out.push(...keysLines(model.keys, m, style));
  if (model.respondents === 0) {
    out.push('', r.noRespondents);
    return `${out.join('\n')}\n`;
  }

  const header = (first: string, firstWidth: number) =>
    style.dim(`${padEnd(first, firstWidth)}${levels.map((l) => padEnd(truncate(safe(l.label), colWidth - 1), colWidth)).join('')}`);
  const line = (first: string, firstWidth: number, row: ItemRow, rest = '') => {
    const cells = levels.map((l) => padEnd(cell(model, row, l.id), colWidth));
    const painted = cells.map((c, i) => (row.shown.values[levels[i]!.id] ? style.level(i + 1, c) : c)).join('');
    const room = WIDTH - firstWidth - colWidth * levels.length;
    return `${padEnd(safe(first), firstWidth)}${painted}${rest ? truncate(safe(rest), room) : ''}`.trimEnd();
  };

  out.push('', style.bold(r.overall));
  out.push(header('', 8));
  out.push(line('', 8, model.overall));

  out.push('', style.bold(r.byGroup));
  out.push(header(r.id, 8));
  for (const g of model.groups) out.push(line(g.id, 8, g, g.text));

  if (model.byUnit.length > 0) {
    out.push('', style.bold(r.unitTable));
    out.push(style.dim(`${padEnd(r.id, 10)}${padEnd(r.units, 30)}${padEnd(r.respondentCount, 10)}${model.suppressBelow !== undefined && model.suppressBelow > 1 ? m.reportNotes.mostReportedShown : r.mostReported}`));
    for (const u of model.byUnit) {
      const top = u.top.map((t) => `${safe(t.id)} ${formatCount(t.reported, model.suppressBelow)}`).join(', ');
      const part = `${u.respondents}/${u.members}`;
      out.push(`${padEnd(truncate(safe(u.code), 9), 10)}${padEnd(truncate(safe(u.name), 29), 30)}${padEnd(part, 10)}${truncate(top, WIDTH - 50)}`.trimEnd());
    }
  }

  out.push('', style.bold(r.byManifestation));
  out.push(style.dim(wrap(r.manifestationNote, WIDTH, 0)));
  out.push(header(r.id, 8));
  for (const mf of model.manifestations) {
    const mark = mf.status === 'verbatim' ? '' : '*';
    out.push(line(`${mf.id}${mark}`, 8, mf, mf.text));
  }
  if (model.manifestations.some((mf) => mf.status !== 'verbatim')) out.push(style.dim(r.unverifiedMark));

  if (model.comparison) out.push(...comparisonLines(model, m, style));

  out.push('', style.bold(r.topBehaviours));
  out.push(style.dim(wrap(r.topNote, WIDTH, 0)));
  const top = model.ranked.filter((b) => b.rank > 0).slice(0, options.top ?? 15);
  const hidden = model.ranked.filter((b) => b.rank < 0).length;
  if (top.length === 0 && hidden === 0) out.push(r.noneReported);
  if (top.length > 0) {
    out.push(header(r.id, 9));
    for (const b of top) out.push(line(b.id, 9, b, b.text));
  }
  if (hidden > 0) out.push(style.dim(r.hiddenBehaviours(hidden, formatCount(null, model.suppressBelow))));
  if (model.measures.length > 0) {
    out.push('', style.bold(r.measuresTitle));
    for (const me of model.measures) {
      const line = `${me.id}. ${me.done ? '✓ ' : ''}${safe(me.text)}${me.behaviourId ? ` (${safe(me.behaviourId)})` : ''}${me.done ? ` — ${r.measureDone}` : ''}`;
      out.push(wrap(line, WIDTH, 3, 0));
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * "▲ +6,1 điểm % (+2)" / "▼ −3,0 điểm % (0)" / "= 0,0 điểm % (−1)": the arrow
 * follows the change in share (percentage points, as shown, to one decimal),
 * which is what compares two rounds of different sizes; the brackets give the
 * change in the number of members, signed, so that no arrow contradicts a number.
 */
export function changeText(c: { count: number; points: number }, lang: ReportModel['lang'], unit: string): string {
  const shown = Math.round(c.points * 10) / 10;
  const sign = shown > 0 ? '▲' : shown < 0 ? '▼' : '=';
  return `${sign} ${formatSigned(shown, lang)} ${unit} (${formatSignedCount(c.count)})`;
}

/** A merging unit's expected units that have not reported (from `unit import`). */
/** Which counted files the committee cannot yet tie to their unit (issue 17). */
function keysLines(keys: ReportKeys, m: Messages, style: Style): string[] {
  const out: string[] = [];
  if (keys.notVerified.length > 0) out.push(style.warn(wrap(m.reportNotes.keysNotVerified(keys.notVerified.map(safe).join(', ')), WIDTH, 0)));
  if (keys.unsigned.length > 0) out.push(style.warn(wrap(m.reportNotes.keysUnsigned(keys.unsigned.map(safe).join(', ')), WIDTH, 0)));
  return out;
}

function coverageLines(model: ReportModel, m: Messages, style: Style): string[] {
  const c = model.coverage!;
  const n = m.reportNotes;
  if (c.expected === 0) return [style.dim(wrap(n.noExpectedList, WIDTH, 0))];
  if (c.missing.length === 0) return [style.ok(n.noneMissing(c.expected))];
  const out = [style.warn(n.missingTitle(c.missing.length, c.expected))];
  for (const u of c.missing) out.push(truncate(`  ${padEnd(safe(u.code), 10)}${safe(u.name)}${u.parentCode ? ` (${safe(u.parentCode)})` : ''}`, WIDTH));
  return out;
}

function comparisonLines(model: ReportModel, m: Messages, style: Style): string[] {
  const c = model.comparison!;
  const r = m.report;
  const side = (x: { reported: number | null; percent: number | null }) => (x.reported === null ? formatCount(null, model.suppressBelow) : `${x.reported} (${formatPercent(x.percent, model.lang)}%)`);
  const [id, before, now, delta] = r.compareColumns;
  const out = ['', style.bold(r.compareTitle(safe(c.label))), style.dim(wrap(r.compareNote(c.respondents.before, c.respondents.after), WIDTH, 0)), style.dim(wrap(m.reportNotes.compareLegend, WIDTH, 0))];
  if (!c.sameQuestionnaire) out.push(style.warn(wrap(r.compareDifferent(c.behaviours.length, c.onlyBefore.length, c.onlyAfter.length), WIDTH, 0)));
  const row = (a: string, b: string, x: string, d: string) => `${padEnd(a, 9)}${padEnd(b, 15)}${padEnd(x, 15)}${d}`;
  if (c.manifestations.length > 0) {
    out.push(style.dim(row(id, before, now, delta)));
    for (const it of c.manifestations) out.push(row(safe(it.id), side(it.before), side(it.after), it.change ? changeText(it.change, model.lang, m.reportNotes.points) : formatCount(null, model.suppressBelow)));
  }
  const biggest = [...c.behaviours].flatMap((b) => (b.change !== null && (b.change.count !== 0 || b.change.points !== 0) ? [{ ...b, change: b.change }] : [])).sort((a, b) => Math.abs(b.change.points) - Math.abs(a.change.points) || a.id.localeCompare(b.id)).slice(0, 10);
  if (biggest.length > 0) {
    out.push('', style.bold(r.compareBiggest), style.dim(row(id, before, now, delta)));
    for (const it of biggest) out.push(row(safe(it.id), side(it.before), side(it.after), changeText(it.change, model.lang, m.reportNotes.points)));
  }
  return out;
}
