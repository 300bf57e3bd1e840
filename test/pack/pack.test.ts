/**
 * The package as users get it: `npm pack`, a global install into a fresh
 * prefix (npm 11 needs the native build allowed), then the installed `tusoi`.
 * Slow (better-sqlite3 is compiled, about a minute): `npm run test:pack`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

describe('npm pack', () => {
  it('installs from the tarball into a clean prefix and runs --version and demo', () => {
    const work = tempDir('tusoi-pack-');
    execFileSync('npm', ['pack', '--pack-destination', work], { cwd: ROOT, stdio: 'ignore' });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const listing = execFileSync('tar', ['tzf', join(work, tgz)], { encoding: 'utf8' });
    expect(listing).toContain('package/bin/tusoi.js');
    // Only the bundle ships (bin/tusoi.js runs it); the per-module build is for tests.
    expect(listing).toContain('package/dist/bundle/main.js');
    expect(listing).not.toMatch(/package\/dist\/(cli|store|services)\//);
    expect(listing).not.toContain('meta.json');
    expect(listing).toContain('package/questionnaires/nq4-khoa-xii.yaml');
    expect(listing).not.toMatch(/package\/(test|src|bench)\//);

    const prefix = join(work, 'prefix');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--allow-scripts=better-sqlite3', join(work, tgz)], { stdio: 'ignore', timeout: 600_000 });
    const bin = join(prefix, 'bin', 'tusoi');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.TUSOI_LANG;
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8', env }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const demo = execFileSync(bin, ['demo', '--dir', join(work, 'demo')], { encoding: 'utf8', env });
    expect(demo).toContain('11/12 chi bộ đã báo cáo');
    expect(demo).toContain('TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA');
  }, 900_000);
});
