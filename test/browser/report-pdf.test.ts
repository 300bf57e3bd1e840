/**
 * The HTML report in a real headless Chromium: the printed PDF exists, its
 * text holds the Vietnamese manifestation names as written, every page is
 * numbered and the last carries the signature block. Needs Debian's
 * chromium, a font with Vietnamese glyphs and poppler-utils (.ci/run installs them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCell } from '../support/cell.js';

describe('the printed report', () => {
  it('prints to an A4 PDF whose text has the Vietnamese manifestation names', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'], round: ['--label', '2026'] });
    const show = JSON.parse(cell.bin(['questionnaire', 'show', 'nq4-khoa-xii', '--json']).stdout) as {
      groups: Array<{ text: { vi: string }; manifestations: Array<{ id: string; text: { vi: string }; behaviours: Array<{ id: string }> }> }>;
    };
    const ids = show.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
    const form = join(cell.dir, 'f.csv');
    writeFileSync(form, `behaviour,level\n${ids.map((id, i) => `${id},${i % 9 === 0 ? 'thinh-thoang' : 'khong'}`).join('\n')}\n`);
    expect(cell.bin(['answer', '--member', 'M001', '--answers', form]).status).toBe(0);
    const r = cell.bin(['report', '--format', 'pdf', '--out', 'bao-cao.pdf', '--place', 'Hà Nội']);
    // Progress goes to stderr (the printing takes seconds); nothing else does: no warning, no browser noise.
    expect(r.stderr).toBe('Đang in PDF bằng chromium (thường mất vài giây)…\nĐã in xong PDF.\n');
    expect(r.status).toBe(0);
    const pdf = join(cell.dir, 'bao-cao.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    // Every page carries its number in the footer ("Trang 3 / 8"), each on its own page.
    for (let page = 1; page <= pages; page++) {
      const one = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
      expect(one, `page ${page}`).toMatch(new RegExp(`Trang ${page} / ${pages}\\s*$`));
    }
    // The signature block, as party documents are signed, on the last page.
    const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), pdf, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    expect(last).toMatch(/Hà Nội, ngày \d{2} tháng \d{2} năm \d{4} T\/M CHI BỘ BÍ THƯ \(Ký, ghi rõ họ tên\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA');
    expect(text).toContain('Chi bộ Văn phòng (CB03)');
    for (const g of show.groups) expect(text).toContain(g.text.vi);
    // The first words of every manifestation, as the resolution writes them.
    for (const m of show.groups.flatMap((g) => g.manifestations)) {
      const head = m.text.vi.split(' ').slice(0, 5).join(' ');
      expect(text, m.id).toContain(head);
    }
  });

  it('explains, instead of failing obscurely, when no browser is found', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    const r = cell.bin(['report', '--format', 'pdf'], { env: { PATH: '/nonexistent', TUSOI_CHROMIUM: '' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Chromium');
  });
});
