/**
 * The suppression properties, run by `suppress-property.test.ts` (a few hundred
 * small tables, in `npm test`) and `suppress-property.slow.test.ts` (more and
 * larger ones).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ballotsArb, buildReport, determined, figuresOf, noSmallShown, questionnaireOf, shapeArb, summaryOf } from './suppress-tables.js';

const K = fc.integer({ min: 2, max: 6 });

export interface Size {
  readonly runs: number;
  readonly behaviours: number;
  readonly respondents: number;
}

/** One unit: no hidden count is determined by the shown ones and the respondents. */
export function oneUnit(size: Size): void {
  const arb = shapeArb(size.behaviours).chain((shape) => fc.tuple(fc.constant(shape), ballotsArb(shape.behaviours, 0, size.respondents), K));
  fc.assert(
    fc.property(arb, ([shape, ballots, k]) => {
      const q = questionnaireOf(shape);
      const built = buildReport(q, [ballots], k);
      noSmallShown(built, k);
      expect(determined(shape, [ballots], figuresOf(shape, q, built, [ballots], k))).toEqual([]);
    }),
    { numRuns: size.runs },
  );
}

/** A bloc of 2–5 units: its rows, each unit's figures, the bloc totals and each unit's respondents. */
export function bloc(size: Size): void {
  const arb = shapeArb(size.behaviours).chain((shape) =>
    fc.tuple(fc.constant(shape), fc.array(ballotsArb(shape.behaviours, 0, 4), { minLength: 2, maxLength: 5 }).filter((u) => u.flat().length <= size.respondents), K),
  );
  fc.assert(
    fc.property(arb, ([shape, units, k]) => {
      const q = questionnaireOf(shape);
      const built = buildReport(q, units, k);
      noSmallShown(built, k);
      expect(determined(shape, units, figuresOf(shape, q, built, units, k))).toEqual([]);
    }),
    { numRuns: size.runs },
  );
}

/**
 * `--compare`: a change only beside two shown sides; the current round with its
 * own figures and the sides shown here, and the compared round with its own
 * suppressed report and its sides here, give nothing hidden away.
 */
export function compared(size: Size): void {
  const arb = shapeArb(size.behaviours).chain((shape) =>
    fc.tuple(fc.constant(shape), ballotsArb(shape.behaviours, 0, size.respondents), ballotsArb(shape.behaviours, 0, size.respondents), K),
  );
  fc.assert(
    fc.property(arb, ([shape, before, after, k]) => {
      const q = questionnaireOf(shape);
      const built = buildReport(q, [after], k, { before: summaryOf(q, before), label: '2025' });
      const c = built.json.compare!;
      const items = [...c.behaviours, ...c.manifestations];
      for (const it of items) {
        if (it.change !== null) expect(it.before.reported !== null && it.after.reported !== null, it.id).toBe(true);
        if (it.before.reported === null || it.after.reported === null) expect(it.suppressed, it.id).toBe(true);
      }
      const nowSides = items.flatMap((it) => (it.after.reported === null ? [] : [{ id: it.id, reported: it.after.reported }]));
      expect(determined(shape, [after], figuresOf(shape, q, built, [after], k, nowSides))).toEqual([]);
      const earlier = buildReport(q, [before], k);
      const thenSides = items.flatMap((it) => (it.before.reported === null ? [] : [{ id: it.id, reported: it.before.reported }]));
      expect(determined(shape, [before], figuresOf(shape, q, earlier, [before], k, thenSides))).toEqual([]);
    }),
    { numRuns: size.runs },
  );
}
