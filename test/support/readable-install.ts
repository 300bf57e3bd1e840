/**
 * A copy of what running `bin/tusoi.js` needs — bin, dist, questionnaires,
 * package.json and the runtime closure of its dependencies (not the dev tools,
 * not better-sqlite3's sources) — in a temporary folder every user can read.
 * For running tusoi as another (unprivileged) user from a checkout that user
 * cannot reach, such as a fresh clone in a private 0700 folder.
 */
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { ROOT } from './cli.js';
import { tempDir } from './temp.js';

/** Installed only for `npm install` to fetch a prebuilt binary; never loaded at run time. */
const INSTALL_ONLY = new Set(['prebuild-install']);

function packageDir(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || dirname(dir) === dir) throw new Error(`cannot find the dependency ${name} (from ${from}): run npm ci`);
  }
}

/** The folders of the packages tusoi loads at run time, found as Node finds them. */
function runtimePackages(): string[] {
  const found = new Set<string>();
  const visit = (dir: string) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      if (INSTALL_ONLY.has(name)) continue;
      const d = packageDir(name, dir);
      if (!found.has(d)) {
        found.add(d);
        visit(d);
      }
    }
  };
  visit(ROOT);
  return [...found];
}

/** better-sqlite3 needs its JavaScript and the compiled addon, not its 27 MB of sources and objects. */
function keep(source: string): boolean {
  const rel = relative(join(ROOT, 'node_modules', 'better-sqlite3'), source).split(sep);
  if (rel[0] === '..') return true;
  if (rel[0] === 'deps' || rel[0] === 'src') return false;
  return !(rel[0] === 'build' && rel[1] === 'Release' && rel.length > 2 && rel[2] !== 'better_sqlite3.node');
}

/** a+rX over a tree: every user may read files and enter folders. */
function makeReadable(path: string): void {
  const st = statSync(path);
  if (st.isDirectory()) {
    chmodSync(path, 0o755);
    for (const e of readdirSync(path)) makeReadable(join(path, e));
  } else chmodSync(path, (st.mode & 0o777) | 0o444 | (st.mode & 0o100 ? 0o111 : 0));
}

/** Copies a runnable tusoi into a new world-readable temporary folder (removed after the test); returns its `bin/tusoi.js`. */
export function readableInstall(): string {
  const dest = tempDir('tusoi-install-');
  for (const part of ['bin', 'dist', 'questionnaires', 'package.json']) cpSync(join(ROOT, part), join(dest, part), { recursive: true });
  for (const dir of runtimePackages()) cpSync(dir, join(dest, relative(ROOT, dir)), { recursive: true, filter: keep });
  makeReadable(dest);
  return join(dest, 'bin', 'tusoi.js');
}
