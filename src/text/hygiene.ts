/**
 * Text hygiene: the one set of rules for characters that must not be in a
 * name, a label, a code or a questionnaire string, and the one function that
 * makes any text safe to print on a terminal. A leaf module, like
 * `vietnamese.ts`.
 *
 * Refused everywhere (code points, not bytes):
 * - controls: C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F), and the line and
 *   paragraph separators U+2028/U+2029; line feed alone is allowed where a
 *   text may hold several lines (questionnaire texts and notes);
 * - bidirectional controls: embeddings and overrides U+202A–U+202E, isolates
 *   U+2066–U+2069, the marks LRM, RLM and ALM;
 * - the other default-ignorable code points (Unicode's
 *   Default_Ignorable_Code_Point): ZWSP, ZWNJ, ZWJ, WORD JOINER, a BOM inside
 *   text, the soft hyphen, variation selectors, Hangul fillers, tags…;
 * - lone surrogates (only a JSON or YAML escape can make one).
 *
 * NOTE: the soft hyphen (U+00AD) is refused too: it is invisible unless a
 * line breaks at it, no Vietnamese name needs it, and it would make two names
 * that look the same differ.
 */

export type UnsafeKind = 'control' | 'bidi' | 'invisible' | 'surrogate';

export interface UnsafeChar {
  /** 1-based position in code points (what a person counts as characters). */
  readonly position: number;
  /** Offset in UTF-16 code units (for locating it in a source text). */
  readonly offset: number;
  readonly codePoint: number;
  readonly kind: UnsafeKind;
}

/**
 * Caps, in characters (code points of the NFC text). Real names are far
 * shorter: the longest Vietnamese personal names run to about 40 characters,
 * the longest unit names ("Chi bộ … thuộc Đảng bộ Khối các cơ quan Trung
 * ương") to about 120; codes are what the code patterns already allowed.
 */
export const TEXT_LIMITS = {
  memberName: 100,
  unitName: 200,
  code: 32,
  /** Unchanged from before (`cleanRoundLabel`): a label is typed on the command line. */
  roundLabel: 64,
  /** A unit's level label (`chi-bo`, `dang-uy-co-so`, `khoi`…). */
  level: 64,
  /** Questionnaire ids and versions travel on every exported row. */
  version: 64,
} as const;

const UNSAFE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]|\p{Cs}/gu;
const UNSAFE_ONE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]|\p{Cs}/u;
const BIDI = /\p{Bidi_Control}/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

function kindOf(ch: string): UnsafeKind {
  if (CONTROL.test(ch)) return 'control';
  if (BIDI.test(ch)) return 'bidi';
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) return 'surrogate';
  return 'invisible';
}

export interface HygieneOptions {
  /** Allow line feed (questionnaire texts and notes). */
  readonly lineFeed?: boolean;
}

/** Every unsafe character of a text, in order; empty when the text is clean. */
export function unsafeChars(text: string, options: HygieneOptions = {}): UnsafeChar[] {
  // The common case costs one regular-expression test.
  if (!UNSAFE_ONE.test(text)) return [];
  const out: UnsafeChar[] = [];
  let position = 0;
  let last = 0;
  for (const m of text.matchAll(UNSAFE)) {
    const offset = m.index;
    if (options.lineFeed && m[0] === '\n') continue;
    position += countChars(text.slice(last, offset)) + 1;
    last = offset + m[0].length;
    out.push({ position, offset, codePoint: m[0].codePointAt(0)!, kind: kindOf(m[0]) });
  }
  return out;
}

/** The first unsafe character of a text, or undefined. */
export function firstUnsafe(text: string, options: HygieneOptions = {}): UnsafeChar | undefined {
  if (!UNSAFE_ONE.test(text)) return undefined;
  return unsafeChars(text, options)[0];
}

/** "U+202E": how a character is named in messages. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Characters (code points) in a text: what the caps count. */
export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The first `limit` characters of a text (never cutting a surrogate pair). */
export function truncateChars(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let n = 0;
  let i = 0;
  while (i < text.length && n < limit) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    n++;
  }
  return text.slice(0, i);
}

/** The text without its unsafe characters (for display texts of merged files only: never for codes). */
export function stripUnsafe(text: string, options: HygieneOptions = {}): string {
  if (!UNSAFE_ONE.test(text)) return text;
  return text.replace(UNSAFE, (ch) => (options.lineFeed && ch === '\n' ? ch : ''));
}

/** What is wrong with a text at an input boundary: the first unsafe character, or its length over the cap. */
export type TextProblem =
  | { readonly kind: 'unsafe'; readonly char: UnsafeChar }
  | { readonly kind: 'too-long'; readonly length: number; readonly limit: number };

/** The input check: unsafe characters first (they say more), then the cap. */
export function checkText(text: string, limit: number, options: HygieneOptions = {}): TextProblem | undefined {
  const char = firstUnsafe(text, options);
  if (char) return { kind: 'unsafe', char };
  const length = text.length > limit ? countChars(text) : 0;
  return length > limit ? { kind: 'too-long', length, limit } : undefined;
}

/**
 * Any text made safe to print on a terminal: each unsafe character is shown
 * as a visible escape (`\u001b`, `\u202e`), so nothing from a file or a
 * database can clear the screen, retitle the window, reorder or hide text.
 * Every terminal renderer calls this on text it did not write itself.
 */
export function displaySafe(text: string, options: HygieneOptions = {}): string {
  if (!UNSAFE_ONE.test(text)) return text;
  return text.replace(UNSAFE, (ch) => {
    if (options.lineFeed && ch === '\n') return ch;
    const cp = ch.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}

/** What the same-name check compares: ZWSP as the space it stands for, the other invisible characters removed. */
export function withoutInvisible(text: string): string {
  if (!UNSAFE_ONE.test(text)) return text;
  return text.replace(UNSAFE, (ch) => (ch === '\u200b' || CONTROL.test(ch) ? ' ' : ''));
}

/**
 * JSON text with every unsafe character (outside the line feeds of its
 * layout) written as a `\uXXXX` escape: the same data once parsed, and
 * nothing a terminal would act on when `--json` is printed (JSON.stringify
 * escapes C0 controls but leaves C1, bidi and invisible characters raw).
 */
export function jsonSafe(json: string): string {
  if (!UNSAFE_ONE.test(json.replaceAll('\n', ''))) return json;
  return json.replace(UNSAFE, (ch) => {
    if (ch === '\n') return ch;
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}
