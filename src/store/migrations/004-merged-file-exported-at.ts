/**
 * Migration step 4: released, so never edit this file (a test holds its
 * hash); change the schema with a new step. See ../migrations.ts.
 *
 * Step 2 was edited in place after it had been released: `exported_at` was
 * added to `merged_file`. A database made before that edit (the build of
 * c2c31c0) is at version 3 without the column; one made after has it. This
 * step adds it where it is missing and does nothing else.
 *
 * SQLite cannot add a NOT NULL column without a default, so the column comes
 * with DEFAULT '' and every existing row is then given its merged_on. A
 * rebuild to the exact table of step 2 would need foreign keys off, which
 * cannot be switched inside the step's transaction, and with them on
 * dropping merged_file would cascade into merged_unit. What remains different
 * on such a database: the column is last, and it has a default no insert
 * uses (every insert names exported_at).
 *
 * How the merge then orders two provisional exports of a unit (`decide()`
 * in exchange/merge.ts compares the strings, `f.exportedAt <
 * previous.exportedAt`): a stored row now holds a day, 'YYYY-MM-DD', and a
 * new file a time, 'YYYY-MM-DDTHH:MM:SSZ'. A day is a prefix of every time
 * on that day, so it sorts before all of them: a provisional export made on
 * the merge day or later replaces the stored one; one made on an earlier day
 * is skipped as older. The two are never equal, so never a conflict for an
 * equal time. The file's real export time is unknown; it was no later than
 * its merge, so the only misreading is an export made earlier on the merge
 * day than the stored one, which counts as newer. (merged_on is the local
 * day, exported_at UTC: east of Greenwich an export made early in the local
 * morning carries the previous UTC day and counts as older.)
 */
import type { Migration } from './step.js';

export const migration: Migration = {
  version: 4,
  name: 'merged_file.exported_at where step 2 was applied before it gained the column',
  up: (db) => {
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('merged_file')").all();
    if (columns.some((c) => c.name === 'exported_at')) return;
    db.exec(`
      ALTER TABLE merged_file ADD COLUMN exported_at TEXT NOT NULL DEFAULT '';
      UPDATE merged_file SET exported_at = merged_on;
    `);
  },
};
