import type Database from 'better-sqlite3';

/** One schema step: `up` runs inside the transaction that sets `user_version` to `version`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}
