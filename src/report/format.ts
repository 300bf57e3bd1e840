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

/**
 * A calendar day as the reader's language writes it: dd/mm/yyyy in Vietnamese
 * (as on every Vietnamese document); English keeps the ISO day, which no
 * reader misreads. JSON and CSV always carry the ISO day.
 */
export function formatDay(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang !== 'vi') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "+6,1" / "−3,0" / "0,0": a signed one-decimal number, with a true minus sign. */
export function formatSigned(n: number, lang: Lang): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatPercent(Math.abs(n), lang)}`;
}

/** "+2" / "−1" / "0". */
export function formatSignedCount(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)}`;
}
