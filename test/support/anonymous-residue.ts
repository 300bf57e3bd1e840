/**
 * Direct checks of an anonymous round's file (issue 13), beside the generic
 * leak search of sqlite-leaks.ts (copied from the forensics helper's
 * worktree): what the design promises, byte for byte.
 */
import { existsSync, statSync } from 'node:fs';
import { expect } from 'vitest';
import type { BallotScenario } from './ballots.js';
import { readSqlite, type FreeRegion } from './sqlite-forensics.js';
import { describeReport, findLinks } from './sqlite-leaks.js';

export interface Residue {
  /** Bytes of the -wal file (0 when absent). */
  readonly walBytes: number;
  /** Leftover regions (free pages, freeblocks past their 4-byte header, gaps) holding any non-zero byte. */
  readonly dirty: ReadonlyArray<Pick<FreeRegion, 'kind' | 'page' | 'offset' | 'structure'> & { readonly nonZero: number }>;
  /** Cells of the tables that could hold a ballot. */
  readonly cells: Readonly<Record<'response' | 'answer' | 'participation' | 'anon_round' | 'anon_ballot', number>>;
}

/** Freeblocks keep their link and size (4 bytes); freelist trunk pages their list of page numbers (the first 8 bytes + 4 per leaf). */
function payload(r: FreeRegion): Buffer {
  if (r.kind === 'freeblock') return r.bytes.subarray(4);
  if (r.kind === 'free-trunk') return r.bytes.subarray(8 + 4 * r.bytes.readUInt32BE(4));
  return r.bytes;
}

export function anonymousResidue(dbPath: string): Residue {
  const image = readSqlite(dbPath);
  const count = (name: string) => image.structures.find((s) => s.name === name)?.cells.length ?? 0;
  const dirty = image
    .freeRegions()
    .map((r) => ({ kind: r.kind, page: r.page, offset: r.offset, ...(r.structure ? { structure: r.structure } : {}), nonZero: payload(r).filter((b) => b !== 0).length }))
    .filter((r) => r.nonZero > 0);
  const wal = `${dbPath}-wal`;
  return {
    walBytes: existsSync(wal) ? statSync(wal).size : 0,
    dirty,
    cells: { response: count('response'), answer: count('answer'), participation: count('participation'), anon_round: count('anon_round'), anon_ballot: count('anon_ballot') },
  };
}

/**
 * The design's promises: no WAL left, no ballot rows, one tally cell, free
 * space zeroed. While the round is open, SQLite's gaps may keep the last slots
 * of a shrunk cell-pointer array (offsets of deleted cells, no content);
 * once closed, the file has been rebuilt by VACUUM and holds none.
 * NOTE: two structures are left out: sqlite_schema (its free space holds
 * CREATE statements, from `init` and VACUUM's own rewrite of the schema) and
 * store_flag (the slot of the flag cleared after VACUUM); neither ever holds
 * a member or an answer.
 */
export function expectClean(r: Residue, o: { closed: boolean }): void {
  expect(r.walBytes).toBe(0);
  expect(r.cells).toEqual({ response: 0, answer: 0, participation: 0, anon_round: 1, anon_ballot: 0 });
  const relevant = r.dirty.filter((d) => d.structure !== 'sqlite_schema' && d.structure !== 'store_flag');
  expect(relevant.filter((d) => !(d.kind === 'gap' && !o.closed))).toEqual([]);
}

export function expectNoLinks(s: BallotScenario, order: ReadonlyArray<number>): void {
  const report = findLinks({ dbPath: s.cell.db, ...s.truth(order) });
  expect(report.leaks, describeReport(report)).toEqual([]);
}
