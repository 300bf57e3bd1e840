/**
 * An office suite opens the report workbook (issue 16, part 3, "Must show"):
 * LibreOffice headless converts every sheet of the .xlsx and of the .ods to
 * CSV (`soffice --headless --convert-to csv`), and those figures are the
 * numbers of `report --format json`, for a cell and for a merged bloc. Slow
 * (LibreOffice starts for each conversion), so run by `npm run test:slow`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { vi as viMessages } from '../../src/i18n/vi.js';
import { writeCells } from '../support/bloc.js';
import { tempCell } from '../support/cell.js';
import { unitHandle, type UnitHandle } from '../support/cli.js';
import { expectSameNumbers, type Json } from '../support/report-workbook.js';
import { tempDir } from '../support/temp.js';
import type { ReadCell } from '../support/workbook.js';

const FIX = new URL('../fixtures/sheets/', import.meta.url).pathname;
const w = viMessages.workbook;

async function must(u: UnitHandle, args: string[]): Promise<string> {
  const r = await u.cli(args);
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * Every sheet of `file` as LibreOffice reads it, through its CSV export (`,`,
 * `"`, UTF-8 = 76; the last token, -1, writes each sheet to `<name>-<sheet>.csv`),
 * each cell typed back as a reader of the CSV would: "27.8%" a percentage, "5" a number.
 */
function libreOfficeSheets(file: string, names: ReadonlyArray<string>): Map<string, ReadCell[][]> {
  const dir = tempDir('tusoi-lo-');
  const out = join(dir, 'out');
  mkdirSync(out);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], { stdio: 'ignore', timeout: 180_000 });
  const base = file.replace(/^.*\//u, '').replace(/\.[^.]+$/u, '');
  expect(readdirSync(out).sort()).toEqual(names.map((n) => `${base}-${n}.csv`).sort());
  return new Map(
    names.map((n) => {
      const rows = parse(readFileSync(join(out, `${base}-${n}.csv`), 'utf8'), { relaxColumnCount: true }) as string[][];
      const cell = (t: string): ReadCell => {
        if (/^-?\d+(\.\d+)?%$/u.test(t)) return { text: String(Number(t.slice(0, -1)) / 100), kind: 'number' };
        if (/^-?\d+(\.\d+)?$/u.test(t)) return { text: t, kind: 'number' };
        return { text: t, kind: 'text' };
      };
      // The CSV pads every row to the sheet's width: trailing empty cells are not cells.
      return [n, rows.map((r) => { const c = [...r]; while (c.length > 0 && c[c.length - 1] === '') c.pop(); return c.map(cell); })];
    }),
  );
}

describe('LibreOffice opens the report workbook', () => {
  it('a cell: .xlsx and .ods give the numbers of report --json', async () => {
    const cell = await tempCell({ round: ['--label', '2026'] });
    await must(cell, ['member', 'import', join(FIX, 'members.csv')]);
    await must(cell, ['answer', '--answers', join(FIX, 'forms-named.csv'), '--blank-is-none']);
    const j = JSON.parse(await must(cell, ['report', '--json'])) as Json;
    for (const format of ['xlsx', 'ods']) {
      const file = join(cell.dir, `CB03.${format}`);
      await must(cell, ['report', '--format', format, '--out', file]);
      expectSameNumbers(libreOfficeSheets(file, [w.summarySheet, w.behavioursSheet]), j);
    }
  }, 600_000);

  it('a merged bloc with an expected unit not reported: .xlsx and .ods give the numbers of report --json', async () => {
    const dir = tempDir('tusoi-bloc-');
    const u = unitHandle(dir, join(dir, 'DUK.sqlite'));
    await must(u, ['init', '--unit-code', 'DUK', '--unit-name', 'Đảng ủy Khối "Cơ quan" <Tỉnh> & Sở', '--level', 'khoi']);
    await must(u, ['round', 'open', '--label', '2026']);
    const cells = writeCells(join(dir, 'cells'), { count: 3, seed: 7 });
    writeFileSync(join(dir, 'don-vi.csv'), `Mã,Tên,Cấp trên\n${cells.map((c) => `${c.code},"${c.name.replace(/"/gu, '""')}",DUK`).join('\n')}\nCB99,"Chi bộ <Kho> & ""Số 9""",DUK\n`);
    await must(u, ['unit', 'import', 'don-vi.csv']);
    await must(u, ['merge', join(dir, 'cells')]);
    const j = JSON.parse(await must(u, ['report', '--json'])) as Json;
    expect(j.coverage?.missing).toHaveLength(1);
    for (const format of ['xlsx', 'ods']) {
      const file = join(dir, `DUK.${format}`);
      await must(u, ['report', '--format', format, '--out', file]);
      expectSameNumbers(libreOfficeSheets(file, [w.summarySheet, w.behavioursSheet, w.unitsSheet]), j);
    }
  }, 600_000);
});
