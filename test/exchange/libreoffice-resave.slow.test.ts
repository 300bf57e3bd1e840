/**
 * Real LibreOffice re-saves of a signed export (issue 17, "Must show"): the
 * file opened in LibreOffice Calc and saved as Windows-1258 with `;`, as
 * UTF-16 with tabs, and as .xlsx and .ods workbooks, still verifies under
 * its signer's key; one count changed in the workbook does not. Slow (LibreOffice
 * starts for each conversion), so run by `npm run test:slow`.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportRows } from '../../src/exchange/export.js';
import { readExport } from '../../src/exchange/import.js';
import { fingerprintOf } from '../../src/exchange/signature.js';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { summarise } from '../../src/summary/aggregate.js';
import { bundled } from '../support/bloc.js';
import { tempDir } from '../support/temp.js';

const q = bundled();
const ids = allBehaviours(q).map((b) => b.id);
const responses = Array.from({ length: 5 }, (_, r) => new Map(ids.map((b, i) => [b, (i + r) % 6 === 0 ? 'thuong-xuyen' : (i + r) % 4 === 0 ? 'thinh-thoang' : 'khong'])));
const name = 'Chi bộ Văn phòng “Số 1”, Sở Nội vụ – Nguyễn Ấn';
const summary = summarise(q, responses, { code: 'CB03', name, level: 'chi-bo', parentCode: 'DU01', members: 6 });
const signer = generateKeyPairSync('ed25519');
const csv = exportCsv(exportRows(q, summary, { tusoiVersion: '0.1.0', unit: { code: 'CB03', name, level: 'chi-bo', parentCode: 'DU01' }, roundLabel: '2026', status: 'final', exportedAt: '2026-11-23T09:00:00Z', signer }, 'vi'), ',');

/**
 * LibreOffice opening the UTF-8 CSV (`,`, `"`, UTF-8 = 76, from line 1) and
 * saving it with another separator (ASCII code) and encoding (LibreOffice's
 * number: 40 is Windows-1258, 65535 is UTF-16).
 */
function resave(separator: number, encoding: number): Buffer {
  const dir = tempDir('tusoi-lo-');
  const out = join(dir, 'out');
  mkdirSync(out);
  writeFileSync(join(dir, 'CB03.csv'), csv);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:44,34,76,1', '--convert-to', `csv:Text - txt - csv (StarCalc):${separator},34,${encoding},1`, '--outdir', out, join(dir, 'CB03.csv')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return readFileSync(join(out, 'CB03.csv'));
}

/**
 * LibreOffice opening the CSV as Excel does (English locale, special numbers
 * such as dates detected) and saving it as a workbook; `edit` changes the CSV
 * first (a count typed over in the spreadsheet).
 */
function asWorkbook(format: 'xlsx' | 'ods', edit: (text: string) => string = (t) => t): Buffer {
  const dir = tempDir('tusoi-lo-');
  const out = join(dir, 'out');
  mkdirSync(out);
  writeFileSync(join(dir, 'CB03.csv'), edit(csv));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:44,34,76,1,,1033,false,true', '--convert-to', format, '--outdir', out, join(dir, 'CB03.csv')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return readFileSync(join(out, `CB03.${format}`));
}

describe('a signed export re-saved by LibreOffice', () => {
  for (const format of ['xlsx', 'ods'] as const) {
    it(`as .${format} still verifies, and with one count changed does not`, () => {
      const bytes = asWorkbook(format);
      expect(bytes.subarray(0, 2).toString()).toBe('PK'); // really a workbook
      const r = readExport(bytes, `CB03.${format}`, { questionnaire: q, now: new Date('2026-11-23T10:00:00Z') });
      expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual([]);
      expect(r.ok && [r.parsed.signer?.fingerprint, r.parsed.unit.name]).toEqual([fingerprintOf(signer.publicKey), name]);
      // The export row's member count (6) typed over as 7: the file is refused.
      const edited = asWorkbook(format, (t) => t.replace(/^(2,CB03,.*?,export,.*?,)6,/mu, '$17,'));
      const e = readExport(edited, `CB03.${format}`, { questionnaire: q, now: new Date('2026-11-23T10:00:00Z') });
      // The integrity value catches it first; a count changed with that value recomputed is the signature's (test/e2e/signed-exports).
      expect(e.ok ? [] : e.problems.map((p) => p.code)).toContain('EXPORT_INTEGRITY');
    }, 180_000);
  }


  it('as Windows-1258 with ";" still verifies', () => {
    const bytes = resave(59, 40);
    expect(bytes.includes(Buffer.from('Văn', 'utf8'))).toBe(false); // really re-encoded
    const r = readExport(bytes, 'CB03.csv', { questionnaire: q });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual([]);
    expect(r.ok && [r.parsed.signer?.fingerprint, r.parsed.unit.name, r.parsed.encoding]).toEqual([fingerprintOf(signer.publicKey), name, 'windows-1258']);
  }, 180_000);

  it('as UTF-16 with tabs still verifies', () => {
    const bytes = resave(9, 65535);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const r = readExport(bytes, 'CB03.csv', { questionnaire: q });
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual([]);
    expect(r.ok && [r.parsed.signer?.fingerprint, r.parsed.delimiter]).toEqual([fingerprintOf(signer.publicKey), '\t']);
  }, 180_000);
});
