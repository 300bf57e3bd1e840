/**
 * Vietnamese text at the boundaries: NFC, name keys, accent folding, collation.
 * A leaf module: it imports nothing of the project but its siblings `hygiene.ts` and `collate-vi.ts`.
 */
import { compareViFast } from './collate-vi.js';
import { withoutInvisible } from './hygiene.js';

/** True when already NFC: text from cp1258 files, macOS file names or Unikey's "tổ hợp" arrives decomposed. */
export function isNfc(s: string): boolean {
  return s === s.normalize('NFC');
}

/** A name as stored: NFC, runs of white space (NBSP included, common after Excel) folded, trimmed. */
export function nameKey(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Accent- and case-insensitive form for search: "Đỗ Thị Bình" → "do thi binh".
 * NOTE: đ has no decomposition, so it is mapped by hand; a `base`-sensitivity
 * collator is no substitute, as An/Ân and d/đ differ at the primary level in `vi`.
 */
export function fold(s: string): string {
  // NOTE: what stays invisible (ZWSP, ZWJ, a bidi override…) must not make two
  // names that look the same differ: such characters are refused at input, and
  // an older database may still hold them (`text/hygiene.ts`).
  return nameKey(withoutInvisible(s))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

let collator: Intl.Collator | undefined;

/**
 * Vietnamese collation (đ after d; tones none, huyền, hỏi, ngã, sắc, nặng):
 * ICU's order. Names in Vietnamese are ordered by `collate-vi.ts`, which gives
 * the same order without building ICU's collator (64–112 ms on first use);
 * anything else it does not order is ICU's.
 */
export function compareVi(a: string, b: string): number {
  const fast = compareViFast(a, b);
  if (fast !== undefined) return fast;
  collator ??= new Intl.Collator('vi');
  return collator.compare(a, b);
}

function givenName(name: string): string {
  const words = nameKey(name).split(' ');
  return words[words.length - 1] ?? '';
}

/**
 * Member lists are customarily ordered by given name (the last word), then the
 * whole name: "Trần Văn An" before "Lê Thị Bình".
 */
export function compareNames(a: string, b: string): number {
  return compareVi(givenName(a), givenName(b)) || compareVi(a, b);
}
