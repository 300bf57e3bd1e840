/**
 * Words for people and long waits (issue 15, parts 6 and 7), in-process:
 * level ids shown as words where people read (JSON keeps ids), tusoi's
 * word for the none level in English, ASCII default file names, and a
 * line on stderr before and after Chromium prints a PDF.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { tempCell } from '../support/cell.js';
import { tempDir } from '../support/temp.js';

/** A stand-in for Chromium that writes the PDF it is asked for: the test is of tusoi's words, not of printing. */
function fakeChromium(): string {
  const file = join(tempDir('tusoi-fake-chromium-'), 'chromium');
  writeFileSync(file, '#!/bin/sh\nfor a; do case "$a" in --print-to-pdf=*) printf "%%PDF-1.4 fake" > "${a#--print-to-pdf=}";; esac; done\n');
  chmodSync(file, 0o755);
  return file;
}

describe('words for people', () => {
  it('status and unit list name the level in words; --json keeps the id', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    const status = await cell.cli(['status']);
    expect(status.stdout).toContain('Chi bộ Văn phòng (CB03, chi bộ)');
    expect(status.stdout).not.toContain('chi-bo');
    expect((await cell.cli(['status', '--lang', 'en'])).stdout).toContain('(CB03, party cell)');
    expect(JSON.parse((await cell.cli(['status', '--json'])).stdout).unit.level).toBe('chi-bo');

    const bloc = join(tempDir('tusoi-bloc-'), 'khoi.sqlite');
    const k = (args: string[]) => cell.cli(['--db', bloc, ...args]);
    expect((await k(['init', '--unit-code', 'DUK', '--unit-name', 'Đảng ủy Khối các cơ quan tỉnh', '--level', 'khoi'])).status).toBe(0);
    const units = join(cell.dir, 'don-vi.csv');
    writeFileSync(units, 'code,name,parent,level\nDU01,Đảng ủy Sở Nội vụ,DUK,dang-uy-co-so\nCB03,Chi bộ Văn phòng,DU01,chi-bo\n');
    expect((await k(['unit', 'import', units])).status).toBe(0);
    const list = (await k(['unit', 'list'])).stdout;
    expect(list).toContain('DU01  Đảng ủy Sở Nội vụ  (đảng ủy cơ sở, DUK)');
    expect(list).toContain('CB03  Chi bộ Văn phòng  (chi bộ, DU01)');
    expect(list).not.toMatch(/chi-bo|dang-uy-co-so/);
    expect((await k(['status'])).stdout).toContain('(DUK, Đảng ủy Khối)');
    expect(JSON.parse((await k(['unit', 'list', '--json'])).stdout).units.map((u: { level: string }) => u.level).sort()).toEqual(['chi-bo', 'dang-uy-co-so']);
  });

  it('in English the none level is "Never" wherever tusoi shows it; the questionnaire keeps its own label', async () => {
    expect(en.wording.noneLevel).toBe('Never');
    const show = await tempCell().then((c) => c.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--lang', 'en']));
    expect(show.stdout).toContain('Never · Occasionally · Frequently');
    const json = JSON.parse((await tempCell().then((c) => c.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json']))).stdout);
    expect(json.levels[0].label.en).toBe('None');

    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    // One paper form, so that the report has its chart and tables.
    const ids: string[] = json.groups.flatMap((g: { manifestations: Array<{ behaviours: Array<{ id: string }> }> }) => g.manifestations.flatMap((mf) => mf.behaviours.map((b) => b.id)));
    const form = join(cell.dir, 'phieu.csv');
    writeFileSync(form, `behaviour,level\n${ids.map((id, i) => `${id},${i % 9 === 0 ? 'thinh-thoang' : 'khong'}`).join('\n')}\n`);
    expect((await cell.cli(['answer', '--member', 'M001', '--answers', form])).status).toBe(0);
    const out = join(cell.dir, 'r.html');
    expect((await cell.cli(['report', '--format', 'html', '--out', out, '--lang', 'en'])).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    // The report's tables and chart show the two violation levels only (issue 15, part 5), so the
    // none level appears nowhere there, under either name.
    expect(html).toContain('Occasionally');
    expect(html).not.toMatch(/>None</);
  });
});

describe('files and long waits', () => {
  it('default file names of export and of the HTML/PDF report are ASCII: CB03-2026-an-danh.csv', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc'], round: ['--label', '2026 ẩn danh', '--anonymous'] });
    expect((await cell.cli(['round', 'close'])).status).toBe(0);
    const exported = await cell.cli(['export']);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('CB03-2026-an-danh.csv');
    expect((await cell.cli(['report', '--format', 'html'])).status).toBe(0);
    const pdf = await cell.cli(['report', '--format', 'pdf'], { env: { TUSOI_CHROMIUM: fakeChromium() } });
    expect(pdf.status, pdf.stderr).toBe(0);
    const made = readdirSync(cell.dir).filter((f) => /\.(csv|html|pdf)$/.test(f)).sort();
    expect(made).toEqual(['CB03-2026-an-danh.csv', 'CB03-2026-an-danh.html', 'CB03-2026-an-danh.pdf']);
  });

  it('PDF printing says on stderr that it is working, before Chromium starts and when it is done', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    const chromium = fakeChromium();
    const r = await cell.cli(['report', '--format', 'pdf'], { env: { TUSOI_CHROMIUM: chromium } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${vi.wording.pdfStarting('chromium')}\n${vi.wording.pdfDone}\n`);
    expect(r.stdout).toBe(`${vi.report.written(join(cell.dir, 'CB03-2026.pdf'))}\n`);
    expect(existsSync(join(cell.dir, 'CB03-2026.pdf'))).toBe(true);
    // Chromium failing: the first line was printed, then the error, never "done".
    writeFileSync(chromium, '#!/bin/sh\nexit 3\n');
    const failed = await cell.cli(['report', '--format', 'pdf', '--out', 'b.pdf'], { env: { TUSOI_CHROMIUM: chromium } });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(vi.wording.pdfStarting('chromium'));
    expect(failed.stderr).not.toContain(vi.wording.pdfDone);
  });
});
