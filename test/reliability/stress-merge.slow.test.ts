/**
 * Crash safety of the merge: `tusoi merge` killed with SIGKILL at random
 * points (fixed seed), rerun each time: the database only ever holds whole
 * files, and the final totals are right.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/random.js';
import { bundled, tempUnit, writeCells, type ReportJson } from '../support/bloc.js';
import { BIN } from '../support/cli.js';
import { count } from './level.js';

const KILLS = count(3, 10);
const FILES = count(1000, 4000);

function mergedCount(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT COUNT(*) AS n FROM merged_file').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

describe(`merge killed ${KILLS} times`, () => {
  it('keeps only whole files, and the last rerun gives the right totals', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'in'), { count: FILES, seed: 17 });
    const rnd = seeded(31);
    let before = 0;
    for (let k = 0; k < KILLS; k++) {
      const child = spawn(process.execPath, [BIN, '--db', bloc.db, 'merge', 'in'], { cwd: bloc.dir, stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      // Kill as soon as a new batch of files has landed (or, by chance, just before), after a random delay.
      if (rnd() < 0.7) for (let i = 0; i < 800 && mergedCount(bloc.db) <= before; i++) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.floor(rnd() * 60)));
      child.kill('SIGKILL');
      await exited;
      const now = mergedCount(bloc.db);
      expect(now).toBeGreaterThanOrEqual(before);
      before = now;
      // Every stored file is whole: its unit row and all 111 behaviours are there.
      const whole = bloc.query<{ units: number; behaviours: number }>(
        "SELECT (SELECT COUNT(*) FROM merged_unit u WHERE u.file_id = f.id) AS units, (SELECT COUNT(*) FROM json_each(f.summary_json, '$.rows') r WHERE json_extract(r.value, '$[0]') = 'behaviour') AS behaviours FROM merged_file f",
      );
      expect(whole.every((w) => w.units === 1 && w.behaviours === 111)).toBe(true);
      expect(bloc.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    }
    expect(before, 'the kills must leave the merge unfinished').toBeLessThan(FILES);

    const rerun = await bloc.cli(['merge', 'in', '--json']);
    expect(rerun.status).toBe(0);
    const counts = JSON.parse(rerun.stdout).counts as { accepted: number; skipped: number };
    expect(counts.accepted + counts.skipped).toBe(FILES);
    expect(counts.skipped).toBe(before);
    const j = JSON.parse((await bloc.cli(['report', '--json'])).stdout) as ReportJson;
    expect(j.respondents).toBe(cells.reduce((n, c) => n + c.summary.respondents, 0));
    const q = bundled();
    for (const b of q.groups[0]!.manifestations[3]!.behaviours) {
      expect(j.behaviours.find((x) => x.id === b.id)!.counts['thinh-thoang']).toBe(cells.reduce((n, c) => n + c.summary.behaviours.get(b.id)!['thinh-thoang']!, 0));
    }
  }, 600_000);
});
