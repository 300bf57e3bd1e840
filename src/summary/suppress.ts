/**
 * Small-count suppression for reports shared beyond the cell, made so that no
 * hidden count can be worked out from what is shown (issue 13). Applied at
 * render time only: stored and exported counts stay exact.
 *
 * The design, kept simple enough to argue about:
 *
 * 1. A row (a behaviour, manifestation, group or the overall row) is hidden
 *    whole when any of its counts is from 1 to K−1 (with fewer than K
 *    respondents that is every row). In a bloc's table per unit, a unit's
 *    figure for a manifestation (its respondents reporting it) is hidden when
 *    it or its complement (the unit's respondents are shown) is from 1 to K−1.
 * 2. Closure, iterated to a fixed point (it only ever hides more):
 *    (a) the parent of a hidden manifestation or group is hidden, up to the
 *        overall row; a unit figure hidden under a shown bloc row hides the
 *        group above it;
 *    (a') a behaviour hidden under a shown manifestation needs a hidden
 *        sibling whose count differs from its own at each level up to the
 *        highest any member reached in the manifestation; else one more is hidden (the
 *        least reported that fits), else the manifestation itself;
 *    (b) every hidden manifestation, group or overall row has a hidden row
 *        directly beneath it (the least reported is taken), so it can move;
 *    (c) a cell of a hidden manifestation, group or overall row is checked (see
 *        below); if it is neither shown to move nor forced, the shown part
 *        beneath it that weighs most is hidden too;
 *    (d) a bloc row that is hidden hides its whole column of unit figures;
 *        under a shown bloc row, each hidden unit figure needs a partner hidden
 *        in the same column (a unit with whom a respondent can swap, below),
 *        else one more unit's figure is hidden.
 * 3. A hidden cell anyone can work out is shown, since hiding it protects
 *    nothing: zeros below level t of a row X when some shown row inside X has
 *    everyone at level t or above; a behaviour's zeros above the highest level
 *    anyone reached in its shown manifestation; a unit figure when the unit has nobody, when
 *    every respondent (or none) reports it, or when it is the only unit with
 *    respondents.
 *
 * Why nothing hidden can be worked out (brute-forced by the property tests).
 * Under a shown manifestation, one member swapping their answers to two
 * hidden behaviours keeps every row above, and moves both behaviours' counts
 * at each level where the two differ (a'). Above that, every hidden row's parent
 * is hidden and every hidden row has a hidden path down to a behaviour, so
 * changing one respondent's answer there changes hidden figures only, and
 * their most severe level in a hidden row X can be set anywhere from σ (their
 * most severe level in X's shown parts) to the top. Shuffling, within each
 * unit, the answers to each shown part among that unit's respondents so that
 * they line up keeps every shown figure and leaves only L_t = Σ over units of
 * the largest shown part's count at level t or above with σ ≥ t. If L_{l+1} < n
 * (L_top for the top level), some respondent can be put into cell l or out of
 * it: the cell takes two values. If a single shown part has everyone at level
 * t or above, the cells below t are 0 for sure and are shown. Two respondents of
 * different units swapping their answers to one manifestation keep every bloc
 * row but its group's and the overall (hidden, by (a)), and move both units'
 * figures (hidden, partners, by (d)). The compared round is suppressed the same
 * way, on its own; a change is shown only where both of its sides are.
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

  // Each unit's rows as counts at level t or above (per part, per row key), for the unit table and the shuffles.
  const respondentsOf = parts.map((p) => p.respondents);
  const unitAtLeast = parts.map((p) => {
    const rows = new Map<string, number[]>();
    for (const x of all) {
      if (x === overall) continue;
      const map = x.key.startsWith('b:') ? p.behaviours : x.key.startsWith('m:') ? p.manifestations : p.groups;
      const c = vector(map.get(x.id), levels);
      rows.set(x.key, levels.map((_, t) => atLeast(c, t)));
    }
    return rows;
  });
  const figure = (i: number, m: Node) => unitAtLeast[i]!.get(m.key)![1] ?? 0;

  const hidden = new Set<string>();
  /** Hidden unit figures: manifestation key → unit indices. */
  const hiddenFigures = new Map(manifestations.map((m) => [m.key, new Set<number>()]));
  /** Cells shown although their row is hidden, because they are forced: "key:level". */
  let forced = new Set<string>();

  if (on) {
    for (const x of all) if (x.counts.some(small)) hidden.add(x.key);
    for (const m of manifestations) {
      parts.forEach((_, i) => {
        if (small(figure(i, m)) || small(respondentsOf[i]! - figure(i, m))) hiddenFigures.get(m.key)!.add(i);
      });
    }
  }

  const hideSubtree = (x: Node) => {
    hidden.add(x.key);
    for (const c of x.children) hideSubtree(c);
  };
  /**
   * The fewest respondents who can be at level t or above in the shown parts
   * `ys` taken together, when each unit's answers to each part are shuffled
   * among its own respondents so that they line up (a unit's shown figures
   * stay): per unit, the largest of the parts' counts.
   */
  const lowest = (ys: ReadonlyArray<Node>, t: number): number => {
    if (parts.length === 0) return Math.max(0, ...ys.map((y) => atLeast(y.counts, t)));
    return unitAtLeast.reduce((acc, rows) => acc + Math.max(0, ...ys.map((y) => rows.get(y.key)![t]!)), 0);
  };
  const heaviest = (ys: ReadonlyArray<Node>, t: number): Node => [...ys].sort((a, b) => atLeast(b.counts, t) - atLeast(a.counts, t))[0]!;
  const hiddenCount = () => [...hiddenFigures.values()].reduce((a, f) => a + f.size, 0);
  /** Whether a respondent of unit i and one of unit j can swap their answers to m and so move unit i's figure. */
  const swaps = (i: number, j: number, m: Node) => {
    const u = figure(i, m);
    const r = respondentsOf[i]!;
    return (u > 0 && u < r) || (u === r && figure(j, m) < respondentsOf[j]!) || (u === 0 && figure(j, m) > 0);
  };
  /** The shown rows directly under hidden rows, within X: X's largest shown parts. */
  const shownParts = (x: Node): Node[] => x.children.flatMap((c) => (hidden.has(c.key) ? shownParts(c) : [c]));

  const step = (): boolean => {
    const before = hidden.size + hiddenCount();
    for (const m of manifestations) {
      const figures = hiddenFigures.get(m.key)!;
      if (hidden.has(m.key)) parts.forEach((_, i) => figures.add(i));
      if (figures.size > 0) hidden.add(m.parent!.key);
    }
    // (a) parents of hidden rows above the behaviours.
    for (const x of all) if (hidden.has(x.key) && !x.leaf) for (let p = x.parent; p; p = p.parent) hidden.add(p.key);
    if (hidden.size + hiddenCount() !== before) return true;
    // (a') a hidden behaviour under a shown manifestation: a hidden sibling differing from it at
    // each level that can move, else one more sibling, else the manifestation is hidden too.
    for (const m of manifestations) {
      if (hidden.has(m.key)) continue;
      const hid = m.children.filter((b) => hidden.has(b.key));
      for (const b of hid) {
        const lacking = levels.map((_, l) => l).filter((l) => atLeast(m.counts, l) > 0 && !hid.some((o) => o !== b && o.counts[l] !== b.counts[l]));
        if (lacking.length === 0) continue;
        const fix = m.children
          .filter((o) => !hidden.has(o.key) && lacking.every((l) => o.counts[l] !== b.counts[l]))
          .sort((x, y) => atLeast(x.counts, 1) - atLeast(y.counts, 1))[0];
        hidden.add(fix ? fix.key : m.key);
        return true;
      }
    }
    // (d) under a shown bloc row, each hidden unit figure has a partner to swap with.
    let paired = false;
    for (const m of manifestations) {
      if (hidden.has(m.key)) continue;
      const figures = hiddenFigures.get(m.key)!;
      // Hidden units with respondents, with a non-reporter, with a reporter: partners are counted, not searched.
      const count = (test: (j: number) => boolean) => [...figures].filter((j) => respondentsOf[j]! > 0 && test(j)).length;
      const anyone = count(() => true);
      const nonReporter = count((j) => figure(j, m) < respondentsOf[j]!);
      const reporter = count((j) => figure(j, m) > 0);
      for (const i of [...figures]) {
        const r = respondentsOf[i]!;
        if (r === 0) continue;
        const u = figure(i, m);
        const self = (test: boolean) => (test ? 1 : 0);
        const hasPartner = u > 0 && u < r ? anyone - 1 > 0 : u === r ? nonReporter - self(u < r) > 0 : reporter - self(u > 0) > 0;
        if (hasPartner) continue;
        const partner = (j: number) => j !== i && respondentsOf[j]! > 0 && swaps(i, j, m);
        let best = -1;
        parts.forEach((_, j) => {
          if (!figures.has(j) && partner(j) && (best < 0 || figure(j, m) < figure(best, m))) best = j;
        });
        if (best >= 0) {
          figures.add(best);
          paired = true;
        }
      }
    }
    if (paired) return true;
    // (b) room to move beneath every hidden row.
    for (const x of all) {
      if (x.leaf || !hidden.has(x.key) || x.children.length === 0 || x.children.some((c) => hidden.has(c.key))) continue;
      hidden.add([...x.children].sort((a, b) => atLeast(a.counts, 1) - atLeast(b.counts, 1))[0]!.key);
      return true;
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
      if (parts.length === 0 || !hidden.has(m.key)) continue;
      const ys = shownParts(m);
      if (ys.some((y) => atLeast(y.counts, 1) === n)) continue; // every unit's figure is its respondents
      for (let i = 0; i < parts.length; i++) {
        const r = respondentsOf[i]!;
        if (r === 0 || ys.every((y) => unitAtLeast[i]!.get(y.key)![1]! < r)) continue;
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
      // A behaviour hidden under a shown manifestation: its counts at levels nobody reached there are 0 for sure.
      const zeroAbove = x.leaf && !hidden.has(x.parent!.key) && atLeast(x.parent!.counts, i) === 0;
      const visible = !hidden.has(x.key) || forced.has(`${x.key}:${i}`) || zeroAbove;
      values[l] = visible ? x.counts[i]! : null;
      if (!visible) suppressed = true;
    });
    return { values, suppressed };
  };

  const withRespondents = respondentsOf.filter((r) => r > 0).length;
  const units = parts.map((p, i) => {
    const row = new Map<string, number | null>();
    for (const m of manifestations) {
      const u = figure(i, m);
      const bloc = atLeast(m.counts, 1);
      const derivable =
        !hiddenFigures.get(m.key)!.has(i) ||
        p.respondents === 0 ||
        (hidden.has(m.key) ? shownParts(m).some((y) => atLeast(y.counts, 1) === n) : bloc === 0 || bloc === n || withRespondents <= 1);
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
