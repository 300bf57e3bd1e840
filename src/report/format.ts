/** Numbers as the reader's language writes them: "27,8" in Vietnamese, "27.8" in English. */
import type { Lang } from '../questionnaire/model.js';

const formats = new Map<Lang, Intl.NumberFormat>();

export function formatPercent(n: number | null, lang: Lang): string {
  if (n === null) return '';
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return f.format(n);
}

/** A count, or "<K" where it is hidden. */
export function formatCount(n: number | null, k: number | undefined): string {
  return n === null ? `<${k ?? ''}` : String(n);
}
