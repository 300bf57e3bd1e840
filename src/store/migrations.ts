/**
 * Append-only schema migrations tracked by `PRAGMA user_version`, one file a
 * step in `migrations/` (`NNN-description.ts`). Each runs in its own
 * transaction with the version bump inside, so a crash leaves the database
 * at a whole version.
 *
 * A step is released once it is on the main branch: from then on its file
 * never changes (test/store/migrations-frozen.test.ts holds the hash of each;
 * step 2 was once edited after release, and step 4 repairs what that did).
 * Change the schema with a new step. A step not yet on main may still be
 * renumbered, e.g. when another branch's step lands first.
 */
import type Database from 'better-sqlite3';
import { InternalError } from '../errors.js';
import { migration as cell } from './migrations/001-cell.js';
import { migration as merging } from './migrations/002-merging.js';
import { migration as tuSua } from './migrations/003-tu-sua.js';
import { migration as mergedFileExportedAt } from './migrations/004-merged-file-exported-at.js';
import { migration as anonymousTallies } from './migrations/005-anonymous-tallies.js';
import { migration as sealedCommitments } from './migrations/006-sealed-commitments.js';
import { migration as roundReads } from './migrations/007-round-reads.js';
import { migration as webAccess } from './migrations/008-web-access.js';
import { migration as unitKeys } from './migrations/009-unit-keys.js';
import { migration as anonymousSlips } from './migrations/010-anonymous-slips.js';
import { migration as webCertificate } from './migrations/011-web-certificate.js';
import { migration as responseHolder } from './migrations/012-response-holder.js';
import type { Migration } from './migrations/step.js';

export type { Migration } from './migrations/step.js';

export const MIGRATIONS: ReadonlyArray<Migration> = [cell, merging, tuSua, mergedFileExportedAt, anonymousTallies, sealedCommitments, roundReads, webAccess, unitKeys, anonymousSlips, webCertificate, responseHolder];

export const LATEST_VERSION = MIGRATIONS.length;

/** Checks the list is contiguous 1..n, so a dropped or reordered step is caught at once. */
export function checkMigrations(list: ReadonlyArray<Migration>): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new InternalError(`migrations out of order: step ${i} has version ${m.version}`);
  });
}

/** Brings the database to LATEST_VERSION; returns what was applied. */
export function migrate(db: Database.Database, list: ReadonlyArray<Migration> = MIGRATIONS): { from: number; to: number; applied: string[] } {
  checkMigrations(list);
  const from = db.pragma('user_version', { simple: true }) as number;
  const applied: string[] = [];
  for (const m of list) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.name);
  }
  return { from, to: Math.max(from, list.length), applied };
}
