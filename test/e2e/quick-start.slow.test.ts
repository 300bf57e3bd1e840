/**
 * The Quick start as printed, then its hints as printed. After `npm ci` (done
 * by whoever runs the tests), `npx tusoi demo` in a shell; every "try next"
 * line it prints that needs no terminal or browser is pasted into a fresh
 * shell (no npm variables: a new window, in the same folder, where npx finds
 * the project's tusoi) and must exit 0. A temporary npm
 * prefix keeps the machine's global one out of it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

/** A login-like shell environment: this one's, minus npm's variables and the language override. */
function freshShellEnv(prefix: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^npm_/i.test(k) && k !== 'TUSOI_LANG' && k !== 'INIT_CWD') env[k] = v;
  // node_modules/.bin folders that npm or vitest put on PATH are not on a user's PATH.
  // Only the .bin folders: a Node installed under node_modules (CI's other lines) stays on PATH.
  env.PATH = (env.PATH ?? '').split(':').filter((p) => !/node_modules\/\.bin\/?$/.test(p)).join(':');
  return { ...env, NO_COLOR: '1', npm_config_prefix: prefix, npm_config_update_notifier: 'false' };
}

function sh(line: string, env: Record<string, string>, cwd = ROOT) {
  return spawnSync('sh', ['-c', line], { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

describe('Quick start, then the printed hints', () => {
  it('npx tusoi demo prints hints that work pasted into a fresh shell', () => {
    const work = tempDir('tusoi-quick-');
    const env = freshShellEnv(join(work, 'npm-prefix'));
    // A folder with a space, as under a Windows user name: the hint must quote it.
    const dir = join(work, 'thu nghiem');
    const demo = sh(`npx tusoi demo --dir '${dir}'`, env);
    expect(demo.stderr).not.toMatch(/\n\s+at /);
    expect(demo.status).toBe(0);
    const hints = demo.stdout.split('\n').filter((l) => /^\s+npx tusoi /.test(l));
    expect(hints).toHaveLength(5);
    const pasteable = hints.filter((l) => !/ session|--format pdf/.test(l)).map((l) => l.trim());
    expect(pasteable).toHaveLength(3); // status --json, report --suppress-below 5, --help
    for (const line of pasteable) {
      const r = sh(line, env);
      expect({ line, status: r.status, stderr: r.stderr }).toEqual({ line, status: 0, stderr: '' });
      expect(r.stdout.length).toBeGreaterThan(100);
    }
    // The lines with a `# comment` paste too: the shell drops the comment. Their commands need a
    // terminal or a browser, so the probe swaps the command for --version and keeps the rest as printed.
    const commented = hints.filter((l) => l.includes(' # ')).map((l) => l.trim());
    expect(commented).toHaveLength(2);
    for (const line of commented) {
      const probe = line.replace(/ (session|report --format pdf)(?=\s+#)/, ' --version');
      expect(probe).not.toBe(line);
      const r = sh(probe, env);
      expect({ probe, status: r.status, stdout: r.stdout.trim() }).toEqual({ probe, status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    }
    expect(existsSync(join(work, 'npm-prefix', 'lib', 'node_modules'))).toBe(false); // nothing installed globally
  }, 300_000);
});
