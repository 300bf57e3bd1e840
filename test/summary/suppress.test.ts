import { describe, expect, it } from 'vitest';
import { suppressAcross, suppressCounts } from '../../src/summary/suppress.js';

const L = ['khong', 'thinh-thoang', 'thuong-xuyen'];

describe('small-count suppression', () => {
  it('hides nothing without K, or with K of 1', () => {
    expect(suppressCounts({ khong: 8, 'thinh-thoang': 1, 'thuong-xuyen': 1 }, L, undefined)).toEqual({ values: { khong: 8, 'thinh-thoang': 1, 'thuong-xuyen': 1 }, suppressed: false });
    expect(suppressCounts({ khong: 8, 'thinh-thoang': 1, 'thuong-xuyen': 1 }, L, 1).suppressed).toBe(false);
  });

  it('hides counts from 1 to K−1 but never 0 or K and above (two hidden: their split stays unknown)', () => {
    expect(suppressCounts({ khong: 10, 'thinh-thoang': 2, 'thuong-xuyen': 3 }, L, 5).values).toEqual({ khong: 10, 'thinh-thoang': null, 'thuong-xuyen': null });
    expect(suppressCounts({ khong: 10, 'thinh-thoang': 5, 'thuong-xuyen': 0 }, L, 5)).toEqual({ values: { khong: 10, 'thinh-thoang': 5, 'thuong-xuyen': 0 }, suppressed: false });
  });

  it('hides a second count where one hidden count could be worked out from the total', () => {
    // 12 respondents: 9 + 3 + 0. Hiding only the 3 would leave 12 − 9 − 0; hiding the 0 too
    // would not help (12 − 9 is still 3), so the 9 is hidden.
    expect(suppressCounts({ khong: 9, 'thinh-thoang': 3, 'thuong-xuyen': 0 }, L, 5).values).toEqual({ khong: null, 'thinh-thoang': null, 'thuong-xuyen': 0 });
    expect(suppressCounts({ khong: 6, 'thinh-thoang': 7, 'thuong-xuyen': 2 }, L, 5).values).toEqual({ khong: null, 'thinh-thoang': 7, 'thuong-xuyen': null });
  });

  it('across units, hides a second unit where one hidden figure could be worked out from the total', () => {
    expect(suppressAcross([10, null, 7, 12])).toEqual([10, null, null, 12]);
    expect(suppressAcross([0, null, 7])).toEqual([0, null, null]);
    expect(suppressAcross([null, null, 7])).toEqual([null, null, 7]);
    expect(suppressAcross([4, 5])).toEqual([4, 5]);
  });
});
