/**
 * The keys of the units below, pinned (issue 17): by a fingerprint in the unit
 * list or confirmed by phone (`unit trust`: verified), or by the first
 * accepted file signed by the unit (trust on first use, as SSH does: not
 * verified until confirmed).
 */
import { stmt, type Db } from './db.js';

export interface Pin {
  readonly code: string;
  readonly fingerprint: string;
  readonly verified: boolean;
}

export function findPin(db: Db, code: string): Pin | undefined {
  const row = stmt<[string], { code: string; fingerprint: string; verified: number }>(db, 'SELECT code, fingerprint, verified FROM unit_pin WHERE code = ?').get(code);
  return row && { code: row.code, fingerprint: row.fingerprint, verified: row.verified === 1 };
}

export function listPins(db: Db): Pin[] {
  return db
    .prepare<[], { code: string; fingerprint: string; verified: number }>('SELECT code, fingerprint, verified FROM unit_pin ORDER BY code')
    .all()
    .map((r) => ({ code: r.code, fingerprint: r.fingerprint, verified: r.verified === 1 }));
}

/** Pins a unit's key on its first accepted signed file (not verified). */
export function pinOnFirstUse(db: Db, code: string, fingerprint: string, today: string): void {
  stmt(db, 'INSERT INTO unit_pin (code, fingerprint, verified, pinned_on) VALUES (?, ?, 0, ?) ON CONFLICT (code) DO NOTHING').run(code, fingerprint, today);
}

export interface RemovedBySigner {
  readonly file: string;
  readonly round: string;
  readonly unit: string;
}

/**
 * Pins `fingerprint` for `code`, verified, in one transaction: a pin to
 * another key than the one pinned before takes out of every round each
 * merged file signed by that old key (returned) out of every open round, so the genuine file then
 * merges as if they had never come.
 */
export function trustKey(db: Db, code: string, fingerprint: string, today: string): { previous: Pin | undefined; removed: RemovedBySigner[] } {
  return db.transaction(() => {
    const previous = findPin(db, code);
    let removed: RemovedBySigner[] = [];
    if (previous && previous.fingerprint !== fingerprint) {
      removed = db
        .prepare<[string, string], RemovedBySigner & { id: number }>(
          'SELECT f.id, f.file_name AS file, r.label AS round, f.unit_code AS unit FROM merged_file f JOIN round r ON r.id = f.round_id WHERE f.unit_code = ? COLLATE NOCASE AND f.signer = ? AND r.closed_on IS NULL ORDER BY r.label, f.file_name',
        )
        .all(code, previous.fingerprint)
        .map(({ id, ...rest }) => {
          stmt(db, 'DELETE FROM merged_file WHERE id = ?').run(id);
          return rest;
        });
    }
    stmt(db, 'INSERT INTO unit_pin (code, fingerprint, verified, pinned_on) VALUES (?, ?, 1, ?) ON CONFLICT (code) DO UPDATE SET fingerprint = excluded.fingerprint, verified = 1, pinned_on = excluded.pinned_on').run(
      previous?.code ?? code,
      fingerprint,
      today,
    );
    return { previous, removed };
  }).immediate();
}

/**
 * For one merging round's report: the units counted in it whose key is pinned
 * on first use only (not verified by phone), and those whose file in it is
 * unsigned. Codes as the merged files give them, in code order.
 */
export function roundKeyStatus(db: Db, roundId: number): { notVerified: string[]; unsigned: string[] } {
  const notVerified = db
    .prepare<[number], { code: string }>(
      'SELECT DISTINCT f.unit_code AS code FROM merged_file f JOIN unit_pin p ON p.code = f.unit_code COLLATE NOCASE WHERE f.round_id = ? AND f.signer IS NOT NULL AND p.verified = 0 AND p.fingerprint = f.signer ORDER BY 1',
    )
    .all(roundId)
    .map((r) => r.code);
  const unsigned = db
    .prepare<[number], { code: string }>('SELECT DISTINCT unit_code AS code FROM merged_file WHERE round_id = ? AND signer IS NULL ORDER BY 1')
    .all(roundId)
    .map((r) => r.code);
  return { notVerified, unsigned };
}

/** Units whose merged files so far are all unsigned (in any round). */
export function unsignedOnlyUnits(db: Db): Set<string> {
  const rows = db.prepare<[], { code: string }>('SELECT unit_code AS code FROM merged_file GROUP BY unit_code COLLATE NOCASE HAVING COUNT(signer) = 0').all();
  return new Set(rows.map((r) => r.code.toUpperCase()));
}
