/** Numbers as the reader's language writes them: "27,8" in Vietnamese, "27.8" in English. */
import type { Lang } from '../questionnaire/model.js';

/** The decimal and grouping marks of vi-VN and en-GB. */
const MARKS: Readonly<Record<Lang, { readonly decimal: string; readonly group: string }>> = { vi: { decimal: ',', group: '.' }, en: { decimal: '.', group: ',' } };

/**
 * One decimal, as `Intl.NumberFormat(vi-VN | en-GB, { 1 fraction digit })`
 * writes it (a test holds them equal): the number's shortest decimal form
 * rounded half away from zero, grouped by thousands. Written by hand because
 * the first NumberFormat of a run initialises ICU's number formatting, about
 * 26–30 ms of CPU on every Node line: more than half a bare start on 24 and 26,
 * paid by `status` and every report.
 */
export function formatPercent(n: number | null, lang: Lang): string {
  if (n === null) return '';
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
  const negative = n < 0 || Object.is(n, -0);
  // The shortest decimal form, without an exponent (tiny numbers round to 0.0 anyway).
  const text = Math.abs(n) < 1e-6 ? '0' : String(Math.abs(n));
  const [whole = '0', fraction = ''] = text.split('.');
  let digits = whole + (fraction[0] ?? '0');
  if ((fraction[1] ?? '0') >= '5') digits = increment(digits);
  const int = digits.slice(0, -1) || '0';
  const { decimal, group } = MARKS[lang];
  return `${negative ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/gu, group)}${decimal}${digits.slice(-1)}`;
}

/** A string of decimal digits plus one ("0999" → "1000"). */
function increment(digits: string): string {
  const out = digits.split('');
  let i = out.length - 1;
  while (i >= 0 && out[i] === '9') out[i--] = '0';
  if (i < 0) out.unshift('1');
  else out[i] = String(Number(out[i]) + 1);
  return out.join('');
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
