/**
 * Small-count suppression for reports shared beyond the cell: a count from 1
 * to K−1 is hidden, and where a single hidden count could be worked out from
 * the total, the next smallest count of the same item is hidden too
 * (secondary suppression). Applied at render time only: stored and exported
 * counts stay exact, or sums above them would be wrong.
 */
import type { Counts } from './aggregate.js';

export interface Shown {
  /** A level's count, or null where hidden. */
  readonly values: Readonly<Record<string, number | null>>;
  readonly suppressed: boolean;
}

/**
 * Hides small counts of one item. `k` undefined or ≤ 1 hides nothing. The
 * total (respondents) stays visible: it is participation, not a sensitive answer.
 */
export function suppressCounts(counts: Counts, levels: ReadonlyArray<string>, k: number | undefined): Shown {
  const values: Record<string, number | null> = {};
  for (const l of levels) values[l] = counts[l] ?? 0;
  if (k === undefined || k <= 1) return { values, suppressed: false };
  const hidden = new Set(levels.filter((l) => values[l]! >= 1 && values[l]! < k));
  if (hidden.size === 1) {
    // One hidden count = total − the others: hide the smallest other non-zero
    // count as well (hiding a zero would protect nothing). Where there is none,
    // the hidden count is the whole total, and nothing more can be hidden.
    const others = levels.filter((l) => !hidden.has(l) && values[l]! > 0).sort((a, b) => values[a]! - values[b]!);
    if (others[0] !== undefined) hidden.add(others[0]);
  }
  for (const l of hidden) values[l] = null;
  return { values, suppressed: hidden.size > 0 };
}

/**
 * Across units (a bloc's table per unit): where exactly one unit's figure for
 * an item is hidden, the bloc total would reveal it, so the smallest other
 * unit's figure is hidden too. `figures` are per unit, `null` where already hidden.
 */
export function suppressAcross(figures: ReadonlyArray<number | null>): Array<number | null> {
  const out = [...figures];
  const hiddenCount = out.filter((v) => v === null).length;
  if (hiddenCount !== 1) return out;
  let smallest = -1;
  out.forEach((v, i) => {
    if (v !== null && v > 0 && (smallest < 0 || v < (out[smallest] as number))) smallest = i;
  });
  if (smallest >= 0) out[smallest] = null;
  return out;
}
