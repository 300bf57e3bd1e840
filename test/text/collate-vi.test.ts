/**
 * The hand-made Vietnamese order against ICU's (`Intl.Collator('vi')`, the
 * oracle): the same sign for every pair of generated names, and the same
 * sorted order of the sample member lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareViFast } from '../../src/text/collate-vi.js';
import { compareVi } from '../../src/text/vietnamese.js';

const icu = new Intl.Collator('vi');
const sign = (n: number) => Math.sign(n);

/** Every letter a Vietnamese name may hold, both cases, every tone. */
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = BASES.flatMap((b) => TONES.map((t) => (b + t).normalize('NFC')));
const CONSONANTS = [...'bcdđghklmnpqrstvx', 'f', 'j', 'w', 'z'];
const OTHERS = [' ', '-', '.', ',', "'", '(', ')', '/', '_', ';', ':', '!', '?', '"', '[', ']', '{', '}', '@', '*', '\\', '&', '#', '%', '+', '<', '=', '>', '|', '~', '$', ...'0123456789'];
const letter = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VOWELS) }, { weight: 4, arbitrary: fc.constantFrom(...CONSONANTS) }, { weight: 1, arbitrary: fc.constantFrom(...OTHERS) });
const cased = fc.tuple(letter, fc.boolean()).map(([l, up]) => (up ? l.toUpperCase() : l));
const text = fc.array(cased, { maxLength: 12 }).map((a) => a.join(''));
/** Every single character, both cases. */
const SINGLES = [...new Set([...VOWELS, ...CONSONANTS, ...OTHERS].flatMap((c) => [c, c.toUpperCase()]))];

/**
 * A pair that shares its letters and differs in tones and case (the levels
 * after the first), sometimes one shorter than the other.
 */
const VIET = [...'aăâeêioôơuưy'];
const syllable = fc.tuple(fc.constantFrom(...VIET, ...'bcdđnh '), fc.integer({ min: 0, max: 5 }), fc.boolean());
const near = fc
  .tuple(fc.array(syllable, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 6, maxLength: 6 }), fc.nat(6))
  .map(([letters, changes, cut]) => {
    const show = (l: string, tone: number, up: boolean) => {
      const t = VIET.includes(l) ? TONES[tone]! : '';
      const c = (l + t).normalize('NFC');
      return up ? c.toUpperCase() : c;
    };
    const a = letters.map(([l, t, u]) => show(l, t, u)).join('');
    const b = letters.slice(0, Math.max(1, letters.length - (cut % 2))).map(([l, t, u], i) => (i % 2 === 0 ? show(l, changes[i]![0], changes[i]![1]) : show(l, t, u))).join('');
    return [a, b] as const;
  });

describe('Vietnamese collation without ICU', () => {
  it('orders every pair as ICU does (generated names: all letters, tones, cases, digits and signs)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const fast = compareViFast(a, b);
        expect(fast, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).not.toBeUndefined();
        expect(sign(fast!), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(sign(icu.compare(a, b)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('sorts every single character as ICU does (letters, tones, cases, digits, signs)', () => {
    expect([...SINGLES].sort((a, b) => compareViFast(a, b)!)).toEqual([...SINGLES].sort(icu.compare));
  });

  it('orders near names (the same letters, tones and case apart) as ICU does', () => {
    fc.assert(
      fc.property(near, ([a, b]) => {
        expect(sign(compareViFast(a, b)!), `${a} vs ${b}`).toBe(sign(icu.compare(a, b)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('sorts the sample member lists as ICU does', () => {
    const dir = new URL('../fixtures/csv/members/', import.meta.url).pathname;
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/[\r\n;,\t]+/u))
      .map((s) => s.trim().normalize('NFC'))
      .filter((s) => /\p{L}/u.test(s) && compareViFast(s, s) !== undefined);
    expect(names.length).toBeGreaterThan(50);
    expect([...names].sort((a, b) => compareViFast(a, b)!)).toEqual([...names].sort(icu.compare));
  });

  it('hands ICU what it does not order itself, so compareVi is ICU’s order for any text', () => {
    for (const s of ['Müller', 'Ñandú', 'Иван', '李', 'e\u0306', 'a\u0301\u0301', '½']) expect(compareViFast(s, 'An')).toBeUndefined();
    expect(sign(compareVi('Müller', 'Mun'))).toBe(sign(icu.compare('Müller', 'Mun')));
    expect(sign(compareVi('Иван', 'Ivan'))).toBe(sign(icu.compare('Иван', 'Ivan')));
    // The classic cases: Â after A, Đ after D, tones in the order huyền, hỏi, ngã, sắc, nặng.
    expect(['Ân', 'Anh', 'Đức', 'Dũng', 'bạ', 'bá', 'bã', 'bả', 'bà', 'ba'].sort(compareVi)).toEqual(['Anh', 'Ân', 'ba', 'bà', 'bả', 'bã', 'bá', 'bạ', 'Dũng', 'Đức']);
  });
});
