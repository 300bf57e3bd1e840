/**
 * Vietnamese collation without ICU for the text names are made of. Why:
 * `new Intl.Collator('vi')` builds ICU's Vietnamese tailoring on first use,
 * measured at 64 ms on Node 20, 74 ms on 24 and 112 ms on 26 — more than a
 * bare Node start on the newer lines, paid by every command that lists
 * members (`status`, the kiosk's picker). This gives the same order as that
 * collator (a property test holds them equal) for Latin letters with
 * Vietnamese marks, digits, spaces and a few punctuation marks; for any other
 * character it says so (`undefined`) and the caller asks ICU.
 *
 * The rules (CLDR's `vi` tailoring over the root collation): ă, â, đ, ê, ô,
 * ơ, ư are letters of their own (primary); the five tone marks differ at the
 * secondary level, in the order huyền < hỏi < ngã < sắc < nặng; case at the
 * tertiary level, lower case first; spaces, punctuation and digits sort
 * before letters, as characters (not ignored).
 */

/** Primary weights, in order: white space, punctuation, digits, letters (CLDR root order, Vietnamese letters inserted). */
const PRIMARY_ORDER = [' ', '_', '-', ',', ';', ':', '!', '?', '.', "'", '"', '(', ')', '[', ']', '{', '}', '@', '*', '/', '\\', '&', '#', '%', '+', '<', '=', '>', '|', '~', '$', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const PRIMARY = new Map(PRIMARY_ORDER.map((c, i) => [c, i + 1]));

/** Tone marks (NFD combining characters) → secondary weight; 0 is a letter's own (no tone). */
const TONE = new Map([
  ['\u0300', 1], // huyền
  ['\u0309', 2], // hỏi
  ['\u0303', 3], // ngã
  ['\u0301', 4], // sắc
  ['\u0323', 5], // nặng
]);

/** Letter + modifier (NFD) → the Vietnamese letter it makes. */
const MODIFIED = new Map([
  ['a\u0306', 'ă'],
  ['a\u0302', 'â'],
  ['e\u0302', 'ê'],
  ['o\u0302', 'ô'],
  ['o\u031B', 'ơ'],
  ['u\u031B', 'ư'],
]);

/** The letters a tone mark may sit on. */
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

interface Weights {
  readonly primary: number[];
  readonly secondary: number[];
  readonly tertiary: number[];
}

/** The three levels of `s`, or undefined when a character is outside what this module orders. */
function weights(s: string): Weights | undefined {
  const primary: number[] = [];
  const secondary: number[] = [];
  const tertiary: number[] = [];
  const d = s.normalize('NFD');
  let i = 0;
  while (i < d.length) {
    const ch = d[i]!;
    i++;
    let lower = ch.toLowerCase();
    const upper = lower !== ch;
    // The marks on this character: at most one modifier (breve, circumflex, horn) and one tone.
    let modifier: string | undefined;
    let tone = 0;
    while (i < d.length && /\p{M}/u.test(d[i]!)) {
      const mark = d[i]!;
      i++;
      const t = TONE.get(mark);
      if (t !== undefined && tone === 0) tone = t;
      else if (t === undefined && modifier === undefined && MODIFIED.has(lower + mark)) modifier = mark;
      else return undefined;
    }
    if (modifier !== undefined) lower = MODIFIED.get(lower + modifier)!;
    const p = PRIMARY.get(lower);
    if (p === undefined) return undefined;
    primary.push(p);
    secondary.push(0);
    tertiary.push(upper ? 1 : 0);
    if (tone !== 0) {
      if (!VOWELS.has(lower)) return undefined; // a tone over a consonant, a digit or a sign (ñ): not Vietnamese
      secondary.push(tone);
      tertiary.push(0);
    }
  }
  return { primary, secondary, tertiary };
}

function compareLevel(a: ReadonlyArray<number>, b: ReadonlyArray<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Weights by text: a sort compares each name about log2(n) times. Bounded, as names are few. */
const memo = new Map<string, Weights | undefined>();
function weightsOf(s: string): Weights | undefined {
  let w = memo.get(s);
  if (w === undefined && !memo.has(s)) {
    if (memo.size >= 10_000) memo.clear();
    w = weights(s);
    memo.set(s, w);
  }
  return w;
}

/** −1, 0 or 1 as `Intl.Collator('vi')` orders `a` and `b`; undefined when either holds a character this does not order. */
export function compareViFast(a: string, b: string): number | undefined {
  const x = weightsOf(a);
  const y = weightsOf(b);
  if (!x || !y) return undefined;
  return compareLevel(x.primary, y.primary) || compareLevel(x.secondary, y.secondary) || compareLevel(x.tertiary, y.tertiary);
}
