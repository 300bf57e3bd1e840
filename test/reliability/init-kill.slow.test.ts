/**
 * Crash safety of `init`: the real compiled CLI killed with SIGKILL at random
 * moments (fixed seed) while it builds the database. Each time the target is
 * either absent (and `init` runs again) or a complete database that opens,
 * with its unit, readable by its owner only. Before the database was built
 * under a temporary name, 12 of 60 kills left a half-made file that init then
 * refused.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runMain } from '../support/cli.js';
import { seeded } from '../support/random.js';
import { tempDir } from '../support/temp.js';
import { count } from './level.js';

const KILLS = count(20, 60);

/** The compiled CLI's init on `db`; `arm` gets a function that SIGKILLs it. */
async function runInit(db: string, cwd: string, arm: (kill: () => void) => void): Promise<void> {
  const child = spawn(process.execPath, [BIN, '--db', db, 'init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng'], { cwd, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  arm(() => child.kill('SIGKILL'));
  await exited;
}

describe('init killed with SIGKILL', () => {
  it(`leaves either no file or a complete one that opens (${KILLS} kills)`, async () => {
    const rnd = seeded(14);
    let absent = 0;
    let complete = 0;
    // How long a whole init takes here (start-up included), to kill anywhere in it:
    // the slowest of three runs, because CI runs other suites beside this one and
    // one quick calibration once put every kill before the rename.
    let whole = 0;
    for (let c = 0; c < 3; c++) {
      const calibrate = tempDir('tusoi-init-kill-');
      const t0 = performance.now();
      await runInit(join(calibrate, 'cell.sqlite'), calibrate, () => {});
      whole = Math.max(whole, performance.now() - t0);
    }
    /** One init killed after `delay` ms, then the checks on what it left. */
    const killOnce = async (delay: number): Promise<void> => {
      const dir = tempDir('tusoi-init-kill-');
      const db = join(dir, 'cell.sqlite');
      await runInit(db, dir, (kill) => setTimeout(kill, delay));
      if (!existsSync(db)) {
        absent++;
        // Nothing at the target: init simply runs again (a hidden temporary file may stay behind).
        expect(readdirSync(dir).every((f) => /^\.cell\.sqlite\.\d+-[0-9a-f]{8}\.init(-journal)?$/.test(f)), readdirSync(dir).join(' ')).toBe(true);
        const again = await runMain(['--db', db, 'init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng'], { cwd: dir });
        expect(again.status, again.stderr).toBe(0);
      } else complete++;
      expect(statSync(db).mode & 0o777).toBe(0o600);
      const status = await runMain(['--db', db, '--json', 'status'], { cwd: dir });
      expect(status.status, status.stderr).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ unit: { code: 'CB03', name: 'Chi bộ Văn phòng' } });
    };
    for (let k = 0; k < KILLS; k++) await killOnce(Math.floor(rnd() * whole * 1.5));
    // The kills must have reached both sides of the rename. On a loaded machine a
    // run can still be slower than every calibration run, so a side that no
    // random delay reached gets its own kills: later and later for "after", right
    // at the start for "before" (at most five each, so the test stays bounded).
    for (let extra = 1; complete === 0 && extra <= 5; extra++) await killOnce(whole * (1 + extra));
    for (let extra = 0; absent === 0 && extra < 5; extra++) await killOnce(extra);
    expect(absent, 'some kills before the database was in place').toBeGreaterThan(0);
    expect(complete, 'some kills after').toBeGreaterThan(0);
  }, 600_000);
});
