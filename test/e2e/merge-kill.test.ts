/** SIGKILL in the middle of a merge: the database holds only whole files, and a rerun completes it. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bundled, tempUnit, writeCells, type ReportJson } from '../support/bloc.js';
import { BIN } from '../support/cli.js';

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

describe('merge killed midway', () => {
  it('keeps only whole files, and the rerun gives the right totals', async () => {
    const bloc = tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'in'), { count: 1500, seed: 17 });
    const child = spawn(process.execPath, [BIN, '--db', bloc.db, 'merge', 'in'], { cwd: bloc.dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until some files are in, then kill without warning.
    for (let i = 0; i < 400 && mergedCount(bloc.db) < 100; i++) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const partial = mergedCount(bloc.db);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1500);

    // Every stored file is whole: its unit rows and all 111 behaviours are there.
    const whole = bloc.query<{ units: number; behaviours: number }>(
      "SELECT (SELECT COUNT(*) FROM merged_unit u WHERE u.file_id = f.id) AS units, (SELECT COUNT(*) FROM json_each(f.summary_json, '$.rows') r WHERE json_extract(r.value, '$[0]') = 'behaviour') AS behaviours FROM merged_file f",
    );
    expect(whole.every((w) => w.units === 1 && w.behaviours === 111)).toBe(true);
    expect(bloc.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    const rerun = bloc.cli(['merge', 'in', '--json']);
    expect(rerun.status).toBe(0);
    const counts = JSON.parse(rerun.stdout).counts as { accepted: number; skipped: number };
    expect(counts.accepted + counts.skipped).toBe(1500);
    expect(counts.skipped).toBe(partial);
    const j = JSON.parse(bloc.cli(['report', '--json']).stdout) as ReportJson;
    expect(j.respondents).toBe(cells.reduce((n, c) => n + c.summary.respondents, 0));
    const q = bundled();
    const id = q.groups[0]!.manifestations[3]!.behaviours[2]!.id;
    expect(j.behaviours.find((b) => b.id === id)!.counts['thinh-thoang']).toBe(cells.reduce((n, c) => n + c.summary.behaviours.get(id)!['thinh-thoang']!, 0));
  }, 120_000);
});
