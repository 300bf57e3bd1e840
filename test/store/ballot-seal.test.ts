/** Sealed anonymous ballots: same size however far the member got, opened only by the key of code + member + round. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, decodeBallot, deriveBallotKey, encodeBallot, newResumeCode, normaliseCode, seal, unseal } from '../../src/store/ballot-seal.js';

const behaviours = ['A1.1', 'A1.2', 'A2.1', 'B1.1'];
const levels = ['khong', 'thinh-thoang', 'thuong-xuyen'];

describe('a sealed ballot', () => {
  it('has one size from the first answer to the last, and reads back as written', () => {
    const key = deriveBallotKey(newResumeCode(), randomBytes(16), 7);
    const states = [
      { answers: new Map<string, string>(), cursor: null },
      { answers: new Map([['A1.1', 'thuong-xuyen']]), cursor: 'A1.2' },
      { answers: new Map(behaviours.map((b) => [b, 'thinh-thoang'])), cursor: '#review' },
    ];
    const sealed = states.map((s) => seal(key, 3, encodeBallot(s, behaviours, levels)));
    expect(new Set(sealed.map((x) => x.length)).size).toBe(1);
    sealed.forEach((x, i) => expect(decodeBallot(unseal(key, 3, x)!, behaviours, levels)).toEqual(states[i]));
  });

  it('opens only with the key of the same code, member and round', () => {
    const salt = randomBytes(16);
    const code = newResumeCode();
    expect(code).toMatch(new RegExp(`^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{${CODE_LENGTH - 4}}$`));
    const key = deriveBallotKey(code, salt, 7);
    const sealed = seal(key, 3, encodeBallot({ answers: new Map(), cursor: null }, behaviours, levels));
    expect(unseal(deriveBallotKey(normaliseCode(code).toLowerCase(), salt, 7), 3, sealed)).toBeDefined();
    expect(unseal(deriveBallotKey(code, salt, 8), 3, sealed)).toBeUndefined();
    expect(unseal(key, 4, sealed)).toBeUndefined();
    expect(deriveBallotKey(code, salt, 8).lookup.equals(key.lookup)).toBe(false);
  });
});
