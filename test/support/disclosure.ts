/**
 * An honest, brute-force check of small-count suppression on small tables:
 * which values can each hidden cell take over ALL sets of ballots (per unit)
 * that agree with every shown figure? A cell that can take only one value is
 * determined by what is shown.
 *
 * Ballots are counted by type (a unit and one answer per behaviour), and a
 * dynamic programme over the types, memoised on the figures still to be
 * matched, collects for every hidden cell the set of values it reaches (a bit
 * mask). Nothing here uses the suppression's own reasoning: only the summary
 * semantics (counts per level; a manifestation, group or overall row counts
 * each respondent at their most severe answer beneath it).
 */

/** The questionnaire's shape: groups → manifestations → behaviour indices (0…B−1). */
export interface Shape {
  readonly groups: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;
  readonly behaviours: number;
  readonly levels: number;
}

/** A row of the summary: the most severe level of a ballot over the row's behaviours. */
export interface RowDef {
  readonly key: string;
  readonly behaviours: ReadonlyArray<number>;
}

export function rowsOf(shape: Shape, ids: { group: (g: number) => string; manifestation: (g: number, m: number) => string; behaviour: (b: number) => string }): RowDef[] {
  const rows: RowDef[] = [{ key: 'overall', behaviours: shape.groups.flat(2) }];
  shape.groups.forEach((g, gi) => {
    rows.push({ key: `g:${ids.group(gi)}`, behaviours: g.flat() });
    g.forEach((m, mi) => {
      rows.push({ key: `m:${ids.manifestation(gi, mi)}`, behaviours: [...m] });
      for (const b of m) rows.push({ key: `b:${ids.behaviour(b)}`, behaviours: [b] });
    });
  });
  return rows;
}

/** One figure over ballots: how many ballots (of `unit`, or of all units) satisfy the test. */
export interface Figure {
  readonly label: string;
  readonly unit?: number;
  /** The row's behaviours, and the levels of the most severe answer counted. */
  readonly behaviours: ReadonlyArray<number>;
  readonly minLevel: number;
  readonly maxLevel: number;
  readonly value: number;
}

/**
 * For each hidden figure, the values it can take over every ballot set with
 * `respondents[u]` ballots in unit u matching every shown figure.
 */
export function reachableValues(levels: number, behaviours: number, respondents: ReadonlyArray<number>, shown: ReadonlyArray<Figure>, hidden: ReadonlyArray<Figure>): number[][] {
  const ballots = levels ** behaviours;
  const answers: number[][] = [];
  for (let v = 0; v < ballots; v++) {
    const a: number[] = [];
    let x = v;
    for (let b = 0; b < behaviours; b++) {
      a.push(x % levels);
      x = Math.floor(x / levels);
    }
    answers.push(a);
  }
  const worst = (a: number[], bs: ReadonlyArray<number>) => bs.reduce((w, b) => Math.max(w, a[b]!), 0);
  const hits = (f: Figure, unit: number, a: number[]) => (f.unit === undefined || f.unit === unit) && worst(a, f.behaviours) >= f.minLevel && worst(a, f.behaviours) <= f.maxLevel;
  // Types in unit order; per type, which shown figures (after the unit counts) and hidden figures it adds to.
  const units = respondents.length;
  const types: Array<{ unit: number; last: boolean; adds: number[]; hid: number[] }> = [];
  for (let u = 0; u < units; u++) {
    for (let v = 0; v < ballots; v++) {
      types.push({ unit: u, last: v === ballots - 1, adds: shown.map((f) => (hits(f, u, answers[v]!) ? 1 : 0)), hid: hidden.map((f) => (hits(f, u, answers[v]!) ? 1 : 0)) });
    }
  }
  const memo = new Map<string, Int32Array | null>();
  // rem = [per unit respondents left, then per shown figure the count left]
  const go = (i: number, rem: number[]): Int32Array | null => {
    if (i === types.length) return rem.every((r) => r === 0) ? Int32Array.from(hidden, () => 1) : null;
    const key = `${i}|${rem.join(',')}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const t = types[i]!;
    let left = 0;
    for (let u = t.unit; u < units; u++) left += rem[u]!;
    let result: Int32Array | null = null;
    if (!rem.slice(units).some((r) => r > left)) {
      const most = rem[t.unit]!;
      for (let c = t.last ? most : 0; c <= most; c++) {
        const next = rem.slice();
        next[t.unit]! -= c;
        let ok = true;
        for (let j = 0; j < t.adds.length; j++) {
          next[units + j]! -= c * t.adds[j]!;
          if (next[units + j]! < 0) ok = false;
        }
        if (!ok) break;
        const sub = go(i + 1, next);
        if (!sub) continue;
        if (!result) result = new Int32Array(hidden.length);
        for (let h = 0; h < hidden.length; h++) result[h]! |= sub[h]! << (c * t.hid[h]!);
      }
    }
    memo.set(key, result);
    return result;
  };
  const masks = go(0, [...respondents, ...shown.map((f) => f.value)]);
  if (!masks) throw new Error('the shown figures admit no ballot set at all (the test model is wrong)');
  return hidden.map((_, h) => {
    const values: number[] = [];
    for (let v = 0; v < 31; v++) if ((masks[h]! >> v) & 1) values.push(v);
    return values;
  });
}
