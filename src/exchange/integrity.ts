/**
 * The integrity value of an export, computed on its parsed content, not its
 * bytes: identity and counts (unit codes, round, questionnaire sha256, item
 * ids, counts), never display text or percentages, which change with
 * `--lang` and a spreadsheet's locale. So a re-save that changes only the
 * encoding, separator, quoting or line endings still verifies, and any
 * changed count does not. It detects damage and careless edits; it is not a
 * signature (anyone with tusoi can recompute it).
 */
import { createHash } from 'node:crypto';
import type { ExportStatus, RowType } from './columns.js';

export interface ExportContent {
  readonly format: number;
  readonly questionnaireSha256: string;
  readonly unitCode: string;
  readonly roundLabel: string;
  readonly status: ExportStatus;
  readonly members: number;
  readonly respondents: number;
  readonly levels: ReadonlyArray<string>;
  readonly units: ReadonlyArray<{ readonly code: string; readonly level: string; readonly parentCode: string | null; readonly members: number; readonly respondents: number }>;
  readonly items: ReadonlyArray<{ readonly type: Exclude<RowType, 'unit' | 'export'>; readonly id: string; readonly counts: Readonly<Record<string, number>> }>;
}

/** Sorts by a key computed once per element (the merge computes this for every file). */
function sortedBy<T>(list: ReadonlyArray<T>, key: (t: T) => string): T[] {
  return list
    .map((t) => ({ t, k: key(t) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.t);
}

/** sha256 of a canonical form: rows in any order give the same value (a spreadsheet may sort them). */
export function integrityOf(c: ExportContent): string {
  // One string, hashed once: many small updates cost more than the hashing.
  let text = JSON.stringify(['tusoi-export', c.format, c.questionnaireSha256, c.unitCode, c.roundLabel.normalize('NFC'), c.status, c.members, c.respondents, c.levels]);
  for (const u of sortedBy(c.units, (u) => u.code)) text += `\nu${JSON.stringify([u.code, u.level, u.parentCode, u.members, u.respondents])}`;
  for (const i of sortedBy(c.items, (i) => `${i.type}\u0000${i.id}`)) {
    text += `\ni${JSON.stringify(i.type)}${JSON.stringify(i.id)}`;
    for (const l of c.levels) text += `,${i.counts[l] ?? 0}`;
  }
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A display text as signed: NFC, runs of white space as one space, trimmed (what a re-save may change in it is not its content). */
export const signedName = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** What a format 2 signature covers beyond the integrity value (issue 17). */
export interface SignedFields {
  readonly exportedAt: string;
  readonly unitName: string;
  readonly unitLevel: string;
  readonly parentCode: string | null;
  readonly questionnaireId: string;
  readonly questionnaireVersion: string;
  /** Each covered unit's code and name. */
  readonly unitNames: ReadonlyArray<readonly [code: string, name: string]>;
}

/** The version of the signed content; a change to it is a new export format. */
export const SIGNED_CONTENT_VERSION = 1;

/**
 * The text an export's signature is over: the integrity value of its parsed
 * content (which already covers every count, code and level) and the fields
 * that value leaves out. Computed on parsed values, never on bytes, so a
 * re-save (encoding, separator, quoting, line ends, row order) still verifies.
 */
export function signedText(c: ExportContent, s: SignedFields): string {
  const names = sortedBy(s.unitNames, ([code]) => code).map(([code, name]) => [code, signedName(name)]);
  return JSON.stringify([
    'tusoi-signed-export',
    SIGNED_CONTENT_VERSION,
    integrityOf(c),
    s.exportedAt,
    signedName(s.unitName),
    s.unitLevel,
    s.parentCode ?? '',
    s.questionnaireId,
    s.questionnaireVersion,
    names,
  ]);
}
