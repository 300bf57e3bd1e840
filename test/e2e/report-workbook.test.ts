/**
 * `tusoi report --format xlsx|ods` (issue 16, part 3): the workbook read back
 * by tusoi's own reader gives the numbers of `report --format json`, for a
 * cell and for a bloc (with its table by unit and the units that have not
 * reported), suppression included; unit names with XML specials survive; no
 * member name is ever in it. LibreOffice opening it: report-workbook.slow.test.ts.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vi as viMessages } from '../../src/i18n/vi.js';
import { xmlEscape } from '../../src/exchange/workbook-writer.js';
import { writeCells } from '../support/bloc.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { unitHandle, type UnitHandle } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { expectSameNumbers, type Json } from '../support/report-workbook.js';
import { workbookSheets, zipTexts } from '../support/workbook.js';

async function must(u: UnitHandle, args: string[]): Promise<string> {
  const r = await u.cli(args);
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const FIX = new URL('../fixtures/sheets/', import.meta.url).pathname;
const w = viMessages.workbook;
const posix = process.platform !== 'win32';

async function reportJson(u: UnitHandle, extra: string[] = []): Promise<Json> {
  return JSON.parse(await must(u, ['report', '--json', ...extra])) as Json;
}

async function workbook(u: UnitHandle, format: 'xlsx' | 'ods', extra: string[] = []): Promise<Buffer> {
  const file = join(u.dir, `report-${extra.join('')}.${format}`);
  await must(u, ['report', '--format', format, '--out', file, ...extra]);
  if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
  return readFileSync(file);
}

const MEMBERS = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Đức Thắng', 'Phạm Thị Hương', 'Hoàng Minh Đức'];

/** No member name anywhere in the workbook's parts, raw or XML-escaped. */
function expectNoMemberName(bytes: Buffer, names: ReadonlyArray<string>): void {
  const all = [...zipTexts(bytes).values()].join('\n');
  expect(all).toContain('<'); // really the XML, inflated
  for (const n of names) {
    expect(all.includes(n), n).toBe(false);
    expect(all.includes(xmlEscape(n)), n).toBe(false);
  }
}

async function cellWithForms(round: string[]): Promise<TempCell> {
  const cell = await tempCell({ round });
  await must(cell, ['member', 'import', join(FIX, 'members.csv')]);
  await must(cell, ['answer', '--answers', join(FIX, 'forms-named.csv'), '--blank-is-none']);
  return cell;
}

describe('report --format xlsx|ods of a cell', () => {
  for (const format of ['xlsx', 'ods'] as const) {
    it(`${format}: the numbers of report --json, no member name`, async () => {
      const cell = await cellWithForms(['--label', '2026']);
      const bytes = await workbook(cell, format);
      expectSameNumbers(workbookSheets(bytes, format), await reportJson(cell));
      expectNoMemberName(bytes, MEMBERS);
      const sheets = workbookSheets(bytes, format);
      expect([...sheets.keys()]).toEqual([w.summarySheet, w.behavioursSheet]);
      expect(sheets.get(w.summarySheet)![0]!.map((c) => c.text)).toEqual([w.unit, 'Chi bộ Văn phòng']);
    });
  }

  it('an anonymous round (xlsx): the same numbers, no member name', async () => {
    const cell = await cellWithForms(['--label', '2026', '--anonymous']);
    await must(cell, ['round', 'close']);
    const bytes = await workbook(cell, 'xlsx');
    expectSameNumbers(workbookSheets(bytes, 'xlsx'), await reportJson(cell));
    expectNoMemberName(bytes, MEMBERS);
  });

  it('--suppress-below 3 hides the same figures as the JSON (as "<3")', async () => {
    const cell = await cellWithForms(['--label', '2026']);
    const j = await reportJson(cell, ['--suppress-below', '3']);
    expect(j.behaviours.some((b) => b.counts['thuong-xuyen'] === null)).toBe(true);
    expectSameNumbers(workbookSheets(await workbook(cell, 'xlsx', ['--suppress-below', '3']), 'xlsx'), j, 3);
  });
});

describe('report --format xlsx|ods of a bloc', () => {
  const BLOC = 'Đảng ủy Khối "Cơ quan" <Tỉnh> & Sở (&amp; &lt;)';
  const MISSING = 'Chi bộ <Kho> & "Số 9"';

  async function bloc(): Promise<UnitHandle> {
    const dir = tempDir('tusoi-bloc-');
    const u = unitHandle(dir, join(dir, 'DUK.sqlite'));
    await must(u, ['init', '--unit-code', 'DUK', '--unit-name', BLOC, '--level', 'khoi']);
    await must(u, ['round', 'open', '--label', '2026']);
    const cells = writeCells(join(dir, 'cells'), { count: 3, seed: 7 });
    writeFileSync(join(dir, 'don-vi.csv'), `Mã,Tên,Cấp trên\n${cells.map((c) => `${c.code},"${c.name.replace(/"/gu, '""')}",DUK`).join('\n')}\nCB99,"${MISSING.replace(/"/gu, '""')}",DUK\n`);
    await must(u, ['unit', 'import', 'don-vi.csv']);
    await must(u, ['merge', join(dir, 'cells')]);
    return u;
  }

  for (const format of ['xlsx', 'ods'] as const) {
    it(`${format}: the numbers of report --json, the table by unit with the unit that has not reported; XML specials survive`, async () => {
      const u = await bloc();
      const j = await reportJson(u);
      expect(j.byUnit).toHaveLength(3);
      expect(j.coverage?.missing.map((m) => m.name)).toEqual([MISSING]);
      const bytes = await workbook(u, format);
      expectSameNumbers(workbookSheets(bytes, format), j);
      const sheets = workbookSheets(bytes, format);
      expect([...sheets.keys()]).toEqual([w.summarySheet, w.behavioursSheet, w.unitsSheet]);
      expect(sheets.get(w.summarySheet)![0]!.map((c) => c.text)).toEqual([w.unit, BLOC]);
      // The generated cells' files are signed, their keys pinned by these first files and never confirmed by phone:
      // the summary says so as the text report does, and each unit's row too.
      const units = j.byUnit ?? [];
      const codes = units.map((u) => u.code).join(', ');
      expect(sheets.get(w.summarySheet)!.flatMap((r) => r.map((c) => c.text)).filter((t) => t.startsWith('Chữ ký') || t.startsWith('Tệp không'))).toEqual([viMessages.reportNotes.keysNotVerified(codes)]);
      const [head, ...rows] = sheets.get(w.unitsSheet)!;
      const col = head!.findIndex((c) => c.text === w.signature);
      expect(col).toBe(head!.length - 1);
      expect(rows.filter((r) => r[3]?.text === w.hasReported).map((r) => r[col]?.text)).toEqual(units.map(() => w.signatureNotVerified));
    });
  }

  it('--suppress-below 5 (xlsx): hidden exactly where the JSON hides', async () => {
    const u = await bloc();
    const j = await reportJson(u, ['--suppress-below', '5']);
    expectSameNumbers(workbookSheets(await workbook(u, 'xlsx', ['--suppress-below', '5']), 'xlsx'), j, 5);
  });
});
