/**
 * Folders tusoi may not write, for real. Root ignores file modes, so as root
 * a folder is made read-only by a read-only bind mount of itself (EROFS for
 * everyone); as another user, by chmod (files 0444, folder 0555). Either way
 * the folder is writable again, and unmounted, when the test ends.
 *
 * `nobodyCli` runs the compiled CLI as an unprivileged user (setpriv, from a
 * world-readable copy of tusoi: test/support/readable-install.ts), for the
 * cases only file modes make: a 0444 file in a writable folder.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { CliResult } from './cli.js';
import { BIN } from './cli.js';
import { readableInstall } from './readable-install.js';

export const isRoot = process.getuid?.() === 0;

/**
 * Makes `dir` read-only for this process and its children. Returns false when
 * that cannot be done here (root without the right to mount): the caller then
 * runs its checks as an unprivileged user instead.
 */
export function sealFolder(dir: string): boolean {
  if (isRoot) {
    if (spawnSync('mount', ['--bind', dir, dir]).status !== 0) return false;
    // Registered after the folder's own removal (tempDir), so it runs first.
    onTestFinished(() => void spawnSync('umount', [dir]));
    return spawnSync('mount', ['-o', 'remount,ro,bind', dir]).status === 0;
  }
  for (const f of readdirSync(dir)) chmodSync(join(dir, f), 0o444);
  chmodSync(dir, 0o555);
  onTestFinished(() => chmodSync(dir, 0o755));
  return true;
}

/** a+rX on a folder and the files in it, so the unprivileged user can reach them. */
export function shareFolder(dir: string, fileMode = 0o644): void {
  chmodSync(dir, 0o755);
  for (const f of readdirSync(dir)) if (statSync(join(dir, f)).isFile()) chmodSync(join(dir, f), fileMode);
}

/**
 * A runner of the compiled CLI as user 65534 when root (as this user otherwise), in `cwd`.
 * Make it in a `beforeAll`: as root it copies a world-readable tusoi (removed after the file).
 */
export function nobodyCli(): (args: ReadonlyArray<string>, cwd: string) => CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', TUSOI_LANG: '' };
  const bin = isRoot ? readableInstall() : BIN;
  return (args, cwd) => {
    const r = isRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args], { encoding: 'utf8', cwd, env })
      : spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}
