/**
 * Committing many small writes in batches. A merge stores thousands of files;
 * a commit per file was a sixth of its time. Each item still goes in whole or
 * not at all (an item's own `db.transaction`, such as storeMergedFile's, nests
 * inside the batch as a savepoint), and a kill
 * loses at most the last batch, which a rerun simply does again.
 */
import type { Db } from './db.js';

export interface BatchLimits {
  /** Items per transaction at most. */
  readonly items: number;
  /** Milliseconds a transaction stays open at most, so readers and a second writer wait little. */
  readonly ms: number;
}

export const MERGE_BATCH: BatchLimits = { items: 500, ms: 250 };

export class WriteBatch {
  private count = 0;
  private started = 0;
  private readonly db: Db;
  private readonly limits: BatchLimits;
  /** Milliseconds, monotonic enough for batching; injected so tests can drive it. */
  private readonly clock: () => number;
  /** Called inside each new transaction, before its first item: the place to re-check what another process may have changed between batches. */
  private readonly onBegin: (() => void) | undefined;

  constructor(db: Db, limits: BatchLimits = MERGE_BATCH, clock: () => number = Date.now, onBegin?: () => void) {
    this.db = db;
    this.limits = limits;
    this.clock = clock;
    this.onBegin = onBegin;
  }

  /**
   * Runs one item inside the batch's write transaction (BEGIN IMMEDIATE, so
   * what `fn` reads is what it writes against: no other writer can change it
   * in between), first committing the batch if it is full or old. A new
   * transaction first runs `onBegin`, inside it.
   */
  run<T>(fn: () => T): T {
    if (this.count > 0 && (this.count >= this.limits.items || this.clock() - this.started > this.limits.ms)) this.commit();
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      this.started = this.clock();
      this.onBegin?.();
    }
    this.count++;
    return fn();
  }

  /** Commits what the batch holds (nothing to do when it holds nothing). */
  commit(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.count = 0;
  }

  /** Drops what the batch holds: after a failure, so nothing half-done is kept. */
  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.count = 0;
  }
}
