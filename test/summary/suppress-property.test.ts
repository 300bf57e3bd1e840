/**
 * Property (fast-check): for random small tables, ballots generated per
 * respondent so that every table is consistent, no count a suppressed report
 * hides can be worked out from what it shows: a brute force over every ballot
 * set matching the shown figures (test/support/disclosure.ts) finds at least
 * two values for each hidden one. Bigger runs: suppress-property.slow.test.ts.
 */
import { describe, it } from 'vitest';
import { bloc, compared, oneUnit } from '../support/suppress-properties.js';

describe('small-count suppression cannot be undone by arithmetic', () => {
  it('one unit, 0–12 respondents: no hidden count is determined by the shown ones and the respondents', () => {
    oneUnit({ runs: 300, behaviours: 3, respondents: 12 });
  });

  it('a bloc of 2–5 units: neither its rows nor any unit\u2019s figure, given the bloc totals and each unit\u2019s respondents', () => {
    bloc({ runs: 150, behaviours: 3, respondents: 12 });
  });

  it('--compare: a change only beside two shown sides, and neither round gives a hidden count away', () => {
    compared({ runs: 100, behaviours: 3, respondents: 10 });
  });
});
