/**
 * The exchange format: what `export` writes parses back to the summary, and
 * survives the re-saves of Excel and LibreOffice; a changed count does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guard, headerFor, needsGuard, unguardText } from '../../src/exchange/columns.js';
import { exportCsv, exportRows, type ExportIdentity } from '../../src/exchange/export.js';
import { readExport } from '../../src/exchange/import.js';
import { parseQuestionnaire } from '../../src/questionnaire/parse.js';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { summarise, type Summary } from '../../src/summary/aggregate.js';
import { tempCell } from '../support/cell.js';
import { readRows, resaveCp1258Semicolon, resaveQuotedLf, resaveUtf16Tab } from '../support/excel.js';
import { seeded } from '../support/random.js';

const parsed = parseQuestionnaire(readFileSync(new URL('../../questionnaires/nq4-khoa-xii.yaml', import.meta.url), 'utf8'), 'nq4');
if (!parsed.ok) throw new Error('bundled invalid');
const q = parsed.questionnaire;

function cellSummary(seed: number, n: number): Summary {
  const rnd = seeded(seed);
  const ids = allBehaviours(q).map((b) => b.id);
  const responses = Array.from({ length: n }, () => new Map(ids.map((b) => [b, rnd() < 0.8 ? 'khong' : rnd() < 0.6 ? 'thinh-thoang' : 'thuong-xuyen'])));
  return summarise(q, responses, { code: 'CB03', name: 'Chi bộ Văn phòng “Số 1”, Sở Nội vụ', level: 'chi-bo', parentCode: 'DU01', members: n + 2 });
}

const identity: ExportIdentity = {
  tusoiVersion: '0.1.0',
  unit: { code: 'CB03', name: 'Chi bộ Văn phòng “Số 1”, Sở Nội vụ', level: 'chi-bo', parentCode: 'DU01' },
  roundLabel: '2026',
  status: 'final',
  exportedAt: '2026-11-23T09:00:00Z',
};

const plain = (s: Summary) => ({
  members: s.members,
  respondents: s.respondents,
  units: s.units,
  behaviours: Object.fromEntries(s.behaviours),
  manifestations: Object.fromEntries(s.manifestations),
  groups: Object.fromEntries(s.groups),
  overall: s.overall,
});

describe('export', () => {
  const summary = cellSummary(42, 17);
  const csv = exportCsv(exportRows(q, summary, identity, 'vi'), ',');

  it('is UTF-8 with BOM and CRLF: a header, the export row, a row per unit covered and per item', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n').length).toBe(1 + 1 + 1 + 1 + 3 + 27 + 111 + 1);
    const rows = readRows(csv);
    expect(rows[0]).toEqual(headerFor(['khong', 'thinh-thoang', 'thuong-xuyen']));
  });

  it('parsed back with csv-parse equals the summary', () => {
    const rows = readRows(csv);
    const header = rows[0]!;
    const at = (r: string[], c: string) => r[header.indexOf(c)]!;
    const items = rows.slice(1).filter((r) => at(r, 'row_type') === 'behaviour');
    expect(items).toHaveLength(111);
    for (const r of items) {
      const counts = summary.behaviours.get(at(r, 'item_id'))!;
      expect([Number(at(r, 'n_khong')), Number(at(r, 'n_thinh-thoang')), Number(at(r, 'n_thuong-xuyen'))]).toEqual([counts.khong, counts['thinh-thoang'], counts['thuong-xuyen']]);
    }
    const manifestations = rows.slice(1).filter((r) => at(r, 'row_type') === 'manifestation');
    for (const r of manifestations) expect(Number(at(r, 'n_khong'))).toBe(summary.manifestations.get(at(r, 'item_id'))!.khong);
    expect(unguardText(at(rows[1]!, 'round_label'))).toBe('2026');
  });

  it('reads back through the importer to the same summary, verified', () => {
    const r = readExport(Buffer.from(csv, 'utf8'), 'CB03-2026.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parsed.unit).toEqual(identity.unit);
    expect(r.parsed.roundLabel).toBe('2026');
    expect(plain(r.parsed.summary)).toEqual(plain(summary));
  });

  it.each([
    ['cp1258, ";" and CRLF (CSV on a Vietnamese Windows)', resaveCp1258Semicolon],
    ['UTF-16LE with tabs ("Unicode Text")', resaveUtf16Tab],
    ['every cell quoted, LF, trailing empty columns (LibreOffice)', resaveQuotedLf],
  ])('still parses and verifies after a re-save as %s', (_name, resave) => {
    const r = readExport(resave(csv), 'resaved.csv');
    expect(r.ok ? 'ok' : r.problems.map((p) => p.code)).toBe('ok');
    if (r.ok) expect(plain(r.parsed.summary)).toEqual(plain(summary));
  });

  it('verifies with another language or separator of the same figures', () => {
    const en = exportCsv(exportRows(q, summary, identity, 'en'), ';');
    const a = readExport(Buffer.from(csv), 'a.csv');
    const b = readExport(Buffer.from(en), 'b.csv');
    expect(a.ok && b.ok && a.parsed.integrity === b.parsed.integrity).toBe(true);
  });

  it('fails verification when one count is changed, naming the problem', () => {
    const rows = readRows(csv);
    const header = rows[0]!;
    const row = rows.find((r) => r[header.indexOf('item_id')] === 'TT4.3')!;
    const col = header.indexOf('n_khong');
    row[col] = String(Number(row[col]) - 1);
    row[header.indexOf('n_thinh-thoang')] = String(Number(row[header.indexOf('n_thinh-thoang')]) + 1); // keeps the arithmetic
    const r = readExport(Buffer.from(`\uFEFF${rows.map((x) => x.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`), 'edited.csv');
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['EXPORT_INTEGRITY']);
  });

  it('reports a truncated file, and a unit code that lost its leading zeros', () => {
    const cut = csv.slice(0, Math.floor(csv.length / 2));
    const r = readExport(Buffer.from(cut), 'cut.csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.code)).toContain('EXPORT_TRUNCATED');
    const numeric = exportCsv(exportRows(q, summary, { ...identity, unit: { ...identity.unit, code: 'X123' } }, 'vi'), ',').replaceAll('X123', '123');
    const n = readExport(Buffer.from(numeric), 'n.csv');
    expect(!n.ok && n.problems.map((p) => p.code)).toContain('EXPORT_NUMERIC_UNIT_CODE');
  });

  it('holds no member names: exported from a cell whose named members answered, none is in the file', async () => {
    const names = ['Nguyễn Văn Tèo', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng'];
    const cell = await tempCell({ members: names, round: ['--label', '2026'] });
    const form = join(cell.dir, 'f.csv');
    writeFileSync(form, `behaviour,level\n${allBehaviours(q).map((b) => `${b.id},khong`).join('\n')}\n`);
    for (const m of ['M001', 'M002']) expect((await cell.cli(['answer', '--member', m, '--answers', form])).status).toBe(0);
    const out = await cell.cli(['export', '--out', '-']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Chi bộ Văn phòng');
    const text = out.stdout.normalize('NFC');
    for (const name of names) for (const part of [name, name.split(' ').at(-1)!]) expect(text, part).not.toContain(part);
  });
});

describe('the spreadsheet guard', () => {
  it('guards what a spreadsheet would turn into a number, a date or a formula, and nothing else', () => {
    for (const t of ['2026', '0123', '1.10', '2026.1', '2026-11-23', '23/11/2026', '12:30', '1e5', '=1+1', '+84', '-x', '@x', 'Nov-26']) expect(needsGuard(t), t).toBe(true);
    for (const t of ['CB03', 'TT4.3', 'nq4-khoa-xii', 'Chi bộ Văn phòng', 'e17782f2', 'chi-bo', '']) expect(needsGuard(t), t).toBe(false);
    expect(guard('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(unguardText(guard('2026'))).toBe('2026');
  });
});
