/**
 * Reports that do not mislead (issue 15, part 5), in-process through
 * `main(argv, io)` on real SQLite files: the bloc names the units that have
 * not reported in every format, an anonymous round too small to hide anyone
 * is flagged, dates are Vietnamese where people read them and ISO where
 * programs do, the signature block follows the unit's level, and `unit import`
 * infers levels from the file's parent links.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { behaviourIds } from '../support/behaviour-ids.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { tempUnit, writeCells } from '../support/bloc.js';

async function answer(cell: TempCell, members: number): Promise<void> {
  const ids = await behaviourIds(cell);
  for (let i = 1; i <= members; i++) {
    const form = join(cell.dir, `f${i}.csv`);
    writeFileSync(form, `behaviour,level\n${ids.map((id, k) => `${id},${(k + i) % 7 === 0 ? 'thinh-thoang' : 'khong'}`).join('\n')}\n`);
    const r = await cell.cli(['answer', '--member', `M00${i}`, '--answers', form]);
    if (r.status !== 0) throw new Error(r.stderr);
  }
}

describe('the bloc report names the units that have not reported', () => {
  it('in text, HTML and JSON, from the list given to unit import', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'in'), { count: 3, seed: 5, parents: ['DUK'] });
    const list = join(bloc.dir, 'don-vi.csv');
    writeFileSync(list, `Mã,Tên,Cấp trên\n${cells.map((c) => `${c.code},Chi bộ ${c.code},DUK`).join('\n')}\nCB98,Chi bộ Kho bạc,DUK\nCB99,Chi bộ Thuế,DUK\n`);
    expect((await bloc.cli(['unit', 'import', list])).status).toBe(0);
    // Two of the three cells report.
    const merged = await bloc.cli(['merge', join(bloc.dir, 'in', cells[0]!.fileName), join(bloc.dir, 'in', cells[1]!.fileName)]);
    expect(merged.status).toBe(0);

    const text = (await bloc.cli(['report'])).stdout;
    expect(text).toContain('Chưa báo cáo: 3/5 đơn vị');
    for (const code of [cells[2]!.code, 'CB98', 'CB99']) expect(text).toMatch(new RegExp(`^  ${code}\\s+Chi bộ`, 'm'));
    expect(text).not.toMatch(new RegExp(`^  ${cells[0]!.code}\\s`, 'm'));
    expect(text).toContain('Chi bộ Kho bạc');

    expect((await bloc.cli(['report', '--format', 'html', '--out', 'b.html'])).status).toBe(0);
    const html = readFileSync(join(bloc.dir, 'b.html'), 'utf8');
    expect(html).toContain('Chưa báo cáo: 3/5 đơn vị');
    expect(html).toContain('<td>CB99</td><td>Chi bộ Thuế</td>');
    // A committee signs for its committee.
    expect(html).toContain('T/M ĐẢNG ỦY');
    expect(html).not.toContain('T/M CHI BỘ');

    const j = JSON.parse((await bloc.cli(['report', '--json'])).stdout) as { schema: number; coverage: { expected: number; missing: Array<{ code: string; level: string; parent: string }> } };
    expect(j.schema).toBe(3);
    expect(j.coverage.expected).toBe(5);
    expect(j.coverage.missing.map((u) => u.code).sort()).toEqual([cells[2]!.code, 'CB98', 'CB99'].sort());
    expect(j.coverage.missing[0]).toMatchObject({ level: 'chi-bo', parent: 'DUK' });

  });

  it('says it cannot tell who is missing when no unit list was imported', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'in'), { count: 2, seed: 5, parents: ['DUK'] });
    expect((await bloc.cli(['merge', 'in'])).status).toBe(0);
    const text = (await bloc.cli(['report'])).stdout;
    expect(text).toContain('Chưa có danh sách đơn vị trực thuộc');
    expect(text).toContain(cells[0]!.code);
    const j = JSON.parse((await bloc.cli(['report', '--json'])).stdout) as { coverage: { expected: number; missing: unknown[] } };
    expect(j.coverage).toEqual({ expected: 0, missing: [] });
  });

  it('says every unit has reported when none is missing', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    const cells = writeCells(join(bloc.dir, 'in'), { count: 2, seed: 5, parents: ['DUK'] });
    writeFileSync(join(bloc.dir, 'u.csv'), `Mã,Tên,Cấp trên\n${cells.map((c) => `${c.code},Chi bộ ${c.code},DUK`).join('\n')}\n`);
    expect((await bloc.cli(['unit', 'import', 'u.csv'])).status).toBe(0);
    expect((await bloc.cli(['merge', 'in'])).status).toBe(0);
    const text = (await bloc.cli(['report'])).stdout;
    expect(text).toContain('Đủ 2/2 đơn vị đã báo cáo.');
    expect(text).not.toContain('Chưa báo cáo');
  });
});

describe('the per-unit "most reported" column under suppression', () => {
  it('ranks and lists only the figures shown, never a hidden one after them', async () => {
    const bloc = await tempUnit('DUK', 'khoi');
    writeCells(join(bloc.dir, 'in'), { count: 6, seed: 9, parents: ['DUK'] });
    expect((await bloc.cli(['merge', 'in'])).status).toBe(0);
    const plain = JSON.parse((await bloc.cli(['report', '--json'])).stdout) as { byUnit: Array<{ top: Array<{ reported: number | null }> }> };
    const j = JSON.parse((await bloc.cli(['report', '--json', '--suppress-below', '5'])).stdout) as { byUnit: Array<{ code: string; top: Array<{ id: string; reported: number | null }> }> };
    // Without suppression every unit has its three; with it, some figures are hidden and left out.
    expect(plain.byUnit.every((u) => u.top.length === 3)).toBe(true);
    expect(j.byUnit.some((u) => u.top.length < 3)).toBe(true);
    for (const u of j.byUnit) {
      const shown = u.top.map((t) => t.reported);
      expect(shown.every((n) => n !== null && n > 0), u.code).toBe(true);
      expect([...shown].sort((a, b) => b! - a!), u.code).toEqual(shown);
    }
    const text = (await bloc.cli(['report', '--suppress-below', '5'])).stdout;
    expect(text).toContain('Nhiều nhất (số được hiện)');
    expect(text.split('\n').find((l) => l.includes('Nhiều nhất'))!.length).toBeLessThanOrEqual(80);
  });
});

describe('unit import without a level column', () => {
  it('makes a unit that is another unit’s parent in the file a grassroots committee, the others cells', async () => {
    const bloc = await tempUnit('DUK', 'khoi', { round: false });
    writeFileSync(join(bloc.dir, 'u.csv'), 'Mã;Tên;Cấp trên\nDU01;Đảng ủy Sở Nội vụ;DUK\nCB01;Chi bộ Văn phòng;DU01\nCB02;Chi bộ Tổ chức;DU01\nCB10;Chi bộ Khoa Ngoại;DUK\n');
    expect((await bloc.cli(['unit', 'import', 'u.csv'])).status).toBe(0);
    const units = JSON.parse((await bloc.cli(['unit', 'list', '--json'])).stdout) as { units: Array<{ code: string; level: string }> };
    expect(Object.fromEntries(units.units.map((u) => [u.code, u.level]))).toEqual({ CB01: 'chi-bo', CB02: 'chi-bo', CB10: 'chi-bo', DU01: 'dang-uy-co-so' });
  });

  it('imports a list without parent links as cells, as before', async () => {
    const bloc = await tempUnit('DU01', 'dang-uy-co-so', { round: false });
    writeFileSync(join(bloc.dir, 'u.csv'), 'Mã,Tên\nCB01,Chi bộ Văn phòng\nCB02,Chi bộ Tổ chức\n');
    expect((await bloc.cli(['unit', 'import', 'u.csv'])).status).toBe(0);
    const units = JSON.parse((await bloc.cli(['unit', 'list', '--json'])).stdout) as { units: Array<{ code: string; level: string }> };
    expect(units.units.map((u) => u.level)).toEqual(['chi-bo', 'chi-bo']);
  });

  it('keeps the level column where there is one, and infers only its empty cells', async () => {
    const bloc = await tempUnit('DUK', 'khoi', { round: false });
    writeFileSync(join(bloc.dir, 'u.csv'), 'Mã,Tên,Cấp trên,Cấp\nDU01,Đảng ủy Sở Nội vụ,DUK,chi-bo-co-so\nCB01,Chi bộ Văn phòng,DU01,chi-bo\nDU02,Đảng ủy Sở Tài chính,DUK,\nCB06,Chi bộ Nghiệp vụ,DU02,\n');
    expect((await bloc.cli(['unit', 'import', 'u.csv'])).status).toBe(0);
    const units = JSON.parse((await bloc.cli(['unit', 'list', '--json'])).stdout) as { units: Array<{ code: string; level: string }> };
    expect(Object.fromEntries(units.units.map((u) => [u.code, u.level]))).toEqual({ CB01: 'chi-bo', CB06: 'chi-bo', DU01: 'chi-bo-co-so', DU02: 'dang-uy-co-so' });
  });
});

describe('an anonymous round with few respondents', () => {
  it('is flagged below 5 without --suppress-below, and below K with it', async () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Phạm Thị Hương', 'Hoàng Văn Em', 'Vũ Thị Phương'];
    const cell = await tempCell({ members: names, round: ['--label', '2026-an', '--anonymous'] });
    await answer(cell, 2);
    // An open anonymous round is not reported at all; the closed one is.
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    const text = (await cell.cli(['report'])).stdout;
    expect(text).toContain('đợt ẩn danh chỉ có 2 người trả lời (ít hơn 5)');
    const j = JSON.parse((await cell.cli(['report', '--json'])).stdout) as { smallAnonymous?: unknown };
    expect(j.smallAnonymous).toEqual({ respondents: 2, threshold: 5 });
    const html = await cell.cli(['report', '--format', 'html', '--out', 'r.html']);
    // A document written to a file warns on the terminal too: it may be shared unread.
    expect(html.stderr).toContain('ít hơn 5');
    expect(readFileSync(join(cell.dir, 'r.html'), 'utf8')).toContain('ít hơn 5');

    const five = await tempCell({ members: names, round: ['--label', '2026-an', '--anonymous'] });
    await answer(five, 5);
    expect((await five.cli(['round', 'close'])).status).toBe(0);
    expect((await five.cli(['report'])).stdout).not.toContain('đợt ẩn danh chỉ có');
    expect((await five.cli(['report', '--suppress-below', '10'])).stdout).toContain('chỉ có 5 người trả lời (ít hơn 10)');
    expect((await five.cli(['report', '--lang', 'en', '--suppress-below', '10'])).stdout).toContain('only 5 respondent(s) (fewer than 10)');
  });

  it('is not flagged in a named round, nor in an anonymous round nobody answered', async () => {
    const named = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026'] });
    await answer(named, 2);
    expect((await named.cli(['report'])).stdout).not.toContain('chỉ có');
    const empty = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026-an', '--anonymous'] });
    expect((await empty.cli(['round', 'close'])).status).toBe(0);
    const r = await empty.cli(['report']);
    expect(r.stdout).toContain('Chưa có phiếu nào được nộp.');
    expect(r.stdout).not.toContain('chỉ có');
  });
});

describe('dates and the signature block', () => {
  it('writes dd/mm/yyyy in Vietnamese text and HTML, ISO in English text, JSON and CSV; a cell signs T/M CHI BỘ', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Phạm Thị Hương'], round: ['--label', '2026'] });
    await answer(cell, 4);
    // The in-process clock is fixed (test/support/memory-io.ts): 23 November 2026.
    expect((await cell.cli(['report'])).stdout).toContain('Ngày lập: 23/11/2026');
    expect((await cell.cli(['report', '--lang', 'en'])).stdout).toContain('Date: 2026-11-23');
    expect((await cell.cli(['report', '--format', 'html', '--out', 'r.html', '--place', 'Hà Nội'])).status).toBe(0);
    const html = readFileSync(join(cell.dir, 'r.html'), 'utf8');
    expect(html).toContain('Ngày lập: 23/11/2026');
    expect(html).not.toContain('2026-11-23');
    expect(html).toContain('Hà Nội, ngày 23 tháng 11 năm 2026');
    expect(html).toMatch(/T\/M CHI BỘ<\/strong><br><strong>BÍ THƯ/);
    // The footer's page numbers are CSS margin boxes; the printed PDF is checked in test/browser.
    expect(html).toContain('@bottom-center { content: "Trang " counter(page) " / " counter(pages)');
    const j = JSON.parse((await cell.cli(['report', '--json'])).stdout) as { generatedOn: string };
    expect(j.generatedOn).toBe('2026-11-23');
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    const csv = (await cell.cli(['export', '--out', '-'])).stdout;
    expect(csv).toMatch(/,2026-11-23T/);
    expect(csv).not.toContain('23/11/2026');
  });
});
