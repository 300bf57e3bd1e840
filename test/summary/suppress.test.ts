import { describe, expect, it } from 'vitest';
import { suppressSummary, treeOf } from '../../src/summary/suppress.js';
import { buildReport, determined, figuresOf, questionnaireOf, summaryOf } from '../support/suppress-tables.js';
import type { Shape } from '../support/disclosure.js';

/** One group, one manifestation M1 of behaviours B1, B2; a second group G2 with M2 = {B3}. */
const SHAPE: Shape = { groups: [[[0, 1]], [[2]]], behaviours: 3, levels: 3 };
const q = questionnaireOf(SHAPE);
const tree = treeOf(q);
const of = (ballots: number[][], k?: number) => suppressSummary(tree, summaryOf(q, ballots), k);
const times = (n: number, ballot: number[]) => Array.from({ length: n }, () => [...ballot]);
const hiddenEverywhere = (s: ReturnType<typeof of>) => [...s.behaviours.values(), ...s.manifestations.values(), ...s.groups.values(), s.overall].every((x) => Object.values(x.values).every((v) => v === null));

describe('small-count suppression', () => {
  it('hides nothing without K, with K of 1, or with nobody responding', () => {
    const ballots = [[1, 0, 0], ...times(7, [0, 0, 0])];
    expect(of(ballots).behaviours.get('B1')).toEqual({ values: { khong: 7, 'thinh-thoang': 1, 'thuong-xuyen': 0 }, suppressed: false });
    expect(of(ballots, 1).overall.suppressed).toBe(false);
    expect(of([], 5).overall).toEqual({ values: { khong: 0, 'thinh-thoang': 0, 'thuong-xuyen': 0 }, suppressed: false });
  });

  it('3 members all answering "thỉnh thoảng" on one behaviour, K = 5: every count is hidden, zeros included (0, <5, 0 gave the 3 away)', () => {
    const s = of(times(3, [1, 0, 0]), 5);
    expect(s.behaviours.get('B1')).toEqual({ values: { khong: null, 'thinh-thoang': null, 'thuong-xuyen': null }, suppressed: true });
    expect(hiddenEverywhere(s)).toBe(true);
  });

  it('a behaviour hidden with its manifestation (here equal to it) hides the group and overall rows too, whose zeros would pin it down', () => {
    // B1: 2 of 6 occasionally (hidden with K = 3); M1 = B1. G1 showing "frequently: 0" would give their 0 away.
    const ballots = [...times(2, [1, 0, 0]), ...times(4, [0, 0, 0])];
    const s = of(ballots, 3);
    expect(s.behaviours.get('B1')!.values).toEqual({ khong: null, 'thinh-thoang': null, 'thuong-xuyen': null });
    expect(s.manifestations.get('M1')!.values).toEqual({ khong: null, 'thinh-thoang': null, 'thuong-xuyen': null });
    expect(s.groups.get('G1')!.suppressed).toBe(true);
    expect(s.overall.suppressed).toBe(true);
    // What nobody could be hidden from stays: B2 and the other group, all "none".
    expect(s.behaviours.get('B2')).toEqual({ values: { khong: 6, 'thinh-thoang': 0, 'thuong-xuyen': 0 }, suppressed: false });
    expect(s.groups.get('G2')!.suppressed).toBe(false);
    const built = buildReport(q, [ballots], 3);
    expect(determined(SHAPE, [ballots], figuresOf(SHAPE, q, built, [ballots], 3))).toEqual([]);
  });

  it('shows a zero that anyone can work out: everyone answering B3 occasionally leaves nobody at "none" overall', () => {
    const ballots = [[1, 0, 1], [0, 0, 1], [0, 0, 1], [0, 0, 1], [0, 0, 1]];
    const s = of(ballots, 2);
    expect(s.behaviours.get('B3')).toEqual({ values: { khong: 0, 'thinh-thoang': 5, 'thuong-xuyen': 0 }, suppressed: false });
    expect(s.overall.values).toEqual({ khong: 0, 'thinh-thoang': null, 'thuong-xuyen': null });
    expect(s.overall.suppressed).toBe(true);
  });

  it('in a bloc, a unit whose members all report one shown part and another unit all reporting another still leave "none overall" hidden', () => {
    // G1 = {M1: B1, M2: B2}, G2 = {M3: B3}. Unit 1: everyone reports B1; unit 2: everyone reports B3, one also B2.
    // Shown unit columns would tell that nobody answered "none" overall, though no bloc row has everyone.
    const shape: Shape = { groups: [[[0], [1]], [[2]]], behaviours: 3, levels: 3 };
    const qq = questionnaireOf(shape);
    const units = [[[1, 0, 0], [1, 0, 0]], [[0, 1, 1], [0, 0, 1]]];
    const built = buildReport(qq, units, 2);
    expect(built.json.overall.counts.khong).toBeNull();
    expect(determined(shape, units, figuresOf(shape, qq, built, units, 2))).toEqual([]);
  });

  it('in a bloc, a unit\u2019s hidden figure gets a partner hidden beside it, or the bloc total minus the others would give it away', () => {
    // M1 = {B1}, M2 = {B2} (nobody reports B2; it is what the group's hiding takes, by (b)).
    // Units of 4: 2 report B1 (hidden with K = 3), none, all 4. Bloc: 6 of 12.
    const shape: Shape = { groups: [[[0], [1]]], behaviours: 2, levels: 3 };
    const qq = questionnaireOf(shape);
    const units = [[[1, 0], [1, 0], [0, 0], [0, 0]], times(4, [0, 0]), times(4, [1, 0])];
    const built = buildReport(qq, units, 3);
    expect(built.json.manifestations[0]!.counts).toEqual({ khong: 6, 'thinh-thoang': 6, 'thuong-xuyen': 0 });
    const figures = suppressSummary(treeOf(qq), summaryOf(qq, units.flat()), 3, units.map((u, i) => summaryOf(qq, u, `CB${i + 1}`))).units.map((u) => u.get('M1'));
    expect(figures).toEqual([null, null, 4]);
    expect(determined(shape, units, figuresOf(shape, qq, built, units, 3))).toEqual([]);
  });

  it('a behaviour hidden under a shown manifestation: a sibling is hidden beside it, and a level nobody reached there shows 0', () => {
    // B1 = (4, 2, 0) is small; M1 = (3, 3, 0) is not and stays. Alone beside B2 = (3, 3, 0), B1 would
    // only be bounded; the rule hides B2 too (they differ at every level that can move), and B1's
    // "frequently" is 0 for sure (M1 has nobody there), so it is shown.
    const both = [1, 1, 0];
    const ballots = [both, both, [0, 1, 0], ...times(3, [0, 0, 0])];
    const s = of(ballots, 3);
    expect(s.manifestations.get('M1')).toEqual({ values: { khong: 3, 'thinh-thoang': 3, 'thuong-xuyen': 0 }, suppressed: false });
    expect(s.behaviours.get('B1')!.values).toEqual({ khong: null, 'thinh-thoang': null, 'thuong-xuyen': 0 });
    expect(s.behaviours.get('B2')!.values).toEqual({ khong: null, 'thinh-thoang': null, 'thuong-xuyen': 0 });
    expect(s.overall.suppressed).toBe(false);
    const built = buildReport(q, [ballots], 3);
    expect(determined(SHAPE, [ballots], figuresOf(SHAPE, q, built, [ballots], 3))).toEqual([]);
  });
});
