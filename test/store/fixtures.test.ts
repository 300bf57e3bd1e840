/**
 * Databases made by released builds (test/fixtures/db, see its README) open
 * with today's code, report the counts that build reported, and accept a new
 * merge. Each test works on copies in a temporary folder.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createDatabase } from '../../src/store/db.js';
import { LATEST_VERSION, migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { memoryIo } from '../support/memory-io.js';
import { tempDir } from '../support/temp.js';
import { FIXTURE_DB_ROOT, SOLID_GROUND_BUILDS } from '../support/fixture-dbs.js';

const ROOT = FIXTURE_DB_ROOT;
const BUILDS = SOLID_GROUND_BUILDS;
const SMALL = resolve(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'small.yaml');

interface Expected {
  readonly commit: string;
  readonly madeOn: string;
  readonly fixtures: Record<string, { readonly file: string; readonly unit: string; readonly report: Json; readonly status: Json }>;
}
type Json = Record<string, any>;

/** A temporary folder holding copies of one build's fixture files. */
function copies(build: string): string {
  const dir = tempDir('tusoi-fixture-test-');
  for (const f of readdirSync(join(ROOT, build))) if (f.endsWith('.sqlite')) copyFileSync(join(ROOT, build, f), join(dir, f));
  return dir;
}

const expectedOf = (build: string): Expected => JSON.parse(readFileSync(join(ROOT, build, 'expected.json'), 'utf8')) as Expected;

/** Runs tusoi in-process; returns stdout, failing the test on a non-zero exit. */
async function tusoi(dir: string, args: string[], now = new Date('2026-11-23T09:00:00Z')): Promise<string> {
  const io = memoryIo({ cwd: dir, now });
  const code = await main(args, io);
  expect(code, `tusoi ${args.join(' ')}: ${io.err()}`).toBe(0);
  return io.out();
}

const byId = (list: ReadonlyArray<Json> | undefined) => Object.fromEntries((list ?? []).map((x) => [x.id, x.counts]));

/** What a report says in numbers: no wording, percentages, names or dates. */
function reportCounts(r: Json) {
  return {
    unit: r.unit.code,
    round: { label: r.round.label, anonymous: r.round.anonymous, open: r.round.open },
    questionnaire: r.questionnaire.sha256,
    levels: r.levels,
    members: r.members,
    respondents: r.respondents,
    units: (r.units as Json[]).map((u) => [u.code, u.members, u.respondents]),
    behaviours: byId(r.behaviours),
    manifestations: byId(r.manifestations),
    groups: byId(r.groups),
    overall: r.overall?.counts,
    byUnit: (r.byUnit as Json[] | undefined)?.map((u) => [u.code, u.members, u.respondents]),
    measures: (r.measures as Json[] | undefined)?.length,
  };
}

function statusCounts(s: Json) {
  const c = s.coverage as Json | undefined;
  return {
    unit: s.unit.code,
    round: s.round && { label: s.round.label, anonymous: s.round.anonymous, kind: s.round.kind },
    members: s.members,
    submitted: s.submitted,
    inProgress: s.inProgress,
    notStarted: s.notStarted,
    memberStatus: (s.memberStatus as Json[] | undefined)?.map((m) => [m.code, m.status]),
    coverage: c && {
      expected: c.expected,
      reported: c.reported,
      byLevel: c.byLevel,
      missing: (c.missing as Json[]).map((m) => m.code),
      files: c.files,
      provisional: c.provisional,
      members: c.members,
      respondents: c.respondents,
    },
  };
}

const report = async (dir: string, db: string) => JSON.parse(await tusoi(dir, ['--db', db, 'report', '--format', 'json'])) as Json;
const status = async (dir: string, db: string) => JSON.parse(await tusoi(dir, ['--db', db, '--json', 'status'])) as Json;
const userVersion = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

/** A day after `day` ('YYYY-MM-DD'), at the given UTC time. */
const dayAfter = (day: string, n: number, time = '09:00:00') => new Date(Date.parse(`${day}T${time}Z`) + n * 86_400_000);

it('there are fixtures from the build before the step-2 edit and from schema 3 as released', () => {
  expect(BUILDS).toEqual(expect.arrayContaining(['before-exported-at-c2c31c0', 'v3-256b702']));
});

describe.each(BUILDS)('a database made by %s', (build) => {
  const expected = expectedOf(build);

  it.each(Object.keys(expected.fixtures))('%s opens, is migrated, and reports the counts that build reported', async (name) => {
    const dir = copies(build);
    const f = expected.fixtures[name]!;
    const rep = await report(dir, f.file);
    expect(userVersion(join(dir, f.file))).toBe(LATEST_VERSION);
    expect(reportCounts(rep)).toEqual(reportCounts(f.report));
    expect(statusCounts(await status(dir, f.file))).toEqual(statusCounts(f.status));
  });

  it('the bloc accepts a new merge: a newer provisional export replaces the stored one, a new cell is added', async () => {
    const dir = copies(build);
    const later = dayAfter(expected.madeOn, 1);
    const before = statusCounts(await status(dir, 'bloc.sqlite'));

    // CB04 (open named round): one more member answers; a newer provisional export.
    writeFileSync(join(dir, 'form.csv'), 'behaviour,level\nA1.1,thuong-xuyen\nA1.2,khong\nA2.1,thinh-thoang\nB1.1,khong\nB1.2,thuong-xuyen\n');
    await tusoi(dir, ['--db', 'cell-named.sqlite', 'answer', '--member', 'M004', '--answers', 'form.csv'], later);
    await tusoi(dir, ['--db', 'cell-named.sqlite', 'export', '--out', 'CB04.csv'], later);
    // CB06, the missing cell, made with today's code.
    copyFileSync(SMALL, join(dir, 'small.yaml'));
    await tusoi(dir, ['--db', 'CB06.sqlite', 'init', '--unit-code', 'CB06', '--unit-name', 'Chi bộ CB06', '--parent', 'DUK'], later);
    await tusoi(dir, ['--db', 'CB06.sqlite', 'member', 'add', 'Nguyễn Văn An', 'Trần Thị Bình'], later);
    await tusoi(dir, ['--db', 'CB06.sqlite', 'round', 'open', '--label', '2026', '--questionnaire', 'small.yaml'], later);
    for (const m of ['M001', 'M002']) await tusoi(dir, ['--db', 'CB06.sqlite', 'answer', '--member', m, '--answers', 'form.csv'], later);
    await tusoi(dir, ['--db', 'CB06.sqlite', 'round', 'close'], later);
    await tusoi(dir, ['--db', 'CB06.sqlite', 'export', '--out', 'CB06.csv'], later);

    await tusoi(dir, ['--db', 'bloc.sqlite', 'merge', 'CB04.csv', 'CB06.csv'], later);
    const after = statusCounts(await status(dir, 'bloc.sqlite'));
    expect(after.coverage).toEqual({
      ...before.coverage,
      reported: before.coverage!.reported + 1,
      byLevel: before.coverage!.byLevel.map((l: Json) => (l.level === 'chi-bo' ? { ...l, reported: l.reported + 1 } : l)),
      missing: before.coverage!.missing.filter((c: string) => c !== 'CB06'),
      files: before.coverage!.files + 1,
      members: before.coverage!.members + 2,
      respondents: before.coverage!.respondents + 3,
    });
    const rep = reportCounts(await report(dir, 'bloc.sqlite'));
    expect(rep.respondents).toBe(before.coverage!.respondents + 3);
    const db = new Database(join(dir, 'bloc.sqlite'), { readonly: true });
    const stamped = db.prepare<[], { unit: string }>(`SELECT unit_code AS unit FROM merged_file WHERE summary_json LIKE '{"storeFormat":1,%' ORDER BY unit_code`).all();
    db.close();
    expect(stamped.map((r) => r.unit)).toEqual(['CB04', 'CB06']);
    expect(rep.units).toContainEqual(['CB04', 4, 4]);
    expect(rep.units).toContainEqual(['CB06', 2, 2]);
  });
});

describe('merged files stored before they carried exported_at (migration step 4)', () => {
  const build = 'before-exported-at-c2c31c0';
  const expected = expectedOf(build);
  const stored = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT unit_code AS unit, status, exported_at AS exportedAt, merged_on AS mergedOn, respondents FROM merged_file ORDER BY unit_code').all() as Json[];
    } finally {
      db.close();
    }
  };

  /** Every table's columns (name, type, not null, key), in name order: the schema as queries see it. */
  const columns = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
      return Object.fromEntries(
        tables.map((t) => [
          t.name,
          db.prepare<[string], { name: string; type: string; notnull: number; pk: number }>('SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY name').all(t.name),
        ]),
      );
    } finally {
      db.close();
    }
  };
  const schemaSql = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name").all();
    } finally {
      db.close();
    }
  };

  it('a migrated database has the columns of a new one', async () => {
    const dir = copies(build);
    await status(dir, 'bloc.sqlite');
    createDatabase(join(dir, 'new.sqlite')).close();
    expect(columns(join(dir, 'bloc.sqlite'))).toEqual(columns(join(dir, 'new.sqlite')));
  });

  it('on a database made after the edit, step 4 only sets the version', () => {
    const file = join(copies('v3-256b702'), 'bloc.sqlite');
    const before = schemaSql(file);
    const db = new Database(file);
    try {
      expect(migrate(db, MIGRATIONS.slice(0, 4))).toEqual({ from: 3, to: 4, applied: [MIGRATIONS[3]!.name] });
    } finally {
      db.close();
    }
    expect(userVersion(file)).toBe(4);
    expect(schemaSql(file)).toEqual(before);
  });

  it('get exported_at = merged_on, the day', async () => {
    const dir = copies(build);
    await status(dir, 'bloc.sqlite');
    const rows = stored(join(dir, 'bloc.sqlite'));
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.exportedAt).toBe(r.mergedOn);
  });

  it('a provisional export of an earlier day counts as older; one of the merge day or later replaces it', async () => {
    const dir = copies(build);
    const day = expected.madeOn;
    writeFileSync(join(dir, 'form.csv'), 'behaviour,level\nA1.1,khong\nA1.2,khong\nA2.1,khong\nB1.1,khong\nB1.2,khong\n');
    await tusoi(dir, ['--db', 'cell-named.sqlite', 'answer', '--member', 'M004', '--answers', 'form.csv'], dayAfter(day, 0));
    const cb04 = () => stored(join(dir, 'bloc.sqlite')).find((r) => r.unit === 'CB04')!;
    await tusoi(dir, ['--db', 'bloc.sqlite', '--json', 'status']); // migrates
    const old = cb04();

    await tusoi(dir, ['--db', 'cell-named.sqlite', 'export', '--out', 'earlier.csv'], dayAfter(day, -1, '23:59:59'));
    await tusoi(dir, ['--db', 'bloc.sqlite', 'merge', 'earlier.csv'], dayAfter(day, 0));
    expect(cb04()).toEqual(old);

    await tusoi(dir, ['--db', 'cell-named.sqlite', 'export', '--out', 'same-day.csv'], dayAfter(day, 0, '00:00:00'));
    await tusoi(dir, ['--db', 'bloc.sqlite', 'merge', 'same-day.csv'], dayAfter(day, 0));
    expect(cb04()).toMatchObject({ status: 'provisional', exportedAt: `${day}T00:00:00Z`, respondents: old.respondents + 1 });
  });
});

// commit-crypto (issue 13, part 4): the commitment of cell-named.sqlite, made before commitments were sealed.
describe.each(BUILDS)('the commitment in %s/cell-named.sqlite, made before sealing (migration step 6)', (build) => {
  it('waits as it was, in unsealed_commitment, until its member’s next interview seals it (test/e2e/commitments-pty.slow.test.ts)', async () => {
    const dir = copies(build);
    const file = join(dir, 'cell-named.sqlite');
    const before = new Database(file, { readonly: true });
    const old = before.prepare('SELECT round_id AS round, member_id AS member, behaviour_id AS b, action, due, outcome FROM commitment').all();
    before.close();
    expect(old).toHaveLength(1);
    await status(dir, 'cell-named.sqlite'); // migrates
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT round_id AS round, member_id AS member, behaviour_id AS b, action, due, outcome FROM unsealed_commitment').all()).toEqual(old);
      expect(db.prepare('SELECT COUNT(*) AS n FROM sealed_commitment').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM member_key').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
