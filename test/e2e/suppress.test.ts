/**
 * Small-count suppression through `tusoi report` in-process (`runMain`), on a
 * real cell database: the regression cases of issue 13.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell, type TempCell } from '../support/cell.js';

const SMALL = join(import.meta.dirname, '../fixtures/questionnaires/small.yaml');
const IDS = ['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương'];

interface Item {
  id: string;
  counts: Record<string, number | null>;
  percent: Record<string, number | null>;
  suppressed?: boolean;
}

/** A closed round where member i answered `answers[i]` (behaviour → level, "khong" elsewhere). */
async function cellWith(answers: ReadonlyArray<Readonly<Record<string, string>>>): Promise<TempCell> {
  const cell = await tempCell({ members: NAMES.slice(0, answers.length), round: ['--label', '2026', '--questionnaire', SMALL] });
  for (const [i, a] of answers.entries()) {
    const form = join(cell.dir, `f${i}.csv`);
    writeFileSync(form, `behaviour,level\n${IDS.map((id) => `${id},${a[id] ?? 'khong'}`).join('\n')}\n`);
    const r = await cell.cli(['answer', '--member', NAMES[i]!, '--answers', form]);
    expect(r.status, r.stderr).toBe(0);
  }
  expect((await cell.cli(['round', 'close'])).status).toBe(0);
  return cell;
}

async function reportJson(cell: TempCell, k: number): Promise<{ schema: number; behaviours: Item[]; manifestations: Item[]; groups: Item[]; overall: Item }> {
  const r = await cell.cli(['report', '--suppress-below', String(k), '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('report --suppress-below', () => {
  it('3 members all answering "thỉnh thoảng" on one behaviour, K = 5: nothing is shown that gives the 3 away (JSON and text)', async () => {
    const cell = await cellWith([{ 'A1.1': 'thinh-thoang' }, { 'A1.1': 'thinh-thoang' }, { 'A1.1': 'thinh-thoang' }]);
    const j = await reportJson(cell, 5);
    expect(j.schema).toBe(3);
    const a11 = j.behaviours.find((b) => b.id === 'A1.1')!;
    expect(a11).toEqual({ id: 'A1.1', counts: { khong: null, 'thinh-thoang': null, 'thuong-xuyen': null }, percent: { khong: null, 'thinh-thoang': null, 'thuong-xuyen': null }, suppressed: true });
    // Fewer respondents than K: every count of every row is hidden, zeros included.
    for (const it of [...j.behaviours, ...j.manifestations, ...j.groups, j.overall]) expect(Object.values(it.counts).every((v) => v === null), JSON.stringify(it)).toBe(true);
    expect(j.behaviours.map((b) => b.id)).toEqual(IDS);

    const text = (await cell.cli(['report', '--suppress-below', '5'])).stdout;
    expect(text).toContain('<5');
    expect(text).not.toMatch(/\b3 \(100/);
    expect(text).not.toMatch(/\b0 \(0,0%\)/);
    // Without suppression the cell's own report shows it.
    expect((await cell.cli(['report'])).stdout).toMatch(/3 \(100,0%\)/);
  });

  it('a manifestation forcing its behaviour: A1 "frequently 3" with A1.2 never frequent would give A1.1\u2019s 3 away, so A1.2 is hidden beside it', async () => {
    // 6 members, K = 3. A1.1: 3 frequently, 1 occasionally, 2 none (hidden). A1.2: 3 occasionally, no
    // one frequently. A1 = (0, 3, 3) has no small count and stays; alone beside it, A1.1's
    // "frequently" would be A1's 3. With A1.2 hidden too, a member's two answers can trade places.
    const cell = await cellWith([{ 'A1.1': 'thuong-xuyen' }, { 'A1.1': 'thuong-xuyen' }, { 'A1.1': 'thuong-xuyen' }, { 'A1.1': 'thinh-thoang', 'A1.2': 'thinh-thoang' }, { 'A1.2': 'thinh-thoang' }, { 'A1.2': 'thinh-thoang' }]);
    const j = await reportJson(cell, 3);
    const hiddenRow = { khong: null, 'thinh-thoang': null, 'thuong-xuyen': null };
    expect(j.manifestations.find((m) => m.id === 'A1')!.counts).toEqual({ khong: 0, 'thinh-thoang': 3, 'thuong-xuyen': 3 });
    expect(j.behaviours.find((b) => b.id === 'A1.1')).toMatchObject({ counts: hiddenRow, suppressed: true });
    expect(j.behaviours.find((b) => b.id === 'A1.2')).toMatchObject({ counts: hiddenRow, suppressed: true });
    expect(j.overall.counts).toEqual({ khong: 0, 'thinh-thoang': 3, 'thuong-xuyen': 3 });
    const text = (await cell.cli(['report', '--suppress-below', '3', '--lang', 'en'])).stdout;
    expect(text).toMatch(/^A1 +3 \(50\.0%\) +3 \(50\.0%\) /m);
    expect(text).toContain('2 other behaviour(s) with hidden counts (<3).');
  });
});
