/**
 * What Excel and LibreOffice write when a user re-saves a CSV: other
 * encodings, separators and line ends. Used to prove that exports survive.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * Windows-1258 as Vietnamese Windows writes it: â ê ô ă ơ ư đ precomposed,
 * the tone as a separate combining mark ("ễ" = EA DE).
 */
export function toCp1258(text: string): Buffer {
  let out = '';
  for (const cluster of text.normalize('NFD').match(/\P{M}\p{M}*|\p{M}+/gu) ?? []) {
    const marks = [...cluster].filter((c) => TONES.has(c)).join('');
    const rest = [...cluster].filter((c) => !TONES.has(c)).join('');
    out += rest.normalize('NFC') + marks;
  }
  const bytes = iconv.encode(out, 'windows1258');
  if (iconv.decode(bytes, 'windows1258').normalize('NFC') !== text.normalize('NFC')) throw new Error('text not representable in cp1258');
  return bytes;
}

/** Parses a CSV the way a spreadsheet reads it (our BOM removed). */
export function readRows(csv: string, delimiter = ','): string[][] {
  return parse(csv.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true }) as string[][];
}

/** "CSV" on a Vietnamese Windows: cp1258, `;`, CRLF, text quoted where needed. */
export function resaveCp1258Semicolon(csv: string): Buffer {
  return toCp1258(stringify(readRows(csv), { delimiter: ';', record_delimiter: 'windows' }));
}

/** "Unicode Text": UTF-16LE with BOM, tabs, CRLF. */
export function resaveUtf16Tab(csv: string): Buffer {
  const text = stringify(readRows(csv), { delimiter: '\t', record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** LibreOffice's habit: every text cell quoted, LF, UTF-8 without BOM, trailing empty columns. */
export function resaveQuotedLf(csv: string): Buffer {
  const rows = readRows(csv).map((r) => [...r, '', '']);
  return Buffer.from(stringify(rows, { quoted_string: true, record_delimiter: 'unix' }), 'utf8');
}
