/**
 * Round over round: how many respondents reported each behaviour (at a level
 * other than none) in two rounds, and the change in count and in percentage
 * points. Rounds made with different questionnaires are compared only on the
 * behaviours they share by id; manifestations only when the questionnaire is
 * the same (their counts depend on which behaviours they hold).
 */
import { percent, reported, type Summary } from './aggregate.js';
import type { SuppressedSummary } from './suppress.js';

export interface Side {
  /** Null where the item is hidden by small-count suppression in that round. */
  readonly reported: number | null;
  readonly respondents: number;
  readonly percent: number | null;
}

export interface ItemChange {
  readonly id: string;
  readonly before: Side;
  readonly after: Side;
  /** after − before, in respondents and in percentage points (one decimal); null where either side is hidden. */
  readonly change: { readonly count: number; readonly points: number } | null;
  readonly suppressed?: true;
}

export interface Comparison {
  readonly sameQuestionnaire: boolean;
  readonly behaviours: ReadonlyArray<ItemChange>;
  readonly manifestations: ReadonlyArray<ItemChange>;
  /** Behaviour ids in only one of the two rounds (not compared). */
  readonly onlyBefore: ReadonlyArray<string>;
  readonly onlyAfter: ReadonlyArray<string>;
  readonly respondents: { readonly before: number; readonly after: number };
}

function side(s: Summary, counts: Summary['overall']): { reported: number; respondents: number; percent: number } {
  const n = reported(counts, s.levels);
  return { reported: n, respondents: s.respondents, percent: percent(n, s.respondents) };
}

function change(id: string, before: { reported: number; respondents: number; percent: number }, after: { reported: number; respondents: number; percent: number }): ItemChange {
  return { id, before, after, change: { count: after.reported - before.reported, points: Math.round((after.percent - before.percent) * 10) / 10 } };
}

export function compareSummaries(before: Summary, after: Summary): Comparison {
  const sameQuestionnaire = before.questionnaire.sha256 === after.questionnaire.sha256;
  const behaviours: ItemChange[] = [];
  for (const [id, counts] of after.behaviours) {
    const old = before.behaviours.get(id);
    if (old) behaviours.push(change(id, side(before, old), side(after, counts)));
  }
  const manifestations: ItemChange[] = [];
  if (sameQuestionnaire) {
    for (const [id, counts] of after.manifestations) {
      const old = before.manifestations.get(id);
      if (old) manifestations.push(change(id, side(before, old), side(after, counts)));
    }
  }
  return {
    sameQuestionnaire,
    behaviours,
    manifestations,
    onlyBefore: [...before.behaviours.keys()].filter((id) => !after.behaviours.has(id)),
    onlyAfter: [...after.behaviours.keys()].filter((id) => !before.behaviours.has(id)),
    respondents: { before: before.respondents, after: after.respondents },
  };
}

/**
 * The comparison as a suppressed report may show it: each round's side only
 * where that round's own suppressed report shows the item whole, and the
 * change only where both sides are shown (a change beside one shown side
 * would give the other away). `before` and `after` are the two rounds'
 * suppressed summaries, made with the same K.
 */
export function hideComparison(c: Comparison, before: SuppressedSummary, after: SuppressedSummary): Comparison {
  const hide = (items: ReadonlyArray<ItemChange>, pick: (s: SuppressedSummary) => ReadonlyMap<string, { readonly suppressed: boolean }>) =>
    items.map((it): ItemChange => {
      const b = pick(before).get(it.id)?.suppressed !== false;
      const a = pick(after).get(it.id)?.suppressed !== false;
      if (!a && !b) return it;
      return {
        id: it.id,
        before: b ? { reported: null, respondents: it.before.respondents, percent: null } : it.before,
        after: a ? { reported: null, respondents: it.after.respondents, percent: null } : it.after,
        change: null,
        suppressed: true,
      };
    });
  return { ...c, behaviours: hide(c.behaviours, (s) => s.behaviours), manifestations: hide(c.manifestations, (s) => s.manifestations) };
}
