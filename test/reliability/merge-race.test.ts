/**
 * The short form of merge-race.slow.test.ts, in `npm test`: two merge
 * processes (the compiled CLI) on one database over the same files at once:
 * each file stored once, skipped by the other, no internal error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempUnit, writeCells } from '../support/bloc.js';
import { expectNoInternalError, runCliAsync } from '../support/cli.js';

const FILES = 150;

const merge = (db: string, dir: string, cwd: string) => runCliAsync(['--db', db, 'merge', dir, '--json'], { cwd });

describe('two merges at once', () => {
  it('store each file once between them, and neither fails', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    writeCells(join(bloc.dir, 'in'), { count: FILES, seed: 5 });
    const runs = await Promise.all([merge(bloc.db, 'in', bloc.dir), merge(bloc.db, 'in', bloc.dir)]);
    for (const r of runs) {
      expectNoInternalError(r);
      expect(r.status, r.stderr).toBe(0);
    }
    const counts = runs.map((r) => (JSON.parse(r.stdout) as { counts: { accepted: number; skipped: number; rejected: number } }).counts);
    expect(counts[0]!.accepted + counts[1]!.accepted).toBe(FILES);
    expect(counts[0]!.skipped + counts[1]!.skipped).toBe(FILES);
    expect(counts[0]!.rejected + counts[1]!.rejected).toBe(0);
    expect(bloc.query('SELECT COUNT(DISTINCT unit_code) AS n FROM merged_file')).toEqual([{ n: FILES }]);
  });
});
