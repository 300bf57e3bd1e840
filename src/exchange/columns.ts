/**
 * The exchange format, defined once: a cell's (or a merged unit's) summary as
 * a long table a person can read in Excel and tusoi can merge. Every row
 * carries the short identity (format, unit, round, questionnaire), so rows
 * from two files can never be mixed unnoticed; one `export` row carries the
 * rest of the identity and the integrity value; `unit` rows list the units
 * covered; the other rows carry the counts of one item. Adding up files of
 * this format gives a file of this format, so a bloc exports upward exactly
 * as a cell does.
 *
 * NOTE: the long identity is written once, not on every row: it halved the
 * file, and parsing is most of the merge's time (10,000 files per run).
 */

/** Bumped only for a change an older tusoi could not read; it refuses newer formats clearly. */
export const EXPORT_FORMAT = 2;

/** Format 2 (issue 17): the `export` row carries the signer's public key and its signature (`integrity.ts` `signedText`). */
export const SIGNATURE_COLUMNS = ['public_key', 'signature'] as const;

/** On every row: what tells one file's rows from another's. */
export const ROW_IDENTITY_COLUMNS = ['format', 'unit_code', 'round_label', 'questionnaire_id'] as const;

/** On the `export` row only. */
export const EXPORT_COLUMNS = [
  'tusoi_version',
  'questionnaire_version',
  'questionnaire_sha256',
  'unit_name',
  'unit_level',
  'parent_code',
  'status',
  'exported_at',
  'members',
  'respondents',
  'integrity',
] as const;

export const ITEM_COLUMNS = ['row_type', 'item_id', 'item_text', 'item_level', 'item_parent', 'item_members', 'item_respondents'] as const;

export type RowType = 'export' | 'unit' | 'overall' | 'group' | 'manifestation' | 'behaviour';

/** `status` column: a provisional export (round still open) is replaced by the final one on merge. */
export type ExportStatus = 'final' | 'provisional';

export const countColumn = (level: string): string => `n_${level}`;
export const percentColumn = (level: string): string => `pct_${level}`;

export function headerFor(levels: ReadonlyArray<string>): string[] {
  return [...ROW_IDENTITY_COLUMNS, ...ITEM_COLUMNS, ...levels.map(countColumn), ...levels.map(percentColumn), ...EXPORT_COLUMNS, ...SIGNATURE_COLUMNS];
}

/** Columns whose values are text, guarded on export and unguarded on import. */
export const TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'tusoi_version',
  'questionnaire_id',
  'questionnaire_version',
  'questionnaire_sha256',
  'unit_code',
  'unit_name',
  'unit_level',
  'parent_code',
  'round_label',
  'status',
  'exported_at',
  'row_type',
  'item_id',
  'item_text',
  'item_level',
  'item_parent',
  'integrity',
  'public_key',
  'signature',
]);

/**
 * A spreadsheet would turn these into numbers or dates ("2026", "0123",
 * "2026-11-23", "1.10") or run them as formulas ("=…", "+…", "-…", "@…").
 * Such text is written with a leading apostrophe, kept through a re-save and
 * removed on import.
 */
export function needsGuard(text: string): boolean {
  if (text === '') return false;
  if (/^[=+\-@\t\r]/.test(text)) return true;
  if (/^\s*[+-]?(\d[\d\s.,]*)?([eE][+-]?\d+)?%?\s*$/.test(text) && /\d/.test(text)) return true;
  if (/^\s*\d[\d.,/:\s-]*\s*$/.test(text)) return true;
  // "1E5", "2e10": read as numbers in scientific notation.
  if (/^\d+[eE]\d+$/.test(text)) return true;
  // "Nov-26", "26-Nov", "T1/2026": date-like with month names would be converted too.
  if (/^(\d{1,2}[-/ ])?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([-/ ]\d{1,4})?$/i.test(text)) return true;
  return false;
}

export function guard(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/**
 * Removes the guard {@link guard} adds: a leading apostrophe before text a
 * spreadsheet would read as a number, a date or a formula. The one rule for
 * every table tusoi reads (exports, member and unit lists, paper forms); any
 * other leading apostrophe is the text's own ("'Ngọc" stays), so a value
 * always reads back as it was written.
 */
export function unguardText(text: string): string {
  return text.charCodeAt(0) === 0x27 && needsGuard(text.slice(1)) ? text.slice(1) : text;
}
