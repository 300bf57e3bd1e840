/** The blank sheet of forms as CSV: one cell quoted when it must be. */
export function csvCell(s: string): string {
  return /[",\r\n]/u.test(s) || /^\s|\s$/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}
