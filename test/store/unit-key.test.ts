/**
 * A key per unit (issue 17): databases made before this change (the fixtures
 * of test/fixtures/db) get one on their first use, keep it, and keep every
 * count; a database read in memory (not writable) is given no key that would
 * be thrown away with the copy.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../support/memory-io.js';
import { sealFolder } from '../support/read-only.js';
import { tempDir } from '../support/temp.js';
import { FIXTURE_DB_ROOT, SOLID_GROUND_BUILDS } from '../support/fixture-dbs.js';
import { publicKeyText } from '../../src/exchange/signature.js';
import { withDatabase } from '../../src/store/db.js';
import { unitKey, unitPublicKeyText } from '../../src/store/unit-key.js';

const ROOT = FIXTURE_DB_ROOT;
const BUILDS = SOLID_GROUND_BUILDS;

async function tusoi(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ cwd: dir, now: new Date('2026-11-23T09:00:00Z') });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

type Json = Record<string, any>;
const counts = (r: Json) => ({ members: r.members, respondents: r.respondents, overall: r.overall.counts, behaviours: r.behaviours.map((b: Json) => [b.id, b.counts]) });

describe.each(BUILDS)('a database made by %s', (build) => {
  const expected = JSON.parse(readFileSync(join(ROOT, build, 'expected.json'), 'utf8')) as { fixtures: Record<string, { file: string; report: Json }> };

  it.each(Object.keys(expected.fixtures))('%s gets a key on its first use, keeps it, and keeps every count', async (name) => {
    const dir = tempDir('tusoi-key-fixture-');
    const f = expected.fixtures[name]!;
    copyFileSync(join(ROOT, build, f.file), join(dir, f.file));
    const first = await tusoi(dir, ['--db', f.file, '--json', 'unit', 'key']);
    expect(first.code, first.err).toBe(0);
    const fp = (JSON.parse(first.out) as { fingerprint: string }).fingerprint;
    expect(fp).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const again = await tusoi(dir, ['--db', f.file, '--json', 'unit', 'key']);
    expect((JSON.parse(again.out) as { fingerprint: string }).fingerprint).toBe(fp);
    const report = await tusoi(dir, ['--db', f.file, '--json', 'report']);
    expect(report.code, report.err).toBe(0);
    expect(counts(JSON.parse(report.out) as Json)).toEqual(counts(f.report));
  });

  it('read where it cannot be written, an old database is given no throwaway key: unit key says so, export is unsigned and says so', async () => {
    const dir = tempDir('tusoi-key-ro-');
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    const f = expected.fixtures['cell-named']!;
    copyFileSync(join(ROOT, build, f.file), join(ro, f.file));
    expect(sealFolder(ro), 'a read-only folder: a read-only bind mount (as root) or chmod').toBe(true);
    const key = await tusoi(ro, ['--db', f.file, 'unit', 'key']);
    expect(key.code).not.toBe(0);
    expect(key.err).toContain('chưa có khóa ký');
    const exported = await tusoi(dir, ['--db', join(ro, f.file), 'export', '--out', join(dir, 'x.csv')]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.err).toContain('không có chữ ký');
    const row = readFileSync(join(dir, 'x.csv'), 'utf8').split('\r\n')[1]!;
    expect(row.endsWith(',,')).toBe(true);
  });
});

describe('the public key read without key objects', () => {
  it('is the key node:crypto reads from the same DER, for a new database and for each fixture build', async () => {
    const dir = tempDir('tusoi-key-text-');
    expect((await tusoi(dir, ['--db', 'c.sqlite', 'init', '--unit-code', 'CB03', '--unit-name', 'Chi bộ Văn phòng'])).code).toBe(0);
    const files = [join(dir, 'c.sqlite')];
    for (const build of BUILDS) {
      const f = Object.values((JSON.parse(readFileSync(join(ROOT, build, 'expected.json'), 'utf8')) as { fixtures: Record<string, { file: string }> }).fixtures)[0]!;
      const copy = join(dir, `${build}-${f.file}`);
      copyFileSync(join(ROOT, build, f.file), copy);
      expect((await tusoi(dir, ['--db', copy, 'unit', 'key'])).code).toBe(0); // gives the old database its key
      files.push(copy);
    }
    for (const file of files) {
      const [fast, slow] = withDatabase(file, (db) => [unitPublicKeyText(db), publicKeyText(unitKey(db)!.publicKey)]);
      expect(fast, file).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fast, file).toBe(slow);
    }
  });
});
