/**
 * Generators for the text hygiene fuzz (issue 14, part 4): control,
 * bidirectional and invisible characters, whole terminal sequences, and
 * over-long strings, put at random positions of a name, a code or a string.
 *
 * NOTE: line feed and carriage return are left out: in a CSV they are
 * structure (a row split in two), not text, and the structure has its own
 * fuzz (`mutate.ts`); a line feed is allowed in questionnaire texts.
 */
import { pick } from '../../src/demo/random.js';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every single code point the hygiene rules must refuse, but LF and CR. */
const SINGLES: ReadonlyArray<string> = [
  ...range(0x00, 0x1f).filter((c) => c !== 0x0a && c !== 0x0d),
  0x7f,
  ...range(0x80, 0x9f),
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  0x200e,
  0x200f,
  0x061c,
  0x200b,
  0x200c,
  0x200d,
  0x2060,
  0xfeff,
  0x00ad,
  0xfe0f,
  0x180e,
  0x115f,
  0x3164,
  0x2028,
  0x2029,
  0xe0041,
].map((c) => String.fromCodePoint(c));

/** Whole sequences as they arrive in pasted text. */
const SEQUENCES: ReadonlyArray<string> = ['\x1b]0;title\x07', '\x1b[2J\x1b[H', '\x1b[8m', '\u009b31m', '\u202eabc\u202c', '\u2066x\u2069'];

/** One hostile piece: mostly a single code point, sometimes a whole sequence. */
export function hostilePiece(rnd: () => number): string {
  return rnd() < 0.8 ? pick(rnd, SINGLES) : pick(rnd, SEQUENCES);
}

/** `text` with one to three hostile pieces put at random positions (between code points). */
export function inject(text: string, rnd: () => number): string {
  const chars = [...text];
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) chars.splice(Math.floor(rnd() * (chars.length + 1)), 0, hostilePiece(rnd));
  return chars.join('');
}

/** A string of `length` characters built from `unit` (a real-looking name or code repeated). */
export function longText(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** What a fuzzed value became: hostile characters, over its cap, or both. */
export type Injection = 'hostile' | 'long';

/** A value made hostile (80 %) or over-long (20 %, between `limit + 1` and 40 times the cap). */
export function spoil(text: string, limit: number, unit: string, rnd: () => number): { value: string; how: Injection } {
  if (rnd() < 0.8) return { value: inject(text, rnd), how: 'hostile' };
  return { value: longText(unit, limit + 1 + Math.floor(rnd() * limit * 40)), how: 'long' };
}
