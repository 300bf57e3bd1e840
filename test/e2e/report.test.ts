/** `tusoi report` and `tusoi export` in-process through `main(argv, io)`, on a real cell database. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/wrap.js';
import { behaviourIds } from '../support/behaviour-ids.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { seeded } from '../support/random.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Phạm Thị Hương', 'Hoàng Văn Em', 'Vũ Thị Phương'];
const LEVELS = ['khong', 'thinh-thoang', 'thuong-xuyen'];

/** A cell where `n` members have answered random paper forms. */
async function answeredCell(n: number, roundArgs: string[] = ['--label', '2026'], seed = 1): Promise<TempCell> {
  const cell = await tempCell({ members: NAMES, round: roundArgs });
  const ids = await behaviourIds(cell);
  const rnd = seeded(seed);
  for (let i = 1; i <= n; i++) {
    const form = join(cell.dir, `f${i}.csv`);
    writeFileSync(form, `behaviour,level\n${ids.map((id) => `${id},${LEVELS[rnd() < 0.75 ? 0 : rnd() < 0.6 ? 1 : 2]}`).join('\n')}\n`);
    const r = await cell.cli(['answer', '--member', `M00${i}`, '--answers', form]);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return cell;
}

interface ReportJson {
  unit: { code: string; name: string; level: string };
  round: { label: string; anonymous: boolean };
  questionnaire: { id: string; version: string; sha256: string };
  units: Array<{ code: string; members: number; respondents: number }>;
  members: number;
  respondents: number;
  behaviours: Array<{ id: string; counts: Record<string, number | null>; suppressed?: boolean }>;
  manifestations: Array<{ id: string; counts: Record<string, number | null>; suppressed?: boolean }>;
  groups: Array<{ id: string; counts: Record<string, number | null> }>;
  overall: { counts: Record<string, number | null> };
}

describe('tusoi report', () => {
  let cell: TempCell;
  beforeAll(async () => {
    cell = await answeredCell(5);
  });

  it('--json follows the contract, and its counts equal a direct count of the stored answers', async () => {
    const r = await cell.cli(['report', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as ReportJson;
    expect(j.unit).toMatchObject({ code: 'CB03', name: 'Chi bộ Văn phòng', level: 'chi-bo' });
    expect(j.round).toMatchObject({ label: '2026', anonymous: false });
    expect(j.questionnaire).toMatchObject({ id: 'nq4-khoa-xii', version: '2026.1' });
    expect(j.units).toEqual([expect.objectContaining({ code: 'CB03', members: 6, respondents: 5 })]);
    expect([j.members, j.respondents]).toEqual([6, 5]);
    expect([j.behaviours.length, j.manifestations.length, j.groups.length]).toEqual([111, 27, 3]);
    const direct = cell.query<{ b: string; level: string; n: number }>(
      "SELECT a.behaviour_id AS b, a.level, COUNT(*) AS n FROM answer a JOIN response r ON r.id = a.response_id WHERE r.status = 'submitted' GROUP BY 1, 2",
    );
    for (const d of direct) expect(j.behaviours.find((b) => b.id === d.b)!.counts[d.level]).toBe(d.n);
    for (const item of [...j.behaviours, ...j.manifestations, ...j.groups, j.overall]) {
      expect(Object.values(item.counts).reduce((a, b) => a! + b!, 0)).toBe(5);
    }
    expect((await cell.cli(['report', '--format', 'json'])).stdout).toBe(r.stdout);
  });

  it('text: fits 80 columns, most reported first, no colour off a terminal', async () => {
    // NO_COLOR unset: off a terminal is reason enough for no colour.
    const r = await cell.cli(['report'], { env: { NO_COLOR: '' } });
    expect(r.status).toBe(0);
    for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toContain('Các hành vi được tự nhận nhiều nhất');
    const en = await cell.cli(['report', '--lang', 'en']);
    expect(en.stdout).toContain('Most reported behaviours');
    const coloured = await cell.cli(['report'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(coloured.stdout).toContain('\x1b[');
  });

  it('--suppress-below hides counts from 1 to K−1 as null, marked, with totals that cannot reveal them', async () => {
    const j = JSON.parse((await cell.cli(['report', '--json', '--suppress-below', '3'])).stdout) as ReportJson;
    const hidden = j.behaviours.filter((b) => b.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const b of j.behaviours) {
      const values = Object.values(b.counts);
      expect(values.filter((v) => v === null).length === 0 || values.filter((v) => v === null).length >= 2).toBe(true);
      for (const v of values) if (v !== null) expect(v === 0 || v >= 3).toBe(true);
    }
    expect((await cell.cli(['report', '--suppress-below', '1'])).status).toBe(2);
  });

  it('html: a self-contained file <unit>-<round>.html, readable by its owner only', async () => {
    const r = await cell.cli(['report', '--format', 'html']);
    expect(r.status).toBe(0);
    const file = join(cell.dir, 'CB03-2026.html');
    expect(r.stdout).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('nq4-khoa-xii');
    expect(html).toContain('Chi bộ Văn phòng (CB03)');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });
});

describe('tusoi export', () => {
  it('writes <unit>-<round>.csv (0600), provisional while the round is open and final once closed', async () => {
    const cell = await answeredCell(3);
    const open = await cell.cli(['export']);
    expect(open.status).toBe(0);
    expect(open.stderr).toContain('TẠM THỜI');
    const file = join(cell.dir, 'CB03-2026.csv');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(',provisional,');
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    const closed = await cell.cli(['export', '--separator', ';']);
    // The final export replaces the provisional one under the same name, as it should, and says so.
    expect(closed.stderr).toBe(`Đã ghi đè tệp cũ: ${file}\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(';final;');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    expect((await cell.cli(['export', '--out', '-'])).stdout).toContain('format,unit_code,round_label');
    expect((await cell.cli(['export', '--separator', '|'])).status).toBe(2);
  });

  it('in an anonymous round, neither the export nor the HTML report holds any member name', async () => {
    const cell = await answeredCell(6, ['--label', '2026', '--anonymous'], 9);
    // Open, it is not reported at all: a report between two turns would give one person away.
    const early = await cell.cli(['report', '--json']);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('ẩn danh');
    expect((await cell.cli(['export'])).status).toBe(1);
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect((await cell.cli(['export'])).status).toBe(0);
    expect((await cell.cli(['report', '--format', 'html'])).status).toBe(0);
    const json = (await cell.cli(['report', '--json'])).stdout;
    for (const f of ['CB03-2026.csv', 'CB03-2026.html']) {
      const text = readFileSync(join(cell.dir, f), 'utf8').normalize('NFC');
      for (const name of NAMES) {
        expect(text, `${name} in ${f}`).not.toContain(name);
        expect(text).not.toContain(name.split(' ').at(-1)! + ' ');
      }
    }
    for (const name of NAMES) expect(json).not.toContain(name);
  });
});

describe('a closed round keeps its figures', () => {
  it('adding a member after closing changes neither the participation nor the export', async () => {
    const cell = await answeredCell(3);
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect((await cell.cli(['export', '--out', 'a.csv'])).status).toBe(0);
    expect((await cell.cli(['member', 'add', 'Đinh Văn Mới'])).status).toBe(0);
    expect((await cell.cli(['export', '--out', 'b.csv'])).status).toBe(0);
    // Identical but for the moment of export (exported_at, to the second).
    const stamp = /'?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g;
    const a = readFileSync(join(cell.dir, 'a.csv'), 'utf8');
    const b = readFileSync(join(cell.dir, 'b.csv'), 'utf8');
    expect(a.match(stamp)).toHaveLength(1);
    expect(b.replace(stamp, 'T')).toBe(a.replace(stamp, 'T'));
    expect((JSON.parse((await cell.cli(['report', '--json'])).stdout) as ReportJson).members).toBe(6);
  });
});

describe('paper forms without a terminal', () => {
  it('take only an exact code or name, never a partial match nobody confirmed', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn Anh', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    const form = join(cell.dir, 'f.csv');
    writeFileSync(form, `behaviour,level\n${(await behaviourIds(cell)).map((id) => `${id},khong`).join('\n')}\n`);
    const partial = await cell.cli(['answer', '--member', 'van a', '--answers', form]);
    expect(partial.status).toBe(1);
    expect(cell.query('SELECT COUNT(*) AS n FROM response')).toEqual([{ n: 0 }]);
    expect((await cell.cli(['answer', '--member', 'nguyen van anh', '--answers', form])).status).toBe(0);
  });
});
