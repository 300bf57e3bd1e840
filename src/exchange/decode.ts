/**
 * Bytes of a CSV/TXT table (saved by Excel, LibreOffice or a text editor, on
 * Windows or Linux) to NFC text, plus two checks for text that decoded without
 * error but is still wrong: legacy Vietnamese font encodings (TCVN3, VNI) and
 * UTF-8 mojibake. See csv-excel.md §1–§3. No third-party dependency: Node 20's
 * full ICU decodes windows-1258 and UTF-16 itself.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface Decoded {
  /** NFC text without a byte order mark; line ends as in the file. */
  readonly text: string;
  readonly encoding: Encoding;
}

/** How many leading bytes the BOM-less UTF-16 check looks at. */
const UTF16_PROBE_BYTES = 1024;

/**
 * UTF-16 without a BOM (some exporters write it): mostly-ASCII text has a NUL in
 * every high byte. At least 30 % of the code units must carry a NUL on one side
 * and at most 5 % on the other, which rules out binary files (xlsx/zip) that
 * have NULs everywhere. Vietnamese text is well above 30 %: spaces, digits and
 * consonants are ASCII.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, UTF16_PROBE_BYTES) & ~1;
  const units = n / 2;
  if (units < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (oddNul >= units * 0.3 && evenNul <= units * 0.05) return 'utf-16le';
  if (evenNul >= units * 0.3 && oddNul <= units * 0.05) return 'utf-16be';
  return undefined;
}

// Decoders are reused: creating one per file was a measurable share of a merge.
const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
let strictUtf8: InstanceType<typeof TextDecoder> | undefined;

function decodeWith(label: string, bytes: Uint8Array): string {
  let d = decoders.get(label);
  // ignoreBOM keeps a second BOM visible so that the caller strips it once, uniformly.
  if (!d) decoders.set(label, (d = new TextDecoder(label, { ignoreBOM: true })));
  return d.decode(bytes);
}

/** Combining marks (U+0300–U+036F and the other blocks); their absence means nothing to compose. */
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

/**
 * Decodes a table file in Excel's order (csv-excel.md §1): UTF-8 BOM → UTF-8,
 * `FF FE` → UTF-16LE, `FE FF` → UTF-16BE, BOM-less UTF-16, then strict UTF-8,
 * and, when the bytes are not UTF-8, windows-1258 (the ANSI code page that a
 * Vietnamese Windows uses for "CSV (Comma delimited)"). The text is returned
 * in NFC: cp1258 stores tones as combining marks, so "Nguyễn" only compares
 * equal after normalisation.
 *
 * A file with a BOM is trusted: invalid sequences become U+FFFD rather than
 * switching encodings, and name validation reports them.
 */
export function decodeTable(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: Encoding;
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    encoding = 'utf-8-bom';
    text = decodeWith('utf-8', bytes.subarray(3));
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    text = decodeWith('utf-16le', bytes.subarray(2));
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    text = decodeWith('utf-16be', bytes.subarray(2));
  } else {
    const utf16 = bomlessUtf16(bytes);
    if (utf16 !== undefined) {
      encoding = utf16;
      text = decodeWith(utf16, bytes);
    } else {
      try {
        strictUtf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
        text = strictUtf8.decode(bytes);
        encoding = 'utf-8';
      } catch {
        // ERR_ENCODING_INVALID_ENCODED_DATA: not UTF-8, so an ANSI save. Every
        // byte maps in windows-1258, so this cannot fail.
        text = decodeWith('windows-1258', bytes);
        encoding = 'windows-1258';
      }
    }
  }
  // NOTE: NFC only where there is something to compose: text that holds no
  // combining mark is already NFC for Vietnamese, and the merge reads
  // thousands of files (a full normalisation pass is a tenth of its time).
  if (COMBINING.test(text)) text = text.normalize('NFC');
  return { text: text.charCodeAt(0) === 0xfeff ? text.replace(/^\uFEFF+/u, '') : text, encoding };
}

// ---------------------------------------------------------------------------
// Legacy Vietnamese font encodings (TCVN3 / .VnTime, VNI-Windows)
// ---------------------------------------------------------------------------

/** Letters only real Vietnamese Unicode has (csv-excel.md §2): evidence *against* a legacy encoding. */
const VI_EXT = /[ĂăĐđƠơƯư\u1EA0-\u1EF9]/gu;

/**
 * Evidence *for* a legacy encoding. Strong patterns do not occur in NFC
 * Vietnamese, French, German or Spanish text; weak ones can (a French "Loïc"),
 * so they only add to strong evidence, never make it.
 *
 * The text may have been decoded as UTF-8 (the legacy bytes were saved as
 * "CSV UTF-8", so they are exactly Latin-1 letters) or as windows-1258 (an ANSI
 * save), where a few bytes turn into Ă Đ Ơ Ư ă ơ ư or combining tones; the
 * patterns cover both.
 */
const LEGACY_STRONG: readonly RegExp[] = [
  // TCVN3 uses Latin-1 symbols as letters: "V¨n" (ă), "§¶ng" (Đả), "th­" (ư, a
  // soft hyphen), "Hoµng" (à). « » · ° ² ³ º are left out: real text uses them;
  // µ counts only after a letter, as "µm" is real.
  /(?<=\p{L})[\u00A1-\u00AA\u00AC-\u00AE\u00B5\u00B6\u00B8\u00B9\u00BC-\u00BE\u00D7\u00F7]|[\u00A1-\u00AA\u00AC-\u00AE\u00B6\u00B8\u00B9\u00BC-\u00BE\u00D7\u00F7](?=\p{L})/gu,
  // TCVN3 lower-case toned vowels that look like capitals: "NguyÔn", "TrÇn", "BÝch";
  // after a cp1258 decode some become Ă Đ Ơ Ư ("BƯch", "TuyƠt").
  /\p{Ll}[\u00C6-\u00D6\u00D8\u00DC-\u00DE\u0102\u0110\u01A0\u01AF]/gu,
  // A tone left uncombined after NFC, or combined onto a consonant ("Th̃", "Tḥ"):
  // Vietnamese puts tones on vowels only. Comes from cp1258-decoded TCVN3/VNI.
  /\p{Script=Latin}[\u0300\u0301\u0303\u0309\u0323]|[\u1E00-\u1E9D]/gu,
  // VNI writes the circumflex and breve as a separate character after the vowel:
  // "Vaên" (ă), "Leâ" (ê), "Nguyeãn" (ễ), "Traàn" (ầ), "Ngoâ" (ô); "eă" is "eã"
  // after a cp1258 decode. "oá", "oà" (hoá, Hoàng) and "oă" (xoăn) are real words, so o
  // only counts with ẩ/ậ marks.
  /[aeo][âê]|[AEO][ÂÊ]|[ae][áàåãäă]|[AE][ÁÀÅÃÄĂ]|o[åä]|O[ÅÄ]|a[éèü]|A[ÉÈÜ]/gu,
  // VNI tones (sắc ù, huyền ø, ngã õ → ơ after cp1258) after a vowel inside a
  // word: "coù" (có), "Voõ" (Võ), "Haø" (Hà); VNI ơ/ư (ô/ö) plus a tone, or the
  // diphthong ươ written "öô" ("Phöôùc"). "uơ" is left out: "huơ" is a word.
  /(?<=\p{L})(?:[aeouy][ùøõ]|[AEOUY][ÙØÕ]|[aeoy]ơ|[AEOY]Ơ)|[ôö][ùøûõïơ]|[ÔÖ][ÙØÛÕÏƠ]|[öÖ][ôÔ]/gu,
];

const LEGACY_WEAK: readonly RegExp[] = [
  // VNI hỏi (û) and nặng (ï), ngoãn's "oã", Michaël's "aë", Saúl's "aú": possible
  // in French or Spanish words (août, Loïc), so they only add up.
  /(?<=\p{L})(?:[aeouy][ûï]|[AEOUY][ÛÏ])|oã|OÃ|a[ëú]|A[ËÚ]/gu,
  // TCVN3 ô, ằ, ã are « » ·, which real text uses too, but not between two letters
  // ("H«m", "B»ng"; Catalan "l·l" is the exception that makes this weak).
  /(?<=\p{L})[«»·](?=\p{L})/gu,
];

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Evidence counts behind {@link legacyVietnameseSuspect}, exported for tests and diagnostics. */
export interface LegacyEvidence {
  /** Matches of the strong legacy-only patterns. */
  readonly strong: number;
  /** Matches of the weak patterns (possible in French or Spanish). */
  readonly weak: number;
  /** Letters only real Vietnamese Unicode has (VI_EXT). */
  readonly vietnamese: number;
}

/** The pattern counts {@link legacyVietnameseSuspect} decides on (NFC first). */
export function legacyVietnameseEvidence(text: string): LegacyEvidence {
  const t = text.normalize('NFC');
  let strong = 0;
  let weak = 0;
  for (const re of LEGACY_STRONG) strong += count(t, re);
  for (const re of LEGACY_WEAK) weak += count(t, re);
  return { strong, weak, vietnamese: count(t, VI_EXT) };
}

/**
 * True when the text looks like Vietnamese typed in a legacy font encoding
 * (TCVN3/.VnTime: "NguyÔn V¨n An"; VNI: "Nguyeãn Vaên An"). Such files decode
 * "successfully" to Latin-1 letters, so they must be refused with advice to
 * convert them (Unikey's converter) rather than imported as garbage.
 *
 * Refines csv-excel.md §2, whose count of odd Latin-1 letters flagged plain
 * German or French text ("Müller", "Noël") and missed single TCVN3 names: this
 * counts character patterns only legacy encodings produce and weighs them
 * against the letters only real Vietnamese Unicode has. Suspect when there is
 * at least one strong match and `2 × strong + weak > vietnamese`.
 *
 * UTF-8 mojibake ("Nguyá»…n") can match too: check {@link looksLikeUtf8Mojibake}
 * first to give the right advice.
 */
export function legacyVietnameseSuspect(text: string): boolean {
  const { strong, weak, vietnamese } = legacyVietnameseEvidence(text);
  return strong >= 1 && 2 * strong + weak > vietnamese;
}

// ---------------------------------------------------------------------------
// UTF-8 mojibake
// ---------------------------------------------------------------------------

/**
 * A UTF-8 continuation byte (80–BF) as windows-1252/1258 shows it: C1 controls
 * (undefined bytes), the cp1252 punctuation of 80–9F, or Latin-1 A0–BF.
 */
const CONT = '\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122';
const CONT_NO_NBSP = CONT.replace('\\u0080-\\u00BF', '\\u0080-\\u009F\\u00A1-\\u00BF');

const MOJIBAKE = new RegExp(
  [
    // ạ–ỹ are E1 BA xx / E1 BB xx: "Nguyá»…n", "Tráº§n".
    `á[º»][${CONT}]`,
    // à–ý (C3 xx): "Ã¡", "Ã­"; cp1258 shows C3 as Ă ("Ă¡"). NBSP left out: "NGÃ" before an NBSP is real text.
    `[ÃĂ][${CONT_NO_NBSP}]`,
    // ă Ă đ Đ ĩ (C4 xx), ũ (C5 xx), ơ ư (C6 xx): "VÄƒn", "Ä‘", "Æ°".
    `[ÄÅÆ][${CONT}]`,
    // NBSP, ° and « » (C2 xx): "Â ", "Â°".
    'Â[\\u00A0-\\u00BF]',
    // Typographic quotes and dashes (E2 80 xx): "â€œ", "â€™".
    'â€',
  ].join('|'),
  'u',
);

/**
 * True when UTF-8 text was once read as a single-byte code page and saved
 * again ("Nguyễn" → "Nguyá»…n", "á" → "Ã¡", "đ" → "Ä‘"): the typical lead
 * character followed by a character that stands for a UTF-8 continuation byte.
 * No real Vietnamese word contains these pairs.
 */
export function looksLikeUtf8Mojibake(text: string): boolean {
  return MOJIBAKE.test(text.normalize('NFC'));
}

// ---------------------------------------------------------------------------
// The one rule every table reader applies
// ---------------------------------------------------------------------------

/**
 * Why decoded text is not real Unicode Vietnamese, if it is not: a wrong
 * re-save (mojibake) or a legacy font encoding. Mojibake is asked first, as it
 * also matches the legacy patterns and needs other advice.
 */
export function textDamage(text: string): 'mojibake' | 'legacy-encoding' | undefined {
  if (looksLikeUtf8Mojibake(text)) return 'mojibake';
  return legacyVietnameseSuspect(text) ? 'legacy-encoding' : undefined;
}
