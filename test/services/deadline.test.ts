import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/services/deadline.js';

describe('a commitment deadline', () => {
  it('takes day/month/year and month/year, stored without leading zeros', () => {
    expect(parseDeadline('30/6/2027')).toBe('30/6/2027');
    expect(parseDeadline(' 05/06/2027 ')).toBe('5/6/2027');
    expect(parseDeadline('30-6-2027')).toBe('30/6/2027');
    expect(parseDeadline('30.6.2027')).toBe('30/6/2027');
    expect(parseDeadline('6/2027')).toBe('6/2027');
    expect(parseDeadline('29/2/2028')).toBe('29/2/2028');
    expect(parseDeadline('31/12/2027')).toBe('31/12/2027');
  });

  it('refuses a day that does not exist, a month out of range and text that is no date', () => {
    for (const bad of ['31/2/2027', '29/2/2027', '31/4/2027', '0/6/2027', '32/1/2027', '13/2027', '0/2027', '30/13/2027', '30/6/27', 'cuối năm', '', '2027', '30/6/1999']) {
      expect(parseDeadline(bad), bad).toBeUndefined();
    }
  });
});
