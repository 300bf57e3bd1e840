/** Dates as stored: the local calendar day, `YYYY-MM-DD` (never finer where anonymity matters). */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
