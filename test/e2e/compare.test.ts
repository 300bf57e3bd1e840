/** `report --compare` on two generated rounds with a known difference, in a cell and in a bloc; and the cell's measures. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell, type TempCell } from '../support/cell.js';
import { tempUnit } from '../support/bloc.js';

async function ids(cell: TempCell): Promise<string[]> {
  const q = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as { groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }> };
  return q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
}

/** Enters paper forms: member k reports the behaviours listed for them ("thinh-thoang"), nothing else. */
async function answerRound(cell: TempCell, reports: string[][]): Promise<void> {
  const all = await ids(cell);
  for (const [k, flagged] of reports.entries()) {
    const form = join(cell.dir, `f${k}.csv`);
    writeFileSync(form, `behaviour,level\n${all.map((id) => `${id},${flagged.includes(id) ? 'thinh-thoang' : 'khong'}`).join('\n')}\n`);
    const r = await cell.cli(['answer', '--member', `M00${k + 1}`, '--answers', form]);
    if (r.status !== 0) throw new Error(r.stderr);
  }
}

interface Change {
  id: string;
  before: { reported: number; percent: number };
  after: { reported: number; percent: number };
  change: { count: number; points: number };
}

describe('report --compare', () => {
  it('shows the known change between two rounds of a cell, and the same over merged data in a bloc', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Phạm Thị Hương'], round: ['--label', '2026'] });
    // 2026: TT4.3 reported by 3 of 4, DD5.1 by 1. 2027: TT4.3 by 1, DD5.1 by 2.
    await answerRound(cell, [['TT4.3'], ['TT4.3', 'DD5.1'], ['TT4.3'], []]);
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect((await cell.cli(['export', '--out', 'CB03-2026.csv'])).status).toBe(0);
    expect((await cell.cli(['round', 'open', '--label', '2027'])).status).toBe(0);
    await answerRound(cell, [['DD5.1'], ['TT4.3', 'DD5.1'], [], []]);
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    expect((await cell.cli(['export', '--out', 'CB03-2027.csv'])).status).toBe(0);

    const j = JSON.parse((await cell.cli(['report', '--json', '--compare', '2026'])).stdout) as { compare: { label: string; sameQuestionnaire: boolean; behaviours: Change[]; manifestations: Change[] } };
    expect(j.compare.label).toBe('2026');
    expect(j.compare.sameQuestionnaire).toBe(true);
    const tt43 = j.compare.behaviours.find((b) => b.id === 'TT4.3')!;
    expect(tt43).toMatchObject({ before: { reported: 3, percent: 75 }, after: { reported: 1, percent: 25 }, change: { count: -2, points: -50 } });
    expect(j.compare.behaviours.find((b) => b.id === 'DD5.1')!.change).toEqual({ count: 1, points: 25 });
    expect(j.compare.manifestations.find((m) => m.id === 'TT4')!.change).toEqual({ count: -2, points: -50 });
    expect(j.compare.behaviours.filter((b) => b.change.count !== 0).map((b) => b.id).sort()).toEqual(['DD5.1', 'TT4.3']);
    const text = (await cell.cli(['report', '--compare', '2026'])).stdout;
    expect(text).toContain('So với đợt 2026');
    // The arrow follows the change in share, which carries its unit; the count change is signed.
    expect(text).toMatch(/TT4\.3\s+3 \(75,0%\)\s+1 \(25,0%\)\s+▼ −50,0 điểm % \(−2\)/);
    expect(text).toMatch(/DD5\.1\s+\S+ \(\S+%\)\s+\S+ \(\S+%\)\s+▲ \+25,0 điểm % \(\+1\)/);
    const en = (await cell.cli(['report', '--compare', '2026', '--lang', 'en'])).stdout;
    expect(en).toMatch(/TT4\.3\s+3 \(75\.0%\)\s+1 \(25\.0%\)\s+▼ −50\.0 pp \(−2\)/);
    expect((await cell.cli(['report', '--compare', '1999'])).status).toBe(1);

    // The bloc, over merged data.
    const bloc = await tempUnit('DU01', 'dang-uy-co-so', { round: '2026' });
    expect((await bloc.cli(['merge', join(cell.dir, 'CB03-2026.csv')])).status).toBe(0);
    expect((await bloc.cli(['round', 'close'])).status).toBe(0);
    expect((await bloc.cli(['round', 'open', '--label', '2027'])).status).toBe(0);
    expect((await bloc.cli(['merge', join(cell.dir, 'CB03-2027.csv')])).status).toBe(0);
    const b = JSON.parse((await bloc.cli(['report', '--json', '--compare', '2026'])).stdout) as { compare: { behaviours: Change[] } };
    expect(b.compare.behaviours.find((x) => x.id === 'TT4.3')!.change).toEqual({ count: -2, points: -50 });
    expect((await bloc.cli(['report', '--format', 'html', '--compare', '2026', '--out', 'b.html'])).status).toBe(0);
    expect(readFileSync(join(bloc.dir, 'b.html'), 'utf8')).toContain('So với đợt 2026');
  });
});

describe('tusoi measure', () => {
  it('records the cell measures, shows them in the cell report, never in the export', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    expect((await cell.cli(['measure', 'add', 'Họp giao ban đầu tuần, phân công rõ người rõ việc', '--behaviour', 'TT4.3'])).status).toBe(0);
    expect((await cell.cli(['measure', 'add', 'Sinh hoạt chuyên đề về nêu gương'])).status).toBe(0);
    expect((await cell.cli(['measure', 'add', 'x', '--behaviour', 'ZZ9.9'])).status).toBe(2); // a bad option value: usage
    expect((await cell.cli(['measure', 'done', '1'])).status).toBe(0);
    expect((await cell.cli(['measure', 'done', '7'])).status).toBe(1);
    const list = JSON.parse((await cell.cli(['measure', 'list', '--json'])).stdout) as { measures: Array<{ id: number; behaviour: string | null; doneOn: string | null }> };
    expect(list.measures.map((m) => [m.id, m.behaviour, m.doneOn !== null])).toEqual([
      [1, 'TT4.3', true],
      [2, null, false],
    ]);
    const form = join(cell.dir, 'f.csv');
    writeFileSync(form, `behaviour,level\n${(await ids(cell)).map((id) => `${id},khong`).join('\n')}\n`);
    expect((await cell.cli(['answer', '--member', 'M001', '--answers', form])).status).toBe(0);
    expect((await cell.cli(['report'])).stdout).toContain('Biện pháp khắc phục của chi bộ');
    expect((JSON.parse((await cell.cli(['report', '--json'])).stdout) as { measures: unknown[] }).measures).toHaveLength(2);
    expect((await cell.cli(['export', '--out', '-'])).stdout).not.toContain('giao ban');
  });
});
