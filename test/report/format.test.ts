/** The hand-made one-decimal format against ICU's (`Intl.NumberFormat`, the oracle). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/report/format.js';

const icu = { vi: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) };

describe('formatPercent', () => {
  it('writes what Intl.NumberFormat writes, in both languages', () => {
    const numbers = fc.oneof(
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -100_000, max: 100_000 }).map((k) => k / 100), // two decimals: the half-way cases (27.85, 0.05)
      fc.integer({ min: -2000, max: 2000 }).map((k) => k / 20),
      fc.constantFrom(0, -0, 0.05, 0.15, 0.25, 0.95, 99.95, 999.95, 9999.95, 1e-7, 123456789.05, 33.333333333333336, 66.66666666666667),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        expect(formatPercent(n, 'vi'), String(n)).toBe(icu.vi.format(n));
        expect(formatPercent(n, 'en'), String(n)).toBe(icu.en.format(n));
      }),
      { numRuns: 5_000 },
    );
    expect(formatPercent(27.85, 'vi')).toBe('27,9');
    expect(formatPercent(1234.5, 'vi')).toBe('1.234,5');
    expect(formatPercent(null, 'vi')).toBe('');
  });
});
