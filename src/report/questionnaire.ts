/**
 * A questionnaire as a readable tree (terminal) and as its stable JSON form.
 * Manifestations whose wording is not confirmed are marked wherever shown.
 */
import type { Messages } from '../i18n/messages.js';
import type { Style } from './style.js';
import { allBehaviours, allManifestations, localText, type Lang, type LocalText, type Manifestation, type Questionnaire } from '../questionnaire/model.js';
import { wrap } from '../text/wrap.js';

/** The mark shown next to a manifestation whose wording is unconfirmed; '' for verbatim. */
export function statusMark(mf: Pick<Manifestation, 'status'>, m: Messages): string {
  return mf.status === 'verbatim' ? '' : m.questionnaire.statusMark[mf.status];
}

function jsonText(t: LocalText): { vi: string; en: string | null } {
  return { vi: t.vi, en: t.en ?? null };
}

/**
 * The documented JSON contract of `tusoi questionnaire show --json`:
 * `{ schema, id, version, sha256, title, source, levels, groups, counts }`.
 */
export function questionnaireJson(q: Questionnaire): Record<string, unknown> {
  return {
    schema: 1,
    id: q.id,
    version: q.version,
    sha256: q.sha256,
    title: jsonText(q.title),
    source: jsonText(q.source),
    ...(q.note ? { note: jsonText(q.note) } : {}),
    levels: q.levels.map((l) => ({ id: l.id, label: jsonText(l.label), none: l.none })),
    groups: q.groups.map((g) => ({
      id: g.id,
      text: jsonText(g.text),
      ...(g.note ? { note: jsonText(g.note) } : {}),
      manifestations: g.manifestations.map((mf) => ({
        id: mf.id,
        status: mf.status,
        text: jsonText(mf.text),
        ...(mf.note ? { note: jsonText(mf.note) } : {}),
        behaviours: mf.behaviours.map((b) => ({ id: b.id, text: jsonText(b.text), ...(b.note ? { note: jsonText(b.note) } : {}) })),
      })),
    })),
    counts: { groups: q.groups.length, manifestations: allManifestations(q).length, behaviours: allBehaviours(q).length },
  };
}

export function renderQuestionnaire(q: Questionnaire, m: Messages, lang: Lang, style: Style, width: number): string {
  const t = (x: LocalText) => localText(x, lang);
  const out: string[] = [];
  out.push(style.bold(wrap(t(q.title), width, 0)));
  out.push(`${m.questionnaire.id}: ${q.id} · ${m.questionnaire.version}: ${q.version} · sha256 ${q.sha256.slice(0, 16)}…`);
  out.push(wrap(`${m.questionnaire.source}: ${t(q.source)}`, width, 2, 0));
  out.push(`${m.questionnaire.levels}: ${q.levels.map((l, i) => style.level(i, l.none ? m.wording.noneLevel : t(l.label))).join(' · ')}`);
  out.push(m.questionnaire.counts(q.groups.length, allManifestations(q).length, allBehaviours(q).length));
  if (q.note) out.push(style.dim(wrap(t(q.note), width, 0)));
  for (const g of q.groups) {
    out.push('');
    out.push(`${style.bold(g.id)}  ${style.bold(wrap(t(g.text), width, g.id.length + 2, g.id.length + 2))}`);
    if (g.note) out.push(`  ${style.dim(wrap(t(g.note), width, 2))}`);
    for (const mf of g.manifestations) {
      const indent = 2 + mf.id.length + 2;
      out.push('');
      out.push(`  ${style.bold(mf.id)}  ${wrap(t(mf.text), width, indent, indent)}`);
      const mark = statusMark(mf, m);
      if (mark) out.push(`${' '.repeat(indent)}${style.warn(`[${mark}]`)}`);
      if (mf.note) out.push(`${' '.repeat(indent)}${style.dim(wrap(t(mf.note), width, indent, indent))}`);
      for (const b of mf.behaviours) {
        const bi = 4 + b.id.length + 2;
        out.push(`    ${style.dim(b.id)}  ${wrap(t(b.text), width, bi, bi)}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
