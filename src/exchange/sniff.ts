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
function countInRecord(text: string, start: number): { counts: Map<Delimiter, number>; end: number } {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let atFieldStart = true;
  let i = start;
  for (; i < text.length; i++) {
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
  return { counts, end: i };
}

/**
 * How many records without any candidate are passed over looking for one: a
 * member list typed by hand may open with a few title lines ("DANH SÁCH ĐẢNG
 * VIÊN", the cell's name, a note) above its header. Excel pads such lines
 * with `;;;`, so a saved file never needs this.
 */
const TITLE_LINES = 12;

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
 * a first record without any (a title line) defers to the next ones; a tie
 * or no candidate at all gives `,`, the interchange default.
 */
export function sniffDelimiter(text: string): Sniffed {
  const lineEnd = text.search(/[\r\n]/u);
  const firstLine = lineEnd === -1 ? text : text.slice(0, lineEnd);
  const sep = SEP_LINE.exec(firstLine)?.[1];
  if (isDelimiter(sep)) return { delimiter: sep, skipLines: 1 };

  let start = firstNonEmptyLine(text);
  if (start === -1) return { delimiter: ',', skipLines: 0 };
  let { counts, end } = countInRecord(text, start);
  for (let n = 0; n < TITLE_LINES && [...counts.values()].every((c) => c === 0) && end < text.length; n++) {
    const next = firstNonEmptyLine(text.slice(end));
    if (next === -1) break;
    start = end + next;
    ({ counts, end } = countInRecord(text, start));
  }
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
