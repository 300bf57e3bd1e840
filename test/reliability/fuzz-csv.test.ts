/**
 * Broken CSV files, mutated from real ones with a fixed seed, for `merge` and
 * `member import`: no stack trace, no uncaught exception, nothing partly
 * stored; each file either refused with a located reason or, still valid,
 * accepted whole.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { seeded } from '../support/random.js';
import { tempUnit, writeCells } from '../support/bloc.js';
import { tempCell } from '../support/cell.js';
import { ROOT, STACK_LINE } from '../support/cli.js';
import { memoryIo } from '../support/memory-io.js';
import { count } from './level.js';
import { mutate } from './mutate.js';

const CASES = count(300, 1000);

describe(`${CASES} broken exports merged`, () => {
  it('each is refused with a reason or merged whole; nothing else is stored', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'src'), { count: 20, seed: 4 });
    const dir = join(bloc.dir, 'in');
    mkdirSync(dir);
    for (let seed = 1; seed <= CASES; seed++) {
      const cell = cells[seed % cells.length]!;
      writeFileSync(join(dir, `f${String(seed).padStart(4, '0')}.csv`), mutate(Buffer.from(cell.csv), seeded(seed)).bytes);
    }
    const r = await bloc.cli(['merge', 'in', '--json']);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const out = JSON.parse(r.stdout) as {
      counts: Record<string, number>;
      rejected: Array<{ file: string; problems: Array<{ code: string; message: string }> }>;
    };
    expect(out.counts.accepted! + out.counts.skipped! + out.counts.replaced! + out.counts.rejected!).toBe(CASES);
    for (const rej of out.rejected) {
      expect(rej.problems.length, rej.file).toBeGreaterThan(0);
      for (const p of rej.problems) expect(p.code, rej.file).toMatch(/^(EXPORT|MERGE|FILE)_[A-Z_]+$/);
    }
    // What was stored is whole, and each stored unit is one of the real cells with its real figures.
    const stored = bloc.query<{ unit_code: string; respondents: number; units: number; behaviours: number }>(
      "SELECT unit_code, respondents, (SELECT COUNT(*) FROM merged_unit u WHERE u.file_id = f.id) AS units, (SELECT COUNT(*) FROM json_each(f.summary_json, '$.rows') r WHERE json_extract(r.value, '$[0]') = 'behaviour') AS behaviours FROM merged_file f",
    );
    for (const s of stored) {
      const cell = cells.find((c) => c.code === s.unit_code);
      expect(cell, s.unit_code).toBeDefined();
      expect([s.respondents, s.units, s.behaviours]).toEqual([cell!.summary.respondents, 1, 111]);
    }
    expect(bloc.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  }, 300_000);
});

describe(`${CASES} broken member lists imported`, () => {
  it('each is refused with located rows (nothing stored) or imported whole', async () => {
    const cell = await tempCell();
    const samples = ['members-utf8-bom-comma.csv', 'members-cp1258-semicolon.csv', 'members-utf16-tab.txt', 'members-utf8-semicolon.csv'].map((f) =>
      readFileSync(join(ROOT, 'test/fixtures/csv', f)),
    );
    const dir = join(cell.dir, 'lists');
    mkdirSync(dir);
    let imported = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const file = join(dir, `l${seed}.csv`);
      writeFileSync(file, mutate(samples[seed % samples.length]!, seeded(50_000 + seed)).bytes);
      const before = cell.query<{ n: number }>('SELECT COUNT(*) AS n FROM member')[0]!.n;
      const io = memoryIo({ cwd: cell.dir });
      const code = await main(['--db', cell.db, '--json', 'member', 'import', file], io);
      expect([0, 1], `seed ${seed}: ${io.err()}`).toContain(code);
      expect(io.err(), `seed ${seed}`).not.toMatch(STACK_LINE);
      const after = cell.query<{ n: number }>('SELECT COUNT(*) AS n FROM member')[0]!.n;
      if (code === 0) {
        const added = (JSON.parse(io.out()) as { added: unknown[] }).added.length;
        expect(after - before, `seed ${seed}`).toBe(added);
        imported++;
      } else {
        expect(after, `seed ${seed}: nothing stored`).toBe(before);
        expect(io.err(), `seed ${seed}`).toMatch(/\[(CSV_[A-Z_]+)\]|tusoi: /);
      }
    }
    expect(imported).toBeLessThan(CASES);
  }, 300_000);
});
