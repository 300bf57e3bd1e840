/**
 * Small-count suppression for reports shared beyond the cell, made so that no
 * hidden count can be worked out from what is shown (issue 13). Applied at
 * render time only: stored and exported counts stay exact.
 *
 * The design, kept simple enough to argue about:
 *
 * 1. A row (a behaviour, manifestation, group or the overall row) is hidden
 *    whole when any of its counts is from 1 to K−1 (with fewer than K
 *    respondents that is every row).
 * 2. Closure, iterated to a fixed point (it only ever hides more):
 *    (a) the parent of a hidden row is hidden (up to the overall row), so no
 *        shown total sits directly above a hidden row;
 *    (b) every hidden row has a hidden behaviour beneath it, so it has room to
 *        move (see the argument);
 *    (c) each cell of a hidden manifestation, group or overall row passes the
 *        check below, or is shown because it is forced (see 3); otherwise the
 *        shown part beneath it that weighs most is hidden too;
 *    (d) in a bloc's table per unit, a manifestation's column (each unit's
 *        count of respondents reporting it) is shown whole or hidden whole:
 *        hidden when any unit's figure or its complement is from 1 to K−1 or
 *        when the bloc's row is hidden; a hidden column hides the group above.
 * 3. A hidden cell whose value anyone can work out is shown, since hiding it
 *    protects nothing: a zero below level t of row X when some shown row Y
 *    inside X has everyone at level t or above; a unit's figure when the unit
 *    has no respondent, or when the bloc's figure is 0 or everyone.
 *
 * Why no hidden cell can be worked out (the argument the property test checks
 * by brute force). Every hidden row's parents are hidden, so changing one
 * respondent's answer to a hidden behaviour changes hidden rows only, and any
 * count of a hidden behaviour can be raised or lowered that way. A hidden row X
 * above has a hidden behaviour on a hidden path beneath it, so each
 * respondent's most severe level in X can be set anywhere from σ (their most
 * severe level in X's shown parts) to the top; with N_t = the sum over X's
 * largest shown parts of their counts at level t or above (at least the number
 * with σ ≥ t), the check in (c) asks for one respondent whom such a change
 * moves into or out of the cell. A hidden column of a unit table whose bloc row
 * is shown changes when two respondents of different units swap their answers
 * to that manifestation: the bloc's counts stay, only the group and overall
 * rows above (hidden, by (d)) can change. The compared round is suppressed the
 * same way; a change is shown only where both of its sides are.
 */
import type { Counts, Summary } from './aggregate.js';

export interface Shown {
  /** A level's count, or null where hidden. */
  readonly values: Readonly<Record<string, number | null>>;
  /** True when any count of the row is hidden. */
  readonly suppressed: boolean;
}

/** The questionnaire's shape: groups of manifestations of behaviours, by id. */
export interface Tree {
  readonly groups: ReadonlyArray<{ readonly id: string; readonly manifestations: ReadonlyArray<{ readonly id: string; readonly behaviours: ReadonlyArray<string> }> }>;
}

export interface SuppressedSummary {
  readonly behaviours: ReadonlyMap<string, Shown>;
  readonly manifestations: ReadonlyMap<string, Shown>;
  readonly groups: ReadonlyMap<string, Shown>;
  readonly overall: Shown;
  /** Per part (unit), per manifestation: respondents reporting it (a level other than none), null where hidden. */
  readonly units: ReadonlyArray<ReadonlyMap<string, number | null>>;
}

interface Node {
  readonly key: string;
  readonly id: string;
  readonly counts: number[];
  readonly parent: Node | undefined;
  readonly children: Node[];
  readonly leaf: boolean;
}

/** Counts at level t or above. */
function atLeast(c: ReadonlyArray<number>, t: number): number {
  let n = 0;
  for (let l = t; l < c.length; l++) n += c[l]!;
  return n;
}

function vector(c: Counts | undefined, levels: ReadonlyArray<string>): number[] {
  return levels.map((l) => c?.[l] ?? 0);
}

/**
 * Suppresses a summary's rows (and, with `parts`, a bloc's table per unit).
 * `k` undefined or ≤ 1 hides nothing.
 */
export function suppressSummary(
  tree: Tree,
  s: Summary,
  k: number | undefined,
  parts: ReadonlyArray<Summary> = [],
): SuppressedSummary {
  const levels = s.levels;
  const top = levels.length - 1;
  const n = s.respondents;
  const on = k !== undefined && k > 1 && n > 0;
  const small = (v: number) => on && v >= 1 && v < k!;

  // The tree of rows.
  const overall: Node = { key: 'o', id: 'overall', counts: vector(s.overall, levels), parent: undefined, children: [], leaf: false };
  const groups: Node[] = [];
  const manifestations: Node[] = [];
  const behaviours: Node[] = [];
  for (const g of tree.groups) {
    const gn: Node = { key: `g:${g.id}`, id: g.id, counts: vector(s.groups.get(g.id), levels), parent: overall, children: [], leaf: false };
    overall.children.push(gn);
    groups.push(gn);
    for (const m of g.manifestations) {
      const mn: Node = { key: `m:${m.id}`, id: m.id, counts: vector(s.manifestations.get(m.id), levels), parent: gn, children: [], leaf: false };
      gn.children.push(mn);
      manifestations.push(mn);
      for (const b of m.behaviours) {
        const bn: Node = { key: `b:${b}`, id: b, counts: vector(s.behaviours.get(b), levels), parent: mn, children: [], leaf: true };
        mn.children.push(bn);
        behaviours.push(bn);
      }
    }
  }
  const all = [overall, ...groups, ...manifestations, ...behaviours];

  // Unit table: per part, per manifestation, respondents reporting it.
  const respondentsOf = parts.map((p) => p.respondents);
  const figure = (i: number, m: string) => atLeast(vector(parts[i]!.manifestations.get(m), levels), 1);

  const hidden = new Set<string>();
  const hiddenColumns = new Set<string>();
  /** Cells shown although their row is hidden, because they are forced: "key:level". */
  let forced = new Set<string>();

  if (on) {
    for (const x of all) if (x.counts.some(small)) hidden.add(x.key);
    if (parts.length > 0) {
      for (const m of manifestations) {
        if (parts.some((_, i) => small(figure(i, m.id)) || small(respondentsOf[i]! - figure(i, m.id)))) hiddenColumns.add(m.id);
      }
    }
  }

  const hideSubtree = (x: Node) => {
    hidden.add(x.key);
    for (const c of x.children) hideSubtree(c);
  };
  /** A row of part i (a unit of the bloc). */
  const unitRow = (i: number, y: Node): number[] => {
    const p = parts[i]!;
    const map = y.key.startsWith('b:') ? p.behaviours : y.key.startsWith('m:') ? p.manifestations : p.groups;
    return vector(map.get(y.id), levels);
  };
  /**
   * The fewest respondents who can be at level t or above in the shown parts
   * `ys` taken together, when each unit's answers to each part are shuffled
   * among its own respondents so that they line up (a unit's shown figures
   * stay): per unit, the largest of the parts' counts.
   */
  const lowest = (ys: ReadonlyArray<Node>, t: number): number => {
    if (parts.length === 0) return Math.max(0, ...ys.map((y) => atLeast(y.counts, t)));
    return parts.reduce((acc, _, i) => acc + Math.max(0, ...ys.map((y) => atLeast(unitRow(i, y), t))), 0);
  };
  const heaviest = (ys: ReadonlyArray<Node>, t: number): Node => [...ys].sort((a, b) => atLeast(b.counts, t) - atLeast(a.counts, t))[0]!;
  const behavioursUnder = (x: Node): Node[] => (x.leaf ? [x] : x.children.flatMap(behavioursUnder));
  /** The shown rows directly under hidden rows, within X: X's largest shown parts. */
  const shownParts = (x: Node): Node[] => x.children.flatMap((c) => (hidden.has(c.key) ? shownParts(c) : [c]));

  const step = (): boolean => {
    const before = hidden.size + hiddenColumns.size;
    // (d) a hidden bloc row hides its column; a hidden column hides the group above.
    if (parts.length > 0) {
      for (const m of manifestations) {
        if (hidden.has(m.key)) hiddenColumns.add(m.id);
        if (hiddenColumns.has(m.id)) hidden.add(m.parent!.key);
      }
    }
    // (a) parents of hidden rows.
    for (const x of all) if (hidden.has(x.key)) for (let p = x.parent; p; p = p.parent) hidden.add(p.key);
    if (hidden.size + hiddenColumns.size !== before) return true;
    // (b) room to move beneath every hidden row.
    for (const x of all) {
      if (x.leaf || !hidden.has(x.key)) continue;
      const under = behavioursUnder(x);
      if (under.length > 0 && !under.some((b) => hidden.has(b.key))) {
        const pick = [...under].sort((a, b) => atLeast(b.counts, 1) - atLeast(a.counts, 1))[0]!;
        hidden.add(pick.key);
        return true;
      }
    }
    // (c) each cell of a hidden row above the behaviours, and (d) each unit's
    // figure in a hidden column over a hidden bloc row.
    const nextForced = new Set<string>();
    for (const x of all) {
      if (x.leaf || !hidden.has(x.key)) continue;
      const ys = shownParts(x);
      for (let l = 0; l <= top; l++) {
        const t = Math.min(l + 1, top);
        if (lowest(ys, t) < n) continue; // moves
        if (ys.some((y) => atLeast(y.counts, t) === n)) {
          nextForced.add(`${x.key}:${l}`); // forced, shown
          continue;
        }
        hideSubtree(heaviest(ys, t));
        return true;
      }
    }
    forced = nextForced;
    for (const m of manifestations) {
      if (!hiddenColumns.has(m.id) || !hidden.has(m.key)) continue;
      const ys = shownParts(m);
      if (ys.some((y) => atLeast(y.counts, 1) === n)) continue; // every unit's figure is its respondents
      for (let i = 0; i < parts.length; i++) {
        const r = respondentsOf[i]!;
        if (r === 0 || ys.every((y) => atLeast(unitRow(i, y), 1) < r)) continue;
        hideSubtree(heaviest(ys, 1));
        return true;
      }
    }
    return false;
  };
  if (on) while (step());

  const shown = (x: Node): Shown => {
    const values: Record<string, number | null> = {};
    let suppressed = false;
    levels.forEach((l, i) => {
      const visible = !hidden.has(x.key) || forced.has(`${x.key}:${i}`);
      values[l] = visible ? x.counts[i]! : null;
      if (!visible) suppressed = true;
    });
    return { values, suppressed };
  };

  const units = parts.map((p, i) => {
    const row = new Map<string, number | null>();
    for (const m of manifestations) {
      const u = figure(i, m.id);
      if (!hiddenColumns.has(m.id)) {
        row.set(m.id, u);
        continue;
      }
      const bloc = atLeast(m.counts, 1);
      const withRespondents = respondentsOf.filter((r) => r > 0).length;
      const everyone = hidden.has(m.key) && shownParts(m).some((y) => atLeast(y.counts, 1) === n);
      const derivable = p.respondents === 0 || everyone || (!hidden.has(m.key) && (bloc === 0 || bloc === n || withRespondents <= 1));
      row.set(m.id, derivable ? u : null);
    }
    return row;
  });

  return {
    behaviours: new Map(behaviours.map((x) => [x.id, shown(x)])),
    manifestations: new Map(manifestations.map((x) => [x.id, shown(x)])),
    groups: new Map(groups.map((x) => [x.id, shown(x)])),
    overall: shown(overall),
    units,
  };
}

/** The questionnaire's shape, for `suppressSummary`. */
export function treeOf(q: { readonly groups: ReadonlyArray<{ readonly id: string; readonly manifestations: ReadonlyArray<{ readonly id: string; readonly behaviours: ReadonlyArray<{ readonly id: string }> }> }> }): Tree {
  return { groups: q.groups.map((g) => ({ id: g.id, manifestations: g.manifestations.map((m) => ({ id: m.id, behaviours: m.behaviours.map((b) => b.id) })) })) };
}

/** True when a row is shown whole. */
export function rowShown(x: Shown | undefined): boolean {
  return x !== undefined && !x.suppressed;
}
