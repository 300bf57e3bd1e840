/**
 * Splitting decoded CSV text into rows of cells, each row with the line it
 * starts on. The loop is d3-dsv's (`csvParseRows`, about ten times faster than
 * csv-parse on the merge path, csv-excel.md §2.9), written out here because
 * d3-dsv gives no positions and silently accepts broken quoting: a user's
 * table needs `file:line` for every problem, even after a cell holding a line
 * break (Excel's Alt+Enter), and an unclosed quote or text after a closing
 * quote must be reported, not silently turned into other cells.
 *
 * Rules, one set for every table: CRLF, LF and a lone CR each end a record;
 * inside a quoted cell each of them becomes LF. A quote opens a quoted cell
 * only at the start of a cell (spaces before it allowed, as `sniff.ts`
 * counts), so `5" disk` is plain text; `""` inside a quoted cell is a quote.
 */
import type { Delimiter } from './sniff.js';
import type { SourceProblem, SourceRow } from './table-source.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
/** How much of a broken cell a problem quotes, so that the user can find it. */
const EXCERPT = 24;

export interface CsvScan {
  readonly rows: SourceRow[];
  readonly problems: SourceProblem[];
}

/** Where a quoted cell ended, its value and the line breaks it held. */
interface Quoted {
  readonly value: string;
  /** Index just after the closing quote, or -1 when the quote is never closed. */
  readonly end: number;
  readonly breaks: number;
}

function readQuoted(text: string, open: number): Quoted {
  let value = '';
  let from = open + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) return { value: value + text.slice(from), end: -1, breaks: 0 };
    if (text.charCodeAt(close + 1) === QUOTE) {
      value += text.slice(from, close + 1);
      from = close + 2;
      continue;
    }
    value += text.slice(from, close);
    // Only a quoted cell can hold a line break: the check is skipped for the rest.
    if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return { value, end: close + 1, breaks: 0 };
    const lf = value.replace(/\r\n?/gu, '\n');
    let breaks = 0;
    for (let i = lf.indexOf('\n'); i >= 0; i = lf.indexOf('\n', i + 1)) breaks++;
    return { value: lf, end: close + 1, breaks };
  }
}

/** Index of the next delimiter or line end at or after `i` (or the text's length). */
function cellEnd(text: string, i: number, d: number): number {
  const n = text.length;
  let c = 0;
  while (i < n && (c = text.charCodeAt(i)) !== d && c !== LF && c !== CR) i++;
  return i;
}

/** The broken cell as typed, on one line, its middle cut when long: the start finds it, the end shows what broke. */
function excerpt(text: string, from: number, to: number): string {
  const cell = text.slice(from, Math.min(to, from + 4 * EXCERPT)).replace(/\r\n?|\n/gu, ' ');
  return cell.length <= EXCERPT ? cell : `${cell.slice(0, EXCERPT / 2)}…${cell.slice(-EXCERPT / 2)}`;
}

/**
 * Scans `text` from index `start`, whose line is `firstLine`. A record with
 * broken quoting is kept as read and reported at its first line with an
 * excerpt (the reader decides whether to use it); an unclosed quote takes the
 * rest of the text.
 */
export function scanCsv(text: string, delimiter: Delimiter, start = 0, firstLine = 1): CsvScan {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: SourceRow[] = [];
  const problems: SourceProblem[] = [];
  let i = start;
  let line = firstLine;
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    for (;;) {
      let j = i;
      let c = text.charCodeAt(j);
      while (c === SPACE) c = text.charCodeAt(++j);
      if (c === QUOTE) {
        const q = readQuoted(text, j);
        if (q.end < 0) {
          // As d3-dsv does, the open cell runs to the end: a file cut there still shows a short row.
          problems.push({ kind: 'syntax', line: rowLine, detail: excerpt(text, j, j + EXCERPT) });
          cells.push(q.value);
          rows.push({ line: rowLine, cells });
          return { rows, problems };
        }
        line += q.breaks;
        i = q.end;
        while (text.charCodeAt(i) === SPACE) i++;
        const after = cellEnd(text, i, d);
        // Text after the closing quote (`"abc"def`) is kept in the cell, and the row reported.
        if (after > i) problems.push({ kind: 'syntax', line: rowLine, detail: excerpt(text, j, after) });
        cells.push(after > i ? q.value + text.slice(i, after) : q.value);
        i = after;
      } else {
        j = cellEnd(text, i, d);
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      c = text.charCodeAt(i++);
      if (c === d) {
        if (i < n) continue;
        // A delimiter at the very end still opens one last, empty cell.
        cells.push('');
        break;
      }
      if (c === CR && text.charCodeAt(i) === LF) i++;
      line++;
      break;
    }
    rows.push({ line: rowLine, cells });
  }
  return { rows, problems };
}
