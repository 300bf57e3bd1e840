/** The unit (chi bộ, đảng ủy cơ sở, khối…) a database belongs to: one per file. */
import { UserError } from '../errors.js';
import type { Db } from './db.js';

export interface Unit {
  readonly code: string;
  readonly name: string;
  /** A label, not a fixed list: party organisation changes (e.g. `chi-bo`, `dang-uy-co-so`, `khoi`). */
  readonly level: string;
  readonly parentCode: string | null;
}

export function saveUnit(db: Db, unit: Unit, today: string): void {
  db.prepare('INSERT INTO unit (id, code, name, level, parent_code, created_on) VALUES (1, ?, ?, ?, ?, ?)').run(
    unit.code,
    unit.name,
    unit.level,
    unit.parentCode,
    today,
  );
}

export function getUnit(db: Db): Unit {
  const row = db.prepare<[], Unit>('SELECT code, name, level, parent_code AS parentCode FROM unit WHERE id = 1').get();
  // NOTE: init removes the file if it cannot write the unit; a file without one was cut short.
  if (!row) throw new UserError('DB_INCOMPLETE', { file: db.name });
  return row;
}

/** Cells collect answers; units above them merge exports. */
export function isCollectingLevel(level: string): boolean {
  return level === 'chi-bo' || level.startsWith('chi-bo');
}
