/**
 * Which of `,` `;` tab separates a decoded table. The list separator Excel
 * writes depends on the PC's regional settings (`,` or `;` for vi-VN, tab for
 * "Unicode Text"), so the importer sniffs one delimiter and passes exactly that
 * one to the parser: listing several would split `3,5` in a `;` file
 * (csv-excel.md §1–§2).
 */

export type Delimiter = ',' | ';' | '\t';

export interface Sniffed {
  readonly delimiter: Delimiter;
  /** 1 when the first line is Excel's `sep=X` directive, which is not data. */
  readonly skipLines: 0 | 1;
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Excel's directive; a spreadsheet re-save may wrap it in quotes. Trailing spaces tolerated, not tabs. */
const SEP_LINE = /^\uFEFF?"?sep=([,;\t])"? *$/iu;

function isDelimiter(c: string | undefined): c is Delimiter {
  return c === ',' || c === ';' || c === '\t';
}

/**
 * Counts each candidate in the record starting at `start`, outside quoted
 * fields. A quote opens a field only at its start (RFC 4180), so `5" disk` is
 * plain text, while a quoted field may hold delimiters, `""` and line breaks
 * (Excel's Alt+Enter in a header cell).
 */
function countInRecord(text: string, start: number): Map<Delimiter, number> {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '\n' || c === '\r') break;
    if (isDelimiter(c)) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
      atFieldStart = true;
    } else if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (c !== ' ' || !atFieldStart) {
      atFieldStart = false;
    }
  }
  return counts;
}

/** Index of the first line holding something other than white space, or -1. */
function firstNonEmptyLine(text: string): number {
  const re = /[^\s\uFEFF]/gu;
  const m = re.exec(text);
  if (m === null) return -1;
  const before = text.lastIndexOf('\n', m.index);
  const beforeCr = text.lastIndexOf('\r', m.index);
  return Math.max(before, beforeCr) + 1;
}

/**
 * Finds the delimiter of a decoded table. A first line `sep=X` (any case,
 * X one of `,` `;` tab) wins and is to be skipped. Otherwise the candidate
 * occurring most often outside quotes in the first non-empty record wins;
 * a tie or no candidate at all gives `,`, the interchange default.
 */
export function sniffDelimiter(text: string): Sniffed {
  const end = text.search(/[\r\n]/u);
  const firstLine = end === -1 ? text : text.slice(0, end);
  const sep = SEP_LINE.exec(firstLine)?.[1];
  if (isDelimiter(sep)) return { delimiter: sep, skipLines: 1 };

  const start = firstNonEmptyLine(text);
  if (start === -1) return { delimiter: ',', skipLines: 0 };
  const counts = countInRecord(text, start);
  let best: Delimiter = ',';
  let bestCount = 0;
  let tie = false;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
      tie = false;
    } else if (n === bestCount && n > 0) {
      tie = true;
    }
  }
  return { delimiter: tie || bestCount === 0 ? ',' : best, skipLines: 0 };
}
