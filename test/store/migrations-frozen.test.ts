/**
 * Released migration steps never change: each step's file is held here by its
 * sha256 (the file's text as UTF-8, CRLF read as LF so a Windows checkout
 * gives the same value). A step is released once it is on the main branch;
 * add its hash in the same commit. Changing a released step fails here:
 * databases made by it exist, and `migrate()` would never run it again on
 * them (step 2 was once edited like that; step 4 repairs it).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';

const RELEASED: Readonly<Record<number, string>> = {
  1: '06d9b34b7d04870bc02ac63bc2a75fd58b1eaadfc926aec8e0737f54636f41d7',
  2: 'e4cbad259528d47aaf66d416be5272de693857ce744deb5f6b4808931d73a986',
  3: 'bac2d4fb619c18e73d228cac982dd9439d13b7e24b3b5176d76785a5236335fb',
  4: 'bb705e3d46d6f6f41f99cc27f22df32e83d4e2873aa48c96bbcf42cf2515e393',
  5: '7058b59b9436618d77accff25c42ac448ce19a33f93210fc747e11258bc47b76',
  6: '22de5082bff57f0841c2eba488503b5470684419fc20b8ce96e123a045e3fba3',
  7: 'becc3310ac19cdb659df639a0badc399c392cf53cf9d45d36e4c329d2bd02c07',
  8: '87da218064fc4d6ed3054132ee7b58622ff59e990afd15bea70289ff73f56ebb',
  9: 'fae7f0d61dfffbdfa9c58e9148ddb4005cda388914771bf415562d759713a321',
  10: 'fbe00319b86943c370dbdeae52db53d7b7d3da6c2f07526d415d30e717c6b756',
  11: 'bd83f10cd52a9e02ebe18824b07cd3fb9653b7bb59138609c1b9b20c19051fb8',
  12: 'd214ab3a20b39598bdb8f3597b58ca92e09256984a98adeb64caeaf179869b2f',
};

const DIR = resolve(import.meta.dirname, '..', '..', 'src', 'store', 'migrations');
const steps = readdirSync(DIR)
  .map((name) => ({ name, n: /^(\d{3})-[a-z0-9-]+\.ts$/.exec(name)?.[1] }))
  .filter((s): s is { name: string; n: string } => s.n !== undefined)
  .map((s) => ({ file: s.name, version: Number(s.n) }))
  .sort((a, b) => a.version - b.version);

/** The hash a step is frozen by. */
function stepHash(file: string): string {
  return createHash('sha256').update(readFileSync(join(DIR, file), 'utf8').replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** Steps another branch owns, held in MIGRATIONS by an in-code placeholder until the lead merges (no file here). */
const PLACEHOLDER = 'placeholder (lead replaces at merge)';
const placeholders = new Set(MIGRATIONS.filter((m) => m.name === PLACEHOLDER).map((m) => m.version));

describe('migration steps', () => {
  it('are one file each, numbered 1..n, in the order MIGRATIONS runs them', async () => {
    expect(steps.map((s) => s.version)).toEqual(MIGRATIONS.map((_, i) => i + 1).filter((v) => !placeholders.has(v)));
    for (const s of steps) {
      const { migration } = (await import(join(DIR, s.file))) as { migration: (typeof MIGRATIONS)[number] };
      expect(migration.version, s.file).toBe(s.version);
      expect(MIGRATIONS[s.version - 1], `${s.file} is not step ${s.version} of MIGRATIONS`).toBe(migration);
    }
  });

  it.each(steps)('$file is unchanged since it was released', async ({ file, version }) => {
    const frozen = RELEASED[version];
    if (frozen === undefined) {
      expect.fail(`migration ${version} (${file}) has no recorded hash: once it is final, add ${version}: '${stepHash(file)}' to RELEASED in this file`);
    }
    if (stepHash(file) !== frozen) expect.fail(`released migration ${version} changed: add a new step instead (${file})`);
  });

  it('no released step is missing', () => {
    for (const v of Object.keys(RELEASED).map(Number)) expect(steps.some((s) => s.version === v), `released migration ${v} removed: keep it (a step that is no longer wanted stays as an empty placeholder)`).toBe(true);
  });
});
