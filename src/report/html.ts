/**
 * The printable report: one self-contained A4 HTML file (inline CSS and SVG,
 * no script, no network), with the unit, round, questionnaire identity and
 * date on it. Fonts that carry Vietnamese come first in the stack.
 */
import type { Messages } from '../i18n/messages.js';
import { escapeHtml as e } from './escape.js';
import { formatCount, formatDay, formatPercent } from './format.js';
import type { ItemRow, ReportModel } from './model.js';
import { chartScale, stackedBars } from './svg.js';
import { changeText } from './text.js';

/** The footer's page numbers come from CSS margin boxes (Chromium 131 and later print them). */
const css = (page: string, of: string) => `
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: "${page} " counter(page) " ${of} " counter(pages); font-family: "Times New Roman", "Liberation Serif", serif; font-size: 9.5pt; color: #444; } }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif", serif; font-size: 11pt; color: #111; margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 182mm; margin: 0 auto; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
.meta { text-align: center; margin: 0; }
.meta.small { font-size: 9.5pt; color: #444; }
.banner { border: 2px solid #c0392b; color: #c0392b; text-align: center; font-weight: bold; padding: 3pt; margin: 6pt 0; }
.note { font-size: 9.5pt; color: #444; margin: 2pt 0 6pt; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; }
thead { display: table-header-group; }
th, td { border: 1px solid #bbb; padding: 2pt 4pt; vertical-align: top; }
th { background: #eee; text-align: left; }
td.n { text-align: right; white-space: nowrap; }
tr, svg { break-inside: avoid; }
.page-break { break-before: page; }
.status { color: #a05a00; }
.warning { border: 1px solid #a05a00; color: #7a4500; padding: 3pt 5pt; margin: 6pt 0; }
.missing td:first-child { white-space: nowrap; }
.signature { display: flex; justify-content: flex-end; margin-top: 24pt; break-inside: avoid; }
.signature div { text-align: center; min-width: 70mm; }
.signature .place { font-style: italic; margin-bottom: 4pt; }
.signature .hint { font-style: italic; font-size: 9.5pt; margin-bottom: 60pt; }
`;

function countCell(model: ReportModel, r: ItemRow, level: string): string {
  const n = r.shown.values[level] ?? null;
  if (n === null) return `<td class="n">${e(formatCount(null, model.suppressBelow))}</td>`;
  return `<td class="n">${n} (${formatPercent(r.percent[level] ?? 0, model.lang)}%)</td>`;
}

function table(model: ReportModel, m: Messages, rows: ReadonlyArray<{ id: string; text: string; row: ItemRow; mark?: string }>): string {
  const levels = model.levels.slice(1);
  return `<table><thead><tr><th>${e(m.report.id)}</th><th>${e(m.report.content)}</th>${levels.map((l) => `<th>${e(l.label)}</th>`).join('')}</tr></thead><tbody>
${rows.map((x) => `<tr><td>${e(x.id)}${x.mark ? `<span class="status">${e(x.mark)}</span>` : ''}</td><td>${e(x.text)}</td>${levels.map((l) => countCell(model, x.row, l.id)).join('')}</tr>`).join('\n')}
</tbody></table>`;
}

function comparisonHtml(model: ReportModel, m: Messages): string {
  const c = model.comparison!;
  const r = m.report;
  const side = (x: { reported: number | null; percent: number | null }) => (x.reported === null ? formatCount(null, model.suppressBelow) : `${x.reported} (${formatPercent(x.percent, model.lang)}%)`);
  const [id, before, now, delta] = r.compareColumns;
  const rows = (items: ReadonlyArray<(typeof c.behaviours)[number]>) =>
    `<table><thead><tr><th>${e(id)}</th><th>${e(before)}</th><th>${e(now)}</th><th>${e(delta)}</th></tr></thead><tbody>${items
      .map((it) => `<tr><td>${e(it.id)}</td><td class="n">${side(it.before)}</td><td class="n">${side(it.after)}</td><td class="n">${e(it.change ? changeText(it.change, model.lang, m.reportNotes.points) : formatCount(null, model.suppressBelow))}</td></tr>`)
      .join('')}</tbody></table>`;
  const biggest = [...c.behaviours].flatMap((b) => (b.change !== null && (b.change.count !== 0 || b.change.points !== 0) ? [{ ...b, change: b.change }] : [])).sort((a, b) => Math.abs(b.change.points) - Math.abs(a.change.points) || a.id.localeCompare(b.id)).slice(0, 10);
  return [
    `<h2>${e(r.compareTitle(c.label))}</h2><p class="note">${e(r.compareNote(c.respondents.before, c.respondents.after))}</p><p class="note">${e(m.reportNotes.compareLegend)}</p>`,
    c.sameQuestionnaire ? '' : `<p class="note">${e(r.compareDifferent(c.behaviours.length, c.onlyBefore.length, c.onlyAfter.length))}</p>`,
    c.manifestations.length ? rows(c.manifestations) : '',
    biggest.length ? `<p><strong>${e(r.compareBiggest)}</strong></p>${rows(biggest)}` : '',
  ].join('\n');
}

/** A merging unit's expected units that have not reported. */
function coverageHtml(model: ReportModel, m: Messages): string {
  const c = model.coverage!;
  const n = m.reportNotes;
  if (c.expected === 0) return `<p class="note">${e(n.noExpectedList)}</p>`;
  if (c.missing.length === 0) return `<p class="meta">${e(n.noneMissing(c.expected))}</p>`;
  return `<div class="warning missing"><strong>${e(n.missingTitle(c.missing.length, c.expected))}</strong><table><tbody>
${c.missing.map((u) => `<tr><td>${e(u.code)}</td><td>${e(u.name)}</td><td>${e(u.parentCode ?? '')}</td></tr>`).join('\n')}
</tbody></table></div>`;
}

/**
 * The signature block as Vietnamese party documents are signed: place and
 * date, "T/M CHI BỘ" (a cell) or "T/M ĐẢNG ỦY" (a committee), "BÍ THƯ", room
 * for the signature.
 */
function signatureHtml(model: ReportModel, m: Messages): string {
  const n = m.reportNotes;
  return `<section class="signature"><div><p class="place">${e(n.placeDate(model.place, model.generatedOn))}</p><p><strong>${e(n.onBehalf(model.collecting))}</strong><br><strong>${e(n.signer)}</strong></p><p class="hint">${e(n.signHint)}</p></div></section>`;
}

export function renderHtmlReport(model: ReportModel, m: Messages): string {
  const r = m.report;
  const levels = model.levels.slice(1);
  const sha = `${model.questionnaire.sha256.slice(0, 16)}…`;
  const parts: string[] = [];
  parts.push(`<h1>${e(r.title)}</h1>`);
  parts.push(`<p class="meta"><strong>${e(r.unit(model.unit.name, model.unit.code))}</strong></p>`);
  parts.push(`<p class="meta">${e(r.round(model.round.label, model.round.anonymous, model.round.open))} · ${e(r.date(formatDay(model.generatedOn, model.lang)))}</p>`);
  parts.push(`<p class="meta small">${e(r.questionnaire(model.questionnaire.id, model.questionnaire.version, sha))}</p>`);
  parts.push(`<p class="meta small">${e(model.questionnaire.title)}</p>`);
  if (model.round.open) parts.push(`<div class="banner">${e(r.provisional)}</div>`);
  parts.push(`<p class="meta"><strong>${e(r.participation(model.respondents, model.members, formatPercent(model.participation, model.lang)))}</strong></p>`);
  if (model.suppressBelow !== undefined && model.suppressBelow > 1) parts.push(`<p class="note">${e(r.suppressed(model.suppressBelow))}</p>`);
  if (model.smallAnonymous) parts.push(`<p class="warning">${e(m.reportNotes.smallAnonymous(model.smallAnonymous.respondents, model.smallAnonymous.threshold))}</p>`);
  if (model.coverage) parts.push(coverageHtml(model, m));
  if (model.keys?.notVerified.length) parts.push(`<p class="warning">${e(m.reportNotes.keysNotVerified(model.keys.notVerified.join(', ')))}</p>`);
  if (model.keys?.unsigned.length) parts.push(`<p class="warning">${e(m.reportNotes.keysUnsigned(model.keys.unsigned.join(', ')))}</p>`);

  if (model.byUnit.length > 0) {
    parts.push(`<h2>${e(r.unitTable)}</h2><table><thead><tr><th>${e(r.id)}</th><th>${e(r.units)}</th><th>${e(r.memberCount)}</th><th>${e(r.respondentCount)}</th><th>${e(r.participationShort)}</th><th>${e(model.suppressBelow !== undefined && model.suppressBelow > 1 ? m.reportNotes.mostReportedShown : r.mostReported)}</th></tr></thead><tbody>
${model.byUnit.map((u) => `<tr><td>${e(u.code)}</td><td>${e(u.name)}</td><td class="n">${u.members}</td><td class="n">${u.respondents}</td><td class="n">${formatPercent(u.participation, model.lang)}%</td><td>${e(u.top.map((t) => `${t.id}: ${formatCount(t.reported, model.suppressBelow)}`).join(', '))}</td></tr>`).join('\n')}
</tbody></table>`);
  }
  if (model.units.length > 1) {
    parts.push(`<h2>${e(r.units)}</h2><table><thead><tr><th>${e(r.id)}</th><th>${e(r.units)}</th><th>${e(r.memberCount)}</th><th>${e(r.respondentCount)}</th><th>${e(r.participationShort)}</th></tr></thead><tbody>
${model.units.map((u) => `<tr><td>${e(u.code)}</td><td>${e(u.name)}</td><td class="n">${u.members}</td><td class="n">${u.respondents}</td><td class="n">${formatPercent(u.members ? Math.round((u.respondents / u.members) * 1000) / 10 : 0, model.lang)}%</td></tr>`).join('\n')}
</tbody></table>`);
  }

  if (model.respondents === 0) {
    parts.push(`<p>${e(r.noRespondents)}</p>`);
  } else {
    parts.push(`<h2>${e(r.overall)}</h2>`);
    parts.push(table(model, m, [{ id: '', text: r.overall, row: model.overall }, ...model.groups.map((g) => ({ id: g.id, text: g.text, row: g }))]));
    parts.push(`<h2>${e(r.byManifestation)}</h2><p class="note">${e(r.manifestationNote)}</p>`);
    const bars = model.manifestations.map((mf) => ({ id: mf.id, title: mf.text, parts: levels.map((l) => mf.percent[l.id] ?? null) }));
    parts.push(stackedBars(bars, levels.map((l) => l.label), { title: r.chartTitle, hiddenLabel: formatCount(null, model.suppressBelow), number: (n) => formatPercent(n, model.lang).replace(/[,.]0$/, '') }));
    parts.push(`<p class="note">${e(m.reportNotes.chartAxis(String(chartScale(bars).max)))}</p>`);
    parts.push(table(model, m, model.manifestations.map((mf) => ({ id: mf.id, text: mf.text, row: mf, ...(mf.status === 'verbatim' ? {} : { mark: '*' }) }))));
    if (model.manifestations.some((mf) => mf.status !== 'verbatim')) parts.push(`<p class="note">${e(r.unverifiedMark)}</p>`);
    if (model.comparison) parts.push(comparisonHtml(model, m));
    parts.push(`<h2>${e(r.topBehaviours)}</h2><p class="note">${e(r.topNote)}</p>`);
    const top = model.ranked.filter((b) => b.rank > 0).slice(0, 20);
    parts.push(top.length ? table(model, m, top.map((b) => ({ id: b.id, text: b.text, row: b }))) : `<p>${e(r.noneReported)}</p>`);
    if (model.measures.length > 0) {
      parts.push(`<h2>${e(r.measuresTitle)}</h2><ol>${model.measures.map((me) => `<li>${e(me.text)}${me.behaviourId ? ` (${e(me.behaviourId)})` : ''}${me.done ? ` — <strong>${e(r.measureDone)}</strong>` : ''}</li>`).join('')}</ol>`);
    }
    parts.push(`<h2 class="page-break">${e(r.allBehaviours)}</h2>`);
    parts.push(table(model, m, model.manifestations.flatMap((mf) => mf.behaviours.map((b) => ({ id: b.id, text: b.text, row: b })))));
  }
  parts.push(signatureHtml(model, m));
  return `<!DOCTYPE html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${r.title} — ${model.unit.code} — ${model.round.label}`)}</title>
<style>${css(m.reportNotes.page, m.reportNotes.of)}</style>
</head>
<body><main>
${parts.join('\n')}
</main></body>
</html>
`;
}
