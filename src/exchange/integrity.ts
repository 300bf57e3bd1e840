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
  readonly items: ReadonlyArray<{ readonly type: Exclude<RowType, 'unit'>; readonly id: string; readonly counts: Readonly<Record<string, number>> }>;
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function integrityOf(c: ExportContent): string {
  const canonical = JSON.stringify([
    'tusoi-export',
    c.format,
    c.questionnaireSha256,
    c.unitCode,
    c.roundLabel.normalize('NFC'),
    c.status,
    c.members,
    c.respondents,
    c.levels,
    [...c.units].sort(byKey((u) => u.code)).map((u) => [u.code, u.level, u.parentCode, u.members, u.respondents]),
    [...c.items].sort(byKey((i) => `${i.type}\u0000${i.id}`)).map((i) => [i.type, i.id, c.levels.map((l) => i.counts[l] ?? 0)]),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
