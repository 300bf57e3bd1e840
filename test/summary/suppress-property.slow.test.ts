/** The suppression properties of suppress-property.test.ts, on many more tables. */
import { describe, it } from 'vitest';
import { bloc, compared, oneUnit } from '../support/suppress-properties.js';

describe('small-count suppression cannot be undone by arithmetic (long run)', () => {
  it('one unit', () => oneUnit({ runs: 3000, behaviours: 3, respondents: 12 }), 600_000);
  it('a bloc of 2–5 units', () => bloc({ runs: 4000, behaviours: 3, respondents: 12 }), 600_000);
  it('--compare', () => compared({ runs: 1500, behaviours: 3, respondents: 12 }), 600_000);
});
