/**
 * Exporting a round's summary in the exchange format: counts only, never
 * names; provisional while the round is open, final once it is closed.
 */
import type { ExportStatus } from '../exchange/columns.js';
import { exportCsv, exportRows } from '../exchange/export.js';
import type { Delimiter } from '../exchange/sniff.js';
import type { Lang } from '../questionnaire/model.js';
import type { Db } from '../store/db.js';
import type { Round } from '../store/rounds.js';
import type { Unit } from '../store/unit.js';
import { unitKey } from '../store/unit-key.js';
import { reportableRound } from './round-choice.js';
import { readRecordingUse } from '../store/round-use.js';
import { summariseRound } from './round-summary.js';

export interface ExportRequest {
  readonly round?: string;
  readonly delimiter: Delimiter;
  readonly lang: Lang;
  readonly tusoiVersion: string;
}

export interface RoundExport {
  readonly unit: Unit;
  readonly round: Round;
  readonly status: ExportStatus;
  readonly csv: string;
  /** Data rows, without the header. */
  readonly rows: number;
  /** Whether it is signed: not when the database was read in memory before it had a key. */
  readonly signed: boolean;
}

/** `exported_at`, to the second in UTC: of two provisional exports of a unit, the later one counts. */
const exportedAtOf = (now: Date): string => `${now.toISOString().slice(0, 19)}Z`;

export function exportRound(db: Db, req: ExportRequest, now: Date): RoundExport {
  // A final export (of a closed round) is recorded: a named round is then never reopened (store/round-use.ts).
  const rs = readRecordingUse(db, { kind: 'export', now }, () => [reportableRound(db, req.round, now)] as const, ([round]) => summariseRound(db, round));
  const status: ExportStatus = rs.round.closedOn === null ? 'provisional' : 'final';
  const rows = exportRows(rs.questionnaire, rs.summary, { tusoiVersion: req.tusoiVersion, unit: rs.unit, roundLabel: rs.round.label, status, exportedAt: exportedAtOf(now), signer: unitKey(db) }, req.lang);
  return { unit: rs.unit, round: rs.round, status, csv: exportCsv(rows, req.delimiter), rows: rows.length - 1, signed: unitKey(db) !== undefined };
}
