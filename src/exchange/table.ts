/**
 * Reading a small table a person saved (member list, paper form): decode what
 * Excel or an editor wrote, refuse legacy encodings, sniff the delimiter, parse
 * with positions. Cell exports use the faster reader in `import.ts`.
 */
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { decodeTable, legacyVietnameseSuspect, looksLikeUtf8Mojibake, type Encoding } from './decode.js';
import type { CsvProblem } from './problems.js';
import { normaliseNewlines, sniffDelimiter, type Delimiter } from './sniff.js';

export interface TableRow {
  /** 1-based line where the row starts in the file. */
  readonly line: number;
  readonly cells: ReadonlyArray<string>;
}

export interface Table {
  readonly rows: ReadonlyArray<TableRow>;
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
}

/** Our exports guard text against formula injection with a leading `'`; a spreadsheet may keep it. */
export function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Decodes and parses a table. Rows that cannot be parsed are problems with
 * their line; blank rows and trailing empty cells (Excel's `;;;`) are dropped.
 * A legacy Vietnamese encoding or text damaged by a wrong re-save is refused.
 */
export function readTable(bytes: Uint8Array, file: string): { table: Table; problems: CsvProblem[] } {
  const decoded = decodeTable(bytes);
  // Mojibake also looks like a legacy encoding, so it is told apart first.
  if (looksLikeUtf8Mojibake(decoded.text)) throw new UserError('CSV_MOJIBAKE', { file });
  if (legacyVietnameseSuspect(decoded.text)) throw new UserError('CSV_LEGACY_ENCODING', { file });
  const sniffed = sniffDelimiter(decoded.text);
  let text = normaliseNewlines(decoded.text);
  if (sniffed.skipLines === 1) text = text.slice(text.indexOf('\n') + 1);
  const problems: CsvProblem[] = [];
  const records = parse(text, {
    delimiter: sniffed.delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (err: { message: string; lines?: number } | undefined) => {
      if (err) problems.push({ code: 'CSV_SYNTAX', file, line: (err.lines ?? 0) + sniffed.skipLines, params: { detail: err.message.replace(/^Invalid Record Length: /, '') } });
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  const rows: TableRow[] = [];
  for (const r of records) {
    const cells = r.record.map((c) => unguard(c.normalize('NFC').trim()));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) continue;
    const spanned = (r.raw.match(/\n/g)?.length ?? 0) - (r.raw.endsWith('\n') ? 1 : 0);
    rows.push({ line: r.info.lines - spanned + sniffed.skipLines, cells });
  }
  return { table: { rows, encoding: decoded.encoding, delimiter: sniffed.delimiter }, problems };
}
