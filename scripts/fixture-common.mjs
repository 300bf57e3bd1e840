/**
 * The start shared by the fixture scripts (make-fixture-db.mjs,
 * make-anonymous-fixture.mjs): both take <commit> <outdir>, run git in this
 * checkout and open databases with its better-sqlite3, so the argument check
 * and that setup live here once.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this script belongs to. */
export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs git in the checkout; returns its trimmed stdout. */
export const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

/**
 * Reads `<commit> <outdir>` from the command line (exits 2 with the usage
 * line of `script` if either is missing) and resolves them: the full commit
 * id, the absolute output directory, and better-sqlite3 from this checkout.
 */
export function fixtureArgs(script) {
  const [commitArg, outArg] = process.argv.slice(2);
  if (!commitArg || !outArg) {
    process.stderr.write(`usage: node scripts/${script} <commit> <outdir>\n`);
    process.exit(2);
  }
  const commit = git('rev-parse', '--verify', `${commitArg}^{commit}`);
  const outDir = resolve(process.cwd(), outArg);
  const Database = createRequire(import.meta.url)(join(repo, 'node_modules', 'better-sqlite3'));
  return { commit, outDir, Database };
}
