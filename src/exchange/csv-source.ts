/**
 * A CSV (or Excel "Unicode Text") file as a table source: decode (`decode.ts`),
 * sniff the delimiter and Excel's `sep=` line (`sniff.ts`), scan into rows
 * with their lines (`csv-scan.ts`). Nothing here throws for bad data: broken
 * quoting comes back as problems, and whether the text is damaged is left to
 * the reader, which knows how much of it it keeps.
 */
import { decodeTable } from './decode.js';
import { scanCsv } from './csv-scan.js';
import { sniffDelimiter } from './sniff.js';
import type { CsvOrigin, SourceProblem, TableSource } from './table-source.js';

/** Index just after the first line end (CRLF, LF or CR), or the text's length. */
function afterFirstLine(text: string): number {
  const end = text.search(/[\r\n]/u);
  if (end < 0) return text.length;
  return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

export function readCsvSource(bytes: Uint8Array, file: string): { source: TableSource<CsvOrigin>; problems: SourceProblem[] } {
  const { text, encoding } = decodeTable(bytes);
  const { delimiter, skipLines } = sniffDelimiter(text);
  const start = skipLines === 1 ? afterFirstLine(text) : 0;
  const { rows, problems } = scanCsv(text, delimiter, start, 1 + skipLines);
  return { source: { file, origin: { kind: 'csv', encoding, delimiter }, rows }, problems };
}
