/**
 * A commitment's deadline as members write it: day/month/year (30/6/2027) or
 * month/year (6/2027), with `/`, `-` or `.` between. A date that does not exist
 * (31/2/2027, 29/2/2027) is refused, so a promise is never kept against a day
 * that cannot come.
 */

/** The deadline in its stored form (`30/6/2027`, `6/2027`), or undefined when it is no real date. */
export function parseDeadline(text: string): string | undefined {
  const m = /^(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[3]);
  const month = Number(m[2]);
  if (year < 2000 || year > 2099 || month < 1 || month > 12) return undefined;
  if (m[1] === undefined) return `${month}/${year}`;
  const day = Number(m[1]);
  // Day 0 of the next month is the last day of this one (UTC: no time zone can shift it).
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return undefined;
  return `${day}/${month}/${year}`;
}
