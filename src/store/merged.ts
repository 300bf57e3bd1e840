/**
 * What a merging unit (a grassroots committee, a bloc) has received: the
 * exports merged into a round, the leaf units each covers, and the units it
 * expects to hear from.
 */
import type { CoveredUnit, Summary } from '../summary/aggregate.js';
import { unpackCounts } from '../summary/packed.js';
import { stmt, type Db } from './db.js';

export interface MergedFile {
  readonly id: number;
  readonly unitCode: string;
  readonly unitName: string;
  readonly unitLevel: string;
  readonly parentCode: string | null;
  readonly status: 'final' | 'provisional';
  readonly integrity: string;
  readonly exportedAt: string;
  readonly fileName: string;
  readonly members: number;
  readonly respondents: number;
}

interface FileRow {
  id: number;
  unitCode: string;
  unitName: string;
  unitLevel: string;
  parentCode: string | null;
  status: 'final' | 'provisional';
  integrity: string;
  exportedAt: string;
  fileName: string;
  members: number;
  respondents: number;
}

const FILE_COLUMNS = `id, unit_code AS unitCode, unit_name AS unitName, unit_level AS unitLevel, parent_code AS parentCode,
  status, integrity, exported_at AS exportedAt, file_name AS fileName, members, respondents`;

export function findMergedFile(db: Db, roundId: number, unitCode: string): MergedFile | undefined {
  return stmt<[number, string], FileRow>(db, `SELECT ${FILE_COLUMNS} FROM merged_file WHERE round_id = ? AND unit_code = ? COLLATE NOCASE`).get(roundId, unitCode);
}

export function listMergedFiles(db: Db, roundId: number): MergedFile[] {
  return db.prepare<[number], FileRow>(`SELECT ${FILE_COLUMNS} FROM merged_file WHERE round_id = ? ORDER BY unit_code`).all(roundId);
}

/** The files of a round stored under this name (as typed when merged): usually one, more if two folders held the same name. */
export function findMergedFilesByName(db: Db, roundId: number, fileName: string): MergedFile[] {
  return stmt<[number, string], FileRow>(db, `SELECT ${FILE_COLUMNS} FROM merged_file WHERE round_id = ? AND file_name = ? ORDER BY unit_code`).all(roundId, fileName);
}

/** Takes one merged file out, with the units it covers (merged_unit rows go with it: ON DELETE CASCADE). */
export function deleteMergedFile(db: Db, id: number): void {
  stmt(db, 'DELETE FROM merged_file WHERE id = ?').run(id);
}

/** Which already merged file covers each of these unit codes (excluding one file, being replaced). */
export function coveringFiles(db: Db, roundId: number, codes: ReadonlyArray<string>, except?: number): Map<string, MergedFile> {
  const found = new Map<string, MergedFile>();
  const unitStmt = stmt<[number, string], { id: number }>(db, `SELECT f.id FROM merged_unit u JOIN merged_file f ON f.id = u.file_id WHERE u.round_id = ? AND u.code = ? COLLATE NOCASE`);
  const fileStmt = stmt<[number], FileRow>(db, `SELECT ${FILE_COLUMNS} FROM merged_file WHERE id = ?`);
  const asFileStmt = stmt<[number, string], FileRow>(db, `SELECT ${FILE_COLUMNS} FROM merged_file WHERE round_id = ? AND unit_code = ? COLLATE NOCASE`);
  for (const code of codes) {
    const viaUnit = unitStmt.get(roundId, code);
    const file = viaUnit ? fileStmt.get(viaUnit.id) : asFileStmt.get(roundId, code);
    if (file && file.id !== except) found.set(code, file);
  }
  return found;
}

export interface NewMergedFile {
  readonly roundId: number;
  readonly unit: { readonly code: string; readonly name: string; readonly level: string; readonly parentCode: string | null };
  readonly status: 'final' | 'provisional';
  readonly integrity: string;
  readonly exportedAt: string;
  readonly fileName: string;
  readonly mergedOn: string;
  readonly members: number;
  readonly respondents: number;
  readonly units: ReadonlyArray<CoveredUnit>;
  /** The counts, packed (`summary/packed.ts`). */
  readonly counts: string;
  /** The fingerprint of the key that signed it; null when unsigned. */
  readonly signer?: string | null;
}

/**
 * Stores one file, replacing `replaceId` if given, in one transaction: all of
 * the file or nothing.
 */
export function storeMergedFile(db: Db, f: NewMergedFile, replaceId?: number): void {
  db.transaction(() => {
    if (replaceId !== undefined) stmt(db, 'DELETE FROM merged_file WHERE id = ?').run(replaceId);
    const info = stmt(
        db,
        `INSERT INTO merged_file (round_id, unit_code, unit_name, unit_level, parent_code, status, integrity, exported_at, file_name, merged_on, members, respondents, summary_json, signer)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(f.roundId, f.unit.code, f.unit.name, f.unit.level, f.unit.parentCode, f.status, f.integrity, f.exportedAt, f.fileName, f.mergedOn, f.members, f.respondents, f.counts, f.signer ?? null);
    const fileId = Number(info.lastInsertRowid);
    const unit = stmt(db, 'INSERT INTO merged_unit (round_id, code, file_id, name, level, parent_code, members, respondents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const u of f.units) unit.run(f.roundId, u.code, fileId, u.name, u.level, u.parentCode, u.members, u.respondents);
  }).immediate();
}

/** The summaries of every file merged into a round, with the units each covers. */
export function mergedSummaries(db: Db, roundId: number, questionnaire: Summary['questionnaire']): Array<{ file: MergedFile; summary: Summary }> {
  const files = db.prepare<[number], FileRow & { json: string }>(`SELECT ${FILE_COLUMNS}, summary_json AS json FROM merged_file WHERE round_id = ? ORDER BY unit_code`).all(roundId);
  const unitStmt = db.prepare<[number], CoveredUnit>('SELECT code, name, level, parent_code AS parentCode, members, respondents FROM merged_unit WHERE file_id = ? ORDER BY code');
  return files.map(({ json, ...file }) => ({
    file,
    summary: unpackCounts(json, { questionnaire, members: file.members, respondents: file.respondents, units: unitStmt.all(file.id) }, db.name),
  }));
}

export interface ExpectedUnit {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parentCode: string | null;
}

/** Records the expected units (replacing rows with the same code); returns how many were new. */
export function saveExpectedUnits(db: Db, units: ReadonlyArray<ExpectedUnit>): number {
  return db.transaction(() => {
    let added = 0;
    const exists = db.prepare('SELECT 1 FROM expected_unit WHERE code = ?');
    const upsert = db.prepare(
      'INSERT INTO expected_unit (code, name, level, parent_code) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code',
    );
    for (const u of units) {
      if (!exists.get(u.code)) added++;
      upsert.run(u.code, u.name, u.level, u.parentCode);
    }
    return added;
  }).immediate();
}

export function listExpectedUnits(db: Db): ExpectedUnit[] {
  return db.prepare<[], ExpectedUnit>('SELECT code, name, level, parent_code AS parentCode FROM expected_unit ORDER BY code').all();
}

/** Codes reported in a round: the leaf units covered and the units whose exports were merged. */
export function reportedCodes(db: Db, roundId: number): Set<string> {
  const rows = db.prepare<[number, number], { code: string }>('SELECT code FROM merged_unit WHERE round_id = ? UNION SELECT unit_code FROM merged_file WHERE round_id = ?').all(roundId, roundId);
  return new Set(rows.map((r) => r.code));
}
